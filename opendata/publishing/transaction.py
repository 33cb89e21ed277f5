"""Several publishing actions committed as one.

Each publishing function commits its own work, which is what a form needs.
A machine request that does several things at once (the API's
``package_update``: metadata, then resources, then state) must instead keep
all of them or none: inside :func:`one_transaction` each action only flushes,
the unit commits once at its end, and a failure anywhere rolls every step back.
Work that cannot be undone (deleting stored files) waits for that commit.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator

from sqlalchemy.orm.exc import StaleDataError

from ..extensions import db
from .errors import ConflictError

_UNIT: ContextVar[list[Callable[[], None]] | None] = ContextVar("publishing_unit", default=None)


def in_unit() -> bool:
    return _UNIT.get() is not None


def commit() -> None:
    """Commit one action (a stale ``lock_version`` is a :class:`ConflictError`); inside a unit, flush only."""
    try:
        if in_unit():
            db.session.flush()
        else:
            db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise ConflictError() from error
    except BaseException:
        db.session.rollback()
        raise


def after_commit(job: Callable[[], None]) -> None:
    """Run ``job`` once the work is committed: a failed commit must not have lost files."""
    pending = _UNIT.get()
    if pending is None:
        job()
    else:
        pending.append(job)


@contextmanager
def one_transaction() -> Iterator[None]:
    """The publishing actions inside commit together at the end, or not at all (nested units join the outer one)."""
    if in_unit():
        yield
        return
    pending: list[Callable[[], None]] = []
    token = _UNIT.set(pending)
    try:
        yield
    except BaseException:
        db.session.rollback()
        raise
    finally:
        _UNIT.reset(token)
    commit()
    for job in pending:
        job()
