"""Who works for an agency, in which role, and who its focal officer is (Art. 6.2).

An agency must keep at least one administrator, or nobody in it could
manage its members any more; only the Department (whoever may manage every
account, ``user.manage``) may leave an agency without one, for example
while reorganising.
"""
from __future__ import annotations

from opendata.i18n import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..auth import can
from ..extensions import db
from ..history import diff, record, snapshot
from ..models import Membership, Organization, Role, User
from .common import Invalid, commit
from .users import find_user

ROLE_LABELS = {Role.ADMIN: _l("Administrator"), Role.EDITOR: _l("Editor"), Role.MEMBER: _l("Member")}
ROLE_ORDER = {Role.ADMIN: 0, Role.EDITOR: 1, Role.MEMBER: 2}
FOCAL_FIELDS = ("focal_name", "focal_title", "focal_email", "focal_phone")


def members(org: Organization) -> list[Membership]:
    rows = db.session.scalars(
        select(Membership).where(Membership.organization_id == org.id).options(selectinload(Membership.user))
    ).all()
    return sorted(rows, key=lambda m: (ROLE_ORDER[m.role], (m.user.full_name or m.user.username).lower()))


def membership(org: Organization, username: str) -> Membership | None:
    return db.session.scalar(
        select(Membership).join(User).where(Membership.organization_id == org.id, User.username == username)
    )


def _admin_count(org: Organization) -> int:
    return db.session.scalar(
        select(func.count(Membership.id)).where(Membership.organization_id == org.id, Membership.role == Role.ADMIN)
    ) or 0


def _keep_an_admin(org: Organization, current: Membership, actor) -> None:
    if current.role is Role.ADMIN and _admin_count(org) <= 1 and not can(actor, "user.manage"):
        raise Invalid({None: _l(
            "%(name)s is the agency's only administrator. Make another member an administrator first,"
            " so that someone can still manage the agency.", name=current.user.full_name or current.user.username,
        )})


def _record(org: Organization, actor, action: str, user: User, before, after) -> None:
    key = f"member:{user.username}"  # the form the operator commands use too
    record(action, org, actor, {key: [before, after]}, summary=user.username)


def add_member(org: Organization, identifier: str, role: Role, actor) -> Membership:
    """Add the existing account named by username or e-mail to ``org`` with ``role``."""
    user = find_user(identifier)
    if user is None:
        raise Invalid({"user": _l(
            "No account has this username or e-mail address. The person must register on the portal first."
        )})
    if membership(org, user.username) is not None:
        raise Invalid({"user": _l("%(name)s is already a member of this agency.", name=user.full_name or user.username)})
    entry = Membership(organization=org, user=user, role=Role(role))
    db.session.add(entry)
    _record(org, actor, "organization.member_added", user, None, entry.role.value)
    commit({"user": _l("%(name)s is already a member of this agency.", name=user.full_name or user.username)})
    return entry


def change_role(org: Organization, entry: Membership, role: Role, actor) -> None:
    role = Role(role)
    if entry.role is role:
        return
    if role is not Role.ADMIN:
        _keep_an_admin(org, entry, actor)
    before = entry.role.value
    entry.role = role
    _record(org, actor, "organization.member_role_changed", entry.user, before, role.value)
    commit()


def remove_member(org: Organization, entry: Membership, actor) -> None:
    _keep_an_admin(org, entry, actor)
    _record(org, actor, "organization.member_removed", entry.user, entry.role.value, None)
    db.session.delete(entry)
    commit()


def focal_member(org: Organization) -> Membership | None:
    """The member currently named focal officer (matched by e-mail address)."""
    if not org.focal_email:
        return None
    for entry in members(org):
        if (entry.user.email or "").lower() == org.focal_email.lower():
            return entry
    return None


def designate_focal(org: Organization, entry: Membership, title: str | None, phone: str | None, actor) -> None:
    """Name a member the focal officer: their name and e-mail, with the title and phone given."""
    if entry.organization_id != org.id:
        raise Invalid({"member": _l("Choose one of the agency's members.")})
    before = snapshot(org, FOCAL_FIELDS)
    org.focal_name = entry.user.full_name or entry.user.username
    org.focal_email = entry.user.email
    org.focal_title = (title or "").strip() or None
    org.focal_phone = (phone or "").strip() or None
    changes = diff(before, snapshot(org, FOCAL_FIELDS))
    if changes:
        record("organization.focal_officer_designated", org, actor, changes, summary=org.focal_name)
    commit()
