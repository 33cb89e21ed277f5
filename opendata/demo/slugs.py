"""Names derived from Vietnamese text for the demo's files and JSON keys."""
from __future__ import annotations

from ..vietnamese import fold, slugify

__all__ = ["fold", "key_name", "slugify"]


def key_name(text: str) -> str:
    """A snake_case field name for JSON keys: "Dân số (người)" -> "dan_so_nguoi"."""
    return slugify(text, 60).replace("-", "_")
