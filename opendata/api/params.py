"""Reading verb parameters the way CKAN's validators do.

Values arrive as JSON types (a POSTed body) or as strings (query string,
form fields), so every reader accepts both. Bad values raise CKAN's
Validation Error naming the parameter, never a 500.
"""
from __future__ import annotations

import json
from typing import Any

from .actions import ValidationError

_TRUE = {"true", "yes", "on", "y", "t", "1"}
LARGEST = 2_147_483_647  # beyond a database integer: refused rather than sent to SQL
_FALSE = {"false", "no", "off", "n", "f", "0", ""}


def as_bool(data: dict[str, Any], name: str, default: bool = False) -> bool:
    """CKAN's ``asbool``: true/yes/on/y/t/1 and their opposites, any case."""
    value = data.get(name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValidationError(**{name: [f"Invalid boolean: {value!r}"]})


def as_int(
    data: dict[str, Any], name: str, default: int | None, *, minimum: int = 0, maximum: int | None = None
) -> int | None:
    """A natural number; above ``maximum`` is lowered to it (CKAN's ``limit_to_configured_maximum``)."""
    value = data.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise ValidationError(**{name: ["Invalid integer"]})
    try:
        number = int(value) if isinstance(value, (int, str)) else None
    except ValueError:
        number = None
    if number is None:
        raise ValidationError(**{name: ["Invalid integer"]})
    if number < minimum:
        raise ValidationError(**{name: [f"Must be a natural number{' greater than zero' if minimum else ''}"]})
    if maximum is not None:
        number = min(number, maximum)
    if number > LARGEST:
        raise ValidationError(**{name: ["Number too large"]})
    return number


def _clean(name: str, value: str) -> str:
    """Text a database can hold: PostgreSQL refuses NUL characters (that would be a 500)."""
    if "\x00" in value:
        raise ValidationError(**{name: ["Must not contain NUL characters"]})
    return value


def as_text(data: dict[str, Any], name: str, default: str = "", max_length: int = 20_000) -> str:
    value = data.get(name)
    if value is None:
        return default
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValidationError(**{name: ["Must be a string"]})
    if len(value) > max_length:
        raise ValidationError(**{name: [f"Must be at most {max_length} characters long"]})
    return _clean(name, value)


def as_list(data: dict[str, Any], name: str) -> list[str]:
    """A list of strings given as a JSON list, a JSON-encoded list string, repeated keys or one string."""
    value = data.get(name)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("["):
            try:
                value = json.loads(stripped)
            except ValueError:
                raise ValidationError(**{name: ["Invalid JSON list"]}) from None
        else:
            value = [part for part in (p.strip() for p in stripped.split(",")) if part]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(**{name: ["Must be a list of strings"]})
    return [_clean(name, item) for item in value]


def required_id(data: dict[str, Any], *names: str) -> str:
    """The first of ``names`` present (``id``, then CKAN's alternatives such as ``name_or_id``)."""
    for name in names:
        value = data.get(name)
        if isinstance(value, str) and value.strip():
            return _clean(name, value.strip())
        if value not in (None, ""):
            raise ValidationError(**{name: ["Must be a string"]})
    raise ValidationError(**{names[0]: ["Missing value"]})
