"""Building index documents from datasets, one at a time or streamed in batches."""
from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..auth import document_labels
from ..models import Dataset, Organization
from ..text import plain_text
from ..vietnamese import collation_key
from .base import SearchDocument

_LOAD = (
    selectinload(Dataset.organization).selectinload(Organization.agency_type),
    selectinload(Dataset.tags),
    selectinload(Dataset.topics),
    selectinload(Dataset.resources),
)


def document_for(dataset: Dataset) -> SearchDocument | None:
    """The index document of ``dataset``, or None when nobody may find it in lists."""
    labels = document_labels(dataset)
    if labels is None:
        return None
    resources = [r for r in dataset.resources if not r.withheld]
    title = dataset.title if not dataset.title_en else f"{dataset.title}\n{dataset.title_en}"
    return SearchDocument(
        id=dataset.id,
        slug=dataset.slug,
        title=title,
        description=plain_text(dataset.description),
        tags=tuple(tag.name for tag in dataset.tags),
        resources=tuple(" ".join(filter(None, (r.name, plain_text(r.description)))) for r in resources),
        labels=labels,
        organization=dataset.organization.slug,
        agency_type=dataset.organization.agency_type.slug,
        topics=tuple(topic.slug for topic in dataset.topics),
        formats=tuple(sorted({r.format.upper() for r in resources if r.format})),
        licence=dataset.licence_id or "",
        frequency=dataset.frequency or "",
        created=dataset.created,
        modified=dataset.metadata_modified,
        title_key=collation_key(dataset.title),
    )


def documents_for(session: Session, ids: Iterable[str]) -> tuple[list[SearchDocument], list[str]]:
    """Documents for ``ids``, and the ids that should leave the index (gone, withdrawn)."""
    ids = list(dict.fromkeys(ids))
    found: dict[str, SearchDocument | None] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for dataset in session.scalars(select(Dataset).where(Dataset.id.in_(chunk)).options(*_LOAD)):
            found[dataset.id] = document_for(dataset)
    documents = [doc for doc in found.values() if doc is not None]
    removed = [i for i in ids if found.get(i) is None]
    return documents, removed


def count_datasets(session: Session) -> int:
    return session.scalar(select(func.count(Dataset.id)))


def iter_documents(session: Session, batch_size: int = 500) -> Iterator[Sequence[SearchDocument | None]]:
    """Every dataset's document (None for unlisted ones), a batch at a time, in bounded memory.

    Each batch is a list with one entry per dataset, so callers can count progress
    in datasets; the session is emptied between batches.
    """
    last = ""
    while True:
        ids = session.scalars(
            select(Dataset.id).where(Dataset.id > last).order_by(Dataset.id).limit(batch_size)
        ).all()
        if not ids:
            return
        datasets = session.scalars(select(Dataset).where(Dataset.id.in_(ids)).options(*_LOAD)).all()
        yield [document_for(dataset) for dataset in datasets]
        last = ids[-1]
        session.expunge_all()
