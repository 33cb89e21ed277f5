"""Finding datasets: one interface, Whoosh on one machine, PostgreSQL full-text at scale.

Pages and the API call :func:`search_datasets`; the index follows the
database through :mod:`.sync`; ``flask --app wsgi opendata reindex`` rebuilds
it aside and swaps it in.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Callable, Iterable

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import search_labels
from ..extensions import db
from ..models import Dataset, utcnow
from ..text import plain_text
from .analysis import ParsedQuery, highlight, parse_query
from .base import FACETS, SORTS, SearchBackend, SearchDocument, SearchQuery, SearchResult
from .documents import count_datasets, documents_for, iter_documents

BACKENDS = ("auto", "whoosh", "postgresql")
SNIPPET_SCAN = 3000  # characters of a description searched for words to mark

__all__ = [
    "FACETS", "SORTS", "SearchBackend", "SearchDocument", "SearchQuery", "SearchResult", "get_backend",
    "index_needs_building", "init_app", "parse_query", "refresh_datasets", "reindex", "search_datasets",
]


def init_app(app) -> None:
    choice = app.config.setdefault("SEARCH_BACKEND", "auto")
    if choice not in BACKENDS:
        raise ValueError(f"OPENDATA_SEARCH_BACKEND must be one of {', '.join(BACKENDS)}, not {choice!r}")
    app.extensions["opendata.search"] = None  # opened on first use, inside an app context
    app.add_template_global(highlight, "highlight")
    app.add_template_global(snippet, "snippet")
    from . import sync

    sync.init_app(app)


def snippet(markdown: str | None, query: ParsedQuery, length: int = 220):
    """A piece of a description around the first word of ``query``, words marked.

    Only the start of a long description is searched for the words to mark.
    """
    return highlight(plain_text(markdown)[:SNIPPET_SCAN], query, length)


def _open_backend(app) -> SearchBackend:
    choice = app.config["SEARCH_BACKEND"]
    if choice == "auto":
        choice = "postgresql" if db.engine.dialect.name == "postgresql" else "whoosh"
    if choice == "postgresql":
        from .postgres_backend import PostgresBackend

        return PostgresBackend(db.engine)
    from .whoosh_backend import WhooshBackend

    return WhooshBackend(app.config["SEARCH_INDEX_PATH"])


def get_backend() -> SearchBackend:
    """The application's backend, opened once per process."""
    app = current_app._get_current_object()
    backend = app.extensions.get("opendata.search")
    if backend is None:
        backend = app.extensions["opendata.search"] = _open_backend(app)
    return backend


def close_backend(app) -> None:
    """Close the index files and connections ``app`` opened (tests, forked workers)."""
    backend = app.extensions.get("opendata.search")
    if backend is not None:
        backend.close()
        app.extensions["opendata.search"] = None


def search_datasets(
    user,
    text: str | ParsedQuery = "",
    filters: Iterable[tuple[str, str]] = (),
    sort: str = "relevance",
    offset: int = 0,
    limit: int = 20,
    facets: tuple[str, ...] = FACETS,
    facet_limit: int = 50,
) -> tuple[ParsedQuery, SearchResult]:
    """Datasets ``user`` may list that match ``text`` and every filter, with facet counts."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    parsed = text if isinstance(text, ParsedQuery) else parse_query(text)
    query = SearchQuery(
        parsed=parsed,
        labels=search_labels(user),
        filters=tuple((facet, value) for facet, value in filters if value),
        sort=sort,
        offset=max(0, offset),
        limit=max(0, limit),
        facets=facets,
        facet_limit=facet_limit,
    )
    return parsed, get_backend().search(query)


def refresh_datasets(ids: Iterable[str]) -> None:
    """Bring the index in line with the database for ``ids`` (added, changed, withdrawn or deleted)."""
    ids = list(ids)
    if not ids:
        return
    with Session(db.engine) as session:
        documents, removed = documents_for(session, ids)
    get_backend().update(documents, delete=removed)


def reindex(progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the whole index aside and swap it in; return the number of documents.

    ``progress(n)`` is told how many datasets were read. Datasets changed while
    the build ran are indexed again after the swap, so nothing is lost.
    """
    started = utcnow()

    def documents() -> Iterable[SearchDocument]:
        with Session(db.engine) as session:
            for batch in iter_documents(session):
                yield from (document for document in batch if document is not None)
                if progress:
                    progress(len(batch))

    count = get_backend().rebuild(documents())
    with Session(db.engine) as session:
        changed = session.scalars(
            select(Dataset.id).where(Dataset.metadata_modified >= started - timedelta(seconds=1))
        ).all()
    refresh_datasets(changed)
    return count


def dataset_count() -> int:
    with Session(db.engine) as session:
        return count_datasets(session)


def index_needs_building() -> bool:
    """True when the index is empty but the database holds datasets (a new or upgraded install)."""
    return get_backend().count() == 0 and dataset_count() > 0
