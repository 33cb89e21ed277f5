"""Table definitions and the row-generating helpers the catalogue modules share.

A table is a header plus a function ``rows(rng)`` that yields tuples. Files
(CSV, XLSX, JSON, GeoJSON, PDF) are rendered by calling it again with an
identically seeded ``random.Random``, so every rendering holds the same rows
and nothing larger than one row is ever held in memory.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterable, Iterator, Sequence

from .places import PLACES, Place, address, point_near
from .slugs import key_name

Row = Sequence[object]
RowsFn = Callable[[random.Random], Iterable[Row]]


@dataclass(frozen=True)
class Col:
    name: str  # Vietnamese header, as agencies write it
    doc: str  # what the column means, shown in the dataset description
    unit: str = ""

    @property
    def key(self) -> str:
        return key_name(self.name)


@dataclass(frozen=True)
class Table:
    name: str  # file name without extension, Vietnamese with diacritics
    columns: tuple[Col, ...]
    rows: RowsFn
    row_meaning: str  # "một trường học": completes "Mỗi dòng là ..."
    lonlat: tuple[int, int] | None = None  # column indexes, when rows are points on a map


def cols(*specs: str) -> tuple[Col, ...]:
    """``"Tên cột|ý nghĩa|đơn vị"`` strings to :class:`Col` (unit optional)."""
    out = []
    for spec in specs:
        parts = spec.split("|")
        out.append(Col(parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
    return tuple(out)


# -- periods -----------------------------------------------------------------

def years(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


def months(first: str, last: str) -> list[str]:
    """``months("2024-01", "2024-03")`` -> ``["2024-01", "2024-02", "2024-03"]``."""
    y, m = map(int, first.split("-"))
    ly, lm = map(int, last.split("-"))
    out = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def quarters(first: int, last: int) -> list[str]:
    return [f"{y}-Q{q}" for y in range(first, last + 1) for q in range(1, 5)]


def days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def iso_weeks(year: int) -> list[tuple[int, date]]:
    """(week number, Monday) for every ISO week of ``year``."""
    monday = date.fromisocalendar(year, 1, 1)
    out = []
    while monday.isocalendar()[0] == year:
        out.append((monday.isocalendar()[1], monday))
        monday += timedelta(days=7)
    return out


def month_of(period: str) -> int:
    return int(period[5:7])


# -- values ------------------------------------------------------------------

def vary(rng: random.Random, value: float, spread: float = 0.1, digits: int = 0) -> float | int:
    """``value`` give or take ``spread`` (a fraction), rounded."""
    out = value * (1 + rng.uniform(-spread, spread))
    return round(out, digits) if digits else int(round(out))


def pick_places(rng: random.Random, count: int, weighted: bool = True) -> list[Place]:
    """``count`` places, more often the populous ones when ``weighted``."""
    weights = [p.population for p in PLACES] if weighted else None
    return rng.choices(PLACES, weights=weights, k=count)


def per_place(periods: Sequence[object], metrics: Callable[[random.Random, Place, int, object], Sequence[object]],
              places: Sequence[Place] = PLACES, period_first: bool = True) -> RowsFn:
    """Rows of (period, code, place name, *metrics) for every place and period.

    ``metrics(rng, place, period_index, period)`` returns the measured values.
    """
    def rows(rng: random.Random) -> Iterator[Row]:
        if period_first:
            for i, period in enumerate(periods):
                for place in places:
                    yield (period, place.code, place.full_name, *metrics(rng, place, i, period))
        else:
            for place in places:
                for i, period in enumerate(periods):
                    yield (period, place.code, place.full_name, *metrics(rng, place, i, period))
    return rows


def PLACE_COLS(period: str = "Năm|Năm thống kê") -> tuple[Col, ...]:
    return cols(period, "Mã ĐVHC|Mã đơn vị hành chính cấp xã (minh họa)", "Xã, phường|Tên xã, phường theo địa giới từ 01/7/2025")


def facilities(count: int, name: Callable[[random.Random, int, Place], str] | None,
               extra: Callable[[random.Random, int, Place], Sequence[object]], code_prefix: str,
               spread: float = 0.02, weighted: bool = True) -> RowsFn:
    """Rows of (code, name, *extra, address, place, lon, lat) for ``count`` facilities.

    With ``name=None`` the name column is left out (``extra`` supplies it, or none is needed).
    """
    def rows(rng: random.Random) -> Iterator[Row]:
        for i, place in enumerate(pick_places(rng, count, weighted), start=1):
            head = (f"{code_prefix}{i:04d}",) if name is None else (f"{code_prefix}{i:04d}", name(rng, i, place))
            fields = extra(rng, i, place)
            lon, lat = point_near(rng, place, spread)
            yield (*head, *fields, address(rng, place), place.full_name, lon, lat)
    return rows


def FACILITY_TAIL() -> tuple[Col, ...]:
    return cols(
        "Địa chỉ|Địa chỉ theo địa giới hành chính mới",
        "Xã, phường|Đơn vị hành chính cấp xã nơi đặt cơ sở",
        "Kinh độ|Kinh độ WGS 84 (gần đúng)|độ",
        "Vĩ độ|Vĩ độ WGS 84 (gần đúng)|độ",
    )


def facility_table(name: str, head: Sequence[str], rows: RowsFn, row_meaning: str) -> Table:
    """A facility list whose last two columns are longitude and latitude."""
    columns = (*cols(*head), *FACILITY_TAIL())
    return Table(name, columns, rows, row_meaning, lonlat=(len(columns) - 2, len(columns) - 1))


def relocate(rng: random.Random, row: Row, place: Place) -> tuple:
    """A facility row moved to ``place``: new address, place name and position (last four columns)."""
    lon, lat = point_near(rng, place, 0.004)
    return (*row[:-4], address(rng, place), place.full_name, lon, lat)
