"""Request-wide page helpers: template globals, security headers, language switch."""
from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from flask import Blueprint, abort, current_app, redirect, request, url_for
from flask_babel import format_decimal
from flask_login import current_user

from .auth import can
from .catalogue import default_licence
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


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.after_request(_security_headers)
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["excerpt"] = plain_excerpt
    app.jinja_env.filters["number"] = format_decimal
    app.jinja_env.globals.update(
        can=lambda action, obj=None: can(current_user, action, obj),
        default_licence=default_licence,
        modify_query=modify_query,
    )
