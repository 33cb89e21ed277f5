"""The SQL of a PostgreSQL search, built from a :class:`~.base.SearchQuery`.

Every value a visitor typed reaches the database as a bound parameter, and
every lexeme inside it is quoted (:mod:`.postgres_text`), so no input can be
read as SQL or tsquery syntax.
"""
from __future__ import annotations

from sqlalchemy import text

from . import postgres_text as pt
from .base import PUBLIC_LABEL, SearchQuery
from .postgres_tables import DOCUMENTS, VOCABULARY

CANDIDATE_LIMIT = 30  # nearest vocabulary words considered for one misspelled word
FREQUENCY_CAP = 1000  # document frequencies are counted up to here (they only break ties)
# For one search: room for sorting and for ts_stat's counts; compiling (JIT)
# costs more than these queries take.
SEARCH_SETTINGS = "SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)"
# With words to match, always go through the index: a sequential scan (which the
# planner picks for common words) would decompress every document's full vector.
MATCH_SETTINGS = SEARCH_SETTINGS + ", set_config('enable_seqscan', 'off', true)"


def settings(query: SearchQuery) -> str:
    """The session settings for ``query``'s statements (local to their transaction)."""
    return MATCH_SETTINGS if pt.match_query(query.parsed) else SEARCH_SETTINGS


_ORDER = {"relevance": "rank DESC, id", "modified": "modified DESC, id", "newest": "created DESC, id",
          "title": "title_key, id"}
_SORT_COLUMN = {"relevance": "rank", "modified": "modified", "newest": "created", "title": "title_key"}

# Nearest public words to each misspelled word, with how many public documents hold them
# (counted only for the nearest ones, up to FREQUENCY_CAP).
CANDIDATES = text(
    f"""
    SELECT typed.word, near.word, CASE WHEN near.distance = near.nearest THEN (
             SELECT count(*) FROM (
               SELECT FROM {DOCUMENTS} d
               WHERE d.tsv @@ CAST('''' || replace(replace(near.word, '\\', '\\\\'), '''', '''''') || '''' AS tsquery)
                 AND d.is_public
               LIMIT {FREQUENCY_CAP}) AS holding)
           ELSE 0 END
    FROM unnest(CAST(:words AS text[]), CAST(:plain AS boolean[])) AS typed(word, plain)
    CROSS JOIN LATERAL (
      SELECT c.word, c.distance, min(c.distance) OVER () AS nearest FROM (
        SELECT v.word, levenshtein_less_equal(v.word, typed.word, 2) AS distance FROM {VOCABULARY} v
        WHERE v.plain = typed.plain AND v.word <> typed.word
          AND char_length(v.word) BETWEEN char_length(typed.word) - 2 AND char_length(typed.word) + 2
      ) AS c
      WHERE c.distance <= 2 ORDER BY c.distance, c.word LIMIT {CANDIDATE_LIMIT}
    ) AS near
    """
)


def listing_statement(query: SearchQuery) -> tuple[str, dict]:
    """A page of every visible document, read along the sort order's index."""
    params: dict = {"limit": query.limit, "offset": query.offset}
    where = _bind([_label_condition(query.labels)], params) if query.labels is not None else ""
    sort = "modified" if query.sort == "relevance" else query.sort
    where = f" WHERE {where}" if where else ""
    return f"SELECT id FROM {DOCUMENTS} d{where} ORDER BY {_ORDER[sort]} LIMIT :limit OFFSET :offset", params


# A condition on a document ``d``: SQL with ``{}`` where each value goes, and the values
# with their SQL types. The page and the facet statements bind them each their own way.
Condition = tuple[str, tuple[tuple[object, str], ...]]


def _label_condition(labels: frozenset[str]) -> Condition:
    """Documents with one of ``labels``; "public" is a column of its own (cheaper than the array)."""
    conditions = ["d.is_public"] if PUBLIC_LABEL in labels else []
    others = sorted(labels - {PUBLIC_LABEL})
    if others:
        conditions.append("d.labels && {}")
    sql = "(" + " OR ".join(conditions) + ")" if conditions else "false"
    return sql, ((others, "text[]"),) if others else ()


def _conditions(query: SearchQuery) -> list[Condition]:
    """What a document must satisfy to be a result of ``query``: visible, matching, filtered."""
    conditions = [] if query.labels is None else [_label_condition(query.labels)]
    match = pt.match_query(query.parsed)
    if match:
        conditions.append(("d.tsv @@ {}", ((match, "tsquery"),)))
    if query.filters:
        keys = {pt.facet_key(facet, value) for facet, value in query.filters}
        conditions.append(("d.facets @@ {}", ((pt.facets_query(keys), "tsquery"),)))
    return conditions


def _bind(conditions: list[Condition], params: dict, literal: bool = False) -> str:
    """``conditions`` joined by AND, their values added to ``params``.

    With ``literal`` each value becomes a ``%L`` of PostgreSQL's ``format()``
    (for a statement passed as text), and ``params["format"]`` lists, in
    order, the bound casts that fill them.
    """
    parts = []
    for sql, values in conditions:
        slots = []
        for value, sql_type in values:
            name = f"v{len(params)}"
            params[name] = value
            bound = f"CAST(:{name} AS {sql_type})"
            if literal:
                params.setdefault("format", []).append(bound)
                bound = f"CAST(%L AS {sql_type})"
            slots.append(bound)
        parts.append(sql.format(*slots))
    return " AND ".join(parts)


def page_statement(query: SearchQuery) -> tuple[str, dict]:
    """The page and the typed words found in the public vocabulary: rows of (kind, key, place).

    kind 0: a page id and its place; 1: a typed word the vocabulary holds.
    """
    parsed = query.parsed
    params: dict = {}
    where = _bind(_conditions(query), params)
    match = pt.match_query(parsed)
    sort = query.sort if match or query.sort != "relevance" else "modified"
    order = _ORDER[sort]
    if sort == "relevance":
        weights = f"CAST('{pt.RANK_WEIGHTS}' AS real[])"
        rank = f"ts_rank({weights}, d.rank_tsv, CAST(:rank AS tsquery))"
        params["rank"] = pt.rank_query(parsed)
        phrase = pt.phrase_query(parsed)
        if phrase:  # the words as typed, one after the other: twice the score
            rank = f"{rank} * (1 + CAST(d.rank_tsv @@ CAST(:phrase AS tsquery) AS integer))"
            params["phrase"] = phrase
        exact = pt.exact_query(parsed)
        if exact:  # words typed with diacritics that documents hold exactly
            rank = f"{rank} + ts_rank({weights}, d.rank_tsv, CAST(:exact AS tsquery))"
            params["exact"] = exact
        sort_column = f"{rank} AS rank"
    else:
        sort_column = f"d.{_SORT_COLUMN[sort]}"
    params.update(limit=max(query.limit, 0), offset=max(query.offset, 0))
    selects = [
        f'SELECT 0 AS kind, id COLLATE "C" AS key, row_number() OVER (ORDER BY {order}) AS place FROM'
        f" (SELECT d.id, {sort_column} FROM {DOCUMENTS} d" + (f" WHERE {where}" if where else "")
        + f" ORDER BY {order} LIMIT :limit OFFSET :offset) AS page"
    ]
    if query.suggest and match:
        params["typed"] = list(dict.fromkeys(t.exact for t in pt.query_terms(parsed)))
        selects.append(
            f'SELECT 1, word COLLATE "C", 0 FROM {VOCABULARY} WHERE word = ANY(CAST(:typed AS text[]))'
        )
    return " UNION ALL ".join(selects), params


def counts_statement(query: SearchQuery) -> tuple[str, dict]:
    """How many results hold each ``facet:value`` key, and how many there are: rows of (key, count).

    Every document's facets hold :data:`~.postgres_text.EVERY_DOCUMENT`: its
    count is the total.

    ``ts_stat()`` runs the statement it is given and counts the documents
    holding each lexeme of the vectors it returns, in C: about half the cost
    of unnesting every key through the executor and grouping them.
    """
    params: dict = {}
    where = _bind(_conditions(query), params, literal=True)
    inner = f"SELECT d.facets FROM {DOCUMENTS} d" + (f" WHERE {where}" if where else "")
    params["inner"] = inner
    arguments = "".join(f", {bound}" for bound in params.pop("format", []))
    return f"SELECT word, ndoc FROM ts_stat(format(CAST(:inner AS text){arguments}))", params
