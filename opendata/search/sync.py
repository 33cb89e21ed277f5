"""Keeping the index in step with the database, whatever code changed a dataset.

Changes are noted as the session flushes and sent to the index once the
transaction commits, so a rolled-back change never reaches search and every
write path (pages, bulk import, CLI, API) is covered without calling search.
"""
from __future__ import annotations

from itertools import chain

from flask import current_app
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from ..models import Dataset, Organization, Resource, Topic, dataset_topic

_PENDING = "opendata.search.pending"


def init_app(app) -> None:
    # The listeners are on Flask-SQLAlchemy's session class, shared by every app in
    # the process; they look up the current app when they run.
    if not event.contains(FlaskSession, "after_flush", _note_changes):
        event.listen(FlaskSession, "after_flush", _note_changes)
        event.listen(FlaskSession, "after_commit", _send_changes)


def _note_changes(session: Session, flush_context) -> None:
    pending = session.info.setdefault(_PENDING, {"datasets": set(), "organizations": set(), "topics": set()})
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Dataset):
            pending["datasets"].add(obj.id)
        elif isinstance(obj, Resource):
            pending["datasets"].add(obj.dataset_id)
        elif isinstance(obj, Organization) and obj not in session.new:
            pending["organizations"].add(obj.id)  # slug or agency type may have changed
        elif isinstance(obj, Topic) and obj not in session.new:
            pending["topics"].add(obj.id)


def _send_changes(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending or not any(pending.values()):
        return
    from . import refresh_datasets
    from ..extensions import db

    ids = set(pending["datasets"]) - {None}
    if pending["organizations"] or pending["topics"]:
        with Session(db.engine) as reader:
            ids.update(reader.scalars(select(Dataset.id).where(Dataset.organization_id.in_(pending["organizations"]))))
            ids.update(reader.scalars(
                select(dataset_topic.c.dataset_id).where(dataset_topic.c.topic_id.in_(pending["topics"]))
            ))
    try:
        refresh_datasets(ids)
    except Exception:  # the data is committed; a reindex repairs the index
        current_app.logger.exception("search index update failed for %d datasets", len(ids))
        if current_app.config.get("SEARCH_RAISE_ERRORS"):
            raise
