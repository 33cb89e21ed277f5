"""Where resource bytes live. Local folder by default; an object store later.

Writers stream into a temporary name inside the storage folder (same file
system) while hashing, then rename into place, so a reader never sees a half
written file and a failed upload leaves nothing behind.
"""
from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    key: str
    size: int
    sha256: str


class StorageError(Exception):
    pass


class TooLarge(StorageError):
    def __init__(self, limit: int):
        super().__init__(f"file exceeds {limit} bytes")
        self.limit = limit


class LocalStorage:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root).resolve()
        self.tmp = self.root / ".tmp"
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        """Absolute path of ``key``; refuses keys that would escape the root."""
        path = (self.root / key).resolve()
        if self.root not in path.parents:
            raise StorageError(f"invalid storage key {key!r}")
        return path

    def exists(self, key: str) -> bool:
        try:
            return self.path(key).is_file()
        except StorageError:  # a corrupt key names nothing we hold
            return False

    def size(self, key: str) -> int:
        return self.path(key).stat().st_size

    def open(self, key: str) -> BinaryIO:
        return self.path(key).open("rb")

    def save(self, chunks: Iterable[bytes] | BinaryIO, *, prefix: str = "", max_size: int | None = None) -> StoredFile:
        """Stream ``chunks`` (an iterable of bytes or a binary file) into a new key."""
        if hasattr(chunks, "read"):
            stream = chunks
            chunks = iter(lambda: stream.read(CHUNK), b"")
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = _mkstemp(self.tmp)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    size += len(chunk)
                    if max_size is not None and size > max_size:
                        raise TooLarge(max_size)
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            key = f"{prefix.strip('/') + '/' if prefix else ''}{digest.hexdigest()[:2]}/{secrets.token_hex(16)}"
            final = self.path(key)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp_name, final)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return StoredFile(key=key, size=size, sha256=digest.hexdigest())

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def sha256(self, key: str) -> str:
        digest = hashlib.sha256()
        with self.open(key) as handle:
            for chunk in iter(lambda: handle.read(CHUNK), b""):
                digest.update(chunk)
        return digest.hexdigest()


def _mkstemp(folder: Path) -> tuple[int, str]:
    name = folder / f"upload-{secrets.token_hex(12)}.part"
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
    return fd, str(name)


def init_app(app) -> None:
    app.extensions["opendata.storage"] = LocalStorage(app.config["STORAGE_PATH"])


def get_storage(app=None) -> LocalStorage:
    from flask import current_app

    return (app or current_app).extensions["opendata.storage"]
