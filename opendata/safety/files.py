"""Reading a stored file for the safety gate, in bounded memory.

CSV/TSV stream through the csv module; XLSX through openpyxl in read-only
mode (cached values, formulas never evaluated); small JSON is parsed and
walked, large JSON and plain text are scanned in chunks. A file that cannot
be read gives a notice, never an exception: a broken upload must not break
the page that publishes it.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import shutil
import tempfile
import warnings
import zipfile
import zlib
from typing import BinaryIO

from ..storage import get_storage
from .findings import Collector
from .rules import normalize, scan_text
from .tables import TableScanner, feed_rows

TABLE_FORMATS = {"CSV", "TSV", "TAB"}
TEXT_FORMATS = {"TXT", "TEXT", "XML", "KML", "GML", "HTML", "HTM", "MD", "RDF"}
SPREADSHEET_FORMATS = {"XLSX", "XLSM"}
JSON_FORMATS = {"JSON", "GEOJSON"}
JSON_LOAD_LIMIT = 5 * 1024 * 1024  # parsed whole below this size; scanned as text above
HEAD = 64 * 1024
CHUNK = 1024 * 1024
OVERLAP = 64  # characters kept in front of a chunk so a token cut in two is still seen whole
MARGIN = 320  # longer than any token the rules match (an e-mail address is at most 254)


def file_format(resource) -> str:
    fmt = (resource.format or "").strip().upper().lstrip(".")
    if not fmt and resource.filename and "." in resource.filename:
        fmt = resource.filename.rsplit(".", 1)[-1].upper()
    return fmt


def scan_file(resource, collector: Collector) -> None:
    """Add the findings in ``resource``'s stored file to ``collector``."""
    fmt = file_format(resource)
    if fmt == "PDF":
        collector.notice("pdf")
        return
    reader = _READERS.get(fmt)
    if reader is None:
        collector.notice("format", format=fmt or "?")
        return
    storage = get_storage()
    if not resource.storage_key or not storage.exists(resource.storage_key):
        collector.notice("missing")
        return
    with storage.open(resource.storage_key) as handle:
        stream = _seekable(handle)
        try:
            reader(stream, collector, fmt)
        except _UNREADABLE:
            collector.notice("unreadable", format=fmt)
        finally:
            if stream is not handle:
                stream.close()


def _seekable(handle: BinaryIO) -> BinaryIO:
    """Object stores may give a forward-only stream; openpyxl and rewinding need to seek."""
    if handle.seekable():
        return handle
    spooled = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    shutil.copyfileobj(handle, spooled, CHUNK)
    spooled.seek(0)
    return spooled


# -- text --------------------------------------------------------------------


def detect_encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else legacy Vietnamese Windows (cp1258), else Latin-1."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3 and error.reason == "unexpected end of data":
            return "utf-8-sig"  # the head ends inside a character
    try:
        head.decode("cp1258")
        return "cp1258"
    except UnicodeDecodeError:
        return "latin-1"


def _text(handle: BinaryIO) -> io.TextIOWrapper:
    head = handle.read(HEAD)
    handle.seek(0)
    return io.TextIOWrapper(handle, encoding=detect_encoding(head), errors="replace", newline="")


def scan_text_stream(handle: BinaryIO, collector: Collector, fmt: str = "") -> None:
    """Free-text rules over the whole file, chunk by chunk; findings carry line numbers."""
    text = _text(handle)
    try:
        carry, skip, line = "", 0, 1  # ``line`` is the line number at the start of ``carry``
        while True:
            chunk = text.read(CHUNK)
            final = not chunk
            buffer = normalize(carry + chunk)
            # Matches starting in the last MARGIN characters wait for the next chunk.
            limit = len(buffer) if final else max(len(buffer) - MARGIN, skip)
            hits = sorted((hit for hit in scan_text(buffer) if skip <= hit.start < limit), key=lambda hit: hit.start)
            position, position_line = 0, line
            for hit in hits:
                position_line += buffer.count("\n", position, hit.start)
                position = hit.start
                collector.hit(hit, row=position_line)
            if final:
                return
            cut = max(limit - OVERLAP, 0)
            line += buffer.count("\n", 0, cut)
            carry, skip = buffer[cut:], limit - cut
    finally:
        text.detach()


# -- tables ------------------------------------------------------------------


def scan_csv(handle: BinaryIO, collector: Collector, fmt: str) -> None:
    text = _text(handle)
    try:
        sample = text.read(16 * 1024)
        text.seek(0)
        delimiter = _delimiter(sample, "\t" if fmt in {"TSV", "TAB"} else ",")
        reader = csv.reader(text, delimiter=delimiter, quotechar='"')
        feed_rows(TableScanner(collector), reader)
    finally:
        text.detach()


def _delimiter(sample: str, default: str) -> str:
    if "\n" in sample:
        sample = sample[: sample.rfind("\n")]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return default


def scan_xlsx(handle: BinaryIO, collector: Collector, fmt: str) -> None:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions in ordinary files
        workbook = load_workbook(handle, read_only=True, data_only=True)
        try:
            for sheet in workbook.worksheets:
                sheet.reset_dimensions()  # saved dimensions are often wrong; read every row there is
                table = TableScanner(collector, sheet=sheet.title, default_label=lambda col: get_column_letter(col + 1))
                feed_rows(table, sheet.iter_rows(values_only=True))
        finally:
            workbook.close()


# -- JSON --------------------------------------------------------------------


def scan_json(handle: BinaryIO, collector: Collector, fmt: str) -> None:
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    handle.seek(0)
    if size > JSON_LOAD_LIMIT:
        scan_text_stream(handle, collector, fmt)
        return
    text = _text(handle)
    try:
        data = json.load(text)
    finally:
        text.detach()
    table = TableScanner(collector)
    _walk(table, data, (), None)


def _walk(table: TableScanner, value, path: tuple[str, ...], row: int | None) -> None:
    """Records are the items of the outermost list (GeoJSON: the features); ``row`` numbers them."""
    if isinstance(value, dict):
        keys = [key for key in value if isinstance(key, str)]
        new = [(_column(path + (key,)), key) for key in keys if _column(path + (key,)) not in table.labels]
        if new:
            table.header(new, row=None)
        for key in keys:
            if key != "coordinates":  # GeoJSON geometry: numbers only
                _walk(table, value[key], path + (key,), row)
    elif isinstance(value, list):
        for index, item in enumerate(value, 1):
            if row is None:
                _walk(table, item, (), index)
            else:
                _walk(table, item, path, row)
    elif value is not None:
        table.data(row, [(_column(path), value)])


def _column(path: tuple[str, ...]) -> str:
    if path and path[0] == "properties":  # GeoJSON feature attributes
        path = path[1:]
    return ".".join(path) or "$"


_READERS = {
    **{fmt: scan_csv for fmt in TABLE_FORMATS},
    **{fmt: scan_text_stream for fmt in TEXT_FORMATS},
    **{fmt: scan_xlsx for fmt in SPREADSHEET_FORMATS},
    **{fmt: scan_json for fmt in JSON_FORMATS},
}


def _unreadable_errors() -> tuple[type[BaseException], ...]:
    from openpyxl.utils.exceptions import InvalidFileException

    return (
        csv.Error, zipfile.BadZipFile, zlib.error, InvalidFileException, KeyError, ValueError, TypeError,
        IndexError, SyntaxError, EOFError, RecursionError, UnicodeError, NotImplementedError,
    )


_UNREADABLE = _unreadable_errors()
