"""Append-only record of who changed what (R12)."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, ForeignKey, String, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow, uuid_pk
from .user import User


class Activity(db.Model):
    __tablename__ = "activity"

    id: Mapped[str] = uuid_pk()
    timestamp: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    user_id: Mapped[Optional[str]] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # e.g. "dataset.created", "resource.updated"; the verbs CKAN's activity stream uses.
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[str] = mapped_column(String(36), index=True)
    # Kept as plain ids, not foreign keys: history outlives deleted objects.
    dataset_id: Mapped[Optional[str]] = mapped_column(String(36), index=True)
    organization_id: Mapped[Optional[str]] = mapped_column(String(36), index=True)
    summary: Mapped[str] = mapped_column(String(500), default="")
    # Field-level changes: {"field": [before, after], ...}
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    user: Mapped[Optional[User]] = relationship()


@event.listens_for(Activity, "before_update")
@event.listens_for(Activity, "before_delete")
def _refuse_change(mapper, connection, target) -> None:
    raise ValueError("activity records are append-only")
