"""Scoring the documents a search matched, and finding phrases, from cached posting lists.

Whoosh's own query matchers score one document at a time through layers of
Python objects, and its phrase queries decode positions for each; with
Vietnamese syllables most queries match thousands of documents. Here the
matched documents are already known, segment by segment: each word's part
of the score is computed over them with ``map`` over lists (no Python loop
per document), and phrases come from the ``pairs`` field (two folded words
in a row) as whole sets.

score = sum over folded words: idf * bm25(weight)
      + sum over words typed with diacritics: EXACT_BOOST * idf * bm25(exact weight)
      + sum over neighbouring words of the query found next to each other:
        PHRASE_BOOST * idf * bm25(pair weight)

where weight sums the field weights of the word's occurrences (title 8,
tags 4, description 2, resources 1), bm25(w) = (K1 + 1) w / (w + norm) and
norm = K1 (1 - B + B * length / average length). idf and the average length
are taken over the whole index, so segments score alike.
"""
from __future__ import annotations

import heapq
import math
from itertools import repeat
from operator import add, truediv

from whoosh import formats

from .analysis import ParsedQuery
from .whoosh_schema import pair_key

K1 = 1.2
B = 0.75
EXACT_BOOST = 1.0
PHRASE_BOOST = 1.0
BOOSTS = {"text": 1.0, "exact": EXACT_BOOST, "pairs": PHRASE_BOOST}
_POSITIONS = formats.Positions()


def phrase_docs(part, words: tuple[str, ...], candidates) -> set[int]:
    """The ``candidates`` (of one segment) where the folded ``words`` stand in a row, in one field."""
    found = candidates
    pairs = [pair_key(first, second) for first, second in zip(words, words[1:])]
    for pair in pairs:
        docs = part.docs("pairs", pair)
        found = docs & found if len(docs) < len(found) else found & docs
        if not found:
            return set()
    if len(pairs) > 1:  # every pair is there; check they make one run
        value_maps = [part.values("pairs", pair) for pair in pairs]
        found = {docnum for docnum in found if _in_a_row(value_maps, docnum)}
    return found if isinstance(found, set) else set(found)


def _in_a_row(value_maps: list[dict], docnum: int) -> bool:
    """Whether pair ``i`` starts one position after pair ``i - 1`` somewhere in ``docnum``."""
    starts = None
    for index, values in enumerate(value_maps):
        shifted = {position - index for position in _POSITIONS.decode_positions(values[docnum])}
        starts = shifted if starts is None else starts & shifted
        if not starts:
            return False
    return True


def _parts_of(parsed: ParsedQuery) -> list[tuple[str, str]]:
    """(field, word) of every piece of the score; the folded words come first."""
    folded = [t.folded for t in parsed.terms]
    pieces = [("text", word) for word in dict.fromkeys(folded)]
    pieces += [("exact", word) for word in dict.fromkeys(t.exact for t in parsed.terms if t.has_diacritics)]
    pieces += [("pairs", pair) for pair in dict.fromkeys(map(pair_key, folded, folded[1:]))]
    return pieces


def ranked(view, parsed: ParsedQuery, matched: list, count: int) -> list[tuple[int, int]]:
    """The ``count`` best (part index, docnum) of the matched documents, ties by id.

    ``matched`` holds each part's matched document numbers, in ``view.parts`` order.
    """
    if count <= 0:
        return []
    pieces = []
    for field, word in _parts_of(parsed):
        frequency = sum(part.live_postings(field, word) for part in view.parts)
        if frequency:
            idf = math.log(1 + (view.live_count - frequency + 0.5) / (frequency + 0.5))
            pieces.append((field, word, BOOSTS[field] * idf * (K1 + 1)))
    constant, per_length = K1 * (1 - B), K1 * B / view.average_length
    candidates = []
    for index, (part, docnums) in enumerate(zip(view.parts, matched)):
        if not docnums:
            continue
        docs = list(docnums)
        norms = list(map(constant.__add__, map(per_length.__mul__, map(part.segment.length.__getitem__, docs))))
        total = None
        for field, word, factor in pieces:
            weights = part.weights(field, word)
            if not weights:
                continue
            if field == "text":  # every matched document holds every folded word
                column = list(map(weights.__getitem__, docs))
            else:
                column = list(map(weights.get, docs, repeat(0.0)))
            # factor * w / (w + norm), for every matched document at once
            piece = map(factor.__mul__, map(truediv, column, map(add, column, norms)))
            total = list(piece) if total is None else list(map(add, total, piece))
        if total is None:
            total = [0.0] * len(docs)
        ids = part.segment.ids
        for position in _best(total, min(count, len(docs)), lambda i: ids[docs[i]]):
            candidates.append((-total[position], ids[docs[position]], index, docs[position]))
    candidates.sort()
    return [(index, docnum) for _, _, index, docnum in candidates[:count]]


def _best(scores: list[float], count: int, id_of) -> list[int]:
    """Positions of the ``count`` highest ``scores``, ties broken by ``id_of(position)``."""
    best = heapq.nlargest(count + 1, range(len(scores)), key=scores.__getitem__)
    if len(best) > count and scores[best[count]] == scores[best[count - 1]]:
        edge = scores[best[count - 1]]  # a tie across the end of the page: take them all, order by id
        best = [position for position, score in enumerate(scores) if score >= edge]
    best.sort(key=lambda position: (-scores[position], id_of(position)))
    return best[:count]
