"""Checking a sign-in: username or e-mail, password, throttling, confirmation.

The answer for a wrong username and a wrong password is the same, and
takes the same time; only someone who knows the password learns that an
account is unconfirmed or disabled.
"""
from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from opendata.i18n import lazy_ngettext
from sqlalchemy import func, select

from ..extensions import db
from ..models import User, utcnow
from . import throttle
from .passwords import hash_password, needs_rehash, verify_password


class Outcome(enum.Enum):
    OK = "ok"
    INVALID = "invalid"
    THROTTLED = "throttled"
    UNCONFIRMED = "unconfirmed"
    DISABLED = "disabled"


@dataclass
class SignIn:
    outcome: Outcome
    user: User | None = None
    wait: int = 0  # seconds, when throttled


def find_for_login(identifier: str) -> User | None:
    """The account whose username or e-mail address is ``identifier``, in any case."""
    value = (identifier or "").strip().lower()
    if not value:
        return None
    column = User.email if "@" in value else User.username  # usernames never hold "@"
    return db.session.scalar(select(User).where(func.lower(column) == value))


def throttle_key(user: User | None, identifier: str) -> str:
    """Failures count per account, whichever of its names was typed."""
    return user.username.lower() if user is not None else (identifier or "").strip().lower()[:254]


def wait_message(seconds: int):
    minutes = max(1, math.ceil(seconds / 60))
    return lazy_ngettext(
        "Too many failed attempts. For your security, please wait %(num)s minute before trying again, or reset your password.",
        "Too many failed attempts. For your security, please wait %(num)s minutes before trying again, or reset your password.",
        minutes,
    )


def authenticate(identifier: str, password: str, ip: str) -> SignIn:
    """Check a sign-in and record the attempt; commits."""
    user = find_for_login(identifier)
    key = throttle_key(user, identifier)
    wait = throttle.login_wait(key, ip)
    if wait:
        return SignIn(Outcome.THROTTLED, wait=wait)
    if user is None or not verify_password(user, password):
        if user is None:
            verify_password(None, password)  # the same work as for a real account
        throttle.record_attempt(key, ip, success=False)
        db.session.commit()
        return SignIn(Outcome.INVALID)
    if not user.active:
        return SignIn(Outcome.DISABLED, user)
    if user.email_confirmed_at is None:
        return SignIn(Outcome.UNCONFIRMED, user)
    throttle.record_attempt(key, ip, success=True)
    user.last_login_at = utcnow()
    if needs_rehash(user):
        user.password_hash = hash_password(password)  # same password: sessions stay valid
    db.session.commit()
    return SignIn(Outcome.OK, user)
