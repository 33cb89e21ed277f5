"""A dataset's history as people read it: who, when, what changed (R12).

The activity log is public for readable datasets (integrity is public), but
officers' names are personal data: only members of the agency and the
Department see them; everyone else sees the agency's name.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from opendata.i18n import lazy_gettext as _l

from .. import history
from ..auth import can
from ..extensions import db
from ..i18n import filesize, local_date, localized
from ..models import Activity, Dataset, Resource
from ..vocabularies import frequency_label

ACTIONS = {
    "dataset.created": _l("Created the dataset"),
    "dataset.updated": _l("Edited the metadata"),
    "dataset.published": _l("Published the dataset"),
    "dataset.withdrawn": _l("Withdrew the dataset"),
    "dataset.made_private": _l("Made the dataset private"),
    "dataset.made_public": _l("Made the dataset public"),
    "dataset.deleted": _l("Deleted the draft"),
    "resource.created": _l("Added a resource"),
    "resource.updated": _l("Edited a resource"),
    "resource.file_replaced": _l("Replaced the file of a resource"),
    "resource.deleted": _l("Removed a resource"),
    "resource.withheld": _l("The safety check held a resource back"),
    "resource.released": _l("Released a held-back resource"),
}

# Labels for the fields a change can name; shared with the edit form.
FIELD_LABELS = {
    "title": _l("Title"), "title_en": _l("Title in English"), "description": _l("Description"),
    "description_en": _l("Description in English"), "spatial": _l("Spatial coverage"),
    "contact_name": _l("Contact person"), "contact_email": _l("Contact e-mail"), "contact_phone": _l("Contact phone"),
    "quality_notes": _l("Data quality notes"), "version": _l("Version"), "legal_basis": _l("Legal basis"),
    "identifier": _l("Identifier"), "slug": _l("Web address"), "language": _l("Language"),
    "frequency": _l("Update frequency"), "licence_id": _l("Licence"), "temporal_start": _l("Period covered: start"),
    "temporal_end": _l("Period covered: end"), "issued": _l("Date issued"), "private": _l("Private"),
    "tag_names": _l("Keywords"), "topic_slugs": _l("Topics"), "state": _l("State"),
    "withdrawn_reason": _l("Reason for withdrawal"), "name": _l("Name"), "filename": _l("File name"),
    "sha256": _l("SHA-256 checksum"), "size": _l("Size"), "format": _l("Format"), "url": _l("Address"),
    "kind": _l("Kind"), "withheld": _l("Held back by the safety check"),
}
ORDER = {name: position for position, name in enumerate(FIELD_LABELS)}
LANGUAGES = {"vi": _l("Vietnamese"), "en": _l("English")}
STATES = {"draft": _l("Draft"), "published": _l("Published"), "withdrawn": _l("Withdrawn")}
KINDS = {"file": _l("File"), "url": _l("Link"), "api": _l("API")}
DATES = {"temporal_start", "temporal_end", "issued"}
LONG_TEXT = 300


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Entry:
    timestamp: datetime
    actor: str
    action: str
    subject: str  # the resource's name, or "" for the dataset itself
    changes: list[Change] = field(default_factory=list)


def shows_names(user, dataset: Dataset) -> bool:
    """Officers' names are shown to their agency and to the Department only."""
    return can(user, "dataset.read_unpublished", dataset)


def dataset_history(user, dataset: Dataset, limit: int = 50, offset: int = 0) -> list[Entry]:
    """The entries ``user`` may read, newest first."""
    return _entries(user, dataset, history.dataset_activity(dataset.id, limit=limit, offset=offset))


def changes_since(user, dataset: Dataset, since: datetime | None, limit: int = 20) -> list[Entry]:
    """What others saved after ``since`` (for an editor whose save came too late)."""
    rows = history.dataset_activity(dataset.id, limit=limit)
    later = [row for row in rows if since is None or row.timestamp > since]
    return _entries(user, dataset, later or rows[:1])  # at least the latest save


def _entries(user, dataset: Dataset, rows: list[Activity]) -> list[Entry]:
    names = shows_names(user, dataset)
    hidden = set() if names else _hidden_resources(user, rows)
    return [
        Entry(
            timestamp=row.timestamp,
            actor=_actor(row, dataset, names),
            action=str(ACTIONS.get(row.action, row.action)),
            subject=row.summary if row.object_type == "resource" else "",
            changes=[c for c in (_change(n, v) for n, v in sorted(row.changes.items(), key=_order) if _shown(v))
                     if c.before != c.after],
        )
        for row in rows
        if row.object_id not in hidden
    ]


def _hidden_resources(user, rows: list[Activity]) -> set[str]:
    """Resources held back by the safety gate stay out of the public history too."""
    ids = {row.object_id for row in rows if row.object_type == "resource"}
    if not ids:
        return set()
    resources = db.session.scalars(db.select(Resource).where(Resource.id.in_(ids))).all()
    return {r.id for r in resources if not can(user, "resource.read", r)}


def _actor(row: Activity, dataset: Dataset, names: bool) -> str:
    if names and row.user is not None:
        return row.user.full_name or row.user.username
    if row.user is not None and row.user.is_sysadmin and row.user.role_in(dataset.organization_id) is None:
        return str(_l("Portal administrator"))
    return localized(dataset.organization, "name")


def _order(item) -> tuple:
    """Fields in the order of the form, unknown ones last."""
    return (ORDER.get(item[0], len(ORDER)), item[0])


def _shown(values) -> bool:
    return isinstance(values, (list, tuple)) and len(values) == 2 and values[0] != values[1]


def _change(name: str, values) -> Change:
    before, after = values
    return Change(str(FIELD_LABELS.get(name, name)), format_value(name, before), format_value(name, after))


def format_value(name: str, value: Any) -> str:
    """A recorded before/after value as a short, translated text."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return str(_l("Yes")) if value else str(_l("No"))
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if name in DATES:
        try:
            return local_date(date.fromisoformat(str(value)[:10]))
        except ValueError:
            return str(value)
    if name == "size" and isinstance(value, int):
        return filesize(value)
    if name == "state":
        return str(STATES.get(value, value))
    if name == "kind":
        return str(KINDS.get(value, value))
    if name == "frequency":
        return frequency_label(value)
    if name == "language":
        return str(LANGUAGES.get(value, value))
    text = " ".join(str(value).split())
    return text if len(text) <= LONG_TEXT else text[: LONG_TEXT - 1] + "…"
