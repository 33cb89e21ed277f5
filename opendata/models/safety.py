"""Results of the pre-publication safety gate (personal data, state secrets)."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, Enum, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, utcnow, uuid_pk
from .user import User


class ReviewStatus(str, enum.Enum):
    CLEAR = "clear"  # nothing found
    FLAGGED = "flagged"  # findings block publication
    OVERRIDDEN = "overridden"  # a sysadmin allowed publication, with a written reason


class SafetyReview(db.Model):
    """One scan of a dataset (or of one new resource of it) and what became of it."""

    __tablename__ = "safety_review"

    id: Mapped[str] = uuid_pk()
    dataset_id: Mapped[str] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"), index=True)
    resource_id: Mapped[Optional[str]] = mapped_column(ForeignKey("resource.id", ondelete="CASCADE"), index=True)
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[ReviewStatus] = mapped_column(
        Enum(ReviewStatus, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])
    )
    # [{"rule": "cccd", "resource_id": ..., "where": "row 12, column Số CCCD", "excerpt": "0012…"}]
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    scanned_by_id: Mapped[Optional[str]] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    reviewer_id: Mapped[Optional[str]] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    reason: Mapped[Optional[str]] = mapped_column(Text)
    decided: Mapped[Optional[datetime]] = mapped_column(UTCDateTime())

    reviewer: Mapped[Optional[User]] = relationship(foreign_keys=[reviewer_id])
