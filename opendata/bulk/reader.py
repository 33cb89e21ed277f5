"""Reading an uploaded workbook without trusting it.

The file is copied under a size cap, its zip directory is checked before
openpyxl sees it (an .xlsx is a zip: a few kilobytes can declare gigabytes
of XML), and the first sheet is read row by row in read-only mode, stopping
as soon as a cap is passed. Formulas are never evaluated: the workbook is
opened with ``data_only=False`` so a formula cell shows up as a formula
(and is refused) instead of hiding behind a cached value.
"""
from __future__ import annotations

import itertools
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from opendata.i18n import lazy_gettext as _l
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .columns import BY_FIELD, header_keys, key

MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # the .xlsx as sent
MAX_ZIP_MEMBERS = 1_000
MAX_SHEET_XML_BYTES = 50 * 1024 * 1024  # all xl/worksheets/*.xml, unpacked
MAX_SHARED_STRINGS_BYTES = 20 * 1024 * 1024  # openpyxl holds these in memory
MAX_UNPACKED_BYTES = 120 * 1024 * 1024  # everything in the zip, unpacked
MAX_ROWS = 2_000  # datasets (non-empty rows) per file
MAX_SCAN_ROWS = 10_000  # rows looked at, empty ones included
MAX_COLUMNS = 100
MAX_CELLS = 100_000  # non-empty cells in the first MAX_COLUMNS + 1 columns

_SHEET_XML = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)
_CHUNK = 64 * 1024


class FileRefused(Exception):
    """The file as a whole cannot be imported; ``message`` says why in the user's language."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class Cell:
    value: Any
    formula: bool = False


@dataclass
class Sheet:
    """The data sheet: which column holds which field, and the non-empty rows."""

    columns: dict[int, str]  # column number (1-based) -> field
    headers: dict[int, str]  # column number -> header as written in the file
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)  # (Excel row number, field -> cell)

    def column_name(self, field_name: str) -> str:
        """``"C – Giấy phép"``: the letter and header of the column holding ``field_name``."""
        for number, name in self.columns.items():
            if name == field_name:
                header = self.headers.get(number) or str(BY_FIELD[name].label)
                return f"{get_column_letter(number)} – {header}"
        return ""


def read_sheet(stream: BinaryIO) -> Sheet:
    """The first worksheet of the upload, or :class:`FileRefused`."""
    with tempfile.SpooledTemporaryFile(max_size=1024 * 1024) as handle:
        _copy_capped(stream, handle)
        _check_zip(handle)
        try:
            workbook = load_workbook(handle, read_only=True, data_only=False, keep_links=False)
        except Exception as error:  # a damaged file can fail in many ways inside openpyxl
            raise FileRefused(_NOT_XLSX) from error
        try:
            return _read(workbook)
        except FileRefused:
            raise
        except Exception as error:
            raise FileRefused(_l("The file could not be read: it seems to be damaged. Open it in Excel, save it again as an Excel Workbook (.xlsx) and send it again.")) from error
        finally:
            workbook.close()


_NOT_XLSX = _l(
    "This file is not an Excel workbook (.xlsx). Download the template from this page, fill it in "
    "and save it as an Excel Workbook (.xlsx); a file protected by a password must be unprotected first."
)


def _copy_capped(stream: BinaryIO, handle) -> None:
    size = 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_UPLOAD_BYTES:
            raise FileRefused(_l("The file is larger than %(size)s MB. Split the datasets over several files.",
                                 size=MAX_UPLOAD_BYTES // (1024 * 1024)))
        handle.write(chunk)
    handle.seek(0)


def _check_zip(handle) -> None:
    """Refuse zips whose declared unpacked sizes are too big (zipfile never reads past them)."""
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise FileRefused(_NOT_XLSX)
            names = {m.filename for m in members}
            if "xl/workbook.xml" not in names:
                raise FileRefused(_NOT_XLSX)
            if any(m.flag_bits & 0x1 for m in members):
                raise FileRefused(_NOT_XLSX)  # encrypted members
            sheets = sum(m.file_size for m in members if _SHEET_XML.match(m.filename))
            strings = sum(m.file_size for m in members if m.filename.lower() == "xl/sharedstrings.xml")
            total = sum(m.file_size for m in members)
    except zipfile.BadZipFile as error:
        raise FileRefused(_NOT_XLSX) from error
    finally:
        handle.seek(0)
    if sheets > MAX_SHEET_XML_BYTES or strings > MAX_SHARED_STRINGS_BYTES or total > MAX_UNPACKED_BYTES:
        raise FileRefused(_l(
            "The workbook is too large once unpacked. Keep only the datasets sheet of the template, "
            "with at most %(rows)s datasets, and send it again.", rows=MAX_ROWS))


def _too_many_rows():
    return FileRefused(_l(
        "The sheet has more than %(rows)s datasets. Split them over several files of at most %(rows)s rows each.",
        rows=MAX_ROWS))


def _too_long():
    return FileRefused(_l(
        "The sheet goes on past row %(rows)s. Delete the rows below your datasets and send the file again.",
        rows=MAX_SCAN_ROWS))


def _too_wide():
    return FileRefused(_l("The sheet has more than %(columns)s columns. Use the columns of the template only.",
                          columns=MAX_COLUMNS))


def _read(workbook) -> Sheet:
    if not workbook.worksheets:
        raise FileRefused(_NOT_XLSX)
    worksheet = workbook.worksheets[0]
    declared_rows, declared_columns = worksheet.max_row, worksheet.max_column  # from <dimension>, may be absent
    if declared_rows and declared_rows > MAX_SCAN_ROWS:
        raise _too_long()
    if declared_columns and declared_columns > MAX_COLUMNS:
        raise _too_wide()
    worksheet.reset_dimensions()  # a wrong <dimension> must not hide rows: the caps below bound the scan
    rows = worksheet.iter_rows(max_col=MAX_COLUMNS + 1)
    header, second = next(rows, ()), next(rows, ())
    columns, headers, first_data_row = _mapping(_values(header), _values(second))
    sheet = Sheet(columns=columns, headers=headers)
    if first_data_row == 2:
        rows = itertools.chain([second], rows)
    cells = 0
    for number, row in enumerate(rows, start=first_data_row):
        if number > MAX_SCAN_ROWS:
            raise _too_long()
        if len(row) > MAX_COLUMNS and row[MAX_COLUMNS].value not in (None, ""):
            raise _too_wide()
        cells += sum(1 for cell in row if cell.value is not None)
        if cells > MAX_CELLS:
            raise FileRefused(_l("The sheet holds too much data for one import. Split the datasets over several files."))
        values: dict[str, Cell] = {}
        for position, field_name in columns.items():
            if position > len(row):
                continue
            raw = row[position - 1]
            value = raw.value
            if isinstance(value, str) and not value.strip():
                value = None
            if value is None:
                continue
            values[field_name] = Cell(value=value, formula=getattr(raw, "data_type", None) == "f")
        if not values:
            continue  # completely empty rows are ignored
        if len(sheet.rows) >= MAX_ROWS:
            raise _too_many_rows()
        sheet.rows.append((number, values))
    return sheet


def _values(row) -> list:
    return [getattr(cell, "value", None) for cell in row]


def _mapping(header: list, second: list) -> tuple[dict[int, str], dict[int, str], int]:
    """Columns from the hidden field-name row when present, else from the header labels."""
    headers = {i: str(v).strip() for i, v in enumerate(header, start=1) if v is not None and str(v).strip()}
    by_name = {i: str(v).strip() for i, v in enumerate(second, start=1) if isinstance(v, str) and v.strip() in BY_FIELD}
    if "title" in by_name.values():
        columns, first_data_row = by_name, 3
    else:
        known = header_keys()
        columns = {i: known[key(text)] for i, text in headers.items() if key(text) in known}
        first_data_row = 2
    seen: dict[str, int] = {}
    for number, name in sorted(columns.items()):
        if name in seen:
            raise FileRefused(_l(
                "Columns %(first)s and %(second)s both hold “%(label)s”. Keep one of them and send the file again.",
                first=get_column_letter(seen[name]), second=get_column_letter(number), label=BY_FIELD[name].label))
        seen[name] = number
    if "title" not in seen:
        raise FileRefused(_l(
            "The first sheet has no column for the dataset title. Download the template from this page, "
            "copy your rows into it and send it again."))
    return columns, headers, first_data_row
