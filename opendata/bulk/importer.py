"""Importing dataset metadata from the bulk template: every row or none.

Every row is read and checked first (cells, then the same
``clean_dataset`` the forms use, then rules across rows); only a clean file
is applied, through ``create_dataset``/``update_dataset`` without their own
commits, in one transaction with a history record per dataset.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO

from opendata.i18n import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ..auth import can
from ..extensions import db
from ..models import Activity, Dataset, Organization
from ..publishing import PermissionDenied, ValidationError, create_dataset, update_dataset
from ..publishing.validation import clean_dataset
from .cells import CellProblem, convert, display
from .columns import Vocabularies
from .reader import FileRefused, Sheet, read_sheet


@dataclass
class RowError:
    row: int | None  # the row number Excel shows; None: the whole file
    column: str  # "C – Giấy phép"; "" when the problem is not one cell's
    value: str
    message: object  # lazily translated


@dataclass
class ImportReport:
    created: list[Dataset] = field(default_factory=list)
    updated: list[Dataset] = field(default_factory=list)
    unchanged: list[Dataset] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False
    rows: int = 0  # non-empty rows read


@dataclass
class _Row:
    number: int
    data: dict
    raw: dict  # field -> the cell value, for the report
    dataset: Dataset | None = None  # the dataset this row updates


def import_xlsx(user, organization: Organization, stream: BinaryIO) -> ImportReport:
    """Create drafts and update datasets of ``organization`` from an uploaded workbook."""
    if not can(user, "dataset.bulk_import", organization):
        raise PermissionDenied("dataset.bulk_import")
    report = ImportReport()
    try:
        sheet = read_sheet(stream)
    except FileRefused as refused:
        report.errors.append(RowError(None, "", "", refused.message))
        return report
    report.rows = len(sheet.rows)
    if not sheet.rows:
        report.errors.append(RowError(None, "", "", _l("The file has no datasets: fill in at least one row below the headers.")))
        return report
    rows = _check(user, organization, sheet, report)
    if report.errors:
        report.errors.sort(key=lambda e: (e.row or 0, e.column))
        return report
    _apply(user, organization, sheet, rows, report)
    return report


def _check(user, organization: Organization, sheet: Sheet, report: ImportReport) -> list[_Row]:
    vocabularies = Vocabularies()
    slugs = {str(cells["slug"].value).strip().lower() for _, cells in sheet.rows if "slug" in cells}
    existing = {d.slug: d for d in db.session.scalars(select(Dataset).where(Dataset.slug.in_(slugs)))} if slugs else {}
    rows: list[_Row] = []
    first_use: dict[tuple[str, str], int] = {}

    def fail(number: int, field_name: str, value, message) -> None:
        report.errors.append(RowError(number, sheet.column_name(field_name), display(value), message))

    for number, cells in sheet.rows:
        raw = {name: cell.value for name, cell in cells.items()}
        data: dict = {name: None for name in sheet.columns.values()}  # an empty cell clears its field
        failed = set()
        for name, cell in cells.items():
            try:
                data[name] = convert(name, cell.value, cell.formula, vocabularies)
            except CellProblem as problem:
                fail(number, name, cell.value, problem.message)
                failed.add(name)
                data.pop(name)
        row = _Row(number, data, raw)
        slug = (data.pop("slug", None) or "").lower()  # web addresses are lowercase; typing "Truong-Hoc" still finds it
        if slug:
            row.dataset = existing.get(slug)
            if row.dataset is None:
                data["slug"] = slug
            elif row.dataset.organization_id != organization.id:
                fail(number, "slug", slug, _l(
                    "This web address belongs to a dataset of another agency. You can only update your own "
                    "agency's datasets; leave the cell empty to create a new dataset."))
                continue
            elif not can(user, "dataset.update", row.dataset):
                fail(number, "slug", slug, _l("You are not allowed to change this dataset."))
                continue
        elif not can(user, "dataset.create", organization):
            fail(number, "title", raw.get("title"), _l("You are not allowed to add datasets to this agency."))
            continue
        for name in ("slug", "identifier"):
            value = slug if name == "slug" else data.get(name)
            if value:
                earlier = first_use.setdefault((name, value), number)
                if earlier != number:
                    fail(number, name, value, _l(
                        "Row %(row)s of this file already uses this value; each dataset may appear only once.", row=earlier))
        try:
            with db.session.no_autoflush:
                clean_dataset(data, row.dataset)
        except ValidationError as invalid:
            for name, messages in invalid.errors.items():
                if name not in failed:  # that cell already has its own message
                    for message in messages:
                        fail(number, name, raw.get(name), message)
        rows.append(row)
    return rows


def _pending_activities() -> int:
    return sum(isinstance(obj, Activity) for obj in db.session.new)


def _apply(user, organization: Organization, sheet: Sheet, rows: list[_Row], report: ImportReport) -> None:
    # Updates first, then new datasets with a chosen web address, then derived ones:
    # a derived address then steps aside ("-2") instead of taking a chosen one.
    ordered = sorted(rows, key=lambda r: (r.dataset is None, "slug" not in r.data, r.number))
    try:
        for row in ordered:
            try:
                if row.dataset is not None:
                    before = _pending_activities()
                    update_dataset(user, row.dataset, row.data, None, commit=False)
                    (report.updated if _pending_activities() > before else report.unchanged).append(row.dataset)
                    db.session.flush()
                else:
                    report.created.append(create_dataset(user, organization, row.data, commit=False))
            except ValidationError as invalid:
                for name, messages in invalid.errors.items():
                    for message in messages:
                        report.errors.append(RowError(row.number, sheet.column_name(name), display(row.raw.get(name)), message))
        if report.errors:
            raise _Undo()
        db.session.commit()
    except (_Undo, StaleDataError, IntegrityError) as error:
        db.session.rollback()
        if not isinstance(error, _Undo):
            report.errors.append(RowError(None, "", "", _l(
                "Someone changed these datasets while the file was being imported, so nothing was saved. "
                "Send the file again.")))
        report.errors.sort(key=lambda e: (e.row or 0, e.column))
        report.created, report.updated, report.unchanged = [], [], []
        return
    except BaseException:
        db.session.rollback()
        raise
    for group in (report.created, report.updated, report.unchanged):
        group.sort(key=lambda d: d.title.lower())
    report.applied = True


class _Undo(Exception):
    """Some row failed while applying: roll the whole file back."""
