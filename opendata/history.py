"""The append-only activity log (R12): who changed what, field by field.

Capabilities call :func:`record` inside their own transaction, so a change
and its history commit (or roll back) together.
"""
from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any, Iterable

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .extensions import db
from .models import Activity, Dataset, Organization, Resource


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value for the before/after record."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        return sorted(_plain(v) for v in value)
    return value


def snapshot(obj, fields: Iterable[str]) -> dict[str, Any]:
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for every field whose value changed."""
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def record(action: str, obj, user=None, changes: dict | None = None, summary: str = "") -> Activity:
    """Add an activity row for ``obj`` (a Dataset, Resource, Organization or User) to the session."""
    dataset_id = organization_id = None
    if isinstance(obj, Dataset):
        dataset_id, organization_id = obj.id, obj.organization_id
    elif isinstance(obj, Resource):
        dataset_id = obj.dataset_id or (obj.dataset.id if obj.dataset else None)
        organization_id = obj.dataset.organization_id if obj.dataset else None
    elif isinstance(obj, Organization):
        organization_id = obj.id
    user_id = getattr(user, "id", None) if getattr(user, "is_authenticated", False) else None
    entry = Activity(
        action=action,
        object_type=type(obj).__name__.lower(),
        object_id=obj.id,
        dataset_id=dataset_id,
        organization_id=organization_id,
        user_id=user_id,
        summary=summary[:500],
        changes=changes or {},
    )
    db.session.add(entry)
    return entry


def _query(limit: int, offset: int = 0, **where):
    stmt = select(Activity).options(selectinload(Activity.user)).order_by(Activity.timestamp.desc(), Activity.id)
    for column, value in where.items():
        if value is not None:
            stmt = stmt.where(getattr(Activity, column) == value)
    return db.session.scalars(stmt.limit(limit).offset(offset)).all()


def dataset_activity(dataset_id: str, limit: int = 50, offset: int = 0) -> list[Activity]:
    return list(_query(limit, offset, dataset_id=dataset_id))


def organization_activity(organization_id: str, limit: int = 50, offset: int = 0) -> list[Activity]:
    return list(_query(limit, offset, organization_id=organization_id))


def all_activity(limit: int = 50, offset: int = 0, user_id: str | None = None, action: str | None = None) -> list[Activity]:
    return list(_query(limit, offset, user_id=user_id, action=action))
