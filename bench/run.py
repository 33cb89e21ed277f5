"""Benchmarks: ``make bench`` (or ``.venv/bin/python bench/run.py --help``).

Search: for each catalogue size and each backend (Whoosh on SQLite;
PostgreSQL when OPENDATA_BENCH_POSTGRES_URL or OPENDATA_TEST_POSTGRES_URL is
set) it fills a scratch portal, times the full reindex, 200 typical queries
with all facets and the search page around them, and the same queries on
SQLite FTS5 over the same rows. API: ``package_search`` and ``package_show``
under concurrent load against gunicorn on the largest catalogue, next to a
bare Flask endpoint sending the same bytes (:mod:`bench.api`). Figures are information: the exit status is 0 even when a target
is missed, and non-zero only when something failed.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import traceback
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable as the root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "bench"

from bench import api, search  # noqa: E402
from bench.common import note, peak_rss_mb  # noqa: E402
from bench.queries import typical_queries, warmup_queries  # noqa: E402

POSTGRES_VARIABLES = ("OPENDATA_BENCH_POSTGRES_URL", "OPENDATA_TEST_POSTGRES_URL")
SMALL, LARGE = 20_000, 100_000  # the sizes the issue sets targets for
WARMUPS = 100  # other queries run before timing


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Time search backends on synthetic Vietnamese catalogues.")
    parser.add_argument("--sizes", default=f"{SMALL},{LARGE}", help="catalogue sizes, comma-separated (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="one small catalogue (2,000 datasets): a smoke run")
    parser.add_argument("--backends", default="whoosh,postgresql", help="default: %(default)s")
    parser.add_argument("--queries", type=int, default=200, help="number of typical queries (default: %(default)s)")
    parser.add_argument("--no-pages", action="store_true", help="skip the page renders")
    parser.add_argument("--work-dir", type=Path, help="where scratch portals go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch portals afterwards")
    parser.add_argument("--suites", default="search,api",
                        help="search (backends, pages), api (Action API under load, largest size): %(default)s")
    parser.add_argument("--api-seconds", type=float, default=15, help="load duration per endpoint (default: %(default)s)")
    args = parser.parse_args(argv)
    args.sizes = [2_000] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    args.backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    args.suites = {s.strip() for s in args.suites.split(",") if s.strip()}
    if args.suites - {"search", "api"}:
        parser.error(f"unknown suite(s): {', '.join(sorted(args.suites - {'search', 'api'}))}")
    unknown = set(args.backends) - {"whoosh", "postgresql"}
    if unknown:
        parser.error(f"unknown backend(s): {', '.join(sorted(unknown))}")
    return args


def postgres_url() -> str:
    return next((os.environ[v] for v in POSTGRES_VARIABLES if os.environ.get(v)), "")


def backend_missing(name: str) -> str | None:
    """Why ``name`` cannot run here, or None."""
    module = {"whoosh": "whoosh_backend", "postgresql": "postgres_backend"}[name]
    if importlib.util.find_spec(f"opendata.search.{module}") is None:
        return f"opendata/search/{module}.py is not there yet"
    if name == "postgresql" and not postgres_url():
        return "set OPENDATA_TEST_POSTGRES_URL (or OPENDATA_BENCH_POSTGRES_URL) to a PostgreSQL database"
    return None


def main(argv=None) -> int:
    args = parse_args(argv)
    queries = typical_queries(args.queries)
    warmups = warmup_queries(WARMUPS, queries)
    load_before = os.getloadavg()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="opendata-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: list[search.Figures] = []
    references: dict[int, search.Reference] = {}
    skipped: list[str] = []
    failed: list[str] = []
    note(f"scratch portals in {work}")
    api_rows: list[tuple[str, str, str, str]] = []
    try:
        for size in args.sizes if "search" in args.suites else []:
            for name in args.backends:
                why = backend_missing(name)
                if why:
                    skipped.append(f"{name} {size:,}: skipped: {why}")
                    note(skipped[-1])
                    continue
                try:
                    figures = _run_one(name, size, queries, warmups, work, args, references)
                    results.append(figures)
                except Exception:
                    traceback.print_exc()
                    failed.append(f"{name} {size:,}: FAILED (traceback above)")
            if size not in references:  # no backend ran: still give the reference figures
                try:
                    app = search.make_app(work / f"reference-{size}", "whoosh")
                    search.migrate(app)
                    search.load_only(app, size)
                    references[size] = search.run_reference(app, size, queries, warmups, work)
                    search.close(app)
                except Exception:
                    traceback.print_exc()
                    failed.append(f"fts5 {size:,}: FAILED (traceback above)")
        if "api" in args.suites:
            try:
                figures = api.run(work, max(args.sizes), queries, args.api_seconds, processes=2, threads=4)
                api_rows = api.report_rows(figures)
            except Exception:
                traceback.print_exc()
                failed.append("api: FAILED (traceback above)")
    finally:
        if not args.keep and not args.work_dir:
            shutil.rmtree(work, ignore_errors=True)
    print(report(results, references, queries, skipped, failed, time.perf_counter() - started, load_before, api_rows))
    return 1 if failed else 0


def _run_one(name, size, queries, warmups, work, args, references) -> search.Figures:
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(search.postgres_schema(postgres_url())) if name == "postgresql" else None
        figures, app = search.run_backend(name, size, queries, warmups, work, url, pages=not args.no_pages)
        try:
            if size not in references:
                references[size] = search.run_reference(app, size, queries, warmups, work)
        finally:
            search.close(app)
    return figures


# -- the report ---------------------------------------------------------------

def _ms(summary: dict) -> str:
    return f"{summary['p50']:.1f} / {summary['p95']:.1f} / {summary['p99']:.1f} ms"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report(results, references, queries, skipped, failed, elapsed, load_before, api_rows=()) -> str:
    rows: list[tuple[str, str, str, str]] = []

    def row(label, value, target="", result=""):
        rows.append((label, value, target, result))

    for size in sorted({f.size for f in results} | set(references)):
        ref = references.get(size)
        tag = f"{size:,}"
        if ref:
            share = [t / ref.public for t in ref.totals] if ref.public else [0]
            row(f"catalogue {tag}", f"{ref.indexed:,} listed, {ref.public:,} public; a query matches "
                f"{statistics.median(share):.1%} median, {statistics.mean(share):.1%} mean, {max(share):.0%} max, "
                f"{sum(t == 0 for t in ref.totals)} nothing")
            row(f"fts5 {tag} build", f"{ref.build_s:.1f} s")
            row(f"fts5 {tag} p50 / p95 / p99", _ms(ref.search))
            row(f"fts5 {tag} empty query p50", f"{ref.empty['p50']:.1f} ms")
        for f in (f for f in results if f.size == size):
            name = f"{f.backend} {tag}"
            row(f"{name} insert (bulk, setup)", f"{f.load_s:.1f} s")
            target = ("< 120 s", _verdict(f.reindex_s < 120)) if size == LARGE else ("", "")
            row(f"{name} full reindex", f"{f.reindex_s:.1f} s ({f.indexed:,} docs)", *target)
            target = ("", "")
            if f.backend == "whoosh" and size == SMALL or f.backend == "postgresql" and size == LARGE:
                target = ("p95 < 50 ms", _verdict(f.search["p95"] < 50))
            row(f"{name} p50 / p95 / p99", _ms(f.search), *target)
            row(f"{name} GC during those queries", f.gc_search)
            if ref:
                ratio = f.search["p95"] / ref.search["p95"]
                target = ("< 3x", _verdict(ratio < 3)) if f.backend == "whoosh" and size == LARGE else ("", "")
                row(f"{name} p95 / fts5 {tag} p95", f"{ratio:.1f}x", *target)
                same = sum(a == b for a, b in zip(f.totals, ref.totals))
                row(f"{name} totals equal to fts5", f"{same}/{len(queries)} queries")
            row(f"{name} same queries again", _ms(f.repeat))
            row(f"{name} empty query first / again p50", f"{f.empty_first:.1f} / {f.empty['p50']:.1f} ms")
            if f.page:
                ratio = f.page["p95"] / f.page_search["p95"]
                row(f"{name} page p50 / p95 / p99", _ms(f.page))
                row(f"{name} its backend search", _ms(f.page_search))
                row(f"{name} page p95 / its search p95", f"{ratio:.1f}x (p50 {f.page['p50'] / f.page_search['p50']:.1f}x)",
                    "< 2x", _verdict(ratio < 2))
                row(f"{name} page minus its search", _ms(f.page_overhead))
                row(f"{name} GC during those pages", f.gc_page)
                row(f"{name} empty page p50", f"{f.page_empty['p50']:.1f} ms")
                if f.page_not_one_search or f.page_errors:
                    row(f"{name} page WARNING", f"{f.page_not_one_search} pages without exactly one backend "
                        f"search, {f.page_errors} non-200 responses")
            row(f"{name} peak RSS so far", f"{f.rss_mb:,.0f} MB")
    rows += api_rows
    width = max([len(r[0]) for r in rows] + [10])
    vwidth = max([len(r[1]) for r in rows] + [10])
    load_after = os.getloadavg()
    lines = [
        "",
        f"Benchmarks: {os.cpu_count()} CPUs, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version};"
        f" {len(queries)} queries (each new to the backend), anonymous visitor, all 7 facets, first page of 20",
        f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after (other work on the machine skews figures)",
        f"{'figure':<{width}}  {'value':<{vwidth}}  {'target':<12} result",
    ]
    lines += [f"{a:<{width}}  {b:<{vwidth}}  {c:<12} {d}".rstrip() for a, b, c, d in rows]
    lines += skipped + failed
    lines.append(f"peak RSS {peak_rss_mb():,.0f} MB; whole run {elapsed / 60:.1f} min")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
