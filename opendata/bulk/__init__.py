"""Bulk metadata work for agencies: an Excel template out, an Excel file in (issue "Agency publishing", item 7).

``template()`` writes the .xlsx an agency fills in (optionally with its
datasets, to update them); ``import_xlsx()`` checks every row of a returned
file and applies all of them in one transaction, or none. Plain functions:
the web pages and any future API call the same ones.
"""
from .columns import COLUMNS
from .importer import ImportReport, RowError, import_xlsx
from .reader import MAX_COLUMNS, MAX_ROWS, MAX_UPLOAD_BYTES
from .template import filename, template

__all__ = [
    "COLUMNS", "ImportReport", "MAX_COLUMNS", "MAX_ROWS", "MAX_UPLOAD_BYTES", "RowError", "filename", "import_xlsx", "template",
]
