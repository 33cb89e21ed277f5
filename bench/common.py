"""Small helpers shared by the benchmarks: progress on stderr, percentiles, memory."""
from __future__ import annotations

import gc
import math
import resource
import sys
import time


class Progress:
    """``label  12,000/100,000  12%  3.4 s`` on one stderr line, redrawn at most 5 times a second."""

    def __init__(self, label: str, total: int):
        self.label, self.total, self.done = label, total, 0
        self.started = self.drawn = time.perf_counter()
        self.tty = sys.stderr.isatty()

    def __call__(self, n: int) -> None:
        self.done += n
        now = time.perf_counter()
        if now - self.drawn >= (0.2 if self.tty else 10) or self.done >= self.total:
            self.drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        share = self.done / self.total if self.total else 1
        line = f"  {self.label:<28} {self.done:>9,}/{self.total:,} {share:4.0%} {now - self.started:6.1f} s"
        sys.stderr.write(("\r" + line) if self.tty else line + "\n")
        sys.stderr.flush()

    def close(self) -> float:
        elapsed = time.perf_counter() - self.started
        if self.tty:
            sys.stderr.write("\n")
        return elapsed


def note(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100): an observed value, no interpolation."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(values_ms: list[float]) -> dict[str, float]:
    return {"p50": percentile(values_ms, 50), "p95": percentile(values_ms, 95), "p99": percentile(values_ms, 99),
            "max": max(values_ms) if values_ms else math.nan, "n": len(values_ms)}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(function, *args, **kwargs) -> tuple[float, object]:
    """(seconds, result)"""
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


class GcPauses:
    """Time spent in Python's cyclic garbage collector while active (a large heap makes it slow)."""

    def __init__(self):
        self.ms = 0.0
        self.full = 0  # generation-2 collections
        self._started = 0.0

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.ms += (time.perf_counter() - self._started) * 1000
            self.full += info.get("generation") == 2

    def __enter__(self):
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc):
        gc.callbacks.remove(self._callback)

    def __str__(self) -> str:
        return f"{self.ms:.0f} ms in GC ({self.full} full collections)"
