"""Flask-Login wiring: how a session cookie becomes a User.

The id kept in the session and in the remember-me cookie is
``"<user id>:<password stamp>"``. Changing the password changes the stamp,
so every other session and remember-me cookie of that user stops working.
Sign people in with :func:`sign_in`, never with ``flask_login.login_user``
alone, or the id lacks its stamp.

Programs use API tokens instead, and only under ``/api/``: the token comes in
``Authorization: <token>`` (as CKAN clients send it), ``Authorization: Bearer
<token>`` or ``X-CKAN-API-Key``; a token header wins over any cookie, and a
bad or revoked token is refused (403), never quietly treated as anonymous.
The API takes no CSRF token, so there a session cookie counts only for safe
methods (GET, HEAD, OPTIONS): every POST, and so every write, needs a token.
HTML pages stay on cookies with CSRF.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from flask import g, request, session
from opendata.i18n import lazy_gettext as _l
from flask_login import login_user
from werkzeug.exceptions import Forbidden

from ..extensions import db, login_manager
from ..models import User

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def password_stamp(user: User) -> str:
    """Changes whenever the password is set; ``0`` while it never was."""
    moment = user.password_changed_at
    return str((moment - _EPOCH) // timedelta(microseconds=1)) if moment else "0"


def session_id(user: User) -> str:
    return f"{user.id}:{password_stamp(user)}"


API_PREFIX = "/api/"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class InvalidApiToken(Forbidden):
    """A token was sent with an API request and does not belong to an active user."""

    description = "Access denied: the API token is not valid or has been revoked."


def _api_request() -> bool:
    return request.path.startswith(API_PREFIX)


def api_token_sent() -> str | None:
    """The token of this API request's headers, if any (``Bearer`` or bare, as CKAN's clients send it)."""
    value = (request.headers.get("Authorization") or "").strip()
    scheme, _, rest = value.partition(" ")
    if scheme.lower() == "bearer":
        value = rest.strip()
    elif scheme.lower() == "basic":
        value = ""  # a proxy's password, not ours
    return value or (request.headers.get("X-CKAN-API-Key") or "").strip() or None


def _token_user() -> User:
    if "_api_token_user" not in g:
        from ..accounts.api_tokens import authenticate

        g._api_token_user = authenticate(api_token_sent() or "")
    if g._api_token_user is None:
        raise InvalidApiToken()
    return g._api_token_user


def _cookie_allowed() -> bool:
    """On the API, cookies count for safe methods only (no CSRF token there)."""
    return request.method in SAFE_METHODS


def _load_user(user_id: str) -> User | None:
    if _api_request():
        if api_token_sent():
            return _token_user()
        if not _cookie_allowed():
            return None
    identifier, _, stamp = str(user_id).partition(":")
    user = db.session.get(User, identifier)
    if user is None or not user.active:
        return None
    # A bare id (test helpers, sessions from before stamps) is only good while
    # the password was never changed: nothing to invalidate yet.
    if password_stamp(user) != (stamp or "0"):
        return None
    return user


def _load_user_from_request(_request) -> User | None:
    """Flask-Login's request loader: API tokens, and only on the API."""
    if _api_request() and api_token_sent():
        return _token_user()
    return None


def _authenticate_api_request() -> None:
    """Check a sent token before the verb runs, so a bad one is refused up front."""
    if _api_request() and api_token_sent():
        from flask_login import current_user

        current_user._get_current_object()


def sign_in(user: User, remember: bool = False) -> bool:
    """Start a session (and a remember-me cookie if asked) carrying the password stamp."""
    if not login_user(user, remember=remember):
        return False
    session["_user_id"] = session_id(user)
    return True


def init_app(app) -> None:
    login_manager.user_loader(_load_user)
    login_manager.request_loader(_load_user_from_request)
    app.before_request(_authenticate_api_request)
    login_manager.login_view = "account.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.localize_callback = str  # flash the translated text, not a lazy object
    # The remember-me cookie follows the session cookie's settings.
    app.config.setdefault("REMEMBER_COOKIE_HTTPONLY", app.config.get("SESSION_COOKIE_HTTPONLY", True))
    app.config.setdefault("REMEMBER_COOKIE_SECURE", app.config.get("SESSION_COOKIE_SECURE", False))
    app.config.setdefault("REMEMBER_COOKIE_SAMESITE", app.config.get("SESSION_COOKIE_SAMESITE", "Lax"))
    app.config.setdefault("REMEMBER_COOKIE_DURATION", timedelta(days=30))
