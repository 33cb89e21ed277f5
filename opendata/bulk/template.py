"""Writing the bulk template: an .xlsx an agency fills in and sends back.

Sheets: the datasets (first, so the import knows where to look), the
instructions ("Hướng dẫn") and the hidden lists ("Danh mục") behind the
dropdowns. Row 1 holds the translated headers; row 2, hidden, the field
names, so the import works whatever the headers say. Written with
openpyxl's write-only mode: rows stream out, memory stays small.
"""
from __future__ import annotations

import io
import re
from datetime import date

from flask_babel import force_locale
from flask_babel import gettext as _
from opendata.i18n import lazy_gettext as _l
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..auth import can
from ..extensions import db
from ..models import Dataset, Organization
from ..publishing import PermissionDenied
from .columns import BY_FIELD, COLUMNS, Vocabularies
from .reader import MAX_ROWS

FIRST_DATA_ROW = 3
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_WRAP = Alignment(wrap_text=True, vertical="top")
_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def template(organization: Organization, locale: str, *, user=None, prefill: bool = False) -> bytes:
    """The template as .xlsx bytes, in ``locale``; ``prefill`` adds the agency's datasets for updating them."""
    if prefill and not can(user, "dataset.bulk_import", organization):
        raise PermissionDenied("dataset.bulk_import")  # drafts and private datasets are in there
    with force_locale(locale):
        english = locale == "en"
        vocabularies = Vocabularies()
        lists = {
            "licence_id": vocabularies.licence_labels(english),
            "topics": vocabularies.topic_labels(english),
            "frequency": vocabularies.frequency_labels(),
        }
        workbook = Workbook(write_only=True)
        data = workbook.create_sheet(_sheet_title(_("Datasets")))
        instructions = workbook.create_sheet(_sheet_title(_("Instructions")))
        hidden = workbook.create_sheet(_sheet_title(_("Lists")))
        hidden.sheet_state = "hidden"
        ranges = _write_lists(hidden, lists)
        datasets = _datasets(organization) if prefill else []
        _write_data(data, ranges, datasets, dict((v, k) for k, v in lists["licence_id"]),
                    dict((v, k) for k, v in lists["topics"]), dict((v, k) for k, v in lists["frequency"]))
        _write_instructions(instructions, organization)
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()


def filename(organization: Organization, prefill: bool) -> str:
    """A Vietnamese file name for the download, safe on every operating system."""
    name = organization.name
    text = _("Datasets of %(agency)s", agency=name) if prefill else _("Dataset import template - %(agency)s", agency=name)
    text = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text).strip()[:150]
    return f"{text}.xlsx"


def _sheet_title(text: str) -> str:
    return _SHEET_NAME.sub(" ", text)[:31].strip() or "Sheet"


def _datasets(organization: Organization) -> list[Dataset]:
    return list(db.session.scalars(
        select(Dataset).where(Dataset.organization_id == organization.id)
        .options(selectinload(Dataset.tags), selectinload(Dataset.topics))
        .order_by(Dataset.title)
    ))


def _write_lists(sheet, lists: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    """Label and code columns per list; returns field -> the range of its labels."""
    headers, ranges, columns = [], {}, []
    for index, (name, entries) in enumerate(lists.items()):
        label_col = 2 * index + 1  # the code sits in the next column
        headers += [str(BY_FIELD[name].label), name]
        columns.append(entries)
        sheet.column_dimensions[get_column_letter(label_col)].width = 40
        if entries:
            letter = get_column_letter(label_col)
            ranges[name] = f"{quote_sheetname(sheet.title)}!${letter}$2:${letter}${len(entries) + 1}"
    sheet.append(headers)
    for position in range(max((len(e) for e in columns), default=0)):
        row = []
        for entries in columns:
            row += list(entries[position]) if position < len(entries) else [None, None]
        sheet.append([_text(sheet, value) for value in row])
    return ranges


def _write_data(sheet, ranges, datasets, licence_label, topic_label, frequency_label) -> None:
    last_row = FIRST_DATA_ROW + max(MAX_ROWS, len(datasets)) - 1
    for number, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(number)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        if column.kind != "long":  # typed dates and phone numbers stay as written ("@" = text)
            dimension.number_format = "@"
        if column.field in ranges:
            prompt = _("Choose from the list.") if column.field != "topics" else _(
                "Choose a topic from the list. For several topics, type their names separated by commas.")
            validation = DataValidation(
                type="list", formula1=ranges[column.field], allow_blank=True, showDropDown=False,
                showInputMessage=True, prompt=prompt[:255],
                # a comma list of topics is not one of the entries: warn, do not stop
                showErrorMessage=column.field != "topics", errorStyle="stop",
                error=_("Choose a value from the list.")[:255],
            )
            validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}")
            sheet.data_validations.append(validation)
    sheet.row_dimensions[2].hidden = True
    sheet.freeze_panes = f"B{FIRST_DATA_ROW}"
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, value=str(column.label))
        cell.font, cell.fill, cell.alignment = _BOLD, _HEADER_FILL, _WRAP
        header.append(cell)
    sheet.append(header)
    sheet.append([column.field for column in COLUMNS])
    for dataset in datasets:
        values = {
            "licence_id": licence_label.get(dataset.licence_id, dataset.licence_id),
            "topics": ", ".join(topic_label.get(t.slug, t.name) for t in dataset.topics),
            "tags": ", ".join(t.name for t in dataset.tags),
            "frequency": frequency_label.get(dataset.frequency, dataset.frequency),
        }
        sheet.append([_text(sheet, values[c.field] if c.field in values else getattr(dataset, c.field)) for c in COLUMNS])


def _text(sheet, value):
    """A cell that shows ``value`` as text: never a formula, never a character Excel rejects."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        value = value.strftime("%d/%m/%Y")
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(value)))
    cell.data_type = "s"  # "=..." stays text
    return cell


def _write_instructions(sheet, organization: Organization) -> None:
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 12
    sheet.column_dimensions["C"].width = 70
    sheet.column_dimensions["D"].width = 34
    title = WriteOnlyCell(sheet, value=_("How to fill in the dataset template of %(agency)s", agency=organization.name))
    title.font = Font(bold=True, size=14)
    sheet.append([title])
    for paragraph in _paragraphs():
        cell = WriteOnlyCell(sheet, value=str(paragraph))
        cell.alignment = _WRAP
        sheet.append([cell])
    sheet.append([])
    heads = []
    for text in (_("Column"), _("Required"), _("What to enter"), _("Example")):
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill = _BOLD, _HEADER_FILL
        heads.append(cell)
    sheet.append(heads)
    for column in COLUMNS:
        row = []
        for value in (str(column.label), _("Yes") if column.required else "", str(column.hint), column.example):
            cell = _text(sheet, value) or WriteOnlyCell(sheet, value=None)
            cell.alignment = _WRAP
            row.append(cell)
        sheet.append(row)


def _paragraphs():
    return (
        _l("Fill in one dataset per row of the first sheet, starting on row 3. Do not change row 1 or the hidden row 2."),
        _l("Each row without a web address (slug) creates a new draft dataset. Publish the drafts on the portal after adding their files."),
        _l("A row with the web address of one of your agency's datasets updates that dataset: every column of the row replaces the current value, and an empty cell clears it. To update, download the template filled with your agency's datasets and edit it."),
        _l("Licence, topics and update frequency: choose from the dropdown lists. For several topics, type their names separated by commas."),
        _l("Dates: write them as dd/mm/yyyy, for example 31/12/2024."),
        _l("Type values, not formulas. A value may not begin with =, +, - or @."),
        _l("At most %(rows)s datasets per file. The portal checks every row first: if any row has a mistake, nothing is saved and you get the list of mistakes with their row and column.", rows=MAX_ROWS),
    )
