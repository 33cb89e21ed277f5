"""Single-dataset reads, home page lists and counters for the public pages."""
from __future__ import annotations

from typing import Sequence

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import selectinload

from ..auth import can, listed_datasets, visible_resources
from ..extensions import db
from ..models import Dataset, Resource, Topic
from .errors import NotFound

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
    return _listed(user, (Dataset.view_count.desc(), Dataset.id), limit)


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
