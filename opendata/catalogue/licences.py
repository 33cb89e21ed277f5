"""Keeping the licence table in step with what the licence plugins provide."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import Licence
from ..plugins import get_plugin_manager

FIELDS = ("title", "title_en", "url", "summary", "summary_en", "od_conformant", "is_default", "position")


def plugin_licences() -> list[dict]:
    """Licence dicts from every enabled plugin; the first definition of an id wins."""
    seen: dict[str, dict] = {}
    for batch in get_plugin_manager().hook.opendata_licences():
        for entry in batch or ():
            seen.setdefault(entry["id"], entry)
    return list(seen.values())


def sync_licences() -> int:
    """Add the plugins' licences the table lacks; returns how many were added.

    Existing rows are left alone: once a licence is in the table the Department
    owns it (titles, the default choice) through the administration pages.
    """
    entries = plugin_licences()
    has_default = db.session.scalar(select(Licence.id).where(Licence.is_default.is_(True))) is not None
    added = 0
    for entry in entries:
        if db.session.get(Licence, entry["id"]) is not None:
            continue
        licence = Licence(id=entry["id"], **{name: entry[name] for name in FIELDS if name in entry})
        if licence.is_default and has_default:
            licence.is_default = False
        has_default = has_default or bool(licence.is_default)
        db.session.add(licence)
        added += 1
    db.session.commit()
    return added
