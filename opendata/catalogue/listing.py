"""Dataset lists: what a visitor typed and chose, run through search, with labelled facets."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

from sqlalchemy import String, bindparam, literal, select, union_all
from sqlalchemy.orm import joinedload

from .. import search
from ..auth import is_listed
from ..extensions import db
from ..models import AgencyType, Dataset, Licence, Organization, Resource, Topic
from ..search.analysis import ParsedQuery
from ..vocabularies import FREQUENCIES
from .errors import NotFound

# Sort orders a visitor may choose; "relevance" lists by last change when there is no query.
SORTS = search.SORTS

@dataclass(frozen=True)
class DatasetFilters:
    """What a visitor narrowed the list to. Empty values mean "any".

    Every field but ``q`` and ``sort`` is named after the search facet it filters.
    """

    q: str = ""
    organization: str = ""  # organization slug
    agency_type: str = ""  # agency type slug
    topic: str = ""  # topic slug
    format: str = ""  # resource format, e.g. "CSV"
    licence: str = ""  # licence id
    tag: str = ""
    frequency: str = ""  # EU frequency code
    sort: str = "relevance"

    def active(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v and k not in {"sort"}}

    def facet_filters(self) -> tuple[tuple[str, str], ...]:
        return tuple((facet, getattr(self, facet)) for facet in search.FACETS if getattr(self, facet))


@dataclass(frozen=True)
class FacetValue:
    """One choice of a filter: the value to send, its labels, and how many datasets match."""

    value: str
    label: str
    label_en: str | None
    count: int


@dataclass
class Page:
    items: Sequence[Dataset]
    total: int
    page: int
    per_page: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    query: ParsedQuery = field(default_factory=lambda: ParsedQuery(text=""))
    suggestion: str | None = None
    formats: dict[str, tuple[str, ...]] = field(default_factory=dict)  # dataset id -> its files' formats, each once

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def dataset_page(user, filters: DatasetFilters, page: int = 1, per_page: int = 20, with_facets: bool = True) -> Page:
    """One page of the datasets ``user`` may list that match ``filters``.

    Raises :class:`NotFound` for a page past the end (except page 1 of an
    empty result, which is a normal "nothing found").
    """
    if page < 1:
        raise NotFound(f"page {page}")
    parsed, result = search.search_datasets(
        user,
        filters.q,
        filters=filters.facet_filters(),
        sort=filters.sort if filters.sort in SORTS else "relevance",
        offset=(page - 1) * per_page,
        limit=per_page,
        facets=search.FACETS if with_facets else (),
    )
    if page > max(1, math.ceil(result.total / per_page)):
        raise NotFound(f"page {page}")
    items = _load_in_order(user, result.ids)
    return Page(
        items=items,
        formats=_formats([dataset.id for dataset in items]),
        total=result.total,
        page=page,
        per_page=per_page,
        facets=label_facets(result.facets) if with_facets else {},
        query=parsed,
        suggestion=result.suggestion,
    )


# Facets whose values are keys of a table, and the columns holding their names.
_NAMED_FACETS = {
    "organization": (Organization.slug, Organization.name, Organization.name_en),
    "agency_type": (AgencyType.slug, AgencyType.name, AgencyType.name_en),
    "topic": (Topic.slug, Topic.name, Topic.name_en),
    "licence": (Licence.id, Licence.title, Licence.title_en),
}

# The statements of a list page, built once: each page only binds its values.
# Building a statement with its IN lists costs more than SQLite takes to run it.
_ITEMS = (
    select(Dataset)
    .where(Dataset.id.in_(bindparam("ids", expanding=True)))
    .options(joinedload(Dataset.organization, innerjoin=True))
)
_FORMATS = (
    select(Resource.dataset_id, Resource.format)
    .where(Resource.dataset_id.in_(bindparam("ids", expanding=True)))
    .order_by(Resource.position)
)
_NAMES = union_all(*(
    select(literal(facet, String).label("facet"), key, name, name_en).where(key.in_(bindparam(facet, expanding=True)))
    for facet, (key, name, name_en) in _NAMED_FACETS.items()
))


def _load_in_order(user, ids: Sequence[str]) -> list[Dataset]:
    """The datasets of a result page, in the index's order, with their agencies.

    Each is checked again with ``can``: an index a moment behind the database
    can never show what the viewer may not list. (Loading by primary key and
    checking here keeps SQLite on the primary key index at any catalogue size.)
    """
    if not ids:
        return []
    rows = db.session.scalars(_ITEMS, {"ids": list(ids)}).all()
    by_id = {row.id: row for row in rows if is_listed(user, row)}
    return [by_id[i] for i in ids if i in by_id]


def _formats(ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The formats of each dataset's files, in file order, each once (ignoring case).

    A list shows only these of the files: two columns cost a fraction of
    loading twenty datasets' files as objects.
    """
    found: dict[str, dict[str, str]] = {}
    if ids:
        for dataset_id, fmt in db.session.execute(_FORMATS, {"ids": list(ids)}):
            if fmt:
                found.setdefault(dataset_id, {}).setdefault(fmt.lower(), fmt)
    return {dataset_id: tuple(formats.values()) for dataset_id, formats in found.items()}


def label_facets(facets: dict[str, list[tuple[str, int]]]) -> dict[str, list[FacetValue]]:
    """Facet counts with the names visitors read (agency names, not slugs)."""
    names = _facet_names({facet: [value for value, _count in counts] for facet, counts in facets.items()})
    labelled: dict[str, list[FacetValue]] = {}
    for facet, counts in facets.items():
        if facet in _NAMED_FACETS:
            known = names.get(facet, {})
            labelled[facet] = [FacetValue(v, *known[v], n) for v, n in counts if v in known]
        elif facet == "frequency":
            labelled[facet] = [FacetValue(v, FREQUENCIES.get(v, v), None, n) for v, n in counts]
        else:
            labelled[facet] = [FacetValue(v, v, None, n) for v, n in counts]
    return labelled


def _facet_names(values: dict[str, list[str]]) -> dict[str, dict[str, tuple[str, str | None]]]:
    """``{facet: {value: (name, English name)}}`` for the named facets, in one query.

    Every list page labels four facets: one round trip instead of four.
    """
    params = {facet: values.get(facet, []) for facet in _NAMED_FACETS}
    names: dict[str, dict[str, tuple[str, str | None]]] = {}
    if any(params.values()):
        for facet, value, name, name_en in db.session.execute(_NAMES, params):
            names.setdefault(facet, {})[value] = (name, name_en)
    return names
