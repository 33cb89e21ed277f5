"""The Atom feed (RFC 4287) of recently changed datasets, for feed readers and harvesters."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Sequence
from xml.etree import ElementTree as ET

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..auth import listed_datasets
from ..extensions import db
from ..i18n import localized
from ..models import Dataset, utcnow
from ..text import plain_excerpt
from ..urls import absolute_url
from .common import PUBLIC, w3c_datetime, xml_text

FEED_SIZE = 50
SUMMARY_LENGTH = 1000
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    link: str
    updated: datetime
    summary: str
    author: str
    author_uri: str
    categories: tuple[tuple[str, str], ...]  # (term, label): topic slug and name


def recent_entries(limit: int = FEED_SIZE) -> list[FeedEntry]:
    """The ``limit`` listed datasets whose metadata changed last, newest first.

    Entry ids are ``urn:uuid:<dataset id>``: they survive a change of slug or
    domain, so a reader sees an edit as the same entry updated.
    """
    datasets = db.session.scalars(
        select(Dataset)
        .where(listed_datasets(PUBLIC))
        .options(selectinload(Dataset.organization), selectinload(Dataset.topics))
        .order_by(Dataset.metadata_modified.desc(), Dataset.id)
        .limit(limit)
    ).all()
    return [
        FeedEntry(
            id=f"urn:uuid:{dataset.id}",
            title=localized(dataset, "title"),
            link=absolute_url("datasets.show", slug=dataset.slug),
            updated=dataset.metadata_modified,
            summary=plain_excerpt(localized(dataset, "description"), SUMMARY_LENGTH),
            author=localized(dataset.organization, "name"),
            author_uri=absolute_url("organizations.show", slug=dataset.organization.slug),
            categories=tuple((topic.slug, localized(topic, "name")) for topic in dataset.topics),
        )
        for dataset in datasets
    ]


def _child(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def atom_xml(
    entries: Sequence[FeedEntry], *, feed_id: str, title: str, self_url: str, alternate_url: str,
    site_name: str, site_url: str, language: str,
) -> bytes:
    """The feed document; ``updated`` is its newest entry's (now, for an empty catalogue)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language})
    _child(feed, "id", feed_id)
    _child(feed, "title", title)
    _child(feed, "updated", w3c_datetime(max((e.updated for e in entries), default=utcnow())))
    _child(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _child(feed, "link", rel="alternate", type="text/html", href=alternate_url)
    author = _child(feed, "author")
    _child(author, "name", site_name)
    _child(author, "uri", site_url)
    _child(feed, "generator", site_name)
    for entry in entries:
        item = _child(feed, "entry")
        _child(item, "id", entry.id)
        _child(item, "title", entry.title, type="text")
        _child(item, "link", rel="alternate", type="text/html", href=entry.link)
        _child(item, "updated", w3c_datetime(entry.updated))
        entry_author = _child(item, "author")
        _child(entry_author, "name", entry.author)
        _child(entry_author, "uri", entry.author_uri)
        for term, label in entry.categories:
            _child(item, "category", term=term, label=label)
        if entry.summary:
            _child(item, "summary", entry.summary, type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
