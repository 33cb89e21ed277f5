"""The public DCAT-AP catalogue: which datasets, in which pages, as graphs.

The DCAT output is the portal's public record for harvesters (the National
Data Portal), so it is always built as an anonymous visitor sees the portal,
whoever asks: drafts, private datasets and withheld files never appear, and
the answer can be cached and shared (``Access-Control-Allow-Origin: *``).
One request reads one page of datasets (100 by default, at most 1000).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Sequence
from urllib.parse import urlencode

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from ..auth import can, is_listed, listed_datasets
from ..catalogue import default_licence
from ..extensions import db
from ..i18n import lazy_gettext as _l
from ..models import Dataset, DatasetState
from . import nodes
from .vocab import DCAT, HYDRA

ANONYMOUS = None  # the DCAT output never depends on the session
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000


class InvalidParameter(ValueError):
    """A query parameter the caller must fix (HTTP 400); ``message`` says how."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


class DatasetNotFound(LookupError):
    """No dataset of that name is public (HTTP 404)."""


class DatasetWithdrawn(LookupError):
    """The dataset was public and has been withdrawn (HTTP 410)."""


def parse_modified_since(value: str | None) -> datetime | None:
    """``2025-01-31`` (start of that day, UTC) or an ISO 8601 date-time; a time without zone is UTC."""
    if value is None or not value.strip():
        return None
    # An unencoded "+07:00" in a query string arrives as " 07:00".
    text = re.sub(r"(T[\d:.]+) (\d{2}:?\d{2})$", r"\1+\2", value.strip())
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time(), tzinfo=timezone.utc)
        parsed = datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        raise InvalidParameter(
            _l("modified_since must be an ISO 8601 date or date and time, such as 2025-01-31 or "
               "2025-01-31T08:00:00Z; “%(value)s” is not one.", value=text[:100])
        ) from None
    # UTC throughout: SQLite compares the stored text, so every bound value must be UTC too.
    return parsed.astimezone(timezone.utc) if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _positive(name: str, value: str | None, default: int, maximum: int):
    if value is None or value == "":
        return default
    if not value.isdigit() or not 1 <= int(value) <= maximum:
        raise InvalidParameter(
            _l("%(name)s must be a whole number from 1 to %(maximum)s.", name=name, maximum=maximum)
        )
    return int(value)


def parse_paging(page: str | None, page_size: str | None) -> tuple[int, int]:
    return (
        _positive("page", page, 1, 1_000_000),
        _positive("page_size", page_size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    )


@dataclass(frozen=True)
class CataloguePage:
    datasets: Sequence[Dataset]
    number: int
    size: int
    total: int
    modified_since: datetime | None
    last_modified: datetime | None  # newest change among all listed datasets

    @property
    def last(self) -> int:
        return max(1, math.ceil(self.total / self.size))


_LOADS = (
    selectinload(Dataset.organization),
    selectinload(Dataset.licence),
    selectinload(Dataset.tags),
    selectinload(Dataset.topics),
    selectinload(Dataset.resources),
)


def _condition(modified_since: datetime | None):
    condition = listed_datasets(ANONYMOUS)
    if modified_since is not None:
        condition = condition & or_(
            Dataset.metadata_modified >= modified_since, Dataset.modified >= modified_since
        )
    return condition


def catalogue_page(number: int, size: int, modified_since: datetime | None = None) -> CataloguePage:
    """One page of the public datasets, oldest first (new datasets land on the last page)."""
    condition = _condition(modified_since)
    total = db.session.scalar(select(func.count(Dataset.id)).where(condition))
    last = max(1, math.ceil(total / size))
    if number > last:
        raise InvalidParameter(
            _l("There is no page %(page)s; the last page is %(last)s.", page=number, last=last)
        )
    datasets = db.session.scalars(
        select(Dataset)
        .where(condition)
        .options(*_LOADS)
        .order_by(Dataset.created, Dataset.id)
        .offset((number - 1) * size)
        .limit(size)
    ).all()
    last_modified = db.session.scalar(select(func.max(Dataset.metadata_modified)).where(_condition(None)))
    return CataloguePage(datasets, number, size, total, modified_since, last_modified)


def public_dataset(slug: str) -> Dataset:
    """The dataset named ``slug`` (or with that id) as anonymous visitors may list it."""
    item = db.session.scalar(
        select(Dataset).where(or_(Dataset.slug == slug, Dataset.id == slug)).options(*_LOADS)
    )
    if item is None or not can(ANONYMOUS, "dataset.read", item):
        raise DatasetNotFound(slug)
    if not is_listed(ANONYMOUS, item):
        raise DatasetWithdrawn(slug) if item.state is DatasetState.WITHDRAWN else DatasetNotFound(slug)
    return item


def _public_resources(item: Dataset):
    return [resource for resource in item.resources if can(ANONYMOUS, "resource.read", resource)]


def dataset_graph(site: nodes.Site, item: Dataset) -> Graph:
    graph = nodes.new_graph()
    nodes.dataset(graph, site, item, _public_resources(item), default_licence())
    return graph


def _page_url(site: nodes.Site, path: str, page: CataloguePage, number: int) -> URIRef:
    args = {}
    if page.modified_since is not None:
        args["modified_since"] = page.modified_since.isoformat().replace("+00:00", "Z")
    if page.size != DEFAULT_PAGE_SIZE:
        args["page_size"] = page.size
    args["page"] = number
    return site.uri(f"{path}?{urlencode(args)}")


def catalogue_graph(site: nodes.Site, page: CataloguePage, path: str = "/catalog") -> Graph:
    """The dcat:Catalog with this page's datasets and a Hydra view linking the other pages."""
    graph = nodes.new_graph()
    catalog = nodes.catalog(graph, site, page.last_modified)
    licence = default_licence()
    for item in page.datasets:
        graph.add((catalog, DCAT.dataset, nodes.dataset(graph, site, item, _public_resources(item), licence)))
    view = _page_url(site, path, page, page.number)
    graph.add((catalog, HYDRA.view, view))
    graph.add((view, RDF.type, HYDRA.PartialCollectionView))
    graph.add((view, HYDRA.totalItems, Literal(page.total, datatype=XSD.nonNegativeInteger)))
    graph.add((view, HYDRA.itemsPerPage, Literal(page.size, datatype=XSD.nonNegativeInteger)))
    graph.add((view, HYDRA.first, _page_url(site, path, page, 1)))
    graph.add((view, HYDRA.last, _page_url(site, path, page, page.last)))
    if page.number > 1:
        graph.add((view, HYDRA.previous, _page_url(site, path, page, page.number - 1)))
    if page.number < page.last:
        graph.add((view, HYDRA.next, _page_url(site, path, page, page.number + 1)))
    return graph
