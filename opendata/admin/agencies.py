"""Agencies in the Department's directory: create, edit, delete (R1, Art. 6.2).

The slug is part of every public agency URL and of CKAN ``owner_org``
values, so changing it for an agency that already publishes needs an
explicit confirmation; the hierarchy must stay a tree.
"""
from __future__ import annotations

from typing import Any, Mapping

from opendata.i18n import lazy_gettext as _l
from opendata.i18n import lazy_ngettext
from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..history import diff, record, snapshot
from ..models import AgencyType, Dataset, Membership, Organization, User
from .common import Invalid, clean, commit, slug_error

# What defines an agency in the directory; the Department sets these.
IDENTITY_FIELDS = ("name", "name_en", "abbreviation", "slug", "agency_type_id", "parent_id", "description")
# What an agency keeps current itself: how citizens reach it and its focal officer.
CONTACT_FIELDS = ("address", "website", "email", "phone", "focal_name", "focal_title", "focal_email", "focal_phone")
FIELDS = IDENTITY_FIELDS + CONTACT_FIELDS


def agencies_with_counts() -> list[tuple[Organization, int, int]]:
    """Every agency with its number of datasets (any state) and members."""
    datasets = (
        select(Dataset.organization_id, func.count(Dataset.id).label("n"))
        .group_by(Dataset.organization_id).subquery()
    )
    members = (
        select(Membership.organization_id, func.count(Membership.id).label("n"))
        .group_by(Membership.organization_id).subquery()
    )
    rows = db.session.execute(
        select(Organization, func.coalesce(datasets.c.n, 0), func.coalesce(members.c.n, 0))
        .join(AgencyType, Organization.agency_type_id == AgencyType.id)
        .outerjoin(datasets, datasets.c.organization_id == Organization.id)
        .outerjoin(members, members.c.organization_id == Organization.id)
        .options(selectinload(Organization.agency_type), selectinload(Organization.parent))
        .order_by(AgencyType.position, Organization.name)
    ).all()
    return [tuple(row) for row in rows]


def dataset_count(org: Organization) -> int:
    return db.session.scalar(select(func.count(Dataset.id)).where(Dataset.organization_id == org.id)) or 0


def parent_choices(org: Organization | None = None) -> list[Organization]:
    """Agencies that may become the parent of ``org``: not itself, not below it."""
    everyone = db.session.scalars(select(Organization).order_by(Organization.name)).all()
    return [candidate for candidate in everyone if org is None or _cycle_error(org, candidate) is None]


def _cycle_error(org: Organization | None, parent: Organization):
    node, seen = parent, set()
    while node is not None and node.id not in seen:
        if org is not None and node.id == org.id:
            return _l("An agency cannot be placed under itself or under one of its own subordinate agencies.")
        seen.add(node.id)
        node = node.parent
    return None


def _validate(org: Organization | None, data: Mapping[str, Any], confirm_slug_change: bool) -> None:
    errors: dict[str | None, Any] = {}
    if "name" in data and not data["name"]:
        errors["name"] = _l("Enter the agency's name.")
    if "slug" in data:
        problem = slug_error(Organization, data["slug"], org.id if org else None)
        if problem:
            errors["slug"] = problem
        elif org is not None and data["slug"] != org.slug and not confirm_slug_change:
            count = dataset_count(org)
            if count:
                errors["slug"] = lazy_ngettext(
                    "This agency has %(num)d dataset. Changing its short name changes the agency's web address"
                    " and breaks links others have saved; tick the confirmation box to change it anyway.",
                    "This agency has %(num)d datasets. Changing its short name changes the agency's web address"
                    " and breaks links others have saved; tick the confirmation box to change it anyway.",
                    count,
                )
    if "agency_type_id" in data and db.session.get(AgencyType, data["agency_type_id"] or 0) is None:
        errors["agency_type_id"] = _l("Choose the type of agency.")
    if data.get("parent_id"):
        parent = db.session.get(Organization, data["parent_id"])
        problem = _l("The chosen parent agency no longer exists.") if parent is None else _cycle_error(org, parent)
        if problem:
            errors["parent_id"] = problem
    if errors:
        raise Invalid(errors)


def create_organization(data: Mapping[str, Any], actor) -> Organization:
    values = clean(data, FIELDS, required_text=("description",))
    _validate(None, values, confirm_slug_change=True)
    org = Organization(**values)
    db.session.add(org)
    db.session.flush()
    record("organization.created", org, actor, diff({}, snapshot(org, FIELDS)), summary=org.name)
    commit({"slug": _l("This short name is already used; choose another one.")})
    return org


def update_organization(org: Organization, data: Mapping[str, Any], actor, fields=FIELDS,
                        confirm_slug_change: bool = False) -> Organization:
    """Change ``fields`` of ``org`` (the caller narrows them to what the actor may edit)."""
    values = clean(data, fields, required_text=("description",))
    _validate(org, values, confirm_slug_change)
    before = snapshot(org, FIELDS)
    for name, value in values.items():
        setattr(org, name, value)
    changes = diff(before, snapshot(org, FIELDS))
    if changes:
        record("organization.updated", org, actor, changes, summary=org.name)
    commit({"slug": _l("This short name is already used; choose another one.")})
    return org


def delete_organization(org: Organization, actor) -> None:
    """Delete an agency that publishes nothing and has no subordinate agencies."""
    count = dataset_count(org)
    if count:
        raise Invalid({None: lazy_ngettext(
            "This agency still has %(num)d dataset, so it cannot be deleted. Move the dataset to another agency"
            " or delete it first.",
            "This agency still has %(num)d datasets, so it cannot be deleted. Move the datasets to another agency"
            " or delete them first.",
            count,
        )})
    if org.children:
        raise Invalid({None: _l(
            "Subordinate agencies are placed under this agency. Move them under another agency first."
        )})
    members = db.session.scalars(
        select(User.username).join(Membership).where(Membership.organization_id == org.id).order_by(User.username)
    ).all()
    before = {**snapshot(org, FIELDS), "members": list(members)}
    record("organization.deleted", org, actor, diff(before, {}), summary=org.name)
    db.session.execute(delete(Membership).where(Membership.organization_id == org.id))
    db.session.delete(org)
    commit({None: _l("Other records still refer to this agency, so it cannot be deleted.")})
