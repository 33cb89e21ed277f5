"""tsvector and tsquery text for the PostgreSQL backend, built in Python.

The database's text search parser and dictionaries depend on its locale and
would split or stem Vietnamese differently from Whoosh; here every word comes
from :func:`.analysis.analyse` / :func:`.analysis.parse_query`, and the
database only stores and matches the lexemes we hand it. Every lexeme is
quoted, so no input can be read as tsquery syntax.
"""
from __future__ import annotations

from .analysis import ParsedQuery, Term, analyse, term
from .base import FACETS, PUBLIC_LABEL, SearchDocument

# ts_rank weights in PostgreSQL's order {D, C, B, A}: resources, description, tags, title.
RANK_WEIGHTS = "{0.1,0.2,0.4,1.0}"
MAX_WORD = 100  # longer words are cut (lexemes are limited to 2 kB); queries are cut the same way
MAX_POSITION = 16383  # tsvector positions stop here
MAX_POSITIONS = 256  # tsvector keeps at most this many positions per lexeme
ITEM_GAP = 10  # between two tags or two resources: a phrase never spans them
FIELD_GAP = 100  # between fields; ts_rank ignores words this far apart


def limited(t: Term) -> Term:
    """``t`` cut to :data:`MAX_WORD` characters (indexing and querying cut alike)."""
    return term(t.exact[:MAX_WORD]) if len(t.exact) > MAX_WORD else t


def quote(lexeme: str) -> str:
    """A lexeme as tsvector/tsquery input: quoted, quotes doubled, backslashes escaped."""
    if "'" in lexeme or "\\" in lexeme:
        lexeme = lexeme.replace("\\", "\\\\").replace("'", "''")
    return "'" + lexeme + "'"


# The rank vector keeps only the first words of each field: ranking reads it for every
# matching document, so it must stay small enough to live in the table row (the full
# vector is moved out of line, and only the index reads it).
RANK_WORDS = {"A": 24, "B": 12, "D": 4, "C": 12}
MAX_VECTOR_BYTES = 512 * 1024  # a tsvector holds at most 1 MB: words past this budget are not indexed


def document_vectors(document: SearchDocument) -> tuple[str, str, set[str]]:
    """The weighted tsvector text of ``document``, its rank vector, and its words (exact and folded).

    Each word adds its folded form and, at the same position, its exact form
    when that differs. Fields come one after the other with a gap; the
    description, usually the longest, comes last so that a long one cannot
    push other fields past the last position. (Written for speed: a rebuild
    runs it for every document.)
    """
    fields = (
        ("A", (document.title,)),
        ("B", document.tags),
        ("D", document.resources),
        ("C", (document.description,)),
    )
    full: dict[str, list[str]] = {}
    head: dict[str, list[str]] = {}
    size = 0  # bytes the full vector will take, roughly (UTF-8 at most 4 bytes a character)
    position = 1
    for weight, texts in fields:
        kept = RANK_WORDS[weight]
        for text in texts:
            for word in analyse(text):
                if size > MAX_VECTOR_BYTES:
                    break
                if len(word.exact) > MAX_WORD:
                    word = limited(word)
                entry = f"{position if position < MAX_POSITION else MAX_POSITION}{weight}"
                for lexeme in (word.folded,) if word.exact == word.folded else (word.folded, word.exact):
                    found = full.get(lexeme)
                    if found is None:
                        if not lexeme:
                            continue
                        full[lexeme] = [entry]
                        size += 4 * len(lexeme) + 8
                    elif len(found) < MAX_POSITIONS:
                        found.append(entry)
                        size += 2
                    if kept > 0:
                        found = head.setdefault(lexeme, [])
                        if len(found) < MAX_POSITIONS:
                            found.append(entry)
                kept -= 1
                position += 1
            position += ITEM_GAP
        position += FIELD_GAP
    return _vector_text(full), _vector_text(head), set(full)


def _vector_text(positions: dict[str, list[str]]) -> str:
    return " ".join(quote(lexeme) + ":" + ",".join(entries) for lexeme, entries in positions.items())


# A key in every document's facets (facet keys all hold a colon): counting it counts the results.
EVERY_DOCUMENT = "*"


def document_facets(document: SearchDocument) -> str:
    """tsvector text of :data:`EVERY_DOCUMENT` and the ``facet:value`` key of every facet value of ``document``."""
    keys = [facet_key(facet, value) for facet in FACETS for value in document.facet_values(facet)]
    return " ".join(quote(key) for key in [EVERY_DOCUMENT, *keys])


def facets_query(keys: set[str]) -> str:
    """tsquery text requiring every ``facet:value`` key of ``keys``."""
    return " & ".join(quote(key) for key in sorted(keys))


def facet_key(facet: str, value: str) -> str:
    return f"{facet}:{value}"


def is_public(document: SearchDocument) -> bool:
    return PUBLIC_LABEL in document.labels


def query_terms(parsed: ParsedQuery) -> list[Term]:
    """The query's terms, cut like indexed words, without empty ones."""
    return [t for t in map(limited, parsed.terms) if t.folded]


def match_query(parsed: ParsedQuery) -> str | None:
    """Every folded term, and every quoted phrase as consecutive folded words."""
    parts = [quote(word) for word in dict.fromkeys(t.folded for t in query_terms(parsed))]
    for phrase in parsed.phrases:
        words = [quote(t.folded) for t in map(limited, phrase) if t.folded]
        if len(words) > 1:
            parts.append("(" + " <-> ".join(words) + ")")
    return " & ".join(parts) or None


def rank_query(parsed: ParsedQuery) -> str | None:
    """The distinct folded terms, all required (ts_rank also rewards them being close)."""
    return " & ".join(quote(word) for word in dict.fromkeys(t.folded for t in query_terms(parsed))) or None


def exact_query(parsed: ParsedQuery) -> str | None:
    """Any term typed with diacritics, as typed: documents with those exact words rank higher."""
    words = dict.fromkeys(t.exact for t in query_terms(parsed) if t.has_diacritics)
    return " | ".join(quote(word) for word in words) or None


def phrase_query(parsed: ParsedQuery) -> str | None:
    """All terms as consecutive folded words, for queries of two terms or more."""
    terms = query_terms(parsed)
    if len(terms) < 2:
        return None
    return " <-> ".join(quote(t.folded) for t in terms)
