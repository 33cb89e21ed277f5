"""The demo catalogue: a realistic An Giang provincial catalogue for trying the portal.

``flask --app wsgi opendata demo`` calls :func:`load_demo`. Everything is
generated from code with fixed seeds (no downloads, no real personal data),
so two loads on fresh databases give the same slugs and file checksums.
"""
from __future__ import annotations

import time
from typing import Callable

from sqlalchemy import select

from ..extensions import db
from ..models import Dataset
from .accounts import create_demo_accounts
from .build import Builder, DemoError, Summary

__all__ = ["DemoError", "Summary", "load_demo"]


def load_demo(if_empty: bool = False, echo: Callable[[str], object] = print) -> Summary | None:
    """Load agencies, topics, licences, datasets and their files in one transaction.

    With ``if_empty`` nothing happens when the database already holds datasets
    (handy in container entry points). On any failure the transaction is
    rolled back and the files already stored are deleted, so no half-loaded
    demo remains. Licences are synchronised first by ``sync_licences``, which
    commits on its own; that step is idempotent and safe to keep on failure.
    """
    from ..catalogue.licences import sync_licences
    from ..storage import get_storage

    if if_empty and db.session.scalar(select(Dataset.id).limit(1)) is not None:
        echo("The database already holds datasets; demo not loaded.")
        return None
    started = time.perf_counter()
    storage = get_storage()
    builder = Builder(db.session, storage, echo)
    builder.refuse_conflicts()
    echo("Loading the An Giang demo catalogue…")
    licences = sync_licences()
    echo(f"  {licences} licences added")
    try:
        summary = builder.run()
        db.session.commit()
    except BaseException:
        db.session.rollback()
        for key in builder.saved_keys:
            storage.delete(key)
        raise
    echo(f"Demo loaded in {time.perf_counter() - started:.1f} s ({summary.line()}).")
    create_demo_accounts(echo)
    return summary
