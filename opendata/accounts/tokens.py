"""Signed, expiring links for e-mail confirmation and password reset.

A token carries the user id and a fingerprint of the state the link is
meant to change (the e-mail confirmation, or the password). Once that
state changes the fingerprint no longer matches, so a link works only once.
Each purpose signs with its own salt: a confirmation link is never a reset
link.
"""
from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timezone

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from ..extensions import db
from ..models import User

CONFIRM = "confirm"
RESET = "reset"

# purpose -> (salt, setting holding the lifetime in seconds, default lifetime)
PURPOSES = {
    CONFIRM: ("opendata.account.confirm-email", "ACCOUNT_CONFIRM_MAX_AGE", 3 * 24 * 3600),
    RESET: ("opendata.account.reset-password", "PASSWORD_RESET_MAX_AGE", 2 * 3600),
}


class TokenError(Exception):
    """A link that cannot be used; ``reason`` is ``invalid``, ``expired`` or ``used``."""

    def __init__(self, reason: str, user: User | None = None):
        super().__init__(reason)
        self.reason = reason
        self.user = user


def max_age(purpose: str) -> int:
    _salt, setting, default = PURPOSES[purpose]
    return int(current_app.config.get(setting, default))


def lifetime_hours(purpose: str) -> int:
    """The lifetime as users read it in mails and pages (at least one hour)."""
    return max(1, max_age(purpose) // 3600)


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=PURPOSES[purpose][0])


def _moment(value: datetime | None) -> str:
    return value.astimezone(timezone.utc).isoformat() if value else ""


def _fingerprint(user: User, purpose: str) -> str:
    if purpose == CONFIRM:
        parts = (user.email, _moment(user.email_confirmed_at))
    else:
        parts = (user.email, user.password_hash or "", _moment(user.password_changed_at))
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, "\x00".join(parts).encode(), hashlib.sha256).hexdigest()[:24]


def make_token(user: User, purpose: str) -> str:
    return _serializer(purpose).dumps([user.id, _fingerprint(user, purpose)])


def read_token(token: str, purpose: str, age: int | None = None) -> User:
    """The user a valid ``token`` was made for; raises :class:`TokenError` otherwise."""
    try:
        data = _serializer(purpose).loads(token, max_age=max_age(purpose) if age is None else age)
    except SignatureExpired:
        raise TokenError("expired") from None
    except BadSignature:
        raise TokenError("invalid") from None
    if not (isinstance(data, list) and len(data) == 2 and all(isinstance(part, str) for part in data)):
        raise TokenError("invalid")
    user = db.session.get(User, data[0])
    if user is None or not user.active:
        raise TokenError("invalid")
    if not hmac.compare_digest(data[1], _fingerprint(user, purpose)):
        raise TokenError("used", user)
    return user
