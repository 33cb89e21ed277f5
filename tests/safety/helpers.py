"""Small builders of sample files for the safety tests (generated, so no personal data is committed)."""
from __future__ import annotations

import io

from openpyxl import Workbook

from opendata.models import DatasetState
from tests import factories


def xlsx(rows, title="Dữ liệu", extra_sheets=()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for name, more in extra_sheets:
        other = book.create_sheet(name)
        for row in more:
            other.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(text: str, encoding="utf-8") -> bytes:
    return text.encode(encoding)


def dataset_with(org, *files, **fields):
    """A draft dataset holding ``files`` ((filename, bytes) pairs)."""
    fields.setdefault("state", DatasetState.DRAFT)
    fields.setdefault("description", "Số liệu thống kê của tỉnh.")
    return factories.dataset(org, resources=files, **fields)


def by_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """``text`` as legacy Vietnamese Windows bytes: precomposed letters, separate tone marks."""
    import unicodedata

    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in decomposed[1:] if mark in TONE_MARKS)
        rest = "".join(mark for mark in decomposed[1:] if mark not in TONE_MARKS)
        out.append(unicodedata.normalize("NFC", decomposed[0] + rest) + tones)
    return "".join(out).encode("cp1258")
