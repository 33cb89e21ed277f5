"""Checking dataset metadata (R2) before anything is written."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from opendata.i18n import lazy_gettext as _l
from sqlalchemy import func, select

from ..extensions import db
from ..models import Dataset, Licence, Topic
from ..vietnamese import slugify
from ..vocabularies import FREQUENCIES
from .errors import ValidationError

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PHONE = re.compile(r"^[0-9 +().-]{6,20}$")
# Words of the portal's own URLs: /dataset/new is the form, not a dataset.
RESERVED_SLUGS = {"new"}

# Every metadata field a publisher edits, with its maximum length (None: a date or a list).
TEXT_FIELDS = {
    "title": 500, "title_en": 500, "description": 20_000, "description_en": 20_000, "spatial": 300,
    "contact_name": 200, "contact_email": 254, "contact_phone": 40, "quality_notes": 5_000,
    "version": 40, "legal_basis": 300, "identifier": 200, "slug": 100, "language": 10,
    "frequency": 40, "licence_id": 100,
}
DATE_FIELDS = ("temporal_start", "temporal_end", "issued")
LIST_FIELDS = ("tags", "topics")
BOOL_FIELDS = ("private",)
FIELDS = tuple(TEXT_FIELDS) + DATE_FIELDS + LIST_FIELDS + BOOL_FIELDS


def clean_dataset(data: dict[str, Any], dataset: Dataset | None = None) -> dict[str, Any]:
    """Normalise and check ``data``; return only the fields given, ready to apply.

    On create (``dataset`` is None) the title is required and the slug is
    derived from it when not given. Raises :class:`ValidationError` listing
    every problem at once, so a form can show them all.
    """
    errors: dict[str, list] = {}
    out: dict[str, Any] = {}

    def fail(field: str, message) -> None:
        errors.setdefault(field, []).append(message)

    for name, limit in TEXT_FIELDS.items():
        if name in data:
            value = (data[name] or "").strip()
            if "\x00" in value:
                fail(name, _l("This field contains characters that are not allowed."))
            elif len(value) > limit:
                fail(name, _l("At most %(max)s characters.", max=limit))
            out[name] = value or None
    for name in DATE_FIELDS:
        if name in data:
            value = data[name]
            if value is not None and not isinstance(value, date):
                try:
                    value = date.fromisoformat(str(value)) if str(value).strip() else None
                except ValueError:
                    fail(name, _l("Enter a date as YYYY-MM-DD."))
                    value = None
            out[name] = value
    for name in LIST_FIELDS:
        if name in data:
            values = data[name] or []
            if isinstance(values, str):
                values = values.split(",")
            out[name] = list(dict.fromkeys(v.strip() for v in values if v and v.strip()))
    if "private" in data:
        out["private"] = bool(data["private"])

    creating = dataset is None
    if creating or "title" in out:
        if not out.get("title"):
            fail("title", _l("A dataset needs a title."))
    if out.get("description") is None and "description" in out:
        out["description"] = ""
    if "description_en" in out and out["description_en"] is None:
        out["description_en"] = ""
    if "quality_notes" in out and out["quality_notes"] is None:
        out["quality_notes"] = ""
    _check_slug(out, dataset, fail)
    _check_identifier(out, dataset, fail)
    if out.get("licence_id") and db.session.get(Licence, out["licence_id"]) is None:
        fail("licence_id", _l("Choose a licence from the list."))
    if out.get("frequency") and out["frequency"] not in FREQUENCIES:
        fail("frequency", _l("Choose an update frequency from the list."))
    if out.get("contact_email") and not EMAIL.match(out["contact_email"]):
        fail("contact_email", _l("Enter a valid e-mail address, for example ten@so.angiang.gov.vn."))
    if out.get("contact_phone") and not PHONE.match(out["contact_phone"]):
        fail("contact_phone", _l("Enter a phone number using digits, spaces, dots or +."))
    start = out.get("temporal_start", getattr(dataset, "temporal_start", None))
    end = out.get("temporal_end", getattr(dataset, "temporal_end", None))
    if start and end and start > end:
        fail("temporal_end", _l("The end of the period must not be before its start."))
    if "tags" in out:
        for tag in out["tags"]:
            if len(tag) > 100:
                fail("tags", _l("A keyword has at most %(max)s characters.", max=100))
    if "topics" in out:
        known = {t.slug: t for t in db.session.scalars(select(Topic).where(Topic.slug.in_(out["topics"])))}
        missing = [slug for slug in out["topics"] if slug not in known]
        if missing:
            fail("topics", _l("Unknown topic: %(names)s.", names=", ".join(missing)))
        out["topics"] = [known[slug] for slug in out["topics"] if slug in known]
    if errors:
        raise ValidationError(errors)
    return out


def _check_slug(out: dict, dataset: Dataset | None, fail) -> None:
    if dataset is None and not out.get("slug") and out.get("title"):
        out["slug"] = unique_slug(slugify(out["title"]) or "bo-du-lieu")
        return
    if "slug" not in out or (dataset is not None and out["slug"] in (None, dataset.slug)):
        out.pop("slug", None)
        return
    slug = out["slug"] or ""
    if not SLUG.match(slug):
        fail("slug", _l("Use lowercase letters a-z, digits and hyphens, for example danh-sach-truong-hoc."))
    elif dataset is not None and dataset.state.value != "draft":
        fail("slug", _l("The web address of a published dataset cannot change: links to it must keep working."))
    elif slug in RESERVED_SLUGS or _taken(Dataset.slug, slug, dataset):
        fail("slug", _l("Another dataset already uses this web address."))


def _check_identifier(out: dict, dataset: Dataset | None, fail) -> None:
    if "identifier" not in out or out["identifier"] is None:
        out.pop("identifier", None)
        return
    if dataset is not None and out["identifier"] == dataset.identifier:
        out.pop("identifier")
        return
    if _taken(Dataset.identifier, out["identifier"], dataset):
        fail("identifier", _l("Another dataset already uses this identifier."))


def _taken(column, value: str, dataset: Dataset | None) -> bool:
    stmt = select(func.count()).select_from(Dataset).where(column == value)
    if dataset is not None:
        stmt = stmt.where(Dataset.id != dataset.id)
    return db.session.scalar(stmt) > 0


def unique_slug(base: str) -> str:
    base = base[:90].strip("-") or "bo-du-lieu"
    taken = set(db.session.scalars(select(Dataset.slug).where(Dataset.slug.like(f"{base}%")))) | RESERVED_SLUGS
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
