"""Agencies (cơ quan) and their types; hierarchy and types are data, not code."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Optional

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, created_column, utcnow, uuid_pk

if TYPE_CHECKING:
    from .dataset import Dataset


class AgencyType(db.Model):
    __tablename__ = "agency_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[Optional[str]] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)

    organizations: Mapped[list["Organization"]] = relationship(back_populates="agency_type")


class Organization(db.Model):
    __tablename__ = "organization"

    id: Mapped[str] = uuid_pk()
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[Optional[str]] = mapped_column(String(300))
    abbreviation: Mapped[Optional[str]] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text, default="")
    agency_type_id: Mapped[int] = mapped_column(ForeignKey("agency_type.id"), index=True)
    parent_id: Mapped[Optional[str]] = mapped_column(ForeignKey("organization.id"), index=True)
    address: Mapped[Optional[str]] = mapped_column(String(500))
    website: Mapped[Optional[str]] = mapped_column(String(500))
    email: Mapped[Optional[str]] = mapped_column(String(254))
    phone: Mapped[Optional[str]] = mapped_column(String(40))
    # Focal officer (cán bộ đầu mối, Art. 6.2): the person citizens and the Department contact.
    focal_name: Mapped[Optional[str]] = mapped_column(String(200))
    focal_title: Mapped[Optional[str]] = mapped_column(String(200))
    focal_email: Mapped[Optional[str]] = mapped_column(String(254))
    focal_phone: Mapped[Optional[str]] = mapped_column(String(40))
    created: Mapped[datetime] = created_column()
    modified: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    agency_type: Mapped[AgencyType] = relationship(back_populates="organizations")
    parent: Mapped[Optional["Organization"]] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Organization"]] = relationship(back_populates="parent", order_by="Organization.name")
    datasets: Mapped[list["Dataset"]] = relationship(back_populates="organization")

    def __repr__(self) -> str:
        return f"<Organization {self.slug}>"
