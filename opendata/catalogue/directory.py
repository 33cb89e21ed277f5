"""Agencies, topics and licences as the public sees them, with dataset counts."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..auth import listed_datasets
from ..extensions import db
from ..models import AgencyType, Dataset, Licence, Organization, Topic, dataset_topic
from .errors import NotFound


def organizations_with_counts(user) -> list[tuple[Organization, int]]:
    """Every agency with its number of listed datasets, grouped by type order then name."""
    counts = (
        select(Dataset.organization_id, func.count(Dataset.id).label("n"))
        .where(listed_datasets(user))
        .group_by(Dataset.organization_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Organization, func.coalesce(counts.c.n, 0))
        .join(AgencyType, Organization.agency_type_id == AgencyType.id)
        .outerjoin(counts, counts.c.organization_id == Organization.id)
        .options(selectinload(Organization.agency_type))
        .order_by(AgencyType.position, Organization.name)
    ).all()
    return [(org, n) for org, n in rows]


def get_organization(slug: str) -> Organization:
    org = db.session.scalar(
        select(Organization)
        .where((Organization.slug == slug) | (Organization.id == slug))
        .options(selectinload(Organization.agency_type), selectinload(Organization.children))
    )
    if org is None:
        raise NotFound(slug)
    return org


def topics_with_counts(user) -> list[tuple[Topic, int]]:
    counts = (
        select(dataset_topic.c.topic_id, func.count(dataset_topic.c.dataset_id).label("n"))
        .join(Dataset, Dataset.id == dataset_topic.c.dataset_id)
        .where(listed_datasets(user))
        .group_by(dataset_topic.c.topic_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Topic, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.topic_id == Topic.id)
        .order_by(Topic.position, Topic.name)
    ).all()
    return [(topic, n) for topic, n in rows]


def get_topic(slug: str) -> Topic:
    topic = db.session.scalar(select(Topic).where((Topic.slug == slug) | (Topic.id == slug)))
    if topic is None:
        raise NotFound(slug)
    return topic


def licences_with_counts(user) -> list[tuple[Licence, int]]:
    counts = (
        select(Dataset.licence_id, func.count(Dataset.id).label("n"))
        .where(listed_datasets(user))
        .group_by(Dataset.licence_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Licence, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.licence_id == Licence.id)
        .order_by(Licence.position, Licence.id)
    ).all()
    return [(licence, n) for licence, n in rows]


def get_licence(licence_id: str) -> Licence:
    licence = db.session.get(Licence, licence_id)
    if licence is None:
        raise NotFound(licence_id)
    return licence


def default_licence() -> Licence | None:
    """The statutory default terms that apply when an agency chose no licence (R5)."""
    return db.session.scalar(select(Licence).where(Licence.is_default.is_(True)))
