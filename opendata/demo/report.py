"""The printable summary a PDF resource carries: title, context and an extract of the table."""
from __future__ import annotations

import random

from .datasets import DatasetSpec, vi_number
from .slugs import fold

EXTRACT_ROWS = 60
LINE_WIDTH = 100  # Courier 8 pt across the page


def _cell(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int):
        return vi_number(value) if abs(value) >= 10000 else str(value)  # years stay "2024"
    if isinstance(value, float):
        return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return fold(str(value))


def pdf_blocks(spec: DatasetSpec, org_name: str, basis: str, rng: random.Random) -> list[tuple[str, str]]:
    """Blocks for :func:`opendata.demo.pdf.pdf_document`; ``rng`` is the table's row seed."""
    rows = [[_cell(v) for v in row] for _, row in zip(range(EXTRACT_ROWS), spec.table.rows(rng))]
    headers = [fold(c.name) for c in spec.table.columns]
    widths = [min(max([len(h)] + [len(r[i]) for r in rows]), 34) for i, h in enumerate(headers)]
    shown, used = [], 0
    for i, width in enumerate(widths):  # as many columns as fit on the line
        if used + width + 2 > LINE_WIDTH:
            break
        shown.append(i)
        used += width + 2

    def line(cells: list[str]) -> str:
        return "  ".join(cells[i][:widths[i]].ljust(widths[i]) for i in shown).rstrip()

    blocks: list[tuple[str, str]] = [
        ("p", "UBND TINH AN GIANG"), ("p", org_name.upper()), ("gap", ""),
        ("h1", spec.title), ("p", f"Ky so lieu: {spec.temporal[0]:%d/%m/%Y} - {spec.temporal[1]:%d/%m/%Y}"), ("gap", ""),
        ("h2", "1. Gioi thieu"),
    ]
    for paragraph in spec.about.split("\n\n"):
        blocks += [("p", paragraph.replace("**", "")), ("gap", "")]
    blocks += [("h2", f"2. Trich bang so lieu ({len(rows)} dong dau)"), ("mono", line(headers)),
               ("mono", "-" * min(used, LINE_WIDTH))]
    blocks += [("mono", line(r)) for r in rows]
    blocks += [("gap", ""), ("h2", "3. Can cu"), ("p", basis), ("gap", ""),
               ("p", "Du lieu minh hoa cua Cong du lieu mo, khong dung cho muc dich chinh thuc.")]
    return blocks
