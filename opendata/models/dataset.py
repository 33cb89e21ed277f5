"""Datasets (bộ dữ liệu) and their resources (distributions): the R2/R3 metadata."""
from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Optional

from sqlalchemy import JSON, Column, Date, Enum, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, created_column, utcnow, uuid_pk
from .licence import Licence
from .tag import Tag
from .topic import Topic

if TYPE_CHECKING:
    from .organization import Organization


class DatasetState(str, enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class ResourceKind(str, enum.Enum):
    FILE = "file"  # bytes kept in the portal's storage
    URL = "url"  # a file published elsewhere
    API = "api"  # an online data service (R3, R8)


def _enum(cls):
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


dataset_tag = Table(
    "dataset_tag",
    db.metadata,
    Column("dataset_id", ForeignKey("dataset.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)

dataset_topic = Table(
    "dataset_topic",
    db.metadata,
    Column("dataset_id", ForeignKey("dataset.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Dataset(db.Model):
    __tablename__ = "dataset"
    __table_args__ = (Index("ix_dataset_state_private", "state", "private"),)

    id: Mapped[str] = uuid_pk()
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    # The identifier published in metadata (R2); stable across renames.
    identifier: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    title_en: Mapped[Optional[str]] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")  # Markdown, sanitised on render
    description_en: Mapped[str] = mapped_column(Text, default="")
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)
    # None means the statutory default terms apply (R5); the page says so.
    licence_id: Mapped[Optional[str]] = mapped_column(ForeignKey("licence.id"), index=True)
    spatial: Mapped[Optional[str]] = mapped_column(String(300))
    temporal_start: Mapped[Optional[date]] = mapped_column(Date)
    temporal_end: Mapped[Optional[date]] = mapped_column(Date)
    frequency: Mapped[Optional[str]] = mapped_column(String(40))  # EU frequency code
    issued: Mapped[Optional[date]] = mapped_column(Date)
    modified: Mapped[Optional[datetime]] = mapped_column(UTCDateTime())  # when the data last changed
    language: Mapped[str] = mapped_column(String(10), default="vi")
    contact_name: Mapped[Optional[str]] = mapped_column(String(200))
    contact_email: Mapped[Optional[str]] = mapped_column(String(254))
    contact_phone: Mapped[Optional[str]] = mapped_column(String(40))
    quality_notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[Optional[str]] = mapped_column(String(40))
    legal_basis: Mapped[Optional[str]] = mapped_column(String(300))  # e.g. the catalogue decision
    state: Mapped[DatasetState] = mapped_column(_enum(DatasetState), default=DatasetState.DRAFT)
    withdrawn_reason: Mapped[Optional[str]] = mapped_column(Text)
    private: Mapped[bool] = mapped_column(default=False)
    extras: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    view_count: Mapped[int] = mapped_column(default=0)
    created: Mapped[datetime] = created_column()
    metadata_modified: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, index=True)
    # Optimistic concurrency: an UPDATE names the version it read; a stale one matches no row.
    lock_version: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": lock_version}

    organization: Mapped["Organization"] = relationship(back_populates="datasets")
    licence: Mapped[Optional[Licence]] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary=dataset_tag, order_by=Tag.name)
    topics: Mapped[list[Topic]] = relationship(secondary=dataset_topic, order_by=Topic.position)
    resources: Mapped[list["Resource"]] = relationship(
        back_populates="dataset", order_by="Resource.position", cascade="all, delete-orphan"
    )

    @property
    def is_public(self) -> bool:
        return self.state is DatasetState.PUBLISHED and not self.private

    def __repr__(self) -> str:
        return f"<Dataset {self.slug}>"


class Resource(db.Model):
    __tablename__ = "resource"

    id: Mapped[str] = uuid_pk()
    dataset_id: Mapped[str] = mapped_column(ForeignKey("dataset.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[ResourceKind] = mapped_column(_enum(ResourceKind), default=ResourceKind.FILE)
    url: Mapped[Optional[str]] = mapped_column(String(2000))  # for URL and API resources
    storage_key: Mapped[Optional[str]] = mapped_column(String(300))  # for stored files
    filename: Mapped[Optional[str]] = mapped_column(String(300))  # original (Vietnamese) name
    format: Mapped[Optional[str]] = mapped_column(String(40), index=True)  # "CSV", "XLSX", ...
    media_type: Mapped[Optional[str]] = mapped_column(String(200))
    size: Mapped[Optional[int]]
    sha256: Mapped[Optional[str]] = mapped_column(String(64))
    download_count: Mapped[int] = mapped_column(default=0)
    # Held back by the pre-publication safety gate: stored, visible to its
    # agency, never to the public until cleared or overridden (R11, R14).
    withheld: Mapped[bool] = mapped_column(default=False)
    created: Mapped[datetime] = created_column()
    modified: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    dataset: Mapped[Dataset] = relationship(back_populates="resources")
    versions: Mapped[list["ResourceVersion"]] = relationship(
        back_populates="resource", order_by="ResourceVersion.number.desc()", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Resource {self.id} {self.name!r}>"


class ResourceVersion(db.Model):
    """A file a resource held before it was replaced; kept retrievable (R12)."""

    __tablename__ = "resource_version"
    __table_args__ = (UniqueConstraint("resource_id", "number"),)

    id: Mapped[str] = uuid_pk()
    resource_id: Mapped[str] = mapped_column(ForeignKey("resource.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]  # 1 for the first file the resource held
    storage_key: Mapped[str] = mapped_column(String(300))
    filename: Mapped[Optional[str]] = mapped_column(String(300))
    format: Mapped[Optional[str]] = mapped_column(String(40))
    media_type: Mapped[Optional[str]] = mapped_column(String(200))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    created: Mapped[datetime] = mapped_column(UTCDateTime())  # when this file was uploaded
    replaced: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[Optional[str]] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    resource: Mapped[Resource] = relationship(back_populates="versions")
