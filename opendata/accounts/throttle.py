"""Slowing down password guessing, and mail floods, with rows in the database.

Attempts are ``LoginAttempt`` rows, so every app server sees the same
counts. A username is locked after ``LOGIN_MAX_FAILURES_PER_USER`` failures
(since its last success) within ``LOGIN_THROTTLE_WINDOW`` seconds; an
address after ``LOGIN_MAX_FAILURES_PER_IP``. The lock lifts by itself as the
oldest counted failure leaves the window. Mails sent on a visitor's request
(confirmation, reset) are counted the same way, under ``mail:<address>``.
"""
from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select
from sqlalchemy.orm import aliased

from ..extensions import db
from ..models import LoginAttempt, utcnow

DEFAULTS = {
    "LOGIN_MAX_FAILURES_PER_USER": 5,
    "LOGIN_MAX_FAILURES_PER_IP": 20,
    "LOGIN_THROTTLE_WINDOW": 15 * 60,
    "LOGIN_ATTEMPT_RETENTION": 30 * 24 * 3600,
    "MAIL_MAX_PER_ADDRESS": 3,
    "MAIL_WINDOW": 3600,
}
MAIL_PREFIX = "mail:"


def setting(name: str) -> int:
    return int(current_app.config.get(name, DEFAULTS[name]))


def _wait(condition, limit: int, window: int) -> int:
    """Seconds until fewer than ``limit`` matching rows remain in the window (0: go ahead)."""
    now = utcnow()
    cutoff = now - timedelta(seconds=window)
    stmt = (select(LoginAttempt.created).where(condition, LoginAttempt.created > cutoff)
            .order_by(LoginAttempt.created.desc()).offset(limit - 1).limit(1))
    oldest_counted = db.session.scalar(stmt)
    if oldest_counted is None:
        return 0
    return max(1, int((oldest_counted + timedelta(seconds=window) - now).total_seconds()) + 1)


def login_wait(key: str, ip: str) -> int:
    """Seconds before ``key`` (a username) may try again from ``ip``; 0 when allowed."""
    window = setting("LOGIN_THROTTLE_WINDOW")
    earlier = aliased(LoginAttempt)
    last_success = (select(func.max(earlier.created))
                    .where(earlier.username == key, earlier.success.is_(True)).scalar_subquery())
    by_user = (LoginAttempt.username == key) & LoginAttempt.success.is_(False) & (
        (LoginAttempt.created > last_success) | last_success.is_(None))
    by_ip = (LoginAttempt.ip == ip) & LoginAttempt.success.is_(False)
    return max(_wait(by_user, setting("LOGIN_MAX_FAILURES_PER_USER"), window),
               _wait(by_ip, setting("LOGIN_MAX_FAILURES_PER_IP"), window))


def record_attempt(key: str, ip: str, success: bool) -> None:
    """Add an attempt and drop the ones older than the retention; the caller commits."""
    db.session.add(LoginAttempt(username=key[:254], ip=(ip or "")[:64], success=success))
    cutoff = utcnow() - timedelta(seconds=setting("LOGIN_ATTEMPT_RETENTION"))
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.created < cutoff))


def forget_failures(key: str) -> None:
    """The owner proved who they are (a password reset): unlock the username."""
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.username == key, LoginAttempt.success.is_(False)))


def mail_allowed(address: str, ip: str) -> bool:
    """Whether one more requested mail may go to ``address``; counts it when so (caller commits)."""
    key = MAIL_PREFIX + address
    if _wait(LoginAttempt.username == key, setting("MAIL_MAX_PER_ADDRESS"), setting("MAIL_WINDOW")):
        return False
    record_attempt(key, ip, success=True)
    return True
