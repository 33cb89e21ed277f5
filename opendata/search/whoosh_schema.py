"""What the Whoosh index holds for a :class:`SearchDocument`, and how a document becomes postings.

Every text is analysed once per document (the words of
:func:`analysis.analyse`); the same words feed three fields, each posting
weighted by where the word stands (title 8, tags 4, description 2,
resources 1, summed over the document's occurrences):

* ``text``: folded words of title, tags, description and resources;
* ``exact``: words that carry diacritics, as typed (lowercased), to rank
  exact-diacritic matches first. A word without diacritics is its own folded
  form, so ``text`` already answers for it;
* ``pairs``: every two folded words standing next to each other in one piece
  ("du lich"), with the position of the first. Phrases are found and ranked
  from these as whole sets instead of decoding positions document by
  document; positions chain pairs for quoted phrases of three words or more.
  Pairs never span two pieces (title, each tag, description, each resource).

Together the ``text`` and ``exact`` lexicons are the vocabulary suggestions
come from (only documents labelled public count, checked when suggesting).

Per-document values every search needs (id, labels, facet values, sort keys,
length) live in one column (``meta``), read once per segment.
"""
from __future__ import annotations

import marshal

from whoosh import columns, fields, formats

from ..vietnamese import syllables
from .analysis import Term, term
from .base import FACETS, SearchDocument

WEIGHTS = {"title": 8.0, "tags": 4.0, "description": 2.0, "resources": 1.0}
FACET_SEPARATOR = "\x1f"  # between a facet's name and value in the ``facet`` field's terms


class WeightsField(fields.FieldType):
    """A field indexed from weights the backend computed itself: ``index()`` takes
    ``{word: weight}``. Scores are computed by the backend from these weights,
    so Whoosh keeps neither frequencies, positions nor field lengths."""

    def __init__(self):
        super().__init__(formats.Existence(), analyzer=None, scorable=False)

    def index(self, value, **kwargs):
        for word, weight in value.items():
            yield word.encode("utf-8"), 1, weight, b""


class PositionsField(fields.FieldType):
    """Weighted words with positions: ``index()`` takes ``{word: [positions, weight]}``."""

    def __init__(self):
        super().__init__(formats.Positions(), analyzer=None, scorable=False)

    def index(self, value, **kwargs):
        encode = self.format.encode
        for word, (positions, weight) in value.items():
            yield word.encode("utf-8"), len(positions), weight, encode(positions)


class KeysField(fields.FieldType):
    """Plain keys (labels, ``facet<sep>value``): present or not, never scored."""

    def __init__(self):
        super().__init__(formats.Existence(), analyzer=None, scorable=False)

    def index(self, value, **kwargs):
        for word in value:
            yield word.encode("utf-8"), 1, 1.0, b""


def schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(unique=True),
        text=WeightsField(),
        exact=WeightsField(),
        pairs=PositionsField(),
        labels=KeysField(),
        facet=KeysField(),
        meta=fields.COLUMN(columns.VarBytesColumn()),
    )


_TERMS: dict[str, Term] = {}


def words(text: str) -> list[Term]:
    """``analysis.analyse(text)``, making each distinct word's :class:`Term` once.

    Folding a word is most of the cost of indexing and the vocabulary is small,
    so the Terms are kept (tests check this stays equal to ``analyse``).
    """
    memo = _TERMS
    out = []
    for word in syllables(text):
        found = memo.get(word)
        if found is None:
            if len(memo) > 200_000:
                memo.clear()
            found = memo[word] = term(word)
        out.append(found)
    return out


def _parts(document: SearchDocument):
    """(weight, text) for every separately phrased piece of the document."""
    yield WEIGHTS["title"], document.title
    for tag in document.tags:
        yield WEIGHTS["tags"], tag
    yield WEIGHTS["description"], document.description
    for resource in document.resources:
        yield WEIGHTS["resources"], resource


def fields_for(document: SearchDocument) -> dict:
    """Keyword arguments for ``writer.update_document`` (and the rebuild's bulk writer)."""
    folded: dict[str, float] = {}  # word -> weight
    exact: dict[str, float] = {}
    pairs: dict[str, list] = {}  # "word word" -> [positions of the first word, weight]
    position = length = 0
    for weight, text in _parts(document):
        previous = None
        for word in words(text):
            key = word.folded
            folded[key] = folded.get(key, 0.0) + weight
            if word.exact != key:
                exact[word.exact] = exact.get(word.exact, 0.0) + weight
            if previous is not None:
                pair = pair_key(previous, key)
                found = pairs.get(pair)
                if found is None:
                    pairs[pair] = [[position - 1], weight]
                else:
                    found[0].append(position - 1)
                    found[1] += weight
            previous = key
            position += 1
            length += 1
        position += 1  # a gap: no phrase runs from one piece into the next
    keys = {f"{facet}{FACET_SEPARATOR}{value}" for facet in FACETS for value in document.facet_values(facet)}
    return dict(
        id=document.id,
        text=folded,
        exact=exact,
        pairs=pairs,
        labels=sorted(set(document.labels)),
        facet=sorted(keys),
        meta=pack_meta(document, length=length),
    )


def pair_key(first: str, second: str) -> str:
    """The ``pairs`` term for two folded words in a row."""
    return first + " " + second


def pack_meta(document: SearchDocument, length: int) -> bytes:
    return marshal.dumps((
        document.id,
        tuple(document.labels),
        tuple(tuple(document.facet_values(facet)) for facet in FACETS),
        document.created.timestamp(),
        document.modified.timestamp(),
        document.title_key,
        length,
    ))


def unpack_meta(data: bytes):
    """(id, labels, facet value tuples in FACETS order, created, modified, title_key, length)."""
    return marshal.loads(data)
