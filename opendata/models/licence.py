"""Licences a dataset can be published under (R5)."""
from __future__ import annotations

from typing import Optional

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class Licence(db.Model):
    __tablename__ = "licence"

    # CKAN-style ids such as "cc-by-4.0" keep `license_id` values portable.
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[Optional[str]] = mapped_column(String(300))
    url: Mapped[Optional[str]] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text, default="")
    summary_en: Mapped[str] = mapped_column(Text, default="")
    # Conforms to the Open Definition (opendefinition.org) — shown to visitors.
    od_conformant: Mapped[bool] = mapped_column(default=True)
    # The statutory default terms (Art. 43 Law 20/2023/QH15, Art. 18 Decree 47/2020):
    # they apply to a dataset whose agency chose none.
    is_default: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)
