"""Keeping the licence table in step with what the licence plugins provide."""
from __future__ import annotations

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
    entries = plugin_licences()
    for entry in entries:
        licence = db.session.get(Licence, entry["id"]) or Licence(id=entry["id"])
        for name in FIELDS:
            if name in entry:
                setattr(licence, name, entry[name])
        db.session.add(licence)
    db.session.commit()
    return len(entries)
