"""Accounts and their memberships in agencies."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import Optional

from flask_login import UserMixin
from sqlalchemy import Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UTCDateTime, created_column, utcnow, uuid_pk
from .organization import Organization


class Role(str, enum.Enum):
    """Role inside one agency. Sysadmin is a flag on the user, not a role."""

    ADMIN = "admin"
    EDITOR = "editor"
    MEMBER = "member"


class AccountKind(str, enum.Enum):
    """Who registered (Art. 7.5): a person, or an organisation such as a business."""

    INDIVIDUAL = "individual"
    ORGANIZATION = "organization"


def _enum(cls):
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class User(UserMixin, db.Model):
    __tablename__ = "user_account"  # "user" is reserved in PostgreSQL

    id: Mapped[str] = uuid_pk()
    username: Mapped[str] = mapped_column(String(100), unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    account_kind: Mapped[AccountKind] = mapped_column(_enum(AccountKind), default=AccountKind.INDIVIDUAL)
    organization_name: Mapped[Optional[str]] = mapped_column(String(300))  # for organisation accounts
    phone: Mapped[Optional[str]] = mapped_column(String(40))
    password_hash: Mapped[Optional[str]] = mapped_column(String(300))
    # Changing the password invalidates reset links and remember-me cookies issued before.
    password_changed_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime())
    last_login_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime())
    # Subject of the Keycloak account when the user signs in through SSO.
    sso_subject: Mapped[Optional[str]] = mapped_column(String(255), unique=True)
    is_sysadmin: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    email_confirmed_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime())
    created: Mapped[datetime] = created_column()

    memberships: Mapped[list["Membership"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    @property
    def is_active(self) -> bool:  # Flask-Login asks this
        return self.active

    def role_in(self, organization_id: str) -> Optional[Role]:
        for membership in self.memberships:
            if membership.organization_id == organization_id:
                return membership.role
        return None


class Membership(db.Model):
    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("user_id", "organization_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role] = mapped_column(_enum(Role))
    created: Mapped[datetime] = created_column()

    user: Mapped[User] = relationship(back_populates="memberships")
    organization: Mapped[Organization] = relationship()


class LoginAttempt(db.Model):
    """Failed and successful sign-ins, kept in the database so throttling works
    the same across several app servers."""

    __tablename__ = "login_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(254), index=True)
    ip: Mapped[str] = mapped_column(String(64), index=True)
    success: Mapped[bool] = mapped_column(default=False)
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
