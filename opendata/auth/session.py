"""Flask-Login wiring: how a session cookie becomes a User.

The id kept in the session and in the remember-me cookie is
``"<user id>:<password stamp>"``. Changing the password changes the stamp,
so every other session and remember-me cookie of that user stops working.
Sign people in with :func:`sign_in`, never with ``flask_login.login_user``
alone, or the id lacks its stamp.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from flask import session
from opendata.i18n import lazy_gettext as _l
from flask_login import login_user

from ..extensions import db, login_manager
from ..models import User

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def password_stamp(user: User) -> str:
    """Changes whenever the password is set; ``0`` while it never was."""
    moment = user.password_changed_at
    return str((moment - _EPOCH) // timedelta(microseconds=1)) if moment else "0"


def session_id(user: User) -> str:
    return f"{user.id}:{password_stamp(user)}"


def _load_user(user_id: str) -> User | None:
    identifier, _, stamp = str(user_id).partition(":")
    user = db.session.get(User, identifier)
    if user is None or not user.active:
        return None
    # A bare id (test helpers, sessions from before stamps) is only good while
    # the password was never changed: nothing to invalidate yet.
    if password_stamp(user) != (stamp or "0"):
        return None
    return user


def sign_in(user: User, remember: bool = False) -> bool:
    """Start a session (and a remember-me cookie if asked) carrying the password stamp."""
    if not login_user(user, remember=remember):
        return False
    session["_user_id"] = session_id(user)
    return True


def init_app(app) -> None:
    login_manager.user_loader(_load_user)
    login_manager.login_view = "account.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.localize_callback = str  # flash the translated text, not a lazy object
    # The remember-me cookie follows the session cookie's settings.
    app.config.setdefault("REMEMBER_COOKIE_HTTPONLY", app.config.get("SESSION_COOKIE_HTTPONLY", True))
    app.config.setdefault("REMEMBER_COOKIE_SECURE", app.config.get("SESSION_COOKIE_SECURE", False))
    app.config.setdefault("REMEMBER_COOKIE_SAMESITE", app.config.get("SESSION_COOKIE_SAMESITE", "Lax"))
    app.config.setdefault("REMEMBER_COOKIE_DURATION", timedelta(days=30))
