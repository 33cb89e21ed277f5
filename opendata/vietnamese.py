"""Folding Vietnamese text: diacritics off, đ/Đ to d/D. Used for slugs, matching and search."""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Strip Vietnamese diacritics: "Đường Hùng Vương" -> "Duong Hung Vuong"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str, max_length: int = 90) -> str:
    """Lowercase ASCII words joined by "-", cut at a word boundary."""
    slug = _NON_WORD.sub("-", fold(text).lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug
