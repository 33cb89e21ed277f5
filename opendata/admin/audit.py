"""Reading the activity log: the Department's filtered audit and an agency's own log (R12).

Dates in filters are calendar days in the portal's time zone (an official
asking for "15/03" means the Vietnamese day, not the UTC one).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from flask import current_app
from opendata.i18n import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..catalogue import NotFound, Page
from ..extensions import db
from ..models import Activity, Organization, User

# Labels for the verbs the portal records; an unknown verb is shown as it is stored.
ACTION_LABELS = {
    "organization.created": _l("Agency created"),
    "organization.updated": _l("Agency updated"),
    "organization.deleted": _l("Agency deleted"),
    "organization.member_added": _l("Member added"),
    "organization.member_role_changed": _l("Member's role changed"),
    "organization.member_removed": _l("Member removed"),
    "organization.member_role": _l("Member's role set"),
    "organization.focal_officer_designated": _l("Focal officer designated"),
    "agency_type.created": _l("Agency type created"),
    "agency_type.updated": _l("Agency type updated"),
    "agency_type.deleted": _l("Agency type deleted"),
    "topic.created": _l("Topic created"),
    "topic.updated": _l("Topic updated"),
    "topic.deleted": _l("Topic deleted"),
    "licence.created": _l("Licence created"),
    "licence.updated": _l("Licence updated"),
    "licence.deleted": _l("Licence deleted"),
    "user.created": _l("Account created"),
    "user.activated": _l("Account activated"),
    "user.deactivated": _l("Account deactivated"),
    "user.sysadmin_granted": _l("Administrator rights granted"),
    "user.sysadmin_revoked": _l("Administrator rights removed"),
    "dataset.created": _l("Dataset created"),
    "dataset.updated": _l("Dataset updated"),
    "dataset.published": _l("Dataset published"),
    "dataset.withdrawn": _l("Dataset withdrawn"),
    "dataset.deleted": _l("Dataset deleted"),
    "resource.created": _l("Resource added"),
    "resource.updated": _l("Resource updated"),
    "resource.deleted": _l("Resource deleted"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


@dataclass(frozen=True)
class AuditFilters:
    """What the auditor narrowed the log to; empty means "any"."""

    user: str = ""  # username of the person who acted
    action: str = ""
    organization: str = ""  # agency slug
    date_from: date | None = None
    date_to: date | None = None


def _day_start(day: date) -> datetime:
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    # In UTC: SQLite compares the stored (UTC) text, so the bound value must be UTC too.
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(timezone.utc)


def _paged(stmt, page: int, per_page: int) -> Page:
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    if page < 1 or page > max(1, math.ceil(total / per_page)):
        raise NotFound(f"page {page}")
    items = db.session.scalars(
        stmt.options(selectinload(Activity.user))
        .order_by(Activity.timestamp.desc(), Activity.id).limit(per_page).offset((page - 1) * per_page)
    ).all()
    return Page(items=items, total=total, page=page, per_page=per_page)


def audit_page(filters: AuditFilters, page: int = 1, per_page: int = 50) -> Page:
    """One page of the whole log, newest first, narrowed by ``filters``.

    A username or agency that does not exist matches nothing (rather than
    being ignored, which would show everything)."""
    stmt = select(Activity)
    if filters.user:
        stmt = stmt.where(Activity.user_id.in_(select(User.id).where(User.username == filters.user)))
    if filters.action:
        stmt = stmt.where(Activity.action == filters.action)
    if filters.organization:
        stmt = stmt.where(Activity.organization_id.in_(
            select(Organization.id).where(Organization.slug == filters.organization)))
    if filters.date_from:
        stmt = stmt.where(Activity.timestamp >= _day_start(filters.date_from))
    if filters.date_to:
        stmt = stmt.where(Activity.timestamp < _day_start(filters.date_to + timedelta(days=1)))
    return _paged(stmt, page, per_page)


def organization_activity_page(org: Organization, page: int = 1, per_page: int = 50) -> Page:
    return _paged(select(Activity).where(Activity.organization_id == org.id), page, per_page)


def recorded_actions() -> list[str]:
    """Every verb present in the log, for the audit filter's choices."""
    return list(db.session.scalars(select(Activity.action).distinct().order_by(Activity.action)))


def organization_names(activities) -> dict[str, Organization]:
    """The agencies the listed activities belong to, by id (deleted ones are absent)."""
    ids = {a.organization_id for a in activities if a.organization_id}
    if not ids:
        return {}
    return {org.id: org for org in db.session.scalars(select(Organization).where(Organization.id.in_(ids)))}
