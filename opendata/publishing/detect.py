"""The real type of a stored file, from its bytes rather than its name (R4)."""
from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

HEAD = 64 * 1024


@dataclass(frozen=True)
class FileType:
    format: str  # "CSV", "XLSX", ... or "BIN" when unknown
    media_type: str


ZIP_MEMBERS = (
    ("xl/workbook.xml", FileType("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
    ("word/document.xml", FileType("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
    ("ppt/presentation.xml", FileType("PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation")),
)
OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.spreadsheet": FileType("ODS", "application/vnd.oasis.opendocument.spreadsheet"),
    b"application/vnd.oasis.opendocument.text": FileType("ODT", "application/vnd.oasis.opendocument.text"),
}
MAGIC = (
    (b"%PDF-", FileType("PDF", "application/pdf")),
    (b"\x89PNG\r\n\x1a\n", FileType("PNG", "image/png")),
    (b"\xff\xd8\xff", FileType("JPEG", "image/jpeg")),
    (b"GIF87a", FileType("GIF", "image/gif")),
    (b"GIF89a", FileType("GIF", "image/gif")),
    (b"II*\x00", FileType("TIFF", "image/tiff")),
    (b"MM\x00*", FileType("TIFF", "image/tiff")),
)
EXECUTABLE = (b"MZ", b"\x7fELF", b"#!")
BINARY = FileType("BIN", "application/octet-stream")


class ForbiddenContent(ValueError):
    """Programs and scripts are never published as open data."""


def detect(handle: BinaryIO, filename: str = "") -> FileType:
    """Look at the bytes of ``handle`` (a seekable binary file) and name its type."""
    head = handle.read(HEAD)
    handle.seek(0)
    if head.startswith(EXECUTABLE):
        raise ForbiddenContent(filename)
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(handle)
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # legacy Office (OLE): the name is the only hint
        if filename.lower().endswith((".xls", ".xlt")):
            return FileType("XLS", "application/vnd.ms-excel")
        return FileType("DOC", "application/msword")
    text = _as_text(head)
    if text is None:
        return BINARY
    return _text_type(text, handle)


def _zip_type(handle: BinaryIO) -> FileType:
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                kind = OPENDOCUMENT.get(archive.read("mimetype").strip())
                if kind:
                    return kind
            for member, kind in ZIP_MEMBERS:
                if member in names:
                    return kind
            if any(name.lower().endswith(".shp") for name in names):
                return FileType("SHP", "application/zip")
    except zipfile.BadZipFile:
        return BINARY
    finally:
        handle.seek(0)
    return FileType("ZIP", "application/zip")


def _as_text(head: bytes) -> str | None:
    if not head:
        return ""
    if b"\x00" in head:
        return None
    for cut in range(4):  # the head may end inside a multi-byte character
        try:
            return head[: len(head) - cut].decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
    try:
        return head.decode("cp1258")  # legacy Vietnamese Windows text
    except UnicodeDecodeError:
        return None


def _text_type(text: str, handle: BinaryIO) -> FileType:
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        if _parses_as_json(handle):
            if '"FeatureCollection"' in text or '"Feature"' in text:
                return FileType("GEOJSON", "application/geo+json")
            return FileType("JSON", "application/json")
    if stripped.startswith("<"):
        lowered = stripped[:2000].lower()
        if "<rdf:rdf" in lowered:
            return FileType("RDF", "application/rdf+xml")
        if "<kml" in lowered:
            return FileType("KML", "application/vnd.google-earth.kml+xml")
        if "<html" in lowered or "<!doctype html" in lowered:
            return FileType("HTML", "text/html")
        return FileType("XML", "application/xml")
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if len(lines) >= 2:
        for delimiter, kind in (("\t", FileType("TSV", "text/tab-separated-values")), (",", FileType("CSV", "text/csv")), (";", FileType("CSV", "text/csv"))):
            counts = {line.count(delimiter) for line in lines[:-1]}
            if len(counts) == 1 and counts != {0}:
                return kind
    return FileType("TXT", "text/plain")


def _parses_as_json(handle: BinaryIO, limit: int = 64 * 1024 * 1024) -> bool:
    """Whole-file JSON check for files up to ``limit`` bytes; larger ones trust the first bytes."""
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(0)
    if size > limit:
        return True
    try:
        json.loads(handle.read().decode("utf-8-sig"))
        return True
    except (ValueError, UnicodeDecodeError):
        return False
    finally:
        handle.seek(0)
