"""Re-hash stored files in bounded memory and report what no longer matches."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable, Iterator

from sqlalchemy import select

from ..extensions import db
from ..models import Dataset, Resource, ResourceVersion
from ..storage import CHUNK, StorageError, get_storage


@dataclass(frozen=True)
class StoredItem:
    """One stored file and the checksum recorded for it."""

    kind: str  # "resource" (the current file) or "version" (an earlier file of a resource)
    id: str  # Resource.id or ResourceVersion.id
    resource_id: str
    dataset_slug: str
    storage_key: str
    sha256: str | None
    size: int | None


@dataclass(frozen=True)
class Problem:
    item: StoredItem
    problem: str  # "missing", "changed" or "no_checksum"
    actual_sha256: str | None = None

    def as_dict(self) -> dict:
        return {**asdict(self.item), "problem": self.problem, "actual_sha256": self.actual_sha256}


@dataclass
class Report:
    checked: int = 0
    bytes_read: int = 0
    problems: list[Problem] = field(default_factory=list)

    def _of(self, kind: str) -> list[Problem]:
        return [p for p in self.problems if p.problem == kind]

    @property
    def missing(self) -> list[Problem]:
        return self._of("missing")

    @property
    def changed(self) -> list[Problem]:
        return self._of("changed")

    @property
    def unchecked(self) -> list[Problem]:
        """Files without a recorded checksum: present, but nothing to compare with."""
        return self._of("no_checksum")

    @property
    def ok(self) -> bool:
        return not self.missing and not self.changed

    def as_dict(self) -> dict:
        return {
            "ok": self.ok, "checked": self.checked, "bytes_read": self.bytes_read,
            "missing": len(self.missing), "changed": len(self.changed), "no_checksum": len(self.unchecked),
            "problems": [p.as_dict() for p in self.problems],
        }


def stored_files() -> list[StoredItem]:
    """Every file the database says storage holds: current files, then earlier versions."""
    current = db.session.execute(
        select(Resource.id, Resource.storage_key, Resource.sha256, Resource.size, Dataset.slug)
        .join(Dataset, Resource.dataset_id == Dataset.id)
        .where(Resource.storage_key.is_not(None))
        .order_by(Dataset.slug, Resource.position, Resource.id)
    ).all()
    versions = db.session.execute(
        select(ResourceVersion.id, ResourceVersion.resource_id, ResourceVersion.storage_key,
               ResourceVersion.sha256, ResourceVersion.size, Dataset.slug)
        .join(Resource, ResourceVersion.resource_id == Resource.id)
        .join(Dataset, Resource.dataset_id == Dataset.id)
        .order_by(Dataset.slug, ResourceVersion.resource_id, ResourceVersion.number)
    ).all()
    return [
        *(StoredItem("resource", rid, rid, slug, key, sha, size) for rid, key, sha, size, slug in current),
        *(StoredItem("version", vid, rid, slug, key, sha, size) for vid, rid, key, sha, size, slug in versions),
    ]


def _chunks(storage, key: str) -> Iterator[bytes]:
    with storage.open(key) as handle:
        yield from iter(lambda: handle.read(CHUNK), b"")


def verify_files(items: Iterable[StoredItem] | None = None,
                 progress: Callable[[int], None] | None = None) -> Report:
    """Re-hash ``items`` (default: :func:`stored_files`) chunk by chunk.

    ``progress`` is called with the number of bytes after each chunk read,
    and with the recorded size of a file that could not be read, so a
    progress bar sized by the recorded sizes still reaches its end.
    """
    storage = get_storage()
    report = Report()
    for item in stored_files() if items is None else items:
        report.checked += 1
        digest = hashlib.sha256()
        try:
            if not storage.exists(item.storage_key):
                raise FileNotFoundError(item.storage_key)
            read = 0
            for chunk in _chunks(storage, item.storage_key):
                digest.update(chunk)
                read += len(chunk)
                if progress:
                    progress(len(chunk))
            report.bytes_read += read
        except (OSError, StorageError):
            report.problems.append(Problem(item, "missing"))
            if progress and item.size:
                progress(item.size)
            continue
        actual = digest.hexdigest()
        if not item.sha256:
            report.problems.append(Problem(item, "no_checksum", actual))
        elif actual != item.sha256.lower():
            report.problems.append(Problem(item, "changed", actual))
    return report
