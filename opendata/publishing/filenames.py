"""Uploaded file names: keep the Vietnamese name people gave, drop anything dangerous."""
from __future__ import annotations

import unicodedata

MAX_LENGTH = 200
FALLBACK = "tep-du-lieu"


def safe_filename(name: str | None) -> str:
    """The last path component, NFC-normalised, without control or format characters.

    ``../../etc/passwd`` -> ``passwd``; ``Báo cáo\\x00.csv`` -> ``Báo cáo.csv``;
    a name made only of dots or spaces becomes a neutral fallback.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = " ".join(name.split()).strip(" .")
    if not name:
        return FALLBACK
    if len(name) > MAX_LENGTH:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            name = stem[: MAX_LENGTH - len(ext) - 1].rstrip(" .") + "." + ext
        else:
            name = name[:MAX_LENGTH].rstrip(" .")
    return name


def extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return ext.upper() if dot and stem else ""
