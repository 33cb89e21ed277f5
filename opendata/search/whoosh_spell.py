"""Spelling suggestions for the Whoosh backend: words no public document holds, corrected to
words public documents hold.

The vocabulary is the ``text`` lexicon (folded words, which are also every
word typed without diacritics) and the ``exact`` lexicon (words with
diacritics). It is read once per segment into memory, by length, so finding
the words within two edits of a typed word is a scan of a few buckets with a
cheap test first (two edits change the set of letters by at most four)
rather than walking the on-disk term index. Lexicons keep the words of
deleted and private documents, so every candidate is checked against the
live public documents before it is offered.
"""
from __future__ import annotations

from .analysis import ParsedQuery, edit_distance, spelling_candidates, suggestion_text
from .base import PUBLIC_LABEL

FIELDS = ("text", "exact")
MAX_DISTANCE = 2


class Vocabulary:
    """Words of every segment seen so far, by field and length (only grows; candidates are checked)."""

    def __init__(self):
        self._segments: set = set()
        self._words: dict[str, dict[int, dict[str, frozenset]]] = {field: {} for field in FIELDS}

    def add(self, parts) -> None:
        for part in parts:
            key = part.segment.key
            if key in self._segments:
                continue
            for field in FIELDS:
                buckets = self._words[field]
                for btext in part.reader.lexicon(field):
                    word = btext.decode("utf-8")
                    bucket = buckets.setdefault(len(word), {})
                    if word not in bucket:
                        bucket[word] = frozenset(word)
            self._segments.add(key)

    def near(self, field: str, word: str) -> dict[int, list[str]]:
        """Words of ``field`` within two edits of ``word``, by distance (1 and 2)."""
        letters = set(word)
        found: dict[int, list[str]] = {1: [], 2: []}
        buckets = self._words[field]
        for length in range(max(len(word) - MAX_DISTANCE, 1), len(word) + MAX_DISTANCE + 1):
            for candidate, candidate_letters in buckets.get(length, {}).items():
                if len(letters.symmetric_difference(candidate_letters)) > 2 * MAX_DISTANCE:
                    continue
                distance = edit_distance(word, candidate, MAX_DISTANCE)
                if 0 < distance <= MAX_DISTANCE:
                    found[distance].append(candidate)
        return found


def public_count(view, field: str, word: str, any_one: bool = False) -> int:
    """How many live public documents hold ``word`` in ``field`` (with ``any_one``: 1 if some do)."""
    found = 0
    for part in view.parts:
        docs = part.docs(field, word)
        if not docs:
            continue
        public = part.docs("labels", PUBLIC_LABEL)
        deleted = part.deleted
        if any_one:
            small, large = (docs, public) if len(docs) < len(public) else (public, docs)
            if any(docnum in large and docnum not in deleted for docnum in small):
                return 1
        else:
            both = docs & public
            found += len(both) - len(deleted.intersection(both))
    return found


def suggestion(view, vocabulary: Vocabulary, parsed: ParsedQuery) -> str | None:
    """The query with its unknown words corrected, or None when every word is known (or none has a correction)."""
    vocabulary.add(view.parts)
    corrections: dict[str, str] = {}
    for term in parsed.terms:
        if term.exact in corrections:
            continue
        field = "exact" if term.has_diacritics else "text"  # a word without diacritics is its own folded form
        if public_count(view, field, term.exact, any_one=True):
            continue
        # Nearest first: frequencies are only counted for the closest words public documents hold.
        for candidates in vocabulary.near(field, term.exact).values():
            counted = [(word, public_count(view, field, word)) for word in candidates]
            counted = [(word, count) for word, count in counted if count]
            correction = spelling_candidates(term.exact, counted) if counted else None
            if correction:
                corrections[term.exact] = correction
                break
    return suggestion_text(parsed, corrections)
