"""One backend at one catalogue size: fill a scratch portal, reindex, time searches and pages.

The portal is real (``create_app`` on a scratch instance folder, migrated to
head, licences synchronised), so the figures include everything the search
page pays for: document building on reindex, the backend's own queries with
all seven facets, and the page render around it.
"""
from __future__ import annotations

import os
import secrets
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from opendata import create_app
from opendata.extensions import db
from opendata.search import FACETS, SearchQuery, get_backend, parse_query, reindex

from . import catalogue, fts5
from .common import GcPauses, Progress, note, peak_rss_mb, summary

ANONYMOUS = frozenset({"public"})
PAGE_WARMUP = 20  # page requests before timing: templates compiled, caches warm
EMPTY_RUNS = 10  # repetitions of the empty query (the /dataset landing page)


@dataclass
class Figures:
    backend: str
    size: int
    load_s: float = 0.0
    reindex_s: float = 0.0
    indexed: int = 0
    search: dict = field(default_factory=dict)  # p50/p95/p99 in ms over the typical queries, each new to the backend
    repeat: dict = field(default_factory=dict)  # the same queries again (the backend may have cached them)
    empty_first: float = 0.0
    empty: dict = field(default_factory=dict)  # the empty query (the /dataset landing page), repeated
    page: dict = field(default_factory=dict)
    page_search: dict = field(default_factory=dict)  # the backend call inside each page
    page_overhead: dict = field(default_factory=dict)  # page minus its backend call
    page_empty: dict = field(default_factory=dict)
    page_not_one_search: int = 0  # pages that did not make exactly one backend search
    page_errors: int = 0
    gc_search: str = ""  # garbage collection during the timed queries, and during the timed pages
    gc_page: str = ""
    totals: list[int] = field(default_factory=list)
    rss_mb: float = 0.0


@dataclass
class Reference:
    size: int
    build_s: float = 0.0
    indexed: int = 0
    search: dict = field(default_factory=dict)
    empty: dict = field(default_factory=dict)
    totals: list[int] = field(default_factory=list)
    public: int = 0


def make_app(instance: Path, backend: str, database_url: str | None = None):
    config = {"INSTANCE_PATH": str(instance), "SECRET_KEY": "bench", "SEARCH_BACKEND": backend}
    if database_url:
        config["SQLALCHEMY_DATABASE_URI"] = database_url
    return create_app(config, environ={})


def migrate(app) -> None:
    from flask_migrate import upgrade

    from opendata.catalogue.licences import sync_licences

    with app.app_context():
        upgrade(directory=app.config["MIGRATIONS_PATH"])
        sync_licences()


@contextmanager
def postgres_schema(base_url: str):
    """A scratch schema (dropped afterwards) and a URL that puts it first on the search path."""
    schema = f"bench_{os.getpid()}_{secrets.token_hex(3)}"
    engine = create_engine(base_url, connect_args={"connect_timeout": 10, "options": "-c lock_timeout=30s"})
    try:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base_url).update_query_dict({"options": f"-csearch_path={schema},public"})
        yield url.render_as_string(hide_password=False)
    finally:
        try:
            with engine.begin() as connection:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        except DBAPIError as exc:  # a connection left open still holds a lock: say what to drop by hand
            note(f"could not drop the scratch schema {schema!r} ({exc.orig}); drop it by hand")
        engine.dispose()


def fill(app, size: int, figures: Figures) -> None:
    """Migrate, bulk-insert ``size`` datasets, and time the full reindex."""
    migrate(app)
    with app.app_context():
        bar = Progress(f"{figures.backend} {size:,}: insert", size)
        catalogue.load(db.engine, size, progress=bar)
        figures.load_s = bar.close()
        get_backend()  # opening the (empty) index is not part of the rebuild
        bar = Progress(f"{figures.backend} {size:,}: reindex", size)
        started = time.perf_counter()
        figures.indexed = reindex(progress=bar)
        figures.reindex_s = time.perf_counter() - started
        bar.close()
        note(f"{figures.backend} {size:,}: inserted in {figures.load_s:.1f} s, "
             f"reindexed {figures.indexed:,} documents in {figures.reindex_s:.1f} s")


def load_only(app, size: int) -> None:
    """Migrate and insert, without any backend (for the FTS5 reference alone)."""
    migrate(app)
    with app.app_context():
        bar = Progress(f"{size:,}: insert", size)
        catalogue.load(db.engine, size, progress=bar)
        note(f"{size:,}: inserted in {bar.close():.1f} s")


def _query(text_: str) -> SearchQuery:
    """What the search page asks for an anonymous visitor: first page, all facets, suggestions."""
    return SearchQuery(parsed=parse_query(text_), labels=ANONYMOUS, sort="relevance", offset=0, limit=20,
                       facets=FACETS, facet_limit=50)


def _timed_ms(function, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - started) * 1000, result


def time_backend(app, warmups: list[str], queries: list[str], figures: Figures) -> None:
    """Each measured query reaches the backend for the first time (warm-ups are other queries),
    as most queries do on a live site; a second pass shows what the backend's caches give."""
    with app.app_context():
        backend = get_backend()
        for text_ in warmups:  # open readers, load columns, fill term caches
            backend.search(_query(text_))
        times, totals = [], []
        with GcPauses() as pauses:
            for text_ in queries:
                elapsed, result = _timed_ms(backend.search, _query(text_))
                times.append(elapsed)
                totals.append(result.total)
        figures.search, figures.totals, figures.gc_search = summary(times), totals, str(pauses)
        figures.repeat = summary([_timed_ms(backend.search, _query(q))[0] for q in queries])
        figures.empty_first = _timed_ms(backend.search, _query(""))[0]
        figures.empty = summary([_timed_ms(backend.search, _query(""))[0] for _ in range(EMPTY_RUNS)])


def time_pages(app, warmups: list[str], queries: list[str], figures: Figures) -> None:
    """``GET /dataset?q=...`` as an anonymous visitor, each request in its own app context.

    The backend's ``search`` is wrapped to time the call made inside each page,
    so the page and its own backend query are compared in the same cache state.
    """
    with app.app_context():
        backend = get_backend()
    inner: list[float] = []
    original = backend.search

    def timed_search(query):
        elapsed, result = _timed_ms(original, query)
        inner.append(elapsed)
        return result

    backend.search = timed_search  # an instance attribute: shadows the method for this backend only
    try:
        client = app.test_client()

        def get(q: str | None) -> float:
            started = time.perf_counter()
            response = client.get("/dataset", query_string={"q": q} if q is not None else None)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                figures.page_errors += 1
            return elapsed

        for q in warmups[PAGE_WARMUP:]:  # the backend as warm as in the backend pass
            original(_query(q))
        for q in warmups[:PAGE_WARMUP]:  # templates compiled, sessions and connections open
            get(q)
        page, own, overhead = [], [], []
        with GcPauses() as pauses:
            for q in queries:
                inner.clear()
                elapsed = get(q)
                page.append(elapsed)
                if len(inner) == 1:
                    own.append(inner[0])
                    overhead.append(elapsed - inner[0])
                else:
                    figures.page_not_one_search += 1
        figures.gc_page = str(pauses)
        figures.page, figures.page_search, figures.page_overhead = summary(page), summary(own), summary(overhead)
        get(None)
        figures.page_empty = summary([get(None) for _ in range(EMPTY_RUNS)])
    finally:
        del backend.search


def close(app) -> None:
    with app.app_context():
        backend = app.extensions.get("opendata.search")
        if backend is not None:
            backend.close()
            app.extensions["opendata.search"] = None
        db.session.remove()
        db.engine.dispose()


def run_backend(name: str, size: int, queries: list[str], warmups: list[str], work: Path,
                database_url: str | None, pages: bool = True) -> tuple[Figures, object]:
    """Figures for ``name`` at ``size``; also returns an app on the filled database (for the reference).

    Each pass gets a new application, like a restarted server, so caches
    filled by one pass (or by the reindex) do not flatter the next.
    """
    instance = work / f"{name}-{size}"
    instance.mkdir(parents=True, exist_ok=True)
    figures = Figures(name, size)
    app = make_app(instance, name, database_url)
    fill(app, size, figures)
    close(app)
    note(f"{name} {size:,}: timing {len(queries)} queries (after {len(warmups)} other queries)")
    app = make_app(instance, name, database_url)
    time_backend(app, warmups, queries, figures)
    if pages:
        close(app)
        note(f"{name} {size:,}: timing {len(queries)} page renders")
        app = make_app(instance, name, database_url)
        time_pages(app, warmups, queries, figures)
    figures.rss_mb = peak_rss_mb()
    return figures, app


def run_reference(app, size: int, queries: list[str], warmups: list[str], work: Path) -> Reference:
    """Build the FTS5 reference from ``app``'s database and time the same queries on it."""
    ref = Reference(size)
    path = work / f"fts5-{size}.db"
    with app.app_context():
        bar = Progress(f"fts5 {size:,}: build", size)
        ref.indexed = fts5.build(db.engine, path, progress=bar)
        ref.build_s = bar.close()
    index = fts5.Reference(path)
    try:
        for q in warmups:
            index.search(parse_query(q))
        parsed = [parse_query(q) for q in queries]
        times, totals = [], []
        for p in parsed:
            started = time.perf_counter()
            total, _, _ = index.search(p)
            times.append((time.perf_counter() - started) * 1000)
            totals.append(total)
        ref.search, ref.totals = summary(times), totals
        empty = parse_query("")
        ref.public = index.search(empty)[0]
        runs = []
        for _ in range(EMPTY_RUNS):
            started = time.perf_counter()
            index.search(empty)
            runs.append((time.perf_counter() - started) * 1000)
        ref.empty = summary(runs)
    finally:
        index.close()
    note(f"fts5 {size:,}: built in {ref.build_s:.1f} s, p95 {ref.search['p95']:.1f} ms")
    return ref
