"""Request-wide page helpers: template globals, security headers, language switch."""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Sequence
from urllib.parse import quote_plus, urlencode, urlsplit

from babel import numbers
from flask import Blueprint, abort, current_app, redirect, request, url_for
from flask_babel import get_locale
from flask_login import current_user

from .auth import can
from .catalogue import FacetValue, default_licence
from .i18n import localized
from .text import plain_excerpt, render_markdown

bp = Blueprint("web", __name__)

ONE_YEAR = 365 * 24 * 3600


def safe_next(target: str | None) -> str:
    """A local path to return to; anything pointing off-site becomes the home page."""
    if not target:
        return url_for("home.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("home.index")
    return target


@bp.route("/lang/<code>")
def set_language(code: str):
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    response = redirect(safe_next(request.args.get("next")))
    response.set_cookie(
        current_app.config["LANGUAGE_COOKIE"], code, max_age=ONE_YEAR, httponly=True,
        samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response


def _security_headers(response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'",
    )
    response.vary.add("Cookie")  # the language comes from a cookie
    return response


def modify_query(**changes) -> str:
    """The current URL with some query parameters changed (``None`` removes one).

    Built from the request's own path: list pages call this for every facet value.
    """
    args = request.args.to_dict(flat=True)
    for key, value in changes.items():
        if value is None or value == "":
            args.pop(key, None)
        else:
            args[key] = value
    path = request.script_root + request.path
    return f"{path}?{urlencode(args)}" if args else path


class FacetLink(NamedTuple):
    """A facet value as the filter lists show it: label and count in the visitor's language."""

    label: str
    count: str
    href: str
    selected: bool


def facet_links(param: str, values: Sequence[FacetValue]) -> list[FacetLink]:
    """The filter list for one facet; ``param`` is the query parameter it sets.

    Each link is the current URL as ``modify_query`` builds it: ``param`` set
    to the value (or removed for the value already chosen) and ``page``
    dropped. A list page shows up to a few hundred values, so the other
    parameters are encoded and the language looked up once per facet.
    """
    args = request.args.to_dict(flat=True)
    args.pop("page", None)
    chosen = args.get(param)
    keys = list(args)
    at = keys.index(param) if chosen is not None else len(keys)
    before = urlencode({key: args[key] for key in keys[:at]})
    after = urlencode({key: args[key] for key in keys[at + 1:]})
    path = request.script_root + request.path

    def url(*parts: str) -> str:
        query = "&".join(part for part in parts if part)
        return f"{path}?{query}" if query else path

    removed = url(before, after)
    head, tail = url(before, f"{quote_plus(param)}="), f"&{after}" if after else ""  # a value goes between
    locale = str(get_locale())
    return [
        FacetLink(
            label=localized(item, "label", locale),
            count=_format_decimal(item.count, None, locale),
            href=removed if item.value == chosen else f"{head}{quote_plus(item.value)}{tail}",
            selected=item.value == chosen,
        )
        for item in values
    ]


def format_number(value, format: str | None = None) -> str:
    """``value`` grouped the visitor's way (1.234 in Vietnamese, 1,234 in English).

    A list page formats about a hundred facet counts, mostly the same small
    numbers, and Babel takes tens of microseconds each: results are kept.
    """
    locale = get_locale()  # None outside a request: Babel's default, as flask_babel does
    return _format_decimal(value, format, str(locale) if locale else None)


@lru_cache(maxsize=4096, typed=True)
def _format_decimal(value, format: str | None, locale: str | None) -> str:
    return numbers.format_decimal(value, format=format, locale=locale)


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.after_request(_security_headers)
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["excerpt"] = plain_excerpt
    app.jinja_env.filters["number"] = format_number
    app.jinja_env.globals.update(
        can=lambda action, obj=None: can(current_user, action, obj),
        default_licence=default_licence,
        modify_query=modify_query,
        facet_links=facet_links,
    )
