"""Granting the sysadmin flag and agency roles (the operator commands use these).

Each change is written to the activity log with its before and after, in
the same transaction.
"""
from __future__ import annotations

from sqlalchemy import select

from .. import history
from ..extensions import db
from ..models import Membership, Organization, Role, User


def find_organization(slug: str) -> Organization | None:
    return db.session.scalar(select(Organization).where(Organization.slug == (slug or "").strip().lower()))


def set_sysadmin(user: User, value: bool, actor: User | None = None) -> bool:
    """Grant or revoke the Department's sysadmin flag; False when nothing changed."""
    if user.is_sysadmin == value:
        return False
    user.is_sysadmin = value
    action = "user.sysadmin_granted" if value else "user.sysadmin_revoked"
    history.record(action, user, user=actor, changes={"is_sysadmin": [not value, value]},
                   summary=f"{user.username}: system administrator {'granted' if value else 'revoked'}")
    db.session.commit()
    return True


def set_membership(user: User, organization: Organization, role: Role, actor: User | None = None) -> Role | None:
    """Make ``user`` a member of ``organization`` with ``role``; returns the previous role."""
    membership = db.session.scalar(select(Membership).where(
        Membership.user_id == user.id, Membership.organization_id == organization.id))
    previous = membership.role if membership else None
    if previous is role:
        return previous
    if membership is None:
        user.memberships.append(Membership(organization=organization, role=role))
    else:
        membership.role = role
    history.record("organization.member_role", organization, user=actor,
                   changes={f"member:{user.username}": [previous.value if previous else None, role.value]},
                   summary=f"{user.username} is now {role.value} of {organization.slug}")
    db.session.commit()
    return previous
