"""The columns of the bulk template and the vocabularies behind its dropdowns.

One list drives everything: the header row, the hidden field-name row, the
dropdowns, the "Hướng dẫn" sheet, the web page's column table and the
import's reading of each cell. Labels are translated; the field names in the
hidden second row are not, so a file imports whatever its headers say.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale
from opendata.i18n import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..models import Licence, Topic
from ..vietnamese import fold
from ..vocabularies import FREQUENCIES


@dataclass(frozen=True)
class Column:
    field: str  # the publishing field (opendata.publishing.validation.FIELDS)
    label: object  # lazy header text
    kind: str  # text, long, date, licence, topics, tags, frequency
    width: int
    hint: object  # what to enter, for the instructions
    example: str = ""
    required: bool = False


COLUMNS = (
    Column("title", _l("Dataset title (required)"), "text", 45, _l("The name the public will see."),
           "Danh sách cơ sở khám chữa bệnh", required=True),
    Column("description", _l("Description"), "long", 60,
           _l("What the data contains, where it comes from and what it can be used for. Markdown formatting is allowed."),
           "Danh sách các bệnh viện, trạm y tế và phòng khám được cấp phép trên địa bàn tỉnh."),
    Column("licence_id", _l("Licence"), "licence", 32,
           _l("Choose from the list. Leave empty to apply the default open data terms.")),
    Column("topics", _l("Topics"), "topics", 30,
           _l("Choose a topic from the list. For several topics, type their names separated by commas.")),
    Column("tags", _l("Keywords (separated by commas)"), "tags", 32,
           _l("Words that help people find the data, separated by commas."), "y tế, bệnh viện, trạm y tế"),
    Column("spatial", _l("Spatial coverage"), "text", 24, _l("The area the data covers."), "Tỉnh An Giang"),
    Column("temporal_start", _l("From date"), "date", 14,
           _l("First day the data covers, written as dd/mm/yyyy."), "01/01/2024"),
    Column("temporal_end", _l("To date"), "date", 14,
           _l("Last day the data covers, written as dd/mm/yyyy; not before the first day."), "31/12/2024"),
    Column("frequency", _l("Update frequency"), "frequency", 24, _l("Choose from the list.")),
    Column("issued", _l("Issued"), "date", 14, _l("Date the data was issued, written as dd/mm/yyyy."), "15/01/2025"),
    Column("version", _l("Version"), "text", 10, _l("Version of the data, if the agency numbers them."), "1.0"),
    Column("contact_name", _l("Contact person"), "text", 24, _l("Who answers questions about the data."),
           "Nguyễn Văn An"),
    Column("contact_email", _l("Contact e-mail"), "text", 28, _l("E-mail address of the contact person."),
           "an.nv@syt.angiang.gov.vn"),
    Column("contact_phone", _l("Contact phone"), "text", 16, _l("Phone number of the contact person."),
           "0296 3852 000"),
    Column("quality_notes", _l("Quality notes"), "long", 36,
           _l("Known gaps, errors or limits of the data.")),
    Column("legal_basis", _l("Legal basis"), "text", 30,
           _l("The decision or document under which the data is published."), "Quyết định 62/2024/QĐ-UBND"),
    Column("identifier", _l("Identifier"), "text", 22,
           _l("Leave empty for a new dataset: the portal assigns one.")),
    Column("slug", _l("Web address (slug)"), "text", 30,
           _l("Empty: the row creates a new dataset. The web address of one of your agency's datasets: the row updates it."),
           "danh-sach-co-so-kham-chua-benh"),
)
BY_FIELD = {column.field: column for column in COLUMNS}

# Headers people type in hand-made sheets, matched without diacritics or case
# (parsing data, not UI text: the translated labels above are matched too).
HEADER_ALIASES = {
    "title": ("Tên bộ dữ liệu", "Tiêu đề", "Tên", "name"),
    "description": ("Mô tả", "notes"),
    "licence_id": ("Giấy phép", "license_id", "license", "licence"),
    "topics": ("Chủ đề", "Nhóm", "groups"),
    "tags": ("Từ khóa",),
    "spatial": ("Phạm vi không gian",),
    "temporal_start": ("Từ ngày",),
    "temporal_end": ("Đến ngày",),
    "frequency": ("Tần suất cập nhật", "Tần suất"),
    "issued": ("Ngày ban hành",),
    "version": ("Phiên bản",),
    "contact_name": ("Người liên hệ",),
    "contact_email": ("Email liên hệ", "Thư điện tử liên hệ"),
    "contact_phone": ("Điện thoại liên hệ", "Số điện thoại liên hệ"),
    "quality_notes": ("Ghi chú chất lượng",),
    "legal_basis": ("Căn cứ pháp lý",),
    "identifier": ("Mã định danh",),
    "slug": ("Địa chỉ web", "Đường dẫn"),
}
TEXT_KINDS = {"text", "long"}

_SPACES = re.compile(r"\s+")
_COMMA = re.compile(r"\s*,\s*")
_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*$")


def key(text) -> str:
    """How labels are compared: no diacritics, no case, single spaces."""
    text = _SPACES.sub(" ", fold(str(text)).casefold()).strip()
    return _COMMA.sub(", ", text)


def languages() -> list[str]:
    return list(current_app.config.get("LANGUAGES") or ["vi", "en"])


def header_keys() -> dict[str, str]:
    """Header text (any language, with or without its note in brackets) -> field."""
    found: dict[str, str] = {}
    for locale in languages():
        with force_locale(locale):
            for column in COLUMNS:
                label = key(column.label)
                found.setdefault(label, column.field)
                found.setdefault(_PARENTHESES.sub("", label), column.field)
    for column in COLUMNS:
        found[column.field] = column.field
        for alias in HEADER_ALIASES.get(column.field, ()):
            found.setdefault(key(alias), column.field)
    return found


class Vocabularies:
    """Licences, topics and frequencies: labels shown in a locale, and every accepted spelling."""

    def __init__(self) -> None:
        self.all_licences = list(db.session.scalars(select(Licence).order_by(Licence.position, Licence.title)))
        self.all_topics = list(db.session.scalars(select(Topic).order_by(Topic.position, Topic.name)))
        self._licence = _index(
            (item.id, (item.id, item.title, item.title_en, *_short_names(item.title, item.title_en)))
            for item in self.all_licences)
        self._topic = _index((t.slug, (t.slug, t.name, t.name_en)) for t in self.all_topics)
        spellings = {code: [code] for code in FREQUENCIES}
        for locale in languages():
            with force_locale(locale):
                for code, label in FREQUENCIES.items():
                    spellings[code].append(str(label))
        self._frequency = _index(spellings.items())

    # -- labels for the template, in the current locale
    def licence_labels(self, english: bool) -> list[tuple[str, str]]:
        return [((english and item.title_en) or item.title, item.id) for item in self.all_licences]

    def topic_labels(self, english: bool) -> list[tuple[str, str]]:
        return [((english and t.name_en) or t.name, t.slug) for t in self.all_topics]

    @staticmethod
    def frequency_labels() -> list[tuple[str, str]]:
        return [(str(label), code) for code, label in FREQUENCIES.items()]

    # -- reading a cell
    def licence(self, text: str) -> str | None:
        return self._licence.get(key(text))

    def frequency(self, text: str) -> str | None:
        return self._frequency.get(key(text))

    def topics(self, text: str) -> tuple[list[str], list[str]]:
        """(slugs, unknown parts) of a comma list; names that contain commas still match."""
        parts = [p for p in (s.strip() for s in re.split(r"[,;]", text)) if p]
        slugs: list[str] = []
        unknown: list[str] = []
        i = 0
        while i < len(parts):
            for j in range(len(parts), i, -1):  # longest run of parts that names a topic
                slug = self._topic.get(key(", ".join(parts[i:j])))
                if slug:
                    slugs.append(slug)
                    i = j
                    break
            else:
                unknown.append(parts[i])
                i += 1
        return list(dict.fromkeys(slugs)), unknown


def _short_names(*titles) -> list[str]:
    """"CC BY 4.0" from "Creative Commons Attribution 4.0 International (CC BY 4.0)"."""
    return [match.group(1) for title in titles if title for match in [re.search(r"\(([^()]+)\)\s*$", title)] if match]


def _index(entries) -> dict[str, str]:
    found: dict[str, str] = {}
    for code, spellings in entries:
        for spelling in spellings:
            if spelling:
                found.setdefault(key(spelling), code)
    return found
