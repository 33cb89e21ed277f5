"""The public URLs for search engines (sitemaps.org protocol), in bounded memory.

A sitemap holds at most 50,000 URLs; beyond that ``/sitemap.xml`` becomes a
sitemap index pointing to numbered child sitemaps. The fixed pages (home,
lists, agencies, topics, licences, guidance) come first, then every listed
dataset ordered by slug; a child sitemap reads only its own slice of
datasets, streamed from the database in batches.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Iterator
from xml.sax.saxutils import escape

from flask import current_app
from sqlalchemy import func, select

from ..auth import listed_datasets
from ..extensions import db
from ..models import Dataset, Licence, Organization, Topic, dataset_topic
from ..urls import absolute_url
from .common import PUBLIC, w3c_datetime

MAX_URLS = 50_000  # per sitemap file, as the protocol requires
BATCH = 1000  # dataset rows fetched at a time

# Guidance pages (opendata/blueprints/pages.py, api_docs.py); listed when registered.
STATIC_PAGES = ("pages.about", "pages.guide", "pages.terms", "api_docs.docs", "api_docs.guide")

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class SitemapUrl:
    loc: str
    lastmod: datetime | None = None


def _latest_change(*conditions) -> datetime | None:
    return db.session.scalar(
        select(func.max(Dataset.metadata_modified)).where(listed_datasets(PUBLIC), *conditions)
    )


def _later(*values: datetime | None) -> datetime | None:
    present = [value for value in values if value is not None]
    return max(present) if present else None


def fixed_urls() -> list[SitemapUrl]:
    """Home, lists, guidance pages, every agency, topic and licence page (a few hundred at most).

    Lists and agency/topic pages change when one of their listed datasets
    does, so their lastmod is that dataset's change time (never a hidden one's).
    """
    latest = _latest_change()
    urls = [SitemapUrl(absolute_url("home.index"), latest)]
    urls += [
        SitemapUrl(absolute_url(endpoint), latest)
        for endpoint in ("datasets.index", "organizations.index", "topics.index", "licences.index")
    ]
    urls += [SitemapUrl(absolute_url(endpoint)) for endpoint in STATIC_PAGES if endpoint in current_app.view_functions]

    per_org = (
        select(Dataset.organization_id, func.max(Dataset.metadata_modified).label("latest"))
        .where(listed_datasets(PUBLIC))
        .group_by(Dataset.organization_id)
        .subquery()
    )
    for slug, modified, latest_dataset in db.session.execute(
        select(Organization.slug, Organization.modified, per_org.c.latest)
        .outerjoin(per_org, per_org.c.organization_id == Organization.id)
        .order_by(Organization.slug)
    ):
        urls.append(SitemapUrl(absolute_url("organizations.show", slug=slug), _later(modified, latest_dataset)))

    per_topic = (
        select(dataset_topic.c.topic_id, func.max(Dataset.metadata_modified).label("latest"))
        .join(Dataset, Dataset.id == dataset_topic.c.dataset_id)
        .where(listed_datasets(PUBLIC))
        .group_by(dataset_topic.c.topic_id)
        .subquery()
    )
    for slug, latest_dataset in db.session.execute(
        select(Topic.slug, per_topic.c.latest)
        .outerjoin(per_topic, per_topic.c.topic_id == Topic.id)
        .order_by(Topic.position, Topic.slug)
    ):
        urls.append(SitemapUrl(absolute_url("topics.show", slug=slug), latest_dataset))

    for licence_id in db.session.scalars(select(Licence.id).order_by(Licence.position, Licence.id)):
        urls.append(SitemapUrl(absolute_url("licences.show", licence_id=licence_id)))
    return urls


def dataset_count() -> int:
    return db.session.scalar(select(func.count(Dataset.id)).where(listed_datasets(PUBLIC))) or 0


def page_count(fixed: int, max_urls: int = MAX_URLS) -> int:
    """How many sitemap files the URLs fill (at least one, even for an empty catalogue)."""
    return max(1, math.ceil((fixed + dataset_count()) / max_urls))


def _dataset_urls(offset: int, limit: int) -> Iterator[SitemapUrl]:
    """Listed datasets ``offset``..``offset+limit`` by slug, fetched ``BATCH`` rows at a time."""
    last_slug = None
    remaining = limit
    while remaining > 0:
        query = (
            select(Dataset.slug, Dataset.metadata_modified)
            .where(listed_datasets(PUBLIC))
            .order_by(Dataset.slug)
            .limit(min(BATCH, remaining))
        )
        # The first batch skips to the slice; the next ones continue after the last slug seen.
        query = query.offset(offset) if last_slug is None else query.where(Dataset.slug > last_slug)
        rows = db.session.execute(query).all()
        for slug, modified in rows:
            yield SitemapUrl(absolute_url("datasets.show", slug=slug), modified)
        if len(rows) < min(BATCH, remaining):
            return
        remaining -= len(rows)
        last_slug = rows[-1].slug


def sitemap_urls(
    page: int = 1, max_urls: int = MAX_URLS, fixed: list[SitemapUrl] | None = None
) -> Iterator[SitemapUrl]:
    """The URLs of sitemap file ``page`` (1-based): a slice of fixed pages, then of datasets."""
    fixed = fixed_urls() if fixed is None else fixed
    start, end = (page - 1) * max_urls, page * max_urls
    yield from fixed[start:end]
    first_dataset = max(start - len(fixed), 0)
    wanted = end - max(start, len(fixed))
    if wanted > 0:
        yield from _dataset_urls(first_dataset, wanted)


_ENTITIES = {"'": "&apos;", '"': "&quot;"}  # the protocol asks for all five XML entities


def urlset_xml(urls: Iterable[SitemapUrl]) -> Iterator[str]:
    """A ``<urlset>`` document, written as it is read."""
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NAMESPACE}">\n'
    for url in urls:
        lastmod = f"<lastmod>{w3c_datetime(url.lastmod)}</lastmod>" if url.lastmod else ""
        yield f"<url><loc>{escape(url.loc, _ENTITIES)}</loc>{lastmod}</url>\n"
    yield "</urlset>\n"


def sitemap_index_xml(locations: Iterable[str]) -> Iterator[str]:
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{NAMESPACE}">\n'
    for loc in locations:
        yield f"<sitemap><loc>{escape(loc, _ENTITIES)}</loc></sitemap>\n"
    yield "</sitemapindex>\n"
