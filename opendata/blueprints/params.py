"""Reading query-string values strictly: bad input is a 400, not a 500."""
from __future__ import annotations

from flask import abort, request

MAX_TEXT = 500


def page_number(name: str = "page", maximum: int = 10_000) -> int:
    raw = request.args.get(name, "1")
    if not raw.isdigit() or len(raw) > 6:
        abort(400)
    value = int(raw)
    if value < 1:
        abort(400)
    if value > maximum:
        abort(404)
    return value


def text(name: str, max_length: int = MAX_TEXT) -> str:
    value = request.args.get(name, "")
    if len(value) > max_length or any(ord(c) < 32 for c in value):
        abort(400)
    return value.strip()


def search_text(name: str = "q") -> str:
    """Search words are never refused: the search cleans and shortens them and says so."""
    return request.args.get(name, "")[:20_000]


def choice(name: str, allowed, default: str) -> str:
    value = request.args.get(name, default)
    if value not in allowed:
        abort(400)
    return value
