"""A small HTTP load generator: keep-alive clients in several processes, each with a few threads.

The machine that serves also generates the load, so figures are for
comparison within one run (the portal against a bare Flask endpoint under the
same generator), not absolute capacity.
"""
from __future__ import annotations

import http.client
import multiprocessing
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from bench.common import summary


@dataclass
class Load:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def figures(self) -> dict:
        return {"rps": self.throughput, "errors": self.errors, **summary(self.latencies_ms)}


def _client(base: str, paths: list[str], offset: int, deadline: float, out: list) -> None:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    latencies, errors, n = [], 0, offset
    while time.perf_counter() < deadline:
        path = paths[n % len(paths)]
        n += 1
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            continue
        latencies.append((time.perf_counter() - started) * 1000)
    connection.close()
    out.append((latencies, errors))


def _process(base: str, paths: list[str], threads: int, seconds: float, index: int, queue) -> None:
    deadline = time.perf_counter() + seconds
    out: list = []
    workers = [
        threading.Thread(target=_client, args=(base, paths, (index * threads + t) * 7919, deadline, out))
        for t in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    queue.put(([l for lat, _ in out for l in lat], sum(e for _, e in out)))


def run(base: str, paths: list[str], *, processes: int = 2, threads: int = 4, seconds: float = 15.0) -> Load:
    """GET ``paths`` round-robin from ``processes`` x ``threads`` keep-alive clients for ``seconds``."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    jobs = [context.Process(target=_process, args=(base, paths, threads, seconds, i, queue)) for i in range(processes)]
    for job in jobs:
        job.start()
    results = [queue.get() for _ in jobs]
    for job in jobs:
        job.join()
    latencies = [l for lat, _ in results for l in lat]
    return Load(len(latencies), sum(e for _, e in results), seconds, latencies)
