"""Flask-Login wiring: how a session cookie becomes a User."""
from __future__ import annotations

from ..extensions import db, login_manager
from ..models import User


def _load_user(user_id: str) -> User | None:
    user = db.session.get(User, user_id)
    return user if user is not None and user.active else None


def init_app(app) -> None:
    login_manager.user_loader(_load_user)
