"""What every search backend takes and gives back.

A backend only knows :class:`SearchDocument` values and :class:`SearchQuery`
values; it never sees models, users or requests. Permission is decided before
the backend is called (labels in the query) and when documents are built
(labels in the document), both by :mod:`opendata.auth.permissions`.
"""
from __future__ import annotations

import abc
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Iterable, Sequence

from .analysis import ParsedQuery

# Facets every backend computes, in the order pages show them.
FACETS = ("organization", "agency_type", "topic", "format", "licence", "tag", "frequency")

# Sort orders every backend implements. "relevance" with an empty query falls back to "modified".
SORTS = ("relevance", "modified", "newest", "title")

PUBLIC_LABEL = "public"


@dataclass(frozen=True)
class SearchDocument:
    """One listed dataset as the index holds it. Built by :func:`opendata.search.documents.document_for`."""

    id: str
    slug: str
    title: str  # Vietnamese title (plus the English one, if any, after a newline)
    description: str  # plain text, Markdown removed
    tags: tuple[str, ...]
    resources: tuple[str, ...]  # names and descriptions of the files the public may see
    labels: tuple[str, ...]  # "public", or "org:<organization id>" for drafts and private datasets
    organization: str  # facet values: slugs, ids and codes, never display labels
    agency_type: str
    topics: tuple[str, ...]
    formats: tuple[str, ...]  # upper case, e.g. "CSV"
    licence: str  # licence id, "" when none
    frequency: str  # EU frequency code, "" when none
    created: datetime
    modified: datetime  # metadata_modified
    title_key: str  # opendata.vietnamese.collation_key(title)

    def facet_values(self, facet: str) -> tuple[str, ...]:
        value = {
            "organization": self.organization,
            "agency_type": self.agency_type,
            "topic": self.topics,
            "format": self.formats,
            "licence": self.licence,
            "tag": self.tags,
            "frequency": self.frequency,
        }[facet]
        if isinstance(value, tuple):
            return value
        return (value,) if value else ()


@dataclass(frozen=True)
class SearchQuery:
    """A search as the backend runs it.

    ``filters`` are (facet, value) pairs, all of which must hold (values of the
    same facet too, as CKAN's ``fq`` does). ``labels`` are the viewer's
    permission labels; ``None`` means every document (sysadmins).
    """

    parsed: ParsedQuery
    labels: frozenset[str] | None
    filters: tuple[tuple[str, str], ...] = ()
    sort: str = "relevance"
    offset: int = 0
    limit: int = 20
    facets: tuple[str, ...] = FACETS
    facet_limit: int = 50
    suggest: bool = True


@dataclass
class SearchResult:
    """``ids`` of the page in order; ``facets`` maps a facet to (value, count) pairs, most first."""

    ids: list[str]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None  # the whole corrected query, when a word is not in the public vocabulary


Progress = Callable[[int], None]


class SearchBackend(abc.ABC):
    """The interface the portal uses; one instance per application."""

    name: str

    @abc.abstractmethod
    def search(self, query: SearchQuery) -> SearchResult:
        """Run ``query``. Never raises on user text: the parsed query holds only plain words."""

    @abc.abstractmethod
    def update(self, documents: Sequence[SearchDocument], delete: Sequence[str] = ()) -> None:
        """Add or replace ``documents`` and remove the ids in ``delete``, in one step."""

    @abc.abstractmethod
    def rebuild(self, documents: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        """Build a complete new index from ``documents`` while searches keep using the old one.

        Swap only when the new index is complete; return the number of documents.
        ``progress(n)`` is called with the number of documents just added.
        """

    @abc.abstractmethod
    def document_ids(self) -> set[str]:
        """Ids of every document in the index (for checks and tests)."""

    @abc.abstractmethod
    def count(self) -> int:
        """How many documents the index holds (cheap: used on every start)."""

    def close(self) -> None:
        """Release open files and connections."""
