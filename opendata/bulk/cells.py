"""Turning one spreadsheet cell into the value the publishing functions expect.

Each converter returns the value or raises :class:`CellProblem` with a
message for that cell. Text that a spreadsheet program would run as a
formula (``=``, ``+``, ``-``, ``@`` first) is refused: the portal exports
metadata again later, and it must not carry formulas to other people's
computers.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time

from opendata.i18n import lazy_gettext as _l

from .columns import BY_FIELD, Vocabularies

FORMULA_START = ("=", "+", "-", "@")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_PHONE = re.compile(r"^\+[0-9 ().-]+$")  # "+84 296 ...": digits only, nothing a formula could call


class CellProblem(ValueError):
    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


def convert(field: str, value, formula: bool, vocabularies: Vocabularies):
    """The value of ``field`` from a non-empty cell."""
    if formula:
        raise CellProblem(_l("This cell holds a formula. Type the value itself (or copy the cell and paste it as values only)."))
    kind = BY_FIELD[field].kind
    if kind == "date":
        return _date(value)
    text = _text(value)
    if text.startswith(FORMULA_START) and not (field == "contact_phone" and _PHONE.match(text)):
        raise CellProblem(_l(
            "A value may not begin with =, +, - or @, because spreadsheet programs run such text as a formula. "
            "Remove or reword the first character."))
    if kind == "licence":
        code = vocabularies.licence(text)
        if code is None:
            raise CellProblem(_l("Unknown licence. Choose one from the list in the template."))
        return code
    if kind == "frequency":
        code = vocabularies.frequency(text)
        if code is None:
            raise CellProblem(_l("Unknown update frequency. Choose one from the list in the template."))
        return code
    if kind == "topics":
        slugs, unknown = vocabularies.topics(text)
        if unknown:
            raise CellProblem(_l("Unknown topic: %(names)s. Choose topics from the list in the template, separated by commas.",
                                 names=", ".join(unknown)))
        return slugs
    if kind == "tags":
        return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
    return text


def _text(value) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _date(value) -> date:
    if isinstance(value, datetime):
        if value.time() != time(0):
            raise CellProblem(_l("Enter a date without a time, as dd/mm/yyyy, for example 31/12/2024."))
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _DMY.match(text)
        parts = (match.group(3), match.group(2), match.group(1)) if match else None
        if not match:
            match = _YMD.match(text)
            parts = match.groups() if match else None
        if parts:
            try:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                raise CellProblem(_l("This date does not exist. Write it as dd/mm/yyyy, for example 31/12/2024.")) from None
    raise CellProblem(_l("Enter a date as dd/mm/yyyy, for example 31/12/2024."))


def display(value) -> str:
    """A cell's value as shown in the error report (shortened)."""
    if value is None:
        return ""
    if isinstance(value, datetime) and value.time() == time(0):
        value = value.date()
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"
