"""PostgreSQL full-text search: the backend when several app servers share one database.

Documents live in ``search_document`` (created by migration 0003, on
PostgreSQL only) with a weighted tsvector built in Python
(:mod:`.postgres_text`), their permission labels and ``facet:value`` keys in
GIN-indexed arrays. A search is one statement: the matching rows are
materialised once, then the page, the facet counts and the total are read
from them. The backend keeps no state besides the engine, so every app server
sees every other's writes at once.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Sequence

from sqlalchemy import Engine, MetaData, text
from sqlalchemy.schema import CreateIndex, CreateTable

from ..vietnamese import fold
from . import postgres_text as pt
from .analysis import spelling_candidates, suggestion_text
from .base import FACETS, PUBLIC_LABEL, SORTS, Progress, SearchBackend, SearchDocument, SearchQuery, SearchResult
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
CANDIDATE_LIMIT = 30  # nearest vocabulary words considered for one misspelled word
FREQUENCY_CAP = 1000  # document frequencies are counted up to here (they only break ties)
# For one search: the matched rows stay in memory for the page and the facets;
# compiling (JIT) costs more than these queries take.
SEARCH_SETTINGS = "SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)"
# With words to match, always go through the index: a sequential scan (which the
# planner picks for common words) would decompress every document's full vector.
MATCH_SETTINGS = SEARCH_SETTINGS + ", set_config('enable_seqscan', 'off', true)"


LISTING_CACHE_SIZE = 64


_UPSERT = text(
    f"INSERT INTO {DOCUMENTS} (id, slug, labels, is_public, facets, title_key, created, modified, tsv, rank_tsv)"
    " VALUES (:id, :slug, CAST(:labels AS text[]), :is_public, CAST(:facets AS text[]), :title_key, :created,"
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
_ORDER = {"relevance": "rank DESC, id", "modified": "modified DESC, id", "newest": "created DESC, id",
          "title": "title_key, id"}
_SORT_COLUMN = {"relevance": "rank", "modified": "modified", "newest": "created", "title": "title_key"}

# Nearest public words to each misspelled word, with how many public documents hold them
# (counted only for the nearest ones, up to FREQUENCY_CAP).
_CANDIDATES = text(
    f"""
    SELECT typed.word, near.word, CASE WHEN near.distance = near.nearest THEN (
             SELECT count(*) FROM (
               SELECT FROM {DOCUMENTS} d
               WHERE d.tsv @@ CAST('''' || replace(replace(near.word, '\\', '\\\\'), '''', '''''') || '''' AS tsquery)
                 AND d.is_public
               LIMIT {FREQUENCY_CAP}) AS holding)
           ELSE 0 END
    FROM unnest(CAST(:words AS text[]), CAST(:plain AS boolean[])) AS typed(word, plain)
    CROSS JOIN LATERAL (
      SELECT c.word, c.distance, min(c.distance) OVER () AS nearest FROM (
        SELECT v.word, levenshtein_less_equal(v.word, typed.word, 2) AS distance FROM {VOCABULARY} v
        WHERE v.plain = typed.plain AND v.word <> typed.word
          AND char_length(v.word) BETWEEN char_length(typed.word) - 2 AND char_length(typed.word) + 2
      ) AS c
      WHERE c.distance <= 2 ORDER BY c.distance, c.word LIMIT {CANDIDATE_LIMIT}
    ) AS near
    """
)


class PostgresBackend(SearchBackend):
    """Full-text search in the application's PostgreSQL database (tables from migration 0003)."""

    name = "postgresql"

    def __init__(self, engine: Engine):
        self._engine = engine
        # The list without words or filters (the busiest page) counts every visible
        # document: its total and facets are kept per label set and index version.
        self._listings: dict[tuple, tuple[tuple, dict, int]] = {}

    # -- searching ---------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        if query.sort not in SORTS:
            raise ValueError(f"unknown sort {query.sort!r}")
        if not query.parsed.terms and not query.filters and query.facets:
            return self._listing(query)
        with self._engine.connect() as connection:
            return self._run(connection, query)

    def _run(self, connection, query: SearchQuery) -> SearchResult:
        statement, params = _search_statement(query)
        connection.execute(text(MATCH_SETTINGS if "match" in params else SEARCH_SETTINGS))
        rows = connection.execute(text(statement), params).all()
        page: list[tuple[int, str]] = []
        counts: dict[str, list[tuple[str, int]]] = {facet: [] for facet in query.facets}
        known: set[str] = set()
        total = 0
        for kind, key, value in rows:
            if kind == 0:
                page.append((value, key))
            elif kind == 1:
                facet, _, facet_value = key.partition(":")
                counts[facet].append((facet_value, value))
            elif kind == 2:
                total = value
            else:
                known.add(key)
        suggestion = None
        if "typed" in params:
            missing = [word for word in params["typed"] if word not in known]
            if missing:
                suggestion = suggestion_text(query.parsed, self._corrections(connection, missing))
        for values in counts.values():
            values.sort(key=lambda pair: (-pair[1], pair[0]))
        return SearchResult(ids=[key for _, key in sorted(page)], total=total, facets=counts, suggestion=suggestion)

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
                statement, params = _page_statement(query)
                ids = list(connection.execute(text(statement), params).scalars())
        return SearchResult(ids=ids, total=total, facets={facet: list(values) for facet, values in facets.items()})

    def _corrections(self, connection, words: list[str]) -> dict[str, str]:
        candidates: dict[str, list[tuple[str, int]]] = defaultdict(list)
        rows = connection.execute(_CANDIDATES, {
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
        """Nothing to release: the engine belongs to the caller."""


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


def _page_statement(query: SearchQuery) -> tuple[str, dict]:
    """A page of every visible document, read along the sort order's index."""
    params: dict = {"limit": query.limit, "offset": query.offset}
    where = f" WHERE {_label_condition(query.labels, params)}" if query.labels is not None else ""
    sort = "modified" if query.sort == "relevance" else query.sort
    return f"SELECT id FROM {DOCUMENTS} d{where} ORDER BY {_ORDER[sort]} LIMIT :limit OFFSET :offset", params


def _label_condition(labels: frozenset[str], params: dict) -> str:
    """Documents with one of ``labels``; "public" is a column of its own (cheaper than the array)."""
    conditions = ["d.is_public"] if PUBLIC_LABEL in labels else []
    others = sorted(labels - {PUBLIC_LABEL})
    if others:
        conditions.append("d.labels && CAST(:labels AS text[])")
        params["labels"] = others
    return "(" + " OR ".join(conditions) + ")" if conditions else "false"


def _search_statement(query: SearchQuery) -> tuple[str, dict]:
    """One statement for the whole result: rows of (kind, key, value).

    kind 0: a page id and its place; 1: a ``facet:value`` key and its count;
    2: the total; 3: a typed word found in the public vocabulary.
    """
    parsed = query.parsed
    params: dict = {}
    where = []
    if query.labels is not None:
        where.append(_label_condition(query.labels, params))
    match = pt.match_query(parsed)
    if match:
        where.append("d.tsv @@ CAST(:match AS tsquery)")
        params["match"] = match
    if query.filters:
        where.append("d.facets @> CAST(:filters AS text[])")
        params["filters"] = sorted({pt.facet_key(facet, value) for facet, value in query.filters})
    sort = query.sort if match or query.sort != "relevance" else "modified"
    order = _ORDER[sort]
    if sort == "relevance":
        weights = f"CAST('{pt.RANK_WEIGHTS}' AS real[])"
        rank = f"ts_rank({weights}, d.rank_tsv, CAST(:rank AS tsquery))"
        params["rank"] = pt.rank_query(parsed)
        phrase = pt.phrase_query(parsed)
        if phrase:  # the words as typed, one after the other: twice the score
            rank = f"{rank} * (1 + CAST(d.rank_tsv @@ CAST(:phrase AS tsquery) AS integer))"
            params["phrase"] = phrase
        exact = pt.exact_query(parsed)
        if exact:  # words typed with diacritics that documents hold exactly
            rank = f"{rank} + ts_rank({weights}, d.rank_tsv, CAST(:exact AS tsquery))"
            params["exact"] = exact
        sort_column = f"{rank} AS rank"
    else:
        sort_column = f"d.{_SORT_COLUMN[sort]}"
    columns = ["d.id", sort_column] + (["d.facets"] if query.facets else [])
    parts = [
        f"WITH matched AS MATERIALIZED (SELECT {', '.join(columns)} FROM {DOCUMENTS} d"
        + (f" WHERE {' AND '.join(where)}" if where else "") + ")"
    ]
    selects = []
    if query.limit > 0:
        params.update(limit=query.limit, offset=query.offset)
        parts.append(
            f", page AS (SELECT id, row_number() OVER (ORDER BY {order}) AS place FROM"
            f" (SELECT id, {_SORT_COLUMN[sort]} FROM matched ORDER BY {order} LIMIT :limit OFFSET :offset) AS p)"
        )
        selects.append('SELECT 0 AS kind, id COLLATE "C" AS key, place AS value FROM page')
    if query.facets:
        facet_filter = ""
        if set(query.facets) != set(FACETS):
            facet_filter = " WHERE split_part(f, ':', 1) = ANY(CAST(:facet_names AS text[]))"
            params["facet_names"] = list(query.facets)
        params["facet_limit"] = query.facet_limit
        parts.append(
            f", counts AS (SELECT f, count(*) AS c FROM (SELECT unnest(facets) AS f FROM matched) AS pairs"
            f"{facet_filter} GROUP BY f)"
            ", ranked AS (SELECT f, c, row_number() OVER"
            " (PARTITION BY split_part(f, ':', 1) ORDER BY c DESC, f COLLATE \"C\") AS n FROM counts)"
        )
        selects.append('SELECT 1, f COLLATE "C", c FROM ranked WHERE n <= :facet_limit')
    selects.append('SELECT 2, NULL COLLATE "C", count(*) FROM matched')
    if query.suggest and match:
        params["typed"] = list(dict.fromkeys(t.exact for t in pt.query_terms(parsed)))
        selects.append(
            f'SELECT 3, word COLLATE "C", 0 FROM {VOCABULARY} WHERE word = ANY(CAST(:typed AS text[]))'
        )
    return "".join(parts) + " " + " UNION ALL ".join(selects), params
