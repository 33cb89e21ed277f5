"""The Action API under concurrent load: ``package_search`` and ``package_show`` served by
gunicorn from a 100,000-dataset portal, next to a bare Flask endpoint sending the same bytes.

The ratio of the two is the figure: how much the portal's own work (parsing,
permissions, search, dict building, JSON) costs over Flask and gunicorn alone.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import text

from bench import load, search
from bench.common import note

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2  # as `make run`
SHOW_SAMPLE = 1000  # datasets package_show asks for, round-robin


@dataclass
class ApiFigures:
    size: int
    seconds: float
    clients: int
    results: dict[str, dict] = field(default_factory=dict)  # endpoint -> load figures
    bytes: dict[str, int] = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(app_spec: str, env: dict[str, str], ready_path: str):
    """``app_spec`` served by gunicorn (WORKERS sync workers) on a free port; yields the base URL."""
    port = _free_port()
    command = [str(Path(sys.executable).parent / "gunicorn"), "-w", str(WORKERS), "-b", f"127.0.0.1:{port}",
               "--log-level", "warning", app_spec]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + ready_path, timeout=30) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn {app_spec} did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def _public_names(app) -> list[str]:
    with app.app_context():
        from opendata.extensions import db

        rows = db.session.execute(text(
            "SELECT slug FROM dataset WHERE state = 'published' AND NOT private ORDER BY slug"
        )).scalars().all()
    step = max(1, len(rows) // SHOW_SAMPLE)
    return rows[::step][:SHOW_SAMPLE]


def run(work: Path, size: int, queries: list[str], seconds: float, processes: int, threads: int) -> ApiFigures:
    figures = ApiFigures(size, seconds, processes * threads)
    instance = work / f"api-{size}"
    instance.mkdir(parents=True, exist_ok=True)
    app = search.make_app(instance, "whoosh")
    search.fill(app, size, search.Figures("whoosh", size))
    names = _public_names(app)
    search.close(app)
    env = {"OPENDATA_INSTANCE_PATH": str(instance), "OPENDATA_SECRET_KEY": "bench",
           "OPENDATA_SEARCH_BACKEND": "whoosh", "OPENDATA_RATELIMIT_ENABLED": "0"}
    endpoints = {
        "package_search": [f"/api/3/action/package_search?q={quote(q)}" for q in queries],
        "package_show": [f"/api/3/action/package_show?id={quote(name)}" for name in names],
    }
    bare_dir = work / "bare"
    bare_dir.mkdir(exist_ok=True)
    with gunicorn("wsgi:app", env, "/api/3/action/status_show") as base:
        for name, paths in endpoints.items():
            body = _get(base + paths[0])
            if not json.loads(body)["success"]:
                raise RuntimeError(f"{name} failed: {body[:300]!r}")
            (bare_dir / f"{name}.json").write_bytes(body)
            figures.bytes[name] = len(body)
            note(f"api {size:,}: {name} warm-up, then {seconds:.0f} s with {figures.clients} clients")
            load.run(base, paths, processes=processes, threads=threads, seconds=3)
            figures.results[name] = load.run(base, paths, processes=processes, threads=threads,
                                             seconds=seconds).figures()
    with gunicorn("bench.bare_app:app", {"BENCH_BARE_DIR": str(bare_dir)}, "/fixed/package_show") as base:
        for name in endpoints:
            paths = [f"/fixed/{name}"]
            note(f"api {size:,}: bare Flask, {name}-sized body")
            load.run(base, paths, processes=processes, threads=threads, seconds=3)
            figures.results[f"bare ({name} size)"] = load.run(
                base, paths, processes=processes, threads=threads, seconds=seconds).figures()
    return figures


def report_rows(figures: ApiFigures) -> list[tuple[str, str, str, str]]:
    rows = []
    for name in ("package_search", "package_show"):
        mine, bare = figures.results.get(name), figures.results.get(f"bare ({name} size)")
        if not mine or not bare:
            continue
        tag = f"api {figures.size:,} {name}"
        rows.append((f"{tag} ({figures.bytes[name]:,} bytes)",
                     f"{mine['rps']:.0f} req/s, p50 {mine['p50']:.1f} / p95 {mine['p95']:.1f} ms, "
                     f"{mine['errors']} errors", "", ""))
        rows.append((f"{tag}: bare Flask, same bytes",
                     f"{bare['rps']:.0f} req/s, p50 {bare['p50']:.1f} / p95 {bare['p95']:.1f} ms", "", ""))
        rows.append((f"{tag}: bare / portal", f"throughput {bare['rps'] / max(mine['rps'], 1e-9):.1f}x, "
                     f"p95 {mine['p95'] / max(bare['p95'], 1e-9):.1f}x", "", ""))
    return rows
