"""The Whoosh index folder: generations, the pointer to the current one, and the locks.

Layout under the index folder::

    CURRENT            name of the generation searches use (replaced atomically)
    g<time>-<pid>-<random>/  one complete Whoosh index per generation
    BUILDING           name of the generation a rebuild is writing, while it does
    <generation>.journal  updates made while that rebuild runs, replayed before the swap
    lock               held briefly: creating, swapping, updating, journalling
    rebuild.lock       held for a whole rebuild; removing generations needs it

Several processes share the folder. A rebuild writes a new generation beside
the current one and only then points ``CURRENT`` at it, so searches never see
half an index; updates made meanwhile are written to the current generation
and journalled, and the rebuild replays the journal before it swaps.
"""
from __future__ import annotations

import contextlib
import os
import pickle
import re
import secrets
import shutil
import time
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.util.filelock import FileLock

from .whoosh_schema import schema

POINTER = "CURRENT"
BUILDING = "BUILDING"
LOCK_TIMEOUT = 30.0  # seconds to wait for another process's update or swap
_GENERATION = re.compile(r"^g\d+-\d+-[0-9a-f]+$")


class StoreLocked(RuntimeError):
    """Another process kept the index folder locked too long."""


class Store:
    def __init__(self, root: Path):
        self.root = root

    # -- pointer ---------------------------------------------------------

    def stamp(self):
        """Changes whenever ``CURRENT`` is replaced (cheap: one stat)."""
        try:
            st = os.stat(self.root / POINTER)
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size

    def current(self) -> str | None:
        try:
            name = (self.root / POINTER).read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return None
        return name if _GENERATION.match(name) else None

    def folder(self, generation: str) -> Path:
        return self.root / generation

    def open(self, generation: str):
        return whoosh_index.open_dir(str(self.folder(generation)))

    def _publish(self, generation: str) -> None:
        temporary = self.root / f"{POINTER}.{os.getpid()}.tmp"
        temporary.write_text(generation + "\n", encoding="ascii")
        os.replace(temporary, self.root / POINTER)

    # -- locks -----------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self, name: str, timeout: float | None = LOCK_TIMEOUT):
        lock = FileLock(str(self.root / name))
        deadline = None if timeout is None else time.monotonic() + timeout
        while not lock.acquire():
            if deadline is not None and time.monotonic() > deadline:
                raise StoreLocked(str(self.root / name))
            time.sleep(0.05)
        try:
            yield
        finally:
            lock.release()

    def locked(self):
        """The short lock: updates, journal and swaps take it."""
        return self._locked("lock")

    # -- generations -----------------------------------------------------

    def ensure(self) -> str:
        """The current generation, creating an empty one when the folder has none."""
        name = self.current()
        if name and self.folder(name).is_dir():
            return name
        self.root.mkdir(parents=True, exist_ok=True)
        with self.locked():
            name = self.ensure_locked()
        self._remove_stale(keep=name, blocking=False)
        return name

    def ensure_locked(self) -> str:
        """:meth:`ensure` for a caller holding :meth:`locked`."""
        name = self.current()
        if name and self.folder(name).is_dir():
            return name
        name = self._create()
        self._publish(name)
        return name

    def _create(self) -> str:
        name = f"g{time.time_ns()}-{os.getpid()}-{secrets.token_hex(3)}"
        folder = self.folder(name)
        folder.mkdir()
        whoosh_index.create_in(str(folder), schema())
        return name

    @contextlib.contextmanager
    def building(self):
        """Yield a fresh generation (name, index) to fill; ``swap`` publishes it.

        Only one rebuild runs at a time (the others wait). If the body raises,
        the half-built generation is removed and the current one stays.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        with self._locked("rebuild.lock", timeout=None):
            name = self._create()
            with self.locked():
                (self.root / BUILDING).write_text(name + "\n", encoding="ascii")
            try:
                yield name, whoosh_index.open_dir(str(self.folder(name)))
            except BaseException:
                with self.locked():
                    self._clear_building(name)
                shutil.rmtree(self.folder(name), ignore_errors=True)
                raise
            self._remove_stale(keep=name, blocking=None)

    def swap(self, name: str, replay) -> None:
        """Replay updates journalled for ``name`` with ``replay(entries)``, then publish it."""
        with self.locked():
            entries = self._read_journal(name)
            if entries:
                replay(entries)
            self._publish(name)
            self._clear_building(name)

    def journal(self, documents, delete) -> None:
        """Keep an update for the rebuild in progress, if any (call holding :meth:`locked`)."""
        try:
            name = (self.root / BUILDING).read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return
        if not _GENERATION.match(name):
            return
        with open(self.root / f"{name}.journal", "ab") as journal:
            pickle.dump((list(documents), list(delete)), journal, protocol=pickle.HIGHEST_PROTOCOL)

    def _read_journal(self, name: str):
        entries = []
        try:
            with open(self.root / f"{name}.journal", "rb") as journal:
                while True:
                    try:
                        entries.append(pickle.load(journal))
                    except EOFError:
                        break
        except FileNotFoundError:
            pass
        return entries

    def _clear_building(self, name: str) -> None:
        for path in (self.root / BUILDING, self.root / f"{name}.journal"):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def _remove_stale(self, keep: str, blocking: bool | None) -> None:
        """Remove generations other than ``keep``; files other processes still have open
        are tolerated (whatever cannot be removed now goes next time).

        ``blocking=None`` means the caller already holds ``rebuild.lock``.
        """
        if blocking is None:
            self._remove_except(keep)
            return
        lock = FileLock(str(self.root / "rebuild.lock"))
        if not lock.acquire():
            return  # a rebuild is writing a generation: leave the folder to it
        try:
            self._remove_except(keep)
        finally:
            lock.release()

    def _remove_except(self, keep: str) -> None:
        current = self.current()
        for entry in self.root.iterdir():
            if _GENERATION.match(entry.name) and entry.name not in (keep, current) and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            elif entry.name.endswith(".journal") and entry.name[: -len(".journal")] not in (keep, current):
                with contextlib.suppress(OSError):
                    entry.unlink()
