"""Accounts as the Department manages them: find, (de)activate, sysadmin flag.

Nobody changes these flags on their own account: a sysadmin who locked
themselves out, or removed the last sysadmin flag, could not undo it.
"""
from __future__ import annotations

import math

from opendata.i18n import lazy_gettext as _l
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from ..catalogue import NotFound, Page
from ..extensions import db
from ..history import record
from ..models import Membership, User
from .common import Invalid, commit


def user_page(q: str = "", page: int = 1, per_page: int = 25) -> Page:
    """Accounts whose username, e-mail or full name contains ``q``, by username."""
    stmt = select(User)
    needle = q.strip().lower()
    if needle:
        like = f"%{needle}%"
        stmt = stmt.where(or_(
            func.lower(User.username).like(like), func.lower(User.email).like(like), func.lower(User.full_name).like(like),
        ))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    if page < 1 or page > max(1, math.ceil(total / per_page)):
        raise NotFound(f"page {page}")
    items = db.session.scalars(
        stmt.options(selectinload(User.memberships).selectinload(Membership.organization))
        .order_by(User.username).limit(per_page).offset((page - 1) * per_page)
    ).all()
    return Page(items=items, total=total, page=page, per_page=per_page)


def get_user(username: str) -> User:
    user = db.session.scalar(
        select(User).where(User.username == username)
        .options(selectinload(User.memberships).selectinload(Membership.organization))
    )
    if user is None:
        raise NotFound(username)
    return user


def find_user(identifier: str) -> User | None:
    """The account with this username or e-mail address (either case)."""
    needle = (identifier or "").strip().lower()
    if not needle:
        return None
    return db.session.scalar(
        select(User).where(or_(func.lower(User.username) == needle, func.lower(User.email) == needle))
    )


def _not_self(user: User, actor, message) -> None:
    if getattr(actor, "id", None) == user.id:
        raise Invalid({None: message})


def set_active(user: User, active: bool, actor) -> None:
    """Allow or stop sign-in; a deactivated account is signed out at its next request."""
    _not_self(user, actor, _l("You cannot deactivate or reactivate your own account."))
    if user.active == active:
        return
    user.active = active
    record("user.activated" if active else "user.deactivated", user, actor, {"active": [not active, active]},
           summary=user.username)
    commit()


def set_sysadmin(user: User, flag: bool, actor) -> None:
    """Grant or take away the Department's rights over the whole portal."""
    _not_self(user, actor, _l("You cannot change your own administrator rights; ask another administrator."))
    if user.is_sysadmin == flag:
        return
    user.is_sysadmin = flag
    record("user.sysadmin_granted" if flag else "user.sysadmin_revoked", user, actor,
           {"is_sysadmin": [not flag, flag]}, summary=user.username)
    commit()
