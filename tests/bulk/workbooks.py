"""Building workbooks for the bulk tests: the real template filled in, or hand-made sheets."""
from __future__ import annotations

from io import BytesIO

from flask_babel import force_locale
from openpyxl import Workbook, load_workbook

from opendata import bulk


def fill(organization, rows: list[dict], *, prefill: bool = False, user=None, start: int | None = None) -> BytesIO:
    """The template as an agency would fill it: each dict maps field names to cell values.

    ``None`` in ``rows`` leaves an empty row. Cells given as ``("text", value)`` are
    stored as text even when they begin with "=".
    """
    workbook = load_workbook(BytesIO(bulk.template(organization, "vi", user=user, prefill=prefill)))
    sheet = workbook.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[2]}
    row_number = start or sheet.max_row + 1
    for values in rows:
        for name, value in (values or {}).items():
            cell = sheet.cell(row=row_number, column=columns[name])
            if isinstance(value, tuple) and value[0] == "text":
                cell.value = value[1]
                cell.data_type = "s"
            else:
                cell.value = value
        row_number += 1
    return save(workbook)


def save(workbook) -> BytesIO:
    buffer = BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def plain(header: list, rows: list[list]) -> BytesIO:
    """A hand-made sheet: a header row, then rows; no hidden field-name row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    return save(workbook)


def english(message) -> str:
    """A (lazy) message in English, so assertions do not depend on the Vietnamese catalogue."""
    with force_locale("en"):
        return str(message)


def errors(report) -> list[tuple]:
    """(row, column letter, English message) for each error of a report."""
    return [(e.row, e.column.split(" ")[0] if e.column else "", english(e.message)) for e in report.errors]
