"""PostgreSQL full-text search: the backend when several app servers share one database.

Documents live in ``search_document`` (created by migration 0003, on
PostgreSQL only) with a weighted tsvector built in Python
(:mod:`.postgres_text`), their permission labels in a GIN-indexed array and
their ``facet:value`` keys in a GIN-indexed tsvector. A search is two
statements (:mod:`.postgres_queries`) run at once on two connections: the
ranked page, and the total with the facet counts. The backend caches only the unfiltered list's counts, checked
against a version sequence, so every app server sees every other's writes at
once.
"""
from __future__ import annotations

import os
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Iterable, Sequence

from sqlalchemy import Engine, MetaData, text
from sqlalchemy.schema import CreateIndex, CreateTable

from ..vietnamese import fold
from . import postgres_queries as pq
from . import postgres_text as pt
from .analysis import spelling_candidates, suggestion_text
from .base import SORTS, Progress, SearchBackend, SearchDocument, SearchQuery, SearchResult
from .postgres_tables import (  # noqa: F401 (tests and the app import the tables from here too)
    BUMP_VERSION,
    DOCUMENTS,
    READ_VERSION,
    SEARCH_TABLES,
    STAGING_SUFFIX,
    VOCABULARY,
    define_tables,
    metadata,
    storage_statement,
    swap,
    truncate_search_tables,
)

LISTING_CACHE_SIZE = 64
BATCH_SIZE = 1000
FACET_THREADS = 4  # counts running at once in one process (one per concurrent search)

_UPSERT = text(
    f"INSERT INTO {DOCUMENTS} (id, slug, labels, is_public, facets, title_key, created, modified, tsv, rank_tsv)"
    " VALUES (:id, :slug, CAST(:labels AS text[]), :is_public, CAST(:facets AS tsvector), :title_key, :created,"
    " :modified, CAST(:tsv AS tsvector), CAST(:rank_tsv AS tsvector))"
    " ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, labels = EXCLUDED.labels, is_public = EXCLUDED.is_public,"
    " facets = EXCLUDED.facets,"
    " title_key = EXCLUDED.title_key, created = EXCLUDED.created, modified = EXCLUDED.modified, tsv = EXCLUDED.tsv,"
    " rank_tsv = EXCLUDED.rank_tsv"
)
_ADD_WORDS = text(
    f"INSERT INTO {VOCABULARY} (word, plain)"
    " SELECT * FROM unnest(CAST(:words AS text[]), CAST(:plain AS boolean[])) ON CONFLICT DO NOTHING"
)
_COLUMNS = ("id", "slug", "labels", "is_public", "facets", "title_key", "created", "modified", "tsv", "rank_tsv")


class PostgresBackend(SearchBackend):
    """Full-text search in the application's PostgreSQL database (tables from migration 0003)."""

    name = "postgresql"

    def __init__(self, engine: Engine):
        self._engine = engine
        # The list without words or filters (the busiest page) counts every visible
        # document: its total and facets are kept per label set and index version.
        self._listings: dict[tuple, tuple[tuple, dict, int]] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0

    # -- searching ---------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        if query.sort not in SORTS:
            raise ValueError(f"unknown sort {query.sort!r}")
        if not query.parsed.terms and not query.filters and query.facets:
            return self._listing(query)
        with self._engine.connect() as connection:
            return self._run(connection, query)

    def _run(self, connection, query: SearchQuery) -> SearchResult:
        """The page on ``connection``; the total and facet counts meanwhile on another connection.

        Both statements read every match, each on its own core: for a broad
        query at 100,000 documents the counts cost as much as the ranked page.
        """
        counting = self._facet_pool().submit(self._counts, query)
        ids: list[str] = []
        suggestion = None
        if query.limit > 0 or (query.suggest and pt.match_query(query.parsed)):
            statement, params = pq.page_statement(query)
            connection.execute(text(pq.settings(query)))
            rows = connection.execute(text(statement), params).all()
            ids = [key for kind, key, _place in sorted(rows, key=lambda row: row[2]) if kind == 0]
            known = {key for kind, key, _place in rows if kind == 1}
            missing = [word for word in params.get("typed", ()) if word not in known]
            if missing:
                suggestion = suggestion_text(query.parsed, self._corrections(connection, missing))
        total, facets = counting.result()
        return SearchResult(ids=ids, total=total, facets=facets, suggestion=suggestion)

    def _counts(self, query: SearchQuery) -> tuple[int, dict[str, list[tuple[str, int]]]]:
        """The number of results and the most frequent values of each asked facet among them."""
        total = 0
        counts: dict[str, list[tuple[str, int]]] = {facet: [] for facet in query.facets}
        statement, params = pq.counts_statement(query)
        with self._engine.connect() as connection:
            connection.execute(text(pq.settings(query)))
            for key, count in connection.execute(text(statement), params):
                if key == pt.EVERY_DOCUMENT:
                    total = count
                    continue
                facet, _, value = key.partition(":")
                if facet in counts:
                    counts[facet].append((value, count))
        for values in counts.values():
            values.sort(key=lambda pair: (-pair[1], pair[0]))
            del values[max(query.facet_limit, 0):]
        return total, counts

    def _facet_pool(self) -> ThreadPoolExecutor:
        """Threads for facet counts, made again in a forked child (threads do not survive a fork)."""
        if self._pool is None or self._pool_pid != os.getpid():
            self._pool = ThreadPoolExecutor(max_workers=FACET_THREADS, thread_name_prefix="search-facets")
            self._pool_pid = os.getpid()
        return self._pool

    def _listing(self, query: SearchQuery) -> SearchResult:
        """Every visible document: counts from the cache while the index is unchanged, the page by index."""
        key = (query.labels, query.facets, query.facet_limit)
        with self._engine.connect() as connection:
            version = tuple(connection.execute(READ_VERSION).one())
            cached = self._listings.get(key)
            if cached is None or cached[0] != version:
                result = self._run(connection, replace(query, limit=0))
                cached = (version, result.facets, result.total)
                if len(self._listings) >= LISTING_CACHE_SIZE:
                    self._listings.clear()
                self._listings[key] = cached
            _version, facets, total = cached
            ids: list[str] = []
            if query.limit > 0 and query.offset < total:
                statement, params = pq.listing_statement(query)
                ids = list(connection.execute(text(statement), params).scalars())
        return SearchResult(ids=ids, total=total, facets={facet: list(values) for facet, values in facets.items()})

    def _corrections(self, connection, words: list[str]) -> dict[str, str]:
        candidates: dict[str, list[tuple[str, int]]] = defaultdict(list)
        rows = connection.execute(pq.CANDIDATES, {
            "words": words, "plain": [_plain(word) for word in words],
        })
        for typed, candidate, frequency in rows:
            if frequency:  # a word no public document holds any more is never suggested
                candidates[typed].append((candidate, frequency))
        corrections = {}
        for word in words:
            correction = spelling_candidates(word, candidates[word])
            if correction:
                corrections[word] = correction
        return corrections

    # -- writing -----------------------------------------------------------

    def update(self, documents: Sequence[SearchDocument], delete: Sequence[str] = ()) -> None:
        latest = {document.id: document for document in documents}
        rows, words = [], set()
        for document in sorted(latest.values(), key=lambda d: d.id):  # one lock order across writers
            row, document_words = _row(document)
            rows.append(row)
            if pt.is_public(document):
                words |= document_words
        with self._engine.begin() as connection:
            if delete:
                connection.execute(
                    text(f"DELETE FROM {DOCUMENTS} WHERE id = ANY(CAST(:ids AS text[]))"), {"ids": list(delete)}
                )
            if rows:
                connection.execute(_UPSERT, [dict(zip(_COLUMNS, row)) for row in rows])
            if words:
                ordered = sorted(words)
                connection.execute(_ADD_WORDS, {"words": ordered, "plain": [_plain(word) for word in ordered]})
        self._changed()

    def _changed(self) -> None:
        """Tell every app server the index changed (after the commit, so no one caches old counts as new)."""
        with self._engine.begin() as connection:
            connection.execute(BUMP_VERSION)

    def rebuild(self, documents: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        """Fill staging tables in one transaction and swap them in at its end.

        Until the commit nobody else sees the staging tables, and the live ones
        are not touched (no lock) until the swap, so searches keep answering
        from the old index; the swap itself is a few renames.
        """
        staging = define_tables(MetaData(), STAGING_SUFFIX)
        total = 0
        words: set[str] = set()
        with self._engine.begin() as connection:
            connection.execute(text("SELECT set_config('maintenance_work_mem', '256MB', true)"))
            for table in staging:
                connection.execute(CreateTable(table))
            connection.execute(text(storage_statement(staging[0].name)))
            batch: list[SearchDocument] = []
            for document in documents:
                batch.append(document)
                if len(batch) >= BATCH_SIZE:
                    total += self._copy(connection, staging[0].name, batch, words, progress)
                    batch = []
            total += self._copy(connection, staging[0].name, batch, words, progress)
            ordered = sorted(words)
            _copy_rows(connection, staging[1].name, ("word", "plain"), [(w, _plain(w)) for w in ordered])
            for index in staging[0].indexes:
                connection.execute(CreateIndex(index))
            for table in staging:
                connection.execute(text(f"ANALYZE {table.name}"))
            swap(connection, staging)
        self._changed()
        # Set hint bits and the visibility map now rather than during the first searches.
        with self._engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f"VACUUM {', '.join(SEARCH_TABLES)}"))
        return total

    def _copy(self, connection, table: str, batch, words: set[str], progress: Progress | None) -> int:
        if not batch:
            return 0
        rows = []
        for document in batch:
            row, document_words = _row(document)
            rows.append(row)
            if pt.is_public(document):
                words |= document_words
        _copy_rows(connection, table, _COLUMNS, rows)
        if progress:
            progress(len(batch))
        return len(batch)

    # -- inspecting --------------------------------------------------------

    def document_ids(self) -> set[str]:
        with self._engine.connect() as connection:
            return set(connection.execute(text(f"SELECT id FROM {DOCUMENTS}")).scalars())

    def count(self) -> int:
        with self._engine.connect() as connection:
            return connection.execute(text(f"SELECT count(*) FROM {DOCUMENTS}")).scalar_one()

    def close(self) -> None:
        """Stop the facet threads (the engine belongs to the caller)."""
        if self._pool is not None and self._pool_pid == os.getpid():
            self._pool.shutdown()
        self._pool = None


def _plain(word: str) -> bool:
    return word == fold(word)


def _row(document: SearchDocument) -> tuple[tuple, set[str]]:
    vector, rank_vector, words = pt.document_vectors(document)
    row = (
        document.id, document.slug, list(document.labels), pt.is_public(document), pt.document_facets(document),
        document.title_key, document.created, document.modified, vector, rank_vector,
    )
    return row, words


def _copy_rows(connection, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """COPY ``rows`` into ``table`` on the connection's own transaction (much faster than INSERTs)."""
    if not rows:
        return
    driver = connection.connection.driver_connection
    with driver.cursor() as cursor:
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
