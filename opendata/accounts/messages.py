"""The texts of the account e-mails, in the language of the page that caused them."""
from __future__ import annotations

from flask import current_app
from flask_babel import get_locale, gettext as _, ngettext

from ..models import User
from . import tokens
from .mail import send_mail


def _site_name() -> str:
    config = current_app.config
    return config.get("SITE_NAME_EN") if str(get_locale()) == "en" else config.get("SITE_NAME")


def _greeting(user: User) -> str:
    return _("Hello %(name)s,", name=user.full_name or user.username)


def _body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


def send_confirmation(user: User, link: str) -> None:
    site = _site_name()
    hours = tokens.lifetime_hours(tokens.CONFIRM)
    body = _body(
        _greeting(user),
        _("Thank you for registering on %(site)s. To confirm your e-mail address and activate your account, open this link:", site=site),
        link,
        ngettext("The link is valid for %(num)s hour and can be used once.",
                 "The link is valid for %(num)s hours and can be used once.", hours),
        _("Your username is %(username)s.", username=user.username),
        _("If you did not register, you can ignore this message; no account will be activated."),
        site,
    )
    send_mail(user.email, _("Confirm your e-mail address on %(site)s", site=site), body)


def send_password_reset(user: User, link: str) -> None:
    site = _site_name()
    hours = tokens.lifetime_hours(tokens.RESET)
    body = _body(
        _greeting(user),
        _("Someone asked to reset the password of your account %(username)s on %(site)s. To choose a new password, open this link:",
          username=user.username, site=site),
        link,
        ngettext("The link is valid for %(num)s hour and can be used once.",
                 "The link is valid for %(num)s hours and can be used once.", hours),
        _("If you did not ask for this, ignore this message: your password stays as it is."),
        site,
    )
    send_mail(user.email, _("Reset your password on %(site)s", site=site), body)
