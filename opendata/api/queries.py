"""Reads the Action API needs that the catalogue module does not offer (yet).

Each one filters with :mod:`opendata.auth` (``listed_datasets``, ``can``),
never with a rule of its own. Kept here, beside the verbs, so the catalogue
pages are not touched; they can move into :mod:`opendata.catalogue` when a
page needs them too.
"""
from __future__ import annotations

from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..auth import can, is_listed, listed_datasets
from ..catalogue import NotFound
from ..extensions import db
from ..models import Dataset, Organization, Resource, Tag, dataset_tag

# What a package dict shows, loaded in a few queries for a whole page of datasets.
PACKAGE_LOAD = (
    selectinload(Dataset.organization).selectinload(Organization.agency_type),
    selectinload(Dataset.organization).selectinload(Organization.parent),
    selectinload(Dataset.licence),
    selectinload(Dataset.tags),
    selectinload(Dataset.topics),
    selectinload(Dataset.resources),
)


def listed_names(user, limit: int | None, offset: int) -> list[str]:
    """Names (slugs) of the datasets ``user`` may list, in name order (CKAN's ``package_list``)."""
    query = select(Dataset.slug).where(listed_datasets(user)).order_by(Dataset.slug).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(db.session.scalars(query))


def datasets_in_order(user, ids: Sequence[str]) -> list[Dataset]:
    """The datasets of a search page in the index's order, each checked again with ``is_listed``.

    The index can be a moment behind the database: a dataset made private a
    moment ago is dropped here rather than shown.
    """
    if not ids:
        return []
    rows = db.session.scalars(select(Dataset).where(Dataset.id.in_(ids)).options(*PACKAGE_LOAD)).all()
    by_id = {row.id: row for row in rows if is_listed(user, row)}
    return [by_id[i] for i in ids if i in by_id]


def resource_by_id(user, resource_id: str) -> Resource:
    """A resource ``user`` may read (its dataset readable, not withheld from them), else NotFound."""
    resource = db.session.get(Resource, resource_id) if isinstance(resource_id, str) else None
    if resource is None or not can(user, "resource.read", resource):
        raise NotFound(resource_id)
    return resource


def tags_in_use(user, text: str = "") -> list[Tag]:
    """Tags of the datasets ``user`` may list, by name; ``text`` keeps those whose name contains it.

    A tag used only by drafts or private datasets stays unknown to the others.
    """
    used = (
        select(dataset_tag.c.tag_id)
        .join(Dataset, Dataset.id == dataset_tag.c.dataset_id)
        .where(listed_datasets(user))
    )
    tags = db.session.scalars(select(Tag).where(Tag.id.in_(used)).order_by(Tag.name)).all()
    # Compared in Python: SQLite's lower() leaves Vietnamese letters alone.
    wanted = text.casefold()
    return [tag for tag in tags if wanted in tag.name.casefold()]
