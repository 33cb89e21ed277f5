"""Topics (chủ đề), CKAN's groups; each maps to a DCAT-AP data theme."""
from __future__ import annotations

from typing import Optional

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .base import uuid_pk


class Topic(db.Model):
    __tablename__ = "topic"

    id: Mapped[str] = uuid_pk()
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[Optional[str]] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    # Code of the EU data-theme vocabulary (e.g. "ECON", "HEAL") for DCAT-AP output.
    eu_theme: Mapped[Optional[str]] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(default=0)

