"""A finding of the safety gate, and the bounded list one scan collects.

Findings are stored as JSON in ``SafetyReview.findings``. They keep a message
*key* and its parameters, never rendered text, so a page shows them in the
reader's language and a rewording of a message reaches old reviews too.
Excerpts are masked before they are stored: a review must not itself become
a copy of the personal data it found.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field as dc_field, fields
from typing import Any

from flask_babel import gettext, ngettext

from opendata.i18n import lazy_gettext as _l

from .rules import BLOCK, NOTICE, Hit

# Findings listed per rule and resource; the rest are counted in one "more" finding.
MAX_PER_RULE = 20

MESSAGES = {
    "cccd": _l("A citizen identity card (CCCD) number. Personal data must not be published."),
    "cmnd": _l("An identity card (CMND) number. Personal data must not be published."),
    "phone": _l("A personal mobile phone number. Publish only the official contact, in the contact fields of the dataset."),
    "email": _l("A personal e-mail address. Only official addresses ending in .gov.vn may appear in published data."),
    "tax_code": _l("A personal tax code. Personal data must not be published."),
    "column.name": _l("The column “%(column)s” holds people's full names."),
    "column.birth": _l("The column “%(column)s” holds dates of birth."),
    "column.identity": _l("The column “%(column)s” holds personal identity numbers."),
    "column.residence": _l("The column “%(column)s” holds permanent residence addresses."),
    "column.phone": _l("The column “%(column)s” holds phone numbers of the people listed."),
    "column.phone_notice": _l("The column “%(column)s” holds phone numbers. Check that they are official numbers of agencies or services, not personal ones."),
    "marking": _l("The state secret marking “%(marking)s” appears. Documents classified as state secrets must never be published."),
    "secrecy_level": _l("A secrecy level stamp (“Độ mật”) appears. Classified documents must never be published."),
    "phrase": _l("The words “bí mật nhà nước” (state secret) appear. Make sure the data contains no state secrets before publishing."),
    "phrase.negated": _l("The text states that the data is not a state secret. Shown for the reviewer's information."),
    "pdf": _l("The content of PDF files cannot be checked automatically. Read the document for personal data and secret markings before publishing."),
    "format": _l("Files in the %(format)s format cannot be checked automatically. Check the content for personal data and secret markings before publishing."),
    "unreadable": _l("The file could not be read as %(format)s (it may be damaged or saved in another format), so its content was not checked."),
    "missing": _l("The file of this resource is missing from storage, so it was not checked."),
}
UNKNOWN_MESSAGE = _l("A possible problem found by an earlier version of the safety check.")

# Where in the metadata a finding is; the contact fields are never scanned.
FIELD_LABELS = {
    "title": _l("Title"),
    "title_en": _l("English title"),
    "description": _l("Description"),
    "description_en": _l("English description"),
    "quality_notes": _l("Quality notes"),
    "spatial": _l("Spatial coverage"),
    "legal_basis": _l("Legal basis"),
    "version": _l("Version"),
    "tags": _l("Keywords"),
    "resource.name": _l("Resource name"),
    "resource.description": _l("Resource description"),
}


@dataclass(frozen=True)
class Finding:
    """One thing the gate found: which rule, where exactly, and a masked excerpt."""

    rule: str  # "cccd", "cmnd", "phone", "email", "tax_code", "personal_column", "state_secret", "not_inspected"
    key: str  # message key in MESSAGES ("more" for the count of unlisted findings)
    severity: str = BLOCK  # BLOCK stops publication; NOTICE informs the reviewer
    resource_id: str | None = None
    resource_name: str | None = None
    row: int | None = None  # row in the sheet/file as a spreadsheet shows it (header = 1), or text line
    column: str | None = None  # the column's header (or letter/number when there is none)
    sheet: str | None = None
    field: str | None = None  # metadata field name, see FIELD_LABELS
    excerpt: str = ""  # masked
    params: dict[str, Any] = dc_field(default_factory=dict, hash=False)

    @property
    def blocks(self) -> bool:
        return self.severity == BLOCK

    @property
    def message(self) -> str:
        """The message in the current locale."""
        if self.key == "more":
            num = int(self.params.get("num", 0))
            return ngettext("%(num)s more finding of this kind is not listed.", "%(num)s more findings of this kind are not listed.", num)
        template = MESSAGES.get(self.key, UNKNOWN_MESSAGE)
        try:
            return str(template) % self.params
        except (KeyError, TypeError, ValueError):
            return str(UNKNOWN_MESSAGE)

    @property
    def where(self) -> str:
        """The location in the current locale, e.g. "sheet Data, row 12, column Số CCCD"."""
        if self.field:
            return str(FIELD_LABELS.get(self.field, self.field))
        row, column, sheet = self.row, self.column, self.sheet
        if sheet and row and column:
            return gettext("sheet %(sheet)s, row %(row)s, column %(column)s", sheet=sheet, row=row, column=column)
        if sheet and column:
            return gettext("sheet %(sheet)s, column %(column)s", sheet=sheet, column=column)
        if sheet and row:
            return gettext("sheet %(sheet)s, row %(row)s", sheet=sheet, row=row)
        if row and column:
            return gettext("row %(row)s, column %(column)s", row=row, column=column)
        if column:
            return gettext("column %(column)s", column=column)
        if row:
            return gettext("line %(row)s", row=row)
        if self.resource_id:
            return gettext("the whole file")
        return ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Finding":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in (data or {}).items() if k in known}
        values.setdefault("rule", "unknown")
        values.setdefault("key", values["rule"])
        values["params"] = dict(values.get("params") or {})
        return cls(**values)


def findings_of(review) -> list[Finding]:
    """The findings of a SafetyReview, blocking ones first (stable otherwise)."""
    found = [Finding.from_dict(item) for item in review.findings or []]
    return sorted(found, key=lambda f: not f.blocks)


def blocking_count(findings) -> int:
    """How many blocking findings there are, counting those a "more" finding stands for."""
    return sum(int(f.params.get("num", 1)) if f.key == "more" else 1 for f in findings if f.blocks)


class Collector:
    """Findings of one scan scope (the metadata, or one resource), at most MAX_PER_RULE per rule."""

    def __init__(self, resource=None):
        self.resource_id = getattr(resource, "id", None)
        self.resource_name = getattr(resource, "name", None)
        self.found: list[Finding] = []
        self._listed: dict[str, int] = {}
        self._more: dict[str, list] = {}  # rule -> [count, any of them blocking]

    def add(self, rule: str, key: str, severity: str = BLOCK, excerpt: str = "", params=None, **where) -> None:
        if self._listed.get(rule, 0) >= MAX_PER_RULE:
            more = self._more.setdefault(rule, [0, False])
            more[0] += 1
            more[1] = more[1] or severity == BLOCK
            return
        self._listed[rule] = self._listed.get(rule, 0) + 1
        self.found.append(Finding(
            rule=rule, key=key, severity=severity, resource_id=self.resource_id, resource_name=self.resource_name,
            excerpt=excerpt, params=dict(params or {}), **where,
        ))

    def hit(self, hit: Hit, **where) -> None:
        self.add(hit.rule, hit.key, hit.severity, hit.excerpt, dict(hit.params), **where)

    def notice(self, key: str, **params) -> None:
        self.add("not_inspected", key, NOTICE, params=params)

    def finish(self) -> list[Finding]:
        more = [
            Finding(rule=rule, key="more", severity=BLOCK if blocking else NOTICE, resource_id=self.resource_id,
                    resource_name=self.resource_name, params={"num": count})
            for rule, (count, blocking) in self._more.items()
        ]
        return self.found + more
