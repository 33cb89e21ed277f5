"""Renderings of a demo table as CSV, XLSX, JSON and GeoJSON byte streams.

Every renderer is a generator of byte chunks that ``LocalStorage.save``
consumes directly, so a file never sits whole in memory (the XLSX goes
through a temporary file because a zip archive is written at the end).

CSV files are UTF-8 *with* a byte order mark and CRLF line ends: that is what
Vietnamese agencies usually publish, because Excel on Windows otherwise opens
UTF-8 as a legacy code page and mangles the diacritics. Readers should decode
with ``utf-8-sig``.

XLSX files are made deterministic (same bytes on every run) by fixing the
document dates and the zip entry timestamps that openpyxl takes from the clock.
"""
from __future__ import annotations

import csv
import io
import json
import random
import re
import shutil
import tempfile
import zipfile
from datetime import date
from typing import Iterable, Iterator

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from .tables import Row, Table

CHUNK = 64 * 1024
FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)
FIXED_W3CDTF = "2025-01-01T00:00:00Z"


class RowCounter:
    """Counts rows as they stream past (the description quotes the count)."""

    def __init__(self) -> None:
        self.rows = 0

    def wrap(self, rows: Iterable[Row]) -> Iterator[Row]:
        for row in rows:
            self.rows += 1
            yield row


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def csv_chunks(table: Table, rng: random.Random, counter: RowCounter | None = None) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    yield b"\xef\xbb\xbf"
    rows = counter.wrap(table.rows(rng)) if counter else table.rows(rng)
    for row in rows:
        writer.writerow([_text(v) for v in row])
        if buffer.tell() > CHUNK:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def json_chunks(table: Table, rng: random.Random, meta: dict | None = None) -> Iterator[bytes]:
    """An array of records with ASCII keys; with ``meta``, an object holding it under "du_lieu"."""
    keys = [c.key for c in table.columns]
    if meta is not None:
        head = dict(meta, truong_du_lieu=[{"ma": c.key, "ten": c.name, "mo_ta": c.doc, "don_vi": c.unit}
                                          for c in table.columns])
        opening = json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "du_lieu": [\n'
        closing = "\n ]\n}\n"
    else:
        opening, closing = "[\n", "\n]\n"
    yield opening.encode("utf-8")
    parts: list[str] = []
    size = 0
    first = True
    for row in table.rows(rng):
        record = json.dumps(dict(zip(keys, map(_plain, row))), ensure_ascii=False)
        parts.append(record if first else ",\n" + record)
        first = False
        size += len(record)
        if size > CHUNK:
            yield "".join(parts).encode("utf-8")
            parts, size = [], 0
    yield ("".join(parts) + closing).encode("utf-8")


def geojson_chunks(name: str, features: Iterable[dict]) -> Iterator[bytes]:
    """A FeatureCollection (RFC 7946: WGS 84 longitude/latitude, no "crs" member)."""
    yield ('{"type": "FeatureCollection", "name": ' + json.dumps(name, ensure_ascii=False) + ', "features": [\n').encode("utf-8")
    first = True
    for feature in features:
        yield (("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)).encode("utf-8")
        first = False
    yield b"\n]}\n"


def point_features(table: Table, rng: random.Random) -> Iterator[dict]:
    """Rows of a table with longitude/latitude columns as Point features."""
    lon_i, lat_i = table.lonlat
    keys = [c.key for c in table.columns]
    for row in table.rows(rng):
        props = {k: _plain(v) for i, (k, v) in enumerate(zip(keys, row)) if i not in (lon_i, lat_i)}
        yield {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row[lon_i], row[lat_i]]},
               "properties": props}


def xlsx_chunks(table: Table, rng: random.Random, title: str) -> Iterator[bytes]:
    """An XLSX workbook written in openpyxl's write-only mode (bounded memory)."""
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Cổng dữ liệu mở tỉnh An Giang (dữ liệu minh họa)"
    workbook.properties.title = title
    sheet = workbook.create_sheet(title="Dữ liệu")
    bold = Font(bold=True)
    header = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, value=column.name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows(rng):
        sheet.append(list(row))
    notes = workbook.create_sheet(title="Giải thích")
    notes.append([WriteOnlyCell(notes, value=v) for v in ("Cột", "Ý nghĩa", "Đơn vị")])
    for column in table.columns:
        notes.append([column.name, column.doc, column.unit])
    with tempfile.TemporaryFile() as raw, tempfile.TemporaryFile() as fixed:
        workbook.save(raw)
        raw.seek(0)
        _normalise_zip(raw, fixed)
        fixed.seek(0)
        yield from iter(lambda: fixed.read(CHUNK), b"")


_MODIFIED = re.compile(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:)")


def _normalise_zip(source, target) -> None:
    """Copy a zip archive with fixed timestamps, so equal content gives equal bytes."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            if info.filename == "docProps/core.xml":
                body = _MODIFIED.sub(rb"\g<1>" + FIXED_W3CDTF.encode() + rb"\g<2>", zin.read(info))
                zout.writestr(fixed, body)
                continue
            with zin.open(info) as src, zout.open(fixed, "w") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
