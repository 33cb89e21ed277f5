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


SYLLABLE = re.compile(r"[^\W_]+")  # a run of letters and digits: one Vietnamese syllable

# The Vietnamese alphabet in dictionary order: ă, â after a; đ after d; ê after e;
# ô, ơ after o; ư after u. Tones sort after the letters, in the order dictionaries use.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_TONE_RANK = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)


def syllables(text: str) -> list[str]:
    """The words of ``text``, lowercased, in NFC: "Đường số 2" -> ["đường", "số", "2"]."""
    return SYLLABLE.findall(unicodedata.normalize("NFC", text).lower())


def collation_key(text: str) -> str:
    """A string that sorts like a Vietnamese dictionary under plain code-point order.

    "Đà Nẵng" sorts after every "D..." title and "Ă" after "A"; tones only break ties.
    The key is plain text, so a database column with "C" collation can store it.
    """
    letters: list[str] = []
    tones: list[str] = []
    for char in unicodedata.normalize("NFC", text).lower():
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        tone = ""
        letter = base
        for mark in marks:
            if mark in _TONE_RANK:
                tone = mark
            elif mark in _LETTER_MARKS:
                letter = unicodedata.normalize("NFC", letter + mark)
        if char == "đ":
            letter = "đ"
        rank = _LETTER_RANK.get(letter)
        if rank is not None:
            letters.append(chr(0x100 + rank))
        elif char.isdigit():
            letters.append(char)
        elif char.isalnum():
            letters.append(chr(0x200 + ord(char) % 0xFD00))
        else:
            letters.append(" ")
        tones.append(chr(0x30 + _TONE_RANK[tone]))
    return "".join(letters).strip() + "\x01" + "".join(tones)
