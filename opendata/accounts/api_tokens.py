"""API tokens: named secrets that let a program act for a user on the Action API.

A token is ``odp_`` followed by 32 random bytes (URL-safe base64); the prefix
makes a leaked token easy to recognise (secret scanners, logs). Only its
SHA-256 is stored: the secret is returned once, by :func:`create_token`, and
cannot be shown again. Revoking keeps the row (with its name and last use)
so the owner sees what existed; a revoked token never authenticates again.
(E-mail confirmation and password-reset links live in ``tokens.py``.)
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from opendata.i18n import lazy_gettext as _l
from sqlalchemy import select, update

from ..extensions import db
from ..models import ApiToken, User, utcnow

PREFIX = "odp_"
SHOWN_PREFIX = 12  # characters of the secret kept to tell tokens apart ("odp_" + 8)
NAME_MAX = 200
# last_used_at is written at most this often per token: one write per request would
# turn every API read into a database write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class TokenInputError(ValueError):
    """A token cannot be made as asked; ``errors`` maps the field to messages."""

    def __init__(self, errors: dict[str, list]):
        super().__init__("; ".join(f"{k}: {', '.join(str(m) for m in v)}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once, never stored


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(user: User, name: str) -> NewToken:
    """A new token for ``user``; the returned secret is the only copy."""
    name = " ".join((name or "").split())
    if not name:
        raise TokenInputError({"name": [_l("Give the token a name, for example the program that will use it.")]})
    if len(name) > NAME_MAX:
        raise TokenInputError({"name": [_l("At most %(max)s characters.", max=NAME_MAX)]})
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, token_hash=hash_secret(secret), prefix=secret[:SHOWN_PREFIX])
    db.session.add(token)
    db.session.commit()
    return NewToken(token, secret)


def list_tokens(user: User, include_revoked: bool = True) -> list[ApiToken]:
    """The user's tokens, newest first."""
    stmt = select(ApiToken).where(ApiToken.user_id == user.id)
    if not include_revoked:
        stmt = stmt.where(ApiToken.revoked_at.is_(None))
    return list(db.session.scalars(stmt.order_by(ApiToken.created.desc(), ApiToken.id)))


def get_token(user: User, token_id: str) -> ApiToken | None:
    """``user``'s token ``token_id``; None for another user's token (no probing of ids)."""
    token = db.session.get(ApiToken, token_id)
    return token if token is not None and token.user_id == user.id else None


def find_token(reference: str) -> ApiToken | None:
    """A token by id or by its shown prefix (for operators); None when unknown or ambiguous."""
    token = db.session.get(ApiToken, reference)
    if token is not None:
        return token
    if not reference.startswith(PREFIX) or len(reference) < SHOWN_PREFIX:
        return None
    found = db.session.scalars(select(ApiToken).where(ApiToken.prefix == reference[:SHOWN_PREFIX])).all()
    if len(reference) > SHOWN_PREFIX:  # the whole secret
        found = [t for t in found if t.token_hash == hash_secret(reference)]
    return found[0] if len(found) == 1 else None


def revoke_token(token: ApiToken) -> bool:
    """Stop ``token`` working; False when it already was revoked."""
    if token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    db.session.commit()
    return True


def authenticate(secret: str) -> User | None:
    """The active user a live token belongs to, or None (unknown, revoked, disabled user)."""
    secret = (secret or "").strip()
    if not secret or len(secret) > 200:
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_secret(secret)))
    if token is None or token.revoked_at is not None or not token.user.active:
        return None
    _mark_used(token)
    return token.user


def _mark_used(token: ApiToken) -> None:
    now = utcnow()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_RESOLUTION:
        return
    # A plain UPDATE in its own short transaction: the request has not changed anything yet.
    db.session.execute(update(ApiToken).where(ApiToken.id == token.id).values(last_used_at=now))
    db.session.commit()
