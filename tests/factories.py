"""Small builders for test data; each returns a committed object."""
from __future__ import annotations

import itertools
from datetime import date

from opendata.extensions import db
from opendata.models import AgencyType, Dataset, DatasetState, Organization, Resource, ResourceKind, Tag, Topic
from opendata.storage import get_storage

_seq = itertools.count(1)


def agency_type(slug="so-ban-nganh", name="Sở, ban, ngành") -> AgencyType:
    existing = db.session.scalar(db.select(AgencyType).where(AgencyType.slug == slug))
    if existing:
        return existing
    obj = AgencyType(slug=slug, name=name, name_en="Provincial department")
    db.session.add(obj)
    db.session.commit()
    return obj


def organization(name="Sở Tài chính", slug=None, **fields) -> Organization:
    n = next(_seq)
    org = Organization(slug=slug or f"org-{n}", name=name, agency_type=fields.pop("agency_type", None) or agency_type(), **fields)
    db.session.add(org)
    db.session.commit()
    return org


def topic(name="Kinh tế", slug=None, **fields) -> Topic:
    n = next(_seq)
    obj = Topic(slug=slug or f"topic-{n}", name=name, position=n, **fields)
    db.session.add(obj)
    db.session.commit()
    return obj


def dataset(org=None, title="Danh sách trường học", slug=None, state=DatasetState.PUBLISHED, private=False,
            resources=(), tags=(), topics=(), **fields) -> Dataset:
    n = next(_seq)
    org = org or organization()
    obj = Dataset(
        slug=slug or f"dataset-{n}", identifier=f"TEST-{n:05d}", title=title, organization=org,
        state=state, private=private, issued=fields.pop("issued", date(2025, 1, 1)), **fields,
    )
    db.session.add(obj)
    with db.session.no_autoflush:
        for name in tags:
            obj.tags.append(db.session.scalar(db.select(Tag).where(Tag.name == name)) or Tag(name=name))
    obj.topics.extend(topics)
    for position, spec in enumerate(resources):
        obj.resources.append(resource_for(spec, position))
    db.session.commit()
    return obj


def resource_for(spec, position: int = 0) -> Resource:
    """``spec`` is (filename, bytes) for a stored file or a dict of Resource fields."""
    if isinstance(spec, dict):
        return Resource(position=position, **spec)
    filename, content = spec
    stored = get_storage().save([content])
    fmt = filename.rsplit(".", 1)[-1].upper()
    return Resource(
        position=position, name=filename.rsplit(".", 1)[0], kind=ResourceKind.FILE, filename=filename,
        format=fmt, media_type={"CSV": "text/csv", "PDF": "application/pdf"}.get(fmt, "application/octet-stream"),
        storage_key=stored.key, size=stored.size, sha256=stored.sha256,
    )
