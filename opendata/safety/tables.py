"""Scanning a table row by row: CSV files, worksheets, lists of JSON records.

Only the first rows are held in memory (to find the header row); the rest
streams through. Numbers that are not text (Excel numbers, JSON numbers) are
only judged when their column's header names an identity number, a phone
number or a tax code: statistics are never read as personal numbers.
"""
from __future__ import annotations

from itertools import islice
from typing import Callable, Hashable, Iterable, Sequence

from .findings import Collector
from .rules import (
    BLOCK, NOTICE, NUMERIC, PREFILTER, column_value, header_kind, header_roles, mask_text, normalize, scan_text,
)

HEADER_SEARCH_ROWS = 20  # title rows above a spreadsheet's header are common
LABEL_LIMIT = 60
_SEP = "\x1f"


class TableScanner:
    """Header roles and findings for one table; feed it ``header()`` then ``data()`` rows."""

    def __init__(self, collector: Collector, sheet: str | None = None,
                 default_label: Callable[[Hashable], str] = lambda col: str(col) if isinstance(col, str) else str(col + 1)):
        self.collector = collector
        self.sheet = sheet
        self.default_label = default_label
        self.labels: dict[Hashable, str] = {}
        self.roles: dict[Hashable, frozenset[str]] = {}
        self.reported: set[Hashable] = set()
        self.person = False  # a column of people's names: tax codes and phones are then personal

    def label(self, col: Hashable) -> str:
        return self.labels.get(col) or self.default_label(col)

    def header(self, cells: Iterable[tuple[Hashable, object]], row: int | None = None) -> None:
        """Declare header cells; a header naming personal data is reported once per column."""
        kinds = {}
        for col, text in cells:
            text = normalize(str(text)).strip()
            if not text:
                continue
            self.labels[col] = mask_text(text, LABEL_LIMIT)
            self.roles[col] = header_roles(text)
            kind = header_kind(text)
            if kind:
                kinds[col] = kind
        self.person = self.person or "name" in kinds.values()
        for col, kind in kinds.items():
            if col in self.reported:
                continue
            self.reported.add(col)
            key, severity = f"column.{kind}", BLOCK
            if kind == "phone" and not self.person:
                key, severity = "column.phone_notice", NOTICE
            label = self.labels[col]
            self.collector.add("personal_column", key, severity, excerpt=label, params={"column": label},
                               row=row, column=label, sheet=self.sheet)

    def data(self, row: int | None, cells: Sequence[tuple[Hashable, object]]) -> None:
        texts = []
        for col, value in cells:
            roles = self.roles.get(col)
            if roles:
                hit = column_value(value, roles, self.person)
                if hit:
                    self.collector.hit(hit, row=row, column=self.label(col), sheet=self.sheet)
                    continue
            if isinstance(value, str):
                texts.append((col, value))
        if not texts:
            return
        joined = normalize(_SEP.join(value for _, value in texts))
        if not PREFILTER.search(joined):
            return
        values = joined.split(_SEP)
        if len(values) != len(texts):  # a cell held the separator itself
            values = [normalize(value) for _, value in texts]
        for (col, _), value in zip(texts, values):
            if not PREFILTER.search(value):
                continue
            roles = self.roles.get(col, frozenset())
            phones = "code" not in roles or "phone" in roles  # "Mã số thuế" 0312345678 is not a phone
            for hit in scan_text(value, phones=phones):
                self.collector.hit(hit, row=row, column=self.label(col), sheet=self.sheet)


def _cells(values: Sequence[object]) -> list[tuple[int, object]]:
    return [
        (index, value) for index, value in enumerate(values)
        if value is not None and not (isinstance(value, str) and not value.strip())
    ]


def _looks_like_header(cells) -> bool:
    return all(isinstance(value, str) and not NUMERIC.match(value) for _, value in cells)


def pick_header(head: list[tuple[int, list]]) -> tuple[int, list] | None:
    """The header among the first rows: the all-text row with the most cells (earliest on a tie).

    A one-cell title row ("BÁO CÁO ...") loses to the wider header below it.
    """
    widest = max((len(cells) for _, cells in head), default=0)
    candidates = [
        (number, cells) for number, cells in head
        if cells and _looks_like_header(cells) and (len(cells) >= 2 or widest == 1)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda item: (len(item[1]), -item[0]))


def feed_rows(table: TableScanner, rows: Iterable[Sequence[object]]) -> None:
    """Scan ``rows`` (row 1 first); the header is looked for in the first HEADER_SEARCH_ROWS."""
    numbered = ((number, _cells(values)) for number, values in enumerate(rows, 1))
    head = list(islice(numbered, HEADER_SEARCH_ROWS))
    header = pick_header(head)
    if header:
        table.header(header[1], row=header[0])
    for number, cells in head:
        if cells:
            table.data(number, cells)
    for number, cells in numbered:
        if cells:
            table.data(number, cells)
