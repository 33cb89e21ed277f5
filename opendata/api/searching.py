"""``package_search`` and ``current_package_list_with_resources``: CKAN's search verbs over our search.

CKAN hands ``q``/``fq``/``sort``/``facet.field`` to Solr. We understand the
part of that language CKAN clients actually send - ``field:value`` clauses
with CKAN's field names (quoted values, several clauses, ``+`` prefixes,
``AND``), CKAN's sort strings, facet lists - and translate it onto
:func:`opendata.search.search_datasets`. Anything else is CKAN's "Search
Query Error" (400) naming what was not understood, never a silent guess.
"""
from __future__ import annotations

import re
from typing import Any

from .. import search
from ..catalogue import NotFound as CatalogueNotFound
from ..catalogue import default_licence, get_organization
from ..catalogue.listing import label_facets
from .actions import Context, SearchQueryError, ValidationError, action
from .dicts import package_dict
from .params import as_bool, as_int, as_list, as_text
from .queries import datasets_in_order

ROWS_DEFAULT = 10  # CKAN's default page size
ROWS_MAX = 1000  # CKAN's ckan.search.rows_max
FACET_LIMIT_DEFAULT = 50  # CKAN's search.facets.limit
FACET_LIMIT_ALL = 10_000  # what facet.limit=-1 ("no limit") becomes

# CKAN's field names (fq, facet.field) onto our search facets.
FIELDS = {
    "organization": "organization",
    "groups": "topic",
    "tags": "tag",
    "res_format": "format",
    "license_id": "licence",
    "agency_type": "agency_type",
    "frequency": "frequency",
}
FACET_NAMES = {facet: field for field, facet in FIELDS.items()}

# CKAN sort strings onto our orders. "name asc" has no index of its own: titles
# in Vietnamese alphabetical order are the nearest (slugs are made from titles).
SORTS = {
    "score desc, metadata_modified desc": "relevance",
    "score desc": "relevance",
    "relevance": "relevance",
    "metadata_modified desc": "modified",
    "modified": "modified",
    "metadata_created desc": "newest",
    "newest": "newest",
    "title_string asc": "title",
    "title asc": "title",
    "name asc": "title",
    "title": "title",
}
SORT_DEFAULT = "score desc, metadata_modified desc"

_CLAUSE = re.compile(
    r'(?P<sign>[+-]?)(?P<field>[A-Za-z_][A-Za-z0-9_]*):(?P<value>"(?:[^"\\]|\\.)*"|(?:\\.|[^\s"()\\])+)'
)


def _unquote(value: str) -> str:
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        value = value[1:-1]
    return re.sub(r"\\(.)", r"\1", value)


class Clauses:
    """What ``fq`` (and the field clauses of ``q``) asked for."""

    def __init__(self) -> None:
        self.filters: list[tuple[str, str]] = []
        self.public_only = False  # capacity:public
        self.nothing = False  # a dataset_type other than "dataset": we have no such thing


def _apply(clauses: Clauses, sign: str, field: str, value: str, source: str) -> None:
    if sign == "-":
        raise SearchQueryError(f"{source}: negated clauses are not supported ({sign}{field}:{value})")
    value = _unquote(value)
    if field in FIELDS:
        facet = FIELDS[field]
        if facet == "format":
            value = value.upper()
        clauses.filters.append((facet, value))
    elif field == "owner_org":
        try:
            clauses.filters.append(("organization", get_organization(value).slug))
        except CatalogueNotFound:
            clauses.nothing = True
    elif field == "dataset_type" or field == "type":
        clauses.nothing = clauses.nothing or value != "dataset"
    elif field == "capacity" and value == "public":
        clauses.public_only = True
    else:
        raise SearchQueryError(
            f"{source}: field {field!r} is not supported; use {', '.join(sorted(FIELDS))}, owner_org, "
            "dataset_type or capacity:public"
        )


def parse_fq(fq: str, clauses: Clauses) -> None:
    """``organization:so-y-te +tags:"đất đai" AND res_format:CSV``: every clause must hold."""
    position = 0
    for match in _CLAUSE.finditer(fq):
        _check_gap(fq[position:match.start()], "fq")
        _apply(clauses, match["sign"], match["field"], match["value"], "fq")
        position = match.end()
    _check_gap(fq[position:], "fq")


def _check_gap(text: str, source: str) -> None:
    leftover = " ".join(word for word in text.split() if word not in {"AND", "&&"})
    if leftover:
        raise SearchQueryError(f"{source}: could not understand {leftover!r}; write field:value or field:\"a value\"")


def parse_q(q: str, clauses: Clauses) -> str:
    """The words of ``q``; its clauses on CKAN field names become filters (Solr would do the same)."""
    if q.strip() in {"*:*", "*"}:
        return ""

    def take(match: re.Match) -> str:
        if match["field"] in FIELDS or match["field"] in {"owner_org", "dataset_type", "capacity"}:
            _apply(clauses, match["sign"], match["field"], match["value"], "q")
            return " "
        return match.group(0)

    return _CLAUSE.sub(take, q).strip()


def _sort(data: dict[str, Any]) -> tuple[str, str]:
    given = as_text(data, "sort", "", max_length=200).strip()
    if not given:
        return SORT_DEFAULT, "relevance"
    key = ", ".join(" ".join(part.split()).lower() for part in given.split(","))
    if key not in SORTS:
        raise ValidationError(sort=[f"Unsupported sort {given!r}; use one of: {', '.join(sorted(SORTS))}"])
    return given, SORTS[key]


def _facets(data: dict[str, Any]) -> list[str]:
    fields = as_list(data, "facet.field")
    unknown = [field for field in fields if field not in FIELDS]
    if unknown:
        raise ValidationError(**{"facet.field": [f"Unsupported facet {', '.join(unknown)}; use {', '.join(FIELDS)}"]})
    return list(dict.fromkeys(fields))


def run_search(context: Context, data: dict[str, Any], *, default_sort: str | None = None) -> dict[str, Any]:
    """``package_search`` itself (``current_package_list_with_resources`` reuses it)."""
    rows = as_int(data, "rows", ROWS_DEFAULT, maximum=ROWS_MAX)
    start = as_int(data, "start", 0)
    facet_fields = _facets(data)
    facet_limit = as_int(data, "facet.limit", FACET_LIMIT_DEFAULT, minimum=-1)
    if facet_limit == -1:
        facet_limit = FACET_LIMIT_ALL
    if default_sort and not data.get("sort"):
        sort_label, sort = default_sort, SORTS[default_sort]
    else:
        sort_label, sort = _sort(data)
    clauses = Clauses()
    text = parse_q(as_text(data, "q"), clauses)
    for fq in [as_text(data, "fq"), *as_list(data, "fq_list")]:
        parse_fq(fq, clauses)
    # Drafts and private datasets are found only when asked for, and only
    # those the caller may list: ``None`` searches as an anonymous visitor.
    widen = as_bool(data, "include_private") or as_bool(data, "include_drafts")
    searcher = context.user if widen and not clauses.public_only else None
    empty = {"count": 0, "sort": sort_label, "results": [],
             "facets": {field: {} for field in facet_fields},
             "search_facets": {field: {"title": field, "items": []} for field in facet_fields}}
    if clauses.nothing:
        return empty
    _parsed, result = search.search_datasets(
        searcher,
        text,
        filters=clauses.filters,
        sort=sort,
        offset=start,
        limit=rows,
        facets=tuple(FIELDS[field] for field in facet_fields),
        facet_limit=facet_limit,
    )
    fallback = default_licence()
    results = [
        package_dict(dataset, context.user, fallback_licence=fallback)
        for dataset in datasets_in_order(searcher, result.ids)
    ]
    labelled = label_facets(result.facets)
    facets, search_facets = {}, {}
    for field in facet_fields:
        values = labelled.get(FIELDS[field], [])
        facets[field] = {value.value: value.count for value in values}
        search_facets[field] = {
            "title": field,
            "items": [{"name": v.value, "display_name": str(v.label), "count": v.count} for v in values],
        }
    return {"count": result.total, "sort": sort_label, "facets": facets, "search_facets": search_facets,
            "results": results}


@action("package_search")
def package_search(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Search datasets; answers ``{count, results, facets, search_facets, sort}``.

    Parameters (all optional):

    - ``q``: words to find (Vietnamese with or without diacritics); ``field:value``
      clauses in it are filters, as in ``fq``; ``*:*`` means everything.
    - ``fq``: filters ``field:value`` or ``field:"value with spaces"``, several
      separated by spaces (all must hold). Fields: ``organization`` (agency name),
      ``groups`` (topic name), ``tags``, ``res_format`` (e.g. CSV), ``license_id``,
      ``agency_type``, ``frequency`` (EU code), ``owner_org`` (agency id),
      ``dataset_type:dataset``, ``capacity:public``. ``fq_list``: a list of such strings.
    - ``rows`` (default 10, at most 1000) and ``start`` (default 0): the page.
    - ``sort``: ``score desc, metadata_modified desc`` (default: relevance, newest
      change first without words), ``metadata_modified desc``, ``metadata_created desc``,
      ``title_string asc`` or ``name asc`` (both: titles in Vietnamese alphabetical order).
    - ``facet.field``: JSON list of the fields above to count, e.g. ``["organization","tags"]``;
      ``facet.limit``: values per field (default 50, -1 for all).
    - ``include_private`` / ``include_drafts``: also find the private datasets and drafts
      the caller may see (their agency's; all for sysadmins). Anonymous callers never do.
    """
    return run_search(context, data)


@action("current_package_list_with_resources")
def current_package_list_with_resources(context: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Datasets with their resources, most recently changed first.

    Parameters: ``limit`` (default 10, at most 1000), ``offset`` (default 0), or
    ``page`` (1-based, with ``limit``). Lists what the caller may list: public
    datasets, plus their own agency's drafts and private datasets for signed-in
    agency staff (all of them for sysadmins).
    """
    limit = as_int(data, "limit", ROWS_DEFAULT, maximum=ROWS_MAX)
    offset = as_int(data, "offset", None)
    if offset is None:
        page = as_int(data, "page", 1, minimum=1)
        offset = (page - 1) * limit
    found = run_search(
        context,
        {"rows": limit, "start": offset, "include_private": True},
        default_sort="metadata_modified desc",
    )
    return found["results"]
