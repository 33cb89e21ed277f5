"""CKAN's activity stream verbs, read from the append-only history (R12).

The rows a caller may see are chosen inside the query (the same
``visible_datasets`` rule as every list), so private datasets and drafts of
other agencies never appear, not even as a count. As on the dataset pages'
history: officers' identities (``user_id``) are shown to the agency and
the Department only, and resources held back by the safety gate stay out.
Deleted drafts keep their history, visible to their agency.

Each item has CKAN's keys (``id``, ``timestamp``, ``user_id``,
``object_id``, ``activity_type`` such as "new package" / "changed package"
/ "deleted package", ``data`` with the current ``package`` dict) plus ours:
``action`` (the precise change, e.g. "dataset.published"), ``summary`` and
``changes`` (``{field: [before, after]}``).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import and_, false, or_, select
from sqlalchemy.orm import selectinload

from ..auth import can, visible_datasets
from ..extensions import db
from ..models import Activity, Dataset, Organization, Resource
from .actions import Context, NotFound, action
from .dicts import organization_dict, package_dict, timestamp
from .params import as_int
from .write_fields import required

DEFAULT_LIMIT = 31  # CKAN's ckan.activity_list_limit
MAX_LIMIT = 100  # CKAN's ckan.activity_list_limit_max
# Organization rows anyone may see: the agency's public facts, not its staff changes.
PUBLIC_ORGANIZATION_ACTIONS = ("organization.created", "organization.updated", "organization.focal_officer_designated")
ACTIVITY_TYPES = {
    "dataset.created": "new package",
    "dataset.deleted": "deleted package",
    "dataset.withdrawn": "deleted package",
    "organization.created": "new organization",
    "organization.deleted": "deleted organization",
}


def _page(data: dict[str, Any]) -> tuple[int, int]:
    return as_int(data, "limit", DEFAULT_LIMIT, maximum=MAX_LIMIT), as_int(data, "offset", 0)


def _member_organizations(user) -> list[str]:
    """Agencies whose unpublished work (and deleted drafts' history) ``user`` may read."""
    organizations = db.session.scalars(select(Organization)).all()
    return [org.id for org in organizations if can(user, "dataset.read_unpublished", org)]


def _visible(user, *, datasets_only: bool = False):
    """SQL condition on Activity (outer-joined to Dataset): the rows ``user`` may read."""
    own = _member_organizations(user)
    of_datasets = or_(
        and_(Dataset.id.is_not(None), visible_datasets(user)),
        and_(Dataset.id.is_(None), Activity.organization_id.in_(own) if own else false()),
    )
    of_datasets = and_(Activity.dataset_id.is_not(None), of_datasets)
    if datasets_only:
        return of_datasets
    of_organizations = and_(
        Activity.dataset_id.is_(None), Activity.object_type == "organization",
        or_(Activity.action.in_(PUBLIC_ORGANIZATION_ACTIONS), Activity.organization_id.in_(own) if own else false()),
    )
    return or_(of_datasets, of_organizations)


def _rows(user, condition, limit: int, offset: int) -> list[Activity]:
    stmt = (
        select(Activity)
        .outerjoin(Dataset, Dataset.id == Activity.dataset_id)
        .where(condition)
        .options(selectinload(Activity.user))
        .order_by(Activity.timestamp.desc(), Activity.id)
        .limit(limit)
        .offset(offset)
    )
    rows = db.session.scalars(stmt).all()
    resource_ids = {row.object_id for row in rows if row.object_type == "resource"}
    if resource_ids:  # files held back by the safety gate stay out of the public history
        resources = db.session.scalars(select(Resource).where(Resource.id.in_(resource_ids))).all()
        hidden = {r.id for r in resources if not can(user, "resource.read", r)}
        rows = [row for row in rows if row.object_id not in hidden]
    return list(rows)


def _activity_type(row: Activity) -> str:
    if row.action in ACTIVITY_TYPES:
        return ACTIVITY_TYPES[row.action]
    return "changed organization" if row.dataset_id is None else "changed package"


def activity_dicts(user, rows: list[Activity]) -> list[dict[str, Any]]:
    dataset_ids = {row.dataset_id for row in rows if row.dataset_id}
    datasets = {d.id: d for d in db.session.scalars(select(Dataset).where(Dataset.id.in_(dataset_ids)))} if dataset_ids else {}
    org_ids = {row.organization_id for row in rows if row.organization_id}
    orgs = {o.id: o for o in db.session.scalars(select(Organization).where(Organization.id.in_(org_ids)))} if org_ids else {}
    packages: dict[str, dict[str, Any]] = {}
    found = []
    for row in rows:
        dataset = datasets.get(row.dataset_id)
        org = orgs.get(row.organization_id)
        names = can(user, "dataset.read_unpublished", dataset or org) if (dataset or org) else False
        if row.dataset_id:
            if dataset is not None and row.dataset_id not in packages:
                packages[row.dataset_id] = package_dict(dataset, user)
            data = {"package": packages.get(row.dataset_id) or {"id": row.dataset_id, "title": row.summary, "state": "deleted"}}
        else:
            data = {"group": organization_dict(org) if org else {"id": row.organization_id, "title": row.summary}}
        found.append({
            "id": row.id,
            "timestamp": timestamp(row.timestamp),
            "user_id": row.user_id if names else None,
            "object_id": row.dataset_id or row.object_id,
            "activity_type": _activity_type(row),
            "data": data,
            # ours
            "action": row.action,
            "object_type": row.object_type,
            "resource_id": row.object_id if row.object_type == "resource" else None,
            "summary": row.summary,
            "changes": row.changes or {},
        })
    return found


@action("package_activity_list")
def package_activity_list(context: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    """A dataset's activity stream, newest first (limit, offset)."""
    reference = required(data, "id", "name")
    dataset = db.session.scalar(select(Dataset).where(or_(Dataset.id == reference, Dataset.slug == reference)))
    if dataset is None or not can(context.user, "dataset.history", dataset):
        raise NotFound("Not found")
    limit, offset = _page(data)
    rows = _rows(context.user, Activity.dataset_id == dataset.id, limit, offset)
    return activity_dicts(context.user, rows)


@action("organization_activity_list")
def organization_activity_list(context: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    """An organization's activity stream and its datasets', newest first (limit, offset)."""
    reference = required(data, "id", "name")
    org = db.session.scalar(select(Organization).where(or_(Organization.id == reference, Organization.slug == reference)))
    if org is None:
        raise NotFound("Not found")
    limit, offset = _page(data)
    condition = and_(Activity.organization_id == org.id, _visible(context.user))
    return activity_dicts(context.user, _rows(context.user, condition, limit, offset))


@action("recently_changed_packages_activity_list")
def recently_changed_packages_activity_list(context: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The latest changes to datasets across the portal, newest first (limit, offset)."""
    limit, offset = _page(data)
    return activity_dicts(context.user, _rows(context.user, _visible(context.user, datasets_only=True), limit, offset))
