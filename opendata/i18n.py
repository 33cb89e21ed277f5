"""Language choice and locale-aware formatting.

Vietnamese is the default. A visitor switches with ``/lang/<code>`` (a
plain link, so it works without JavaScript); the choice is kept in a cookie.
"""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel import dates
from flask import current_app, g, has_app_context, has_request_context, request
from flask_babel import (
    format_datetime, format_decimal, get_locale, get_translations, gettext, ngettext, to_user_timezone,
)
from flask_babel.speaklater import LazyString
from jinja2 import pass_context

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


def localized(obj, field: str, locale: str | None = None) -> str:
    """The English variant of ``obj.<field>`` for English visitors when it exists.

    A caller labelling many objects passes ``locale`` (the page's language code)
    instead of having it looked up for each one.
    """
    if (locale or str(get_locale())) == "en":
        english = getattr(obj, f"{field}_en", None)
        if english:
            return english
    return getattr(obj, field) or ""


def source_lang(obj=None, field: str | None = None, locale: str | None = None) -> Markup:
    """`` lang="vi"`` for an element showing Vietnamese-only content on an English page.

    Without ``field`` the content has no English variant at all (resource
    names, addresses); with it, only when ``<field>_en`` is empty (WCAG 3.1.2).
    ``locale`` as for :func:`localized`.
    """
    if (locale or str(get_locale())) == "vi":
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
    """The day of ``value`` as the visitor writes dates, in the portal's time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_user_timezone(value).date()
    locale = get_locale()  # None outside a request: Babel's default, as flask_babel does
    return _format_day(value, str(locale) if locale else None)


@lru_cache(maxsize=4096)
def _format_day(day: date, locale: str | None) -> str:
    """Babel takes about 20 µs a date and a list page shows twenty, mostly recent days: results are kept."""
    return dates.format_date(day, _DATE_FORMATS.get(str(locale), ("medium", None))[0], locale=locale)


def local_datetime(value) -> str:
    if value is None:
        return ""
    return format_datetime(value, _DATE_FORMATS.get(str(get_locale()), (None, "medium"))[1])


def _catalogue():
    """flask_babel's translations for the current language, kept per app and language.

    ``get_translations`` looks the request's Babel state up three times over,
    and a list page translates some seventy messages. The language itself is
    asked each time (``force_locale`` may change it); the portal has one
    translation domain.
    """
    if not has_app_context():
        return get_translations()
    catalogues = current_app.extensions.setdefault("opendata.catalogues", {})
    locale = get_locale()
    translations = catalogues.get(locale)
    if translations is None:
        translations = catalogues[locale] = get_translations()
    return translations


@pass_context
def _template_gettext(context, message: str, **variables):
    """Templates' ``_()``: Jinja's newstyle gettext (escaped, always %-formatted) in one call instead of three."""
    text = _catalogue().ugettext(message)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


def _install_template_gettext(env) -> None:
    """Templates translate through :func:`_catalogue` (``{% trans %}`` and ``ngettext`` too)."""
    env.install_gettext_callables(
        gettext=lambda s: _catalogue().ugettext(s),
        ngettext=lambda s, p, n: _catalogue().ungettext(s, p, n),
        pgettext=lambda c, s: _catalogue().upgettext(c, s),
        npgettext=lambda c, s, p, n: _catalogue().unpgettext(c, s, p, n),
        newstyle=True,
    )
    env.globals["_"] = _template_gettext


def init_app(app) -> None:
    babel.init_app(app, locale_selector=select_locale)
    _install_template_gettext(app.jinja_env)
    app.jinja_env.globals.update(localized=localized, source_lang=source_lang, current_locale=lambda: str(get_locale()))
    app.jinja_env.filters.update(filesize=filesize, local_date=local_date, local_datetime=local_datetime)
    app.jinja_env.policies["ext.i18n.trimmed"] = True
