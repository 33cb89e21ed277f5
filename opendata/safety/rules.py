"""What counts as personal data (R11) or a state-secret marking (R14).

The rules are written to stay quiet on statistics, the bulk of open data:

* A number is judged by its shape *and* its column. Statistics never carry a
  leading zero, while citizen identity (CCCD) numbers and mobile numbers
  always start with 0 (or +84), so only those shapes count in free text.
  9-digit CMND numbers, tax codes and numbers an Excel cell stored without
  their leading zero only count in a column whose header names them.
* Uppercase matters for secret stamps: "MẬT", "TỐI MẬT", "TUYỆT MẬT" are
  stamps; "mật độ dân số" (density) and "Mật ong" (honey) are not, nor is an
  uppercase compound such as "MẬT ĐỘ".
* Column headers are compared folded (no diacritics, đ -> d, lower case),
  so "HO TEN", "Họ và tên" and "ho_ten" all name the same thing.

Everything here works on plain strings; reading files is elsewhere.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from ..vietnamese import fold

BLOCK, NOTICE = "block", "notice"

# Province codes that open a CCCD number (Circular 07/2016/TT-BCA, 59/2021/TT-BCA).
PROVINCE_CODES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 "
    "040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 "
    "083 084 086 087 089 091 092 093 094 095 096".split()
)

# Token edges: not glued to letters or digits, not the fraction of a decimal ("3,0791...").
_START = r"(?<!\w)(?<!\d[.,])"
_END = r"(?!\w)(?![.,]\d)"
CCCD_TEXT = re.compile(_START + r"0\d{11}" + _END)
# Vietnamese mobile prefixes (03x, 05x, 07x, 08x, 09x), with optional spaces, dots or dashes.
PHONE_TEXT = re.compile(
    r"(?<!\w)(?<!\d[.,])(?<!\+)(?:\+84[ .-]?|0)(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)(?:[ .-]?\d){7}" + _END
)
EMAIL_TEXT = re.compile(r"(?<![\w.+-])[\w.%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?![\w-])")
STAMP = re.compile(r"(?<!\w)(TUYỆT\s+MẬT|TỐI\s+MẬT|MẬT)(?!\w)")
SECRECY_LEVEL = re.compile(r"(?<!\w)độ\s+mật\s*:(?:[ \t]*[^\W\d_]+){0,2}", re.IGNORECASE)
SECRET_PHRASE = re.compile(r"(?<!\w)bí\s+mật\s+nhà\s+nước(?!\w)", re.IGNORECASE)
# "... không thuộc danh mục bí mật nhà nước": a statement that the data is NOT secret.
_NEGATION = re.compile(r"\bkhong\s+(?:chua|co|thuoc|phai|la|lien\s+quan|nam\s+trong)\b")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
# Cheap test a whole row must pass before the precise rules run on its cells.
PREFILTER = re.compile(r"\d{9}|\d[ .-]\d{3}[ .-]?\d{3}|\+84|@|MẬT|mật", re.IGNORECASE)
NUMERIC = re.compile(r"^[\s\d.,%+\-()/:]*$")


@dataclass(frozen=True)
class Hit:
    """One match inside a string; ``excerpt`` is already masked."""

    rule: str
    key: str  # message key, see findings.MESSAGES
    severity: str
    excerpt: str
    params: tuple = ()
    start: int = 0  # offset in the scanned string


# -- masking -----------------------------------------------------------------


def mask_digits(value: str) -> str:
    """Keep a few leading and trailing digits: "079203001234" -> "0792*****234"."""
    plus = "+" if value.strip().startswith("+") else ""
    digits = "".join(ch for ch in value if ch.isdigit())
    n = len(digits)
    head = 4 if n >= 12 else 3 if n >= 9 else 2 if n >= 6 else 1
    tail = 3 if n >= 12 else 2 if n >= 6 else 1
    if n <= head + tail:
        return plus + digits[:1] + "*" * max(n - 1, 0)
    return plus + digits[:head] + "*" * (n - head - tail) + digits[-tail:]


def mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    keep = local[:2] if len(local) > 3 else local[:1]
    return f"{keep}***@{domain}"


_LONG_DIGITS = re.compile(r"\d(?:[ .-]?\d){4,}")


def mask_text(text: str, limit: int = 120) -> str:
    """``text`` with every e-mail address and run of 5+ digits masked, cut to ``limit``."""
    text = EMAIL_TEXT.sub(lambda m: mask_email(m.group(0)), text)
    text = _LONG_DIGITS.sub(lambda m: mask_digits(m.group(0)), text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    left = max(0, start - width)
    right = min(len(text), end + width)
    snippet = ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
    return mask_text(snippet)


# -- numbers -----------------------------------------------------------------


def is_cccd(digits: str, today: date | None = None) -> bool:
    """A 12-digit number shaped like a CCCD: province code, then century/sex and birth year.

    Only people alive now: century digits 0/1 (born 1900-1999) and 2/3 (born
    2000 to this year); 4-9 stand for centuries still to come.
    """
    if len(digits) != 12 or not digits.isdigit() or digits[:3] not in PROVINCE_CODES:
        return False
    century = digits[3]
    if century in "01":
        return True
    return century in "23" and int(digits[4:6]) <= (today or date.today()).year % 100


def number_text(value) -> str | None:
    """Digits of a cell (Excel keeps identity numbers as numbers, dropping the leading 0)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, int):
        return str(value) if value > 0 else None
    if isinstance(value, str):
        compact = re.sub(r"[\s.\-]", "", value.strip())
        return compact if compact.isdigit() else None
    return None


# -- free text ---------------------------------------------------------------


def normalize(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def official_email(domain: str) -> bool:
    domain = domain.lower()
    return domain == "gov.vn" or domain.endswith(".gov.vn")


def scan_text(text: str, *, phones: bool = True, numbers: bool = True) -> list[Hit]:
    """Personal numbers, personal e-mails and secret markings in one string (NFC)."""
    hits: list[Hit] = []
    if numbers:
        for m in CCCD_TEXT.finditer(text):
            if is_cccd(m.group(0)):
                hits.append(Hit("cccd", "cccd", BLOCK, mask_digits(m.group(0)), start=m.start()))
    if phones:
        for m in PHONE_TEXT.finditer(text):
            hits.append(Hit("phone", "phone", BLOCK, mask_digits(m.group(0)), start=m.start()))
    if "@" in text:
        for m in EMAIL_TEXT.finditer(text):
            if not official_email(m.group(1)):
                hits.append(Hit("email", "email", BLOCK, mask_email(m.group(0)), start=m.start()))
    hits.extend(secret_markings(text))
    return hits


def secret_markings(text: str) -> list[Hit]:
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for m in SECRET_PHRASE.finditer(text):
        taken.append(m.span())
        before = " ".join(fold(text[max(0, m.start() - 80): m.start()]).lower().split()[-8:])
        if _NEGATION.search(before):
            hits.append(Hit("state_secret", "phrase.negated", NOTICE, _context(text, m.start(), m.end()), start=m.start()))
        else:
            hits.append(Hit("state_secret", "phrase", BLOCK, _context(text, m.start(), m.end()), start=m.start()))
    for m in SECRECY_LEVEL.finditer(text):
        taken.append(m.span())
        hits.append(Hit("state_secret", "secrecy_level", BLOCK, mask_text(m.group(0)), start=m.start()))
    if "MẬT" not in text:
        return hits
    for m in STAMP.finditer(text):
        if any(start <= m.start() < end for start, end in taken):
            continue
        if m.group(1) == "MẬT" and _compound(text, m.start(), m.end()):
            continue
        marking = " ".join(m.group(1).split())
        hits.append(Hit("state_secret", "marking", BLOCK, marking, (("marking", marking),), start=m.start()))
    return hits


def _compound(text: str, start: int, end: int) -> bool:
    """Bare "MẬT" inside an uppercase phrase: "MẬT ĐỘ", "MẬT ONG", "BÍ MẬT" (not a stamp)."""
    after = _WORD_AFTER.match(text, end)
    if after and after.group(1).isupper():
        return True
    before = _WORD_BEFORE.search(text[max(0, start - 20): start])
    return bool(before and before.group(1) == "BÍ")


# -- column headers ----------------------------------------------------------

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold_header(text: str) -> str:
    """" Họ và tên " -> " ho va ten "; "soDienThoai" -> " so dien thoai " (padded for word tests)."""
    text = "".join(" " + ch if prev.islower() and ch.isupper() else ch for prev, ch in zip(" " + text, text))
    return " " + " ".join(_NON_ALNUM.sub(" ", fold(text).lower()).split()) + " "


def _has(folded: str, phrases) -> bool:
    return any(f" {phrase} " in folded for phrase in phrases)


# Kinds of personal data a header can name, in the order they are tested.
PERSONAL_HEADERS = (
    ("name", ("ho ten", "ho va ten", "hoten")),
    ("birth", ("ngay sinh", "ngay thang nam sinh", "ngaysinh")),
    ("identity", (
        "so cccd", "cccd", "cmnd", "cmt", "so cmnd", "can cuoc", "can cuoc cong dan", "chung minh nhan dan",
        "so dinh danh", "so dinh danh ca nhan", "ma dinh danh ca nhan", "so ho chieu", "socccd", "socmnd",
    )),
    ("residence", ("dia chi thuong tru", "noi thuong tru", "ho khau thuong tru", "thuong tru")),
    ("phone", ("so dien thoai", "dien thoai di dong", "sdt", "so dt", "sodienthoai", "dien thoai")),
)
_PERSONAL_TAX = ("ma so thue ca nhan", "mst ca nhan", "ma so thue thu nhap ca nhan")
_TAX = ("ma so thue", "mst", "masothue", "ma so doanh nghiep")
_CODE = ("ma", "ma so", "so hieu", "code", "id")
_PHONE_WORDS = ("dien thoai", "sdt", "so dt", "di dong", "phone", "mobile", "tel")


def header_kind(text: str) -> str | None:
    """The kind of personal data a column header names, or None."""
    folded = fold_header(text)
    for kind, phrases in PERSONAL_HEADERS:
        if _has(folded, phrases):
            return kind
    return None


def header_roles(text: str) -> frozenset[str]:
    """How a column's values are judged: "identity", "phone", "tax_person", "tax", "code"."""
    folded = fold_header(text)
    roles = set()
    if header_kind(text) == "identity":
        roles.add("identity")
    if _has(folded, _PHONE_WORDS):
        roles.add("phone")
    if _has(folded, _PERSONAL_TAX):
        roles.add("tax_person")
    elif _has(folded, _TAX):
        roles.add("tax")
    words = folded.split()
    if (words and words[0] in _CODE) or _has(folded, _CODE[1:]):
        roles.add("code")
    return frozenset(roles)


def column_value(value, roles: frozenset[str], person_table: bool) -> Hit | None:
    """Judge one cell by its column: identity numbers, phones kept as numbers, personal tax codes."""
    digits = number_text(value)
    if digits is None:
        return None
    numeric = not isinstance(value, str)
    if "identity" in roles:
        if numeric and len(digits) in (8, 11):
            digits = "0" + digits  # Excel dropped the leading zero
        if len(digits) == 12:
            return Hit("cccd", "cccd", BLOCK, mask_digits(digits))
        if len(digits) == 9:
            return Hit("cmnd", "cmnd", BLOCK, mask_digits(digits))
    if "phone" in roles and numeric and len(digits) == 9:
        candidate = "0" + digits
        if PHONE_TEXT.fullmatch(candidate):
            return Hit("phone", "phone", BLOCK, mask_digits(candidate))
    if "tax_person" in roles or ("tax" in roles and person_table):
        if numeric and len(digits) in (9, 12):
            digits = "0" + digits
        if len(digits) in (10, 13):
            return Hit("tax_code", "tax_code", BLOCK, mask_digits(digits))
    return None
