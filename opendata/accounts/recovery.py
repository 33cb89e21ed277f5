"""Changing a password, and resetting a forgotten one through an e-mailed link.

A reset request answers the same whether or not the address has an
account. Setting a password renews the user's password stamp, which signs
out every other session and spends every reset link sent before.
"""
from __future__ import annotations

import logging

from opendata.i18n import lazy_gettext as _l

from .. import history
from ..extensions import db
from ..models import User, utcnow
from . import messages, throttle, tokens
from .mail import MailError
from .passwords import password_problem, set_password, verify_password
from .registration import AccountError, LinkFor, find_by_email
from .signin import throttle_key, wait_message

log = logging.getLogger(__name__)


def change_password(user: User, current: str, new: str, ip: str) -> None:
    """Replace ``user``'s password after checking the current one; raises :class:`AccountError`."""
    key = throttle_key(user, user.username)
    wait = throttle.login_wait(key, ip)
    if wait:
        raise AccountError({"current_password": wait_message(wait)})
    if not verify_password(user, current):
        throttle.record_attempt(key, ip, success=False)  # a stolen session must not guess freely
        db.session.commit()
        raise AccountError({"current_password": _l("The current password is not correct.")})
    problem = password_problem(new, user.username, user.email)
    if problem is None and verify_password(user, new):
        problem = _l("The new password must differ from the current one.")
    if problem:
        raise AccountError({"password": problem})
    set_password(user, new)
    history.record("user.password_changed", user, user=user, summary=f"password of {user.username} changed")
    db.session.commit()


def set_password_by_operator(user: User, new: str) -> None:
    """The operator command's way: the same rules, no current password."""
    problem = password_problem(new, user.username, user.email)
    if problem:
        raise AccountError({"password": problem})
    set_password(user, new)
    history.record("user.password_changed", user, summary=f"password of {user.username} set by an operator")
    db.session.commit()


def request_reset(email: str, ip: str, link_for: LinkFor) -> None:
    """Mail a reset link if an active account uses ``email``; silent either way."""
    user = find_by_email(email)
    if user is None or not user.active:
        return
    if not throttle.mail_allowed(user.email, ip):
        log.warning("reset mail to %s not sent: too many requests", user.email)
        return
    db.session.commit()
    try:
        messages.send_password_reset(user, link_for(tokens.make_token(user, tokens.RESET)))
    except MailError:
        pass  # logged by the mail module; telling the visitor would reveal the account


def check_reset_token(token: str) -> User:
    """The user a reset link is for; raises :class:`tokens.TokenError`."""
    return tokens.read_token(token, tokens.RESET)


def reset_password(token: str, new: str) -> User:
    """Set a new password from a reset link; raises ``TokenError`` or :class:`AccountError`."""
    user = check_reset_token(token)
    problem = password_problem(new, user.username, user.email)
    if problem:
        raise AccountError({"password": problem})
    set_password(user, new)
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()  # the link reached the mailbox: the address is confirmed
    throttle.forget_failures(throttle_key(user, user.username))
    history.record("user.password_reset", user, user=user, summary=f"password of {user.username} reset by e-mail link")
    db.session.commit()
    return user
