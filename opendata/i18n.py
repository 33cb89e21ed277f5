"""Language choice and locale-aware formatting.

Vietnamese is the default. A visitor switches with ``/lang/<code>`` (a
plain link, so it works without JavaScript); the choice is kept in a cookie.
"""
from __future__ import annotations

from flask import current_app, g, has_request_context, request
from flask_babel import format_date, format_datetime, format_decimal, get_locale, get_translations, gettext, ngettext
from flask_babel.speaklater import LazyString

from markupsafe import Markup, escape

from .extensions import babel


class LazyText(LazyString):
    """A lazily translated message that Jinja escapes like any other text.

    Flask-Babel's LazyString declares itself safe HTML, so a message such as
    ``_l("Unknown topic: %(names)s.", names=user_input)`` would reach the page
    unescaped. Messages here hold no markup; templates add it.
    """

    def __html__(self) -> Markup:
        return escape(str(self))


def lazy_gettext(string: str, **variables) -> LazyText:
    """Like ``flask_babel.lazy_gettext``, but escaped when rendered."""
    return LazyText(gettext, string, **variables)


def lazy_ngettext(singular: str, plural: str, num: int, **variables) -> LazyText:
    return LazyText(ngettext, singular, plural, num, **variables)


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    chosen = getattr(g, "forced_locale", None)
    if chosen is None and has_request_context():  # commands and jobs use the default
        chosen = request.cookies.get(current_app.config["LANGUAGE_COOKIE"])
    if chosen in languages:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def localized(obj, field: str) -> str:
    """The English variant of ``obj.<field>`` for English visitors when it exists."""
    if str(get_locale()) == "en":
        english = getattr(obj, f"{field}_en", None)
        if english:
            return english
    return getattr(obj, field) or ""


def source_lang(obj=None, field: str | None = None) -> Markup:
    """`` lang="vi"`` for an element showing Vietnamese-only content on an English page.

    Without ``field`` the content has no English variant at all (resource
    names, addresses); with it, only when ``<field>_en`` is empty (WCAG 3.1.2).
    """
    if str(get_locale()) == "vi":
        return Markup("")
    if field is not None and getattr(obj, f"{field}_en", None):
        return Markup("")
    return Markup(' lang="vi"')


def filesize(num_bytes: int | None) -> str:
    if num_bytes is None:
        return ""
    if num_bytes < 1024:
        # flask_babel.ngettext would fill %(num)s with the bare integer; group it per locale.
        message = get_translations().ungettext("%(num)s byte", "%(num)s bytes", num_bytes)
        return message % {"num": format_decimal(num_bytes)}
    value = float(num_bytes)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            return f"{format_decimal(round(value, 1), format='#,##0.#')} {unit}"
    raise AssertionError("unreachable")


# Vietnamese official documents write dates as dd/MM/yyyy; English readers get "Mar 5, 2024".
_DATE_FORMATS = {"vi": ("dd/MM/yyyy", "HH:mm, dd/MM/yyyy")}


def local_date(value) -> str:
    if value is None:
        return ""
    return format_date(value, _DATE_FORMATS.get(str(get_locale()), ("medium", None))[0])


def local_datetime(value) -> str:
    if value is None:
        return ""
    return format_datetime(value, _DATE_FORMATS.get(str(get_locale()), (None, "medium"))[1])


def init_app(app) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.globals.update(localized=localized, source_lang=source_lang, current_locale=lambda: str(get_locale()))
    app.jinja_env.filters.update(filesize=filesize, local_date=local_date, local_datetime=local_datetime)
    app.jinja_env.policies["ext.i18n.trimmed"] = True
