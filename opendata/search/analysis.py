"""Turning what visitors type into words, and marking those words in results.

Both backends use these functions, so ``duong``, ``Đường`` and ``ĐƯỜNG`` mean
the same thing everywhere. Queries are plain words and quoted phrases: no
operator syntax reaches a backend, so no input can break a query.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..vietnamese import SYLLABLE, fold, syllables

MAX_QUERY_CHARS = 500  # longer input is cut here, at a word boundary
MAX_TERMS = 16  # words beyond this are ignored (a title rarely has more)

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_OPERATORS = re.compile(r"\b(?:AND|OR|NOT)\b")  # search-engine syntax some visitors type; words, not operators


@dataclass(frozen=True)
class Term:
    """One word of a query: as typed (lowercased) and folded (no diacritics, đ -> d)."""

    exact: str
    folded: str

    @property
    def has_diacritics(self) -> bool:
        return self.exact != self.folded


@dataclass(frozen=True)
class ParsedQuery:
    """``terms`` must all match; each of ``phrases`` (from quotes) must match as consecutive words."""

    text: str  # the cleaned query, as shown back to the visitor
    terms: tuple[Term, ...] = ()
    phrases: tuple[tuple[Term, ...], ...] = ()
    truncated: bool = False  # the visitor's input was longer than we search

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def folded_words(self) -> tuple[str, ...]:
        return tuple(term.folded for term in self.terms)


def term(word: str) -> Term:
    return Term(word, fold(word))


def analyse(text: str) -> list[Term]:
    """Words of an indexed text, in order (positions matter for phrases)."""
    return [term(word) for word in syllables(text)]


def parse_query(raw: str | None) -> ParsedQuery:
    """Clean ``raw`` and split it into terms and quoted phrases.

    Control characters become spaces; an unbalanced quote runs to the end;
    punctuation and operator characters (``+ - * : ( ) AND OR``) are just
    separators between words.
    """
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", raw or ""))
    text = " ".join(text.split())
    truncated = len(text) > MAX_QUERY_CHARS
    if truncated:
        text = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0]
    terms: list[Term] = []
    phrases: list[tuple[Term, ...]] = []
    for index, part in enumerate(text.split('"')):
        words = [term(word) for word in syllables(_OPERATORS.sub(" ", part))]
        if index % 2 == 1 and len(words) > 1:
            phrases.append(tuple(words))
        terms.extend(words)
    if len(terms) > MAX_TERMS:
        terms = terms[:MAX_TERMS]
        truncated = True
        phrases = [p for p in phrases if all(t in terms for t in p)]
    return ParsedQuery(text=text, terms=tuple(terms), phrases=tuple(phrases), truncated=truncated)


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, giving up (returning ``limit + 1``) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def spelling_candidates(word: str, vocabulary_matches) -> str | None:
    """Pick the correction for ``word`` among ``(candidate, document_frequency)`` pairs.

    Nearest by edit distance first (at most 2), then the most frequent. A word
    typed without diacritics is corrected to a word without diacritics, and a
    word typed with them to one with them, so the suggestion reads like the query.
    """
    best: tuple[int, int, str] | None = None
    wants_plain = word == fold(word)
    for candidate, frequency in vocabulary_matches:
        if candidate == word or (candidate == fold(candidate)) != wants_plain:
            continue
        distance = edit_distance(word, candidate)
        if distance > 2:
            continue
        key = (distance, -frequency, candidate)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def suggestion_text(parsed: ParsedQuery, corrections: dict[str, str]) -> str | None:
    """The query with corrected words, or None when nothing was corrected."""
    if not corrections:
        return None
    words = [corrections.get(t.exact, t.exact) for t in parsed.terms]
    return " ".join(words)


def highlight(text: str, parsed: ParsedQuery, length: int | None = None) -> Markup:
    """``text`` escaped, with words of the query in ``<mark>``; cut to about ``length`` characters
    around the first match when ``length`` is given."""
    wanted = {t.folded for t in parsed.terms}
    if not text:
        return Markup("")
    matches = _matches(text, wanted)
    start, end, prefix, suffix = 0, len(text), "", ""
    if length and len(text) > length:
        first = matches[0][0] if matches else 0
        start = max(0, min(first - length // 4, len(text) - length))
        if start:
            start = text.find(" ", start) + 1 or start
            prefix = "…"
        end = start + length
        if end < len(text):
            end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
            suffix = "…"
    out: list[str] = [prefix]
    position = start
    for match_start, match_end in matches:
        if match_start < start or match_end > end:
            continue
        out.append(str(escape(text[position:match_start])))
        out.append(f"<mark>{escape(text[match_start:match_end])}</mark>")
        position = match_end
    out.append(str(escape(text[position:end])))
    out.append(suffix)
    return Markup("".join(out))



def _matches(text: str, wanted: set[str]) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` whose folded form is wanted.

    The text is folded once and searched with one pattern; the spans carry
    over because folding Vietnamese keeps one character per character. Text
    where it does not (rare scripts) is folded word by word instead.
    """
    if not wanted:
        return []
    folded = fold(text.lower())
    if len(folded) != len(text):
        return [m.span() for m in SYLLABLE.finditer(text) if fold(m.group().lower()) in wanted]
    words = "|".join(map(re.escape, sorted(wanted, key=len, reverse=True)))
    return [m.span() for m in re.finditer(r"(?<![^\W_])(?:" + words + r")(?![^\W_])", folded)]
