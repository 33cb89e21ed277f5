"""An agency's own datasets, sorted into what an officer has to do next.

The workspace lists every dataset of the agencies a user works for (all
agencies for the Department) by state, and gathers those that need
attention before or after publication: findings of the safety gate,
held-back files, closed formats only (R4), no description (R2).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

from opendata.i18n import lazy_gettext as _l
from sqlalchemy import and_, exists, false, func, not_, or_, select
from sqlalchemy.orm import selectinload

from ..auth import can, is_sysadmin
from ..extensions import db
from ..models import Dataset, DatasetState, Organization, Resource
from ..vocabularies import OPEN_FORMATS, is_open_format

TABS = ("all", "attention", "draft", "published", "private", "withdrawn")
TAB_LABELS = {
    "all": _l("All"),
    "attention": _l("Needs attention"),
    "draft": _l("Drafts"),
    "published": _l("Published"),
    "private": _l("Private"),
    "withdrawn": _l("Withdrawn"),
}
REASONS = {
    "flagged": _l("The safety check found possible personal data or secret markings."),
    "withheld": _l("A file is held back from the public by the safety check."),
    "closed_formats": _l("No resource is in an open, machine-readable format such as CSV, JSON or XLSX."),
    "no_description": _l("The dataset has no description."),
}


@dataclass
class Overview:
    organizations: list[Organization]  # the agencies shown (after the filter)
    tab: str
    counts: dict[str, int]
    items: Sequence[Dataset]
    reasons: dict[str, list[str]]  # dataset id -> REASONS keys
    total: int
    page: int
    per_page: int
    choices: list[Organization] = field(default_factory=list)  # agencies the user may filter by

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


class NoWorkspace(Exception):
    """The user works for no agency: there is nothing to list."""


def workspace_organizations(user) -> list[Organization]:
    """Agencies whose workspace ``user`` may open: their own, or every agency for the Department."""
    if is_sysadmin(user):
        return list(db.session.scalars(select(Organization).order_by(Organization.name)))
    if not can(user, "workspace.access"):
        return []
    return sorted(
        (m.organization for m in user.memberships if can(user, "workspace.access", m.organization)),
        key=lambda org: org.name,
    )


def creatable_organizations(user) -> list[Organization]:
    return [org for org in workspace_organizations(user) if can(user, "dataset.create", org)]


def _flagged_ids(organization_ids: list[str]) -> set[str]:
    from ..safety import flagged_dataset_ids

    return set(flagged_dataset_ids(organization_ids))


def _conditions(flagged: set[str]) -> dict[str, object]:
    """Each tab (and each attention reason) as a SQL condition on Dataset."""
    open_resource = exists().where(Resource.dataset_id == Dataset.id, func.upper(Resource.format).in_(OPEN_FORMATS))
    any_resource = exists().where(Resource.dataset_id == Dataset.id)
    reasons = {
        "flagged": Dataset.id.in_(flagged) if flagged else false(),
        "withheld": exists().where(Resource.dataset_id == Dataset.id, Resource.withheld.is_(True)),
        "closed_formats": and_(any_resource, not_(open_resource)),
        "no_description": func.coalesce(func.trim(Dataset.description), "") == "",
    }
    current = Dataset.state != DatasetState.WITHDRAWN
    return {
        "all": None,
        "attention": and_(current, or_(*reasons.values())),
        "draft": Dataset.state == DatasetState.DRAFT,
        "published": and_(Dataset.state == DatasetState.PUBLISHED, Dataset.private.is_(False)),
        "private": and_(Dataset.state == DatasetState.PUBLISHED, Dataset.private.is_(True)),
        "withdrawn": Dataset.state == DatasetState.WITHDRAWN,
    }


def overview(user, organization_slug: str = "", tab: str = "all", page: int = 1, per_page: int = 50) -> Overview:
    """One page of the workspace. Raises :class:`NoWorkspace` or ``LookupError`` (unknown agency or page)."""
    choices = workspace_organizations(user)
    if not choices:
        raise NoWorkspace()
    organizations = choices
    if organization_slug:
        organizations = [org for org in choices if org.slug == organization_slug]
        if not organizations:
            raise LookupError(organization_slug)
    ids = [org.id for org in organizations]
    flagged = _flagged_ids(ids)
    conditions = _conditions(flagged)
    base = select(Dataset.id).where(Dataset.organization_id.in_(ids))
    counts = {
        name: db.session.scalar(select(func.count()).select_from(
            (base if condition is None else base.where(condition)).subquery()))
        for name, condition in conditions.items()
    }
    chosen = conditions[tab]
    total = counts[tab]
    if page < 1 or (page > 1 and (page - 1) * per_page >= total):
        raise LookupError(page)
    stmt = select(Dataset).where(Dataset.organization_id.in_(ids))
    if chosen is not None:
        stmt = stmt.where(chosen)
    items = db.session.scalars(
        stmt.options(selectinload(Dataset.resources), selectinload(Dataset.organization))
        .order_by(Dataset.metadata_modified.desc(), Dataset.id)
        .limit(per_page).offset((page - 1) * per_page)
    ).all()
    reasons = {d.id: attention_reasons(d, flagged) for d in items}
    return Overview(organizations, tab, counts, items, reasons, total, page, per_page, choices)


def attention_reasons(dataset: Dataset, flagged: set[str]) -> list[str]:
    """The REASONS keys that apply to ``dataset`` (the Python twin of the SQL conditions)."""
    if dataset.state is DatasetState.WITHDRAWN:
        return []
    found = []
    if dataset.id in flagged:
        found.append("flagged")
    if any(r.withheld for r in dataset.resources):
        found.append("withheld")
    if dataset.resources and not any(is_open_format(r.format) for r in dataset.resources):
        found.append("closed_formats")
    if not (dataset.description or "").strip():
        found.append("no_description")
    return found
