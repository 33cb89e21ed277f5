"""API tokens: how programs act for a user on the Action API.

Only a SHA-256 hash of each secret is kept, so a copy of the database does
not hand out working tokens; the secret is shown once, when it is made.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, created_column, uuid_pk
from .user import User


class ApiToken(db.Model):
    __tablename__ = "api_token"

    id: Mapped[str] = uuid_pk()
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # hex SHA-256 of the whole secret; the secret itself is never stored
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # the first characters of the secret, so people can tell their tokens apart
    prefix: Mapped[str] = mapped_column(String(20))
    created: Mapped[datetime] = created_column()
    last_used_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime())
    revoked_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship()

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def __repr__(self) -> str:
        return f"<ApiToken {self.prefix}… {self.name!r}>"
