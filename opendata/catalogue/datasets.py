"""Dataset lists, filters and single-dataset reads for the public pages."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import selectinload

from ..auth import can, listed_datasets, visible_resources
from ..extensions import db
from ..models import Dataset, Licence, Organization, Resource, Tag, Topic, dataset_tag, dataset_topic
from .errors import NotFound

SORTS = {
    "newest": (Dataset.created.desc(), Dataset.id),
    "modified": (Dataset.metadata_modified.desc(), Dataset.id),
    "title": (Dataset.title, Dataset.id),
    "views": (Dataset.view_count.desc(), Dataset.id),
}


@dataclass(frozen=True)
class DatasetFilters:
    """What a visitor narrowed the list to. Empty values mean "any"."""

    q: str = ""
    organization: str = ""  # organization slug
    topic: str = ""  # topic slug
    format: str = ""  # resource format, e.g. "CSV"
    licence: str = ""  # licence id
    tag: str = ""
    sort: str = "modified"

    def active(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v and k not in {"sort"}}


@dataclass
class Page:
    items: Sequence[Dataset]
    total: int
    page: int
    per_page: int
    facets: dict[str, list["FacetValue"]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def _filtered(user, filters: DatasetFilters):
    stmt = select(Dataset.id).where(listed_datasets(user))
    if filters.organization:
        stmt = stmt.join(Organization, Dataset.organization_id == Organization.id).where(
            Organization.slug == filters.organization
        )
    if filters.topic:
        stmt = stmt.where(
            Dataset.id.in_(
                select(dataset_topic.c.dataset_id)
                .join(Topic, Topic.id == dataset_topic.c.topic_id)
                .where(Topic.slug == filters.topic)
            )
        )
    if filters.tag:
        stmt = stmt.where(
            Dataset.id.in_(
                select(dataset_tag.c.dataset_id).join(Tag, Tag.id == dataset_tag.c.tag_id).where(Tag.name == filters.tag)
            )
        )
    if filters.format:
        stmt = stmt.where(
            Dataset.id.in_(select(Resource.dataset_id).where(func.upper(Resource.format) == filters.format.upper()))
        )
    if filters.licence:
        stmt = stmt.where(Dataset.licence_id == filters.licence)
    if filters.q:
        # A plain substring match until the search backend (issue 4) takes over.
        needle = f"%{filters.q.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(Dataset.title).like(needle), func.lower(Dataset.description).like(needle)))
    return stmt


def dataset_page(user, filters: DatasetFilters, page: int = 1, per_page: int = 20, with_facets: bool = True) -> Page:
    """One page of the datasets ``user`` may see, newest change first by default.

    Raises :class:`NotFound` for a page past the end (except page 1 of an
    empty result, which is a normal "nothing found").
    """
    ids = _filtered(user, filters).subquery()
    total = db.session.scalar(select(func.count()).select_from(ids))
    pages = max(1, math.ceil(total / per_page))
    if page < 1 or page > pages:
        raise NotFound(f"page {page}")
    order = SORTS.get(filters.sort, SORTS["modified"])
    items = db.session.scalars(
        select(Dataset)
        .where(Dataset.id.in_(select(ids.c.id)))
        .options(
            selectinload(Dataset.organization),
            selectinload(Dataset.resources),
            selectinload(Dataset.licence),
            selectinload(Dataset.topics),
        )
        .order_by(*order)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    result = Page(items=items, total=total, page=page, per_page=per_page)
    if with_facets:
        result.facets = _facets(ids)
    return result


@dataclass(frozen=True)
class FacetValue:
    """One choice of a filter: the value to send, its labels, and how many datasets match."""

    value: str
    label: str
    label_en: str | None
    count: int


def _facets(ids) -> dict[str, list[FacetValue]]:
    """Filter choices with counts over the filtered datasets, most frequent first."""
    matching = select(ids.c.id)
    n_datasets = func.count(Dataset.id)
    org = db.session.execute(
        select(Organization.slug, Organization.name, Organization.name_en, n_datasets)
        .join(Dataset, Dataset.organization_id == Organization.id)
        .where(Dataset.id.in_(matching))
        .group_by(Organization.slug, Organization.name, Organization.name_en)
        .order_by(n_datasets.desc(), Organization.name)
    ).all()
    n_topic = func.count(dataset_topic.c.dataset_id)
    topic = db.session.execute(
        select(Topic.slug, Topic.name, Topic.name_en, n_topic)
        .join(dataset_topic, dataset_topic.c.topic_id == Topic.id)
        .where(dataset_topic.c.dataset_id.in_(matching))
        .group_by(Topic.slug, Topic.name, Topic.name_en)
        .order_by(n_topic.desc(), Topic.name)
    ).all()
    fmt_name = func.upper(Resource.format)
    n_format = func.count(func.distinct(Resource.dataset_id))
    fmt = db.session.execute(
        select(fmt_name, n_format)
        .where(Resource.dataset_id.in_(matching), Resource.format.is_not(None), Resource.withheld.is_(False))
        .group_by(fmt_name)
        .order_by(n_format.desc(), fmt_name)
    ).all()
    lic = db.session.execute(
        select(Licence.id, Licence.title, Licence.title_en, n_datasets)
        .join(Dataset, Dataset.licence_id == Licence.id)
        .where(Dataset.id.in_(matching))
        .group_by(Licence.id, Licence.title, Licence.title_en)
        .order_by(n_datasets.desc(), Licence.position)
    ).all()
    facets = {name: [FacetValue(*row) for row in rows] for name, rows in (("organization", org), ("topic", topic), ("licence", lic))}
    facets["format"] = [FacetValue(name, name, None, count) for name, count in fmt]
    return facets


def filter_options(user) -> dict[str, list[FacetValue]]:
    return _facets(_filtered(user, DatasetFilters()).subquery())


def _listed(user, order, limit: int) -> Sequence[Dataset]:
    return db.session.scalars(
        select(Dataset)
        .where(listed_datasets(user))
        .options(selectinload(Dataset.organization), selectinload(Dataset.resources))
        .order_by(*order)
        .limit(limit)
    ).all()


def newest_datasets(user, limit: int = 6) -> Sequence[Dataset]:
    return _listed(user, (Dataset.issued.desc(), Dataset.created.desc(), Dataset.id), limit)


def most_viewed_datasets(user, limit: int = 6) -> Sequence[Dataset]:
    return _listed(user, SORTS["views"], limit)


def site_stats(user) -> dict[str, int]:
    listed = select(Dataset.id).where(listed_datasets(user))
    return {
        "datasets": db.session.scalar(select(func.count()).select_from(listed.subquery())),
        "resources": db.session.scalar(
            select(func.count(Resource.id)).where(Resource.dataset_id.in_(listed), visible_resources(user))
        ),
        "organizations": db.session.scalar(
            select(func.count(func.distinct(Dataset.organization_id))).where(Dataset.id.in_(listed))
        ),
        "topics": db.session.scalar(select(func.count(Topic.id))),
    }


def get_dataset(user, slug: str) -> Dataset:
    dataset = db.session.scalar(
        select(Dataset)
        .where(or_(Dataset.slug == slug, Dataset.id == slug))
        .options(
            selectinload(Dataset.resources),
            selectinload(Dataset.tags),
            selectinload(Dataset.topics),
            selectinload(Dataset.organization),
            selectinload(Dataset.licence),
        )
    )
    if dataset is None or not can(user, "dataset.read", dataset):
        raise NotFound(slug)
    return dataset


def get_resource(user, dataset: Dataset, resource_id: str) -> Resource:
    for resource in dataset.resources:
        if resource.id == resource_id and can(user, "resource.read", resource):
            return resource
    raise NotFound(resource_id)


def record_view(dataset: Dataset) -> None:
    """Count a page view in one UPDATE, so concurrent visitors don't lose counts.

    The modified timestamp is set to itself: a view is not a metadata change.
    """
    db.session.execute(
        update(Dataset)
        .where(Dataset.id == dataset.id)
        .values(view_count=Dataset.view_count + 1, metadata_modified=Dataset.metadata_modified)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def record_download(resource: Resource) -> None:
    db.session.execute(
        update(Resource)
        .where(Resource.id == resource.id)
        .values(download_count=Resource.download_count + 1, modified=Resource.modified)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
