"""Helpers every admin capability shares: rule errors, input cleaning, commits."""
from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from opendata.i18n import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db

# Slugs appear in public URLs and CKAN ids: lowercase ASCII words joined by hyphens.
SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_SLUG = re.compile(rf"^{SLUG_PATTERN}$")

SLUG_FORMAT_MESSAGE = _l(
    "Use only lowercase letters without accents (a-z), digits and hyphens, for example so-y-te."
)


class Invalid(Exception):
    """Input that breaks a rule. ``errors`` maps a form field (``None``: the whole form) to a message."""

    def __init__(self, errors: Mapping[str | None, Any]):
        super().__init__(dict(errors))
        self.errors = dict(errors)


def clean(data: Mapping[str, Any], fields: Iterable[str], required_text: Iterable[str] = ()) -> dict[str, Any]:
    """``data`` restricted to ``fields``; text stripped, empty text ``None``
    (or ``""`` for the NOT NULL text columns named in ``required_text``)."""
    keep_empty = set(required_text)
    result = {}
    for name in fields:
        if name not in data:
            continue
        value = data[name]
        if isinstance(value, str):
            value = value.strip()
            if not value and name not in keep_empty:
                value = None
        if value is None and name in keep_empty:
            value = ""
        result[name] = value
    return result


def slug_error(model, slug: str | None, current_id=None, column=None):
    """Why ``slug`` cannot name a ``model`` row, or ``None`` when it can."""
    column = column if column is not None else model.slug
    if not slug or not _SLUG.match(slug):
        return SLUG_FORMAT_MESSAGE
    stmt = select(func.count()).select_from(model).where(column == slug)
    if current_id is not None:
        stmt = stmt.where(model.id != current_id)
    if db.session.scalar(stmt):
        return _l("This short name is already used; choose another one.")
    return None


def commit(conflict: Mapping[str | None, Any] | None = None) -> None:
    """Commit the action's one transaction; a constraint the checks missed
    (two people saving at once) becomes a rule error instead of a 500."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Invalid(conflict or {None: _l("The change conflicts with data saved at the same time. Please try again.")})
