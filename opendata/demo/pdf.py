"""A minimal, valid PDF written by hand (no PDF library among the dependencies).

The standard 14 fonts (Helvetica here) only cover WinAnsi/Latin-1, which has
no Vietnamese letters with stacked diacritics, so the text is folded to ASCII
("Bao cao tinh hinh..."). Real agencies publish scanned or font-embedded
PDFs; for a demo the point is a real PDF file for the preview and download
paths. Byte offsets in the xref table are computed, so readers accept it
without repairing.
"""
from __future__ import annotations

import textwrap

from .slugs import fold

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN = 56
LEADING = 14
LINES_PER_PAGE = (PAGE_H - 2 * MARGIN) // LEADING
WRAP = 92  # characters of 10 pt Helvetica across the text width (roughly)


def _escape(text: str) -> str:
    ascii_text = fold(text).encode("ascii", "replace").decode("ascii")
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def layout(blocks: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Wrap ``(style, text)`` blocks into pages of lines. Styles: "h1", "h2", "p", "mono", "gap"."""
    lines: list[tuple[str, str]] = []
    for style, text in blocks:
        if style == "gap":
            lines.append(("p", ""))
        elif style == "mono":
            lines.append((style, text))
        else:
            width = 70 if style == "h1" else WRAP
            lines.extend((style, part) for part in textwrap.wrap(fold(text), width) or [""])
    return [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]


def _content(lines: list[tuple[str, str]], page_no: int, pages: int, footer: str) -> bytes:
    fonts = {"h1": ("F2", 14), "h2": ("F2", 11), "p": ("F1", 10), "mono": ("F3", 8)}
    out = ["BT", f"{MARGIN} {PAGE_H - MARGIN} Td", f"{LEADING} TL"]
    for style, text in lines:
        font, size = fonts[style]
        out.append(f"/{font} {size} Tf ({_escape(text)}) Tj T*")
    out.append("ET")
    out.append(f"BT /F1 8 Tf {MARGIN} 30 Td ({_escape(footer)} - trang {page_no}/{pages}) Tj ET")
    return "\n".join(out).encode("ascii")


def pdf_document(title: str, blocks: list[tuple[str, str]], footer: str = "", date_stamp: str = "20250101000000") -> bytes:
    """The whole file as bytes (small: a few pages of text)."""
    pages = layout(blocks)
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree number is known
    tree = add(b"")
    f1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    f2 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    f3 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    kids = []
    for number, lines in enumerate(pages, start=1):
        stream = _content(lines, number, len(pages), footer or title)
        contents = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(
            (f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
             f"/Resources << /Font << /F1 {f1} 0 R /F2 {f2} 0 R /F3 {f3} 0 R >> >> "
             f"/Contents {contents} 0 R >>").encode("ascii")
        ))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode("ascii")
    objects[tree - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>").encode("ascii")
    info = add((f"<< /Title ({_escape(title)}) /Producer (opendata demo) "
                f"/CreationDate (D:{date_stamp}Z) /ModDate (D:{date_stamp}Z) >>").encode("ascii"))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    return bytes(out)
