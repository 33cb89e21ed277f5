"""Turning the demo definitions into rows and stored files, inside the caller's transaction.

Ids are UUID 5 derived from slugs and every random choice comes from a
``random.Random`` seeded with a fixed string, so two loads on fresh
databases give the same ids, slugs, timestamps and file bytes (storage keys
differ: the storage picks them).
"""
from __future__ import annotations

import hashlib
import random
import uuid
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable, Iterable

import click
from sqlalchemy import select

from ..models import Activity, AgencyType, Dataset, DatasetState, Organization, Resource, ResourceKind, Tag, Topic
from .agencies import AGENCY_TYPES, IDENTIFIER_CODES, ORGANIZATIONS, phone
from .datasets import QUALITY, DatasetSpec, all_specs, describe, describe_en, legal_basis
from .files import RowCounter, csv_chunks, geojson_chunks, json_chunks, point_features, xlsx_chunks
from .pdf import pdf_document
from .report import pdf_blocks
from .slugs import slugify
from .topics import TOPICS

NAMESPACE = uuid.UUID("5b0e7c1e-3f0a-4d5e-9a55-6f70656e6461")  # fixed: demo ids are stable
START = datetime(2024, 1, 8, 2, 0, tzinfo=timezone.utc)
END = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)

MEDIA_TYPES = {
    "CSV": "text/csv", "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "JSON": "application/json", "GEOJSON": "application/geo+json", "PDF": "application/pdf",
}
EXTENSIONS = {"CSV": "csv", "XLSX": "xlsx", "JSON": "json", "GEOJSON": "geojson", "PDF": "pdf"}


class DemoError(click.ClickException):
    """The demo cannot be loaded (e.g. it is already there).

    A ClickException so ``flask opendata demo`` prints a one-line error and
    exits with status 1 instead of a traceback; still a plain Exception to callers.
    """


@dataclass
class Summary:
    agency_types: int = 0
    organizations: int = 0
    topics: int = 0
    tags: int = 0
    datasets: int = 0
    resources: int = 0
    files: int = 0
    bytes: int = 0

    def line(self) -> str:
        return ", ".join(f"{f.name.replace('_', ' ')}: {getattr(self, f.name)}" for f in fields(self))


def stable_id(kind: str, slug: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{slug}"))


class Builder:
    """Adds the demo to ``session`` and stores its files; ``saved_keys`` lists what to delete on failure."""

    def __init__(self, session, storage, echo: Callable[[str], object]):
        self.session = session
        self.storage = storage
        self.echo = echo
        self.saved_keys: list[str] = []
        self.summary = Summary()
        self.orgs: dict[str, Organization] = {}
        self.topics: dict[str, Topic] = {}
        self.tags: dict[str, Tag] = {}

    def run(self) -> Summary:
        specs = all_specs()
        self.refuse_conflicts(specs)
        types = self._agency_types()
        self._organizations(types)
        self._topics()
        self._datasets(specs)
        self.session.flush()
        return self.summary

    # -- reference data ------------------------------------------------------

    def refuse_conflicts(self, specs: list[DatasetSpec] | None = None) -> None:
        """Raise :class:`DemoError` when demo agencies or datasets already exist."""
        specs = all_specs() if specs is None else specs
        slugs = [slugify(s.title) for s in specs]
        if len(set(slugs)) != len(slugs):
            raise DemoError("two demo datasets share a slug")
        taken = self.session.scalars(select(Dataset.slug).where(Dataset.slug.in_(slugs))).first()
        taken = taken or self.session.scalars(
            select(Organization.slug).where(Organization.slug.in_([o["slug"] for o in ORGANIZATIONS]))).first()
        if taken:
            raise DemoError(f"the demo catalogue is already loaded ({taken!r} exists); use --if-empty to skip quietly")

    def _agency_types(self) -> dict[str, AgencyType]:
        existing = {t.slug: t for t in self.session.scalars(select(AgencyType))}
        out = {}
        for position, (slug, name, name_en) in enumerate(AGENCY_TYPES):
            agency_type = existing.get(slug)
            if agency_type is None:
                agency_type = AgencyType(slug=slug, name=name, name_en=name_en, position=position * 10)
                self.session.add(agency_type)
                self.summary.agency_types += 1
            out[slug] = agency_type
        return out

    def _organizations(self, types: dict[str, AgencyType]) -> None:
        for index, entry in enumerate(ORGANIZATIONS):
            data = {k: v for k, v in entry.items() if k not in ("type", "parent")}
            created = START + timedelta(hours=index)
            org = Organization(id=stable_id("organization", entry["slug"]), agency_type=types[entry["type"]],
                               parent=self.orgs.get(entry["parent"]) if entry["parent"] else None,
                               phone=phone(index), focal_phone=phone(index + 40), created=created, modified=created, **data)
            self.session.add(org)
            self.orgs[org.slug] = org
            self.summary.organizations += 1

    def _topics(self) -> None:
        existing = {t.slug: t for t in self.session.scalars(select(Topic))}
        for position, (slug, name, name_en, theme, text, text_en) in enumerate(TOPICS):
            topic = existing.get(slug)
            if topic is None:
                topic = Topic(id=stable_id("topic", slug), slug=slug, name=name, name_en=name_en, eu_theme=theme,
                              description=text, description_en=text_en, position=position * 10)
                self.session.add(topic)
                self.summary.topics += 1
            self.topics[slug] = topic

    def _tag(self, name: str) -> Tag:
        if name not in self.tags:
            tag = self.session.scalars(select(Tag).where(Tag.name == name)).first()
            if tag is None:
                tag = Tag(name=name)
                self.session.add(tag)
                self.summary.tags += 1
            self.tags[name] = tag
        return self.tags[name]

    # -- datasets --------------------------------------------------------------

    def _datasets(self, specs: list[DatasetSpec]) -> None:
        by_org: dict[str, list[DatasetSpec]] = {}
        for spec in specs:
            if spec.org not in self.orgs:
                raise DemoError(f"dataset {spec.title!r} names unknown agency {spec.org!r}")
            by_org.setdefault(spec.org, []).append(spec)
        ranks = _popularity_ranks([slugify(s.title) for s in specs])
        total = len(specs)
        done = 0
        for org_slug, org_specs in by_org.items():
            org = self.orgs[org_slug]
            stored_before = self.summary.files
            for sequence, spec in enumerate(org_specs, start=1):
                self._dataset(spec, org, sequence, ranks)
            done += len(org_specs)
            self.echo(f"  [{done:>2}/{total}] {org.name}: {len(org_specs)} bộ dữ liệu, "
                      f"{self.summary.files - stored_before} tệp")

    def _dataset(self, spec: DatasetSpec, org: Organization, sequence: int, ranks: dict[str, int]) -> None:
        slug = slugify(spec.title)
        created, modified, metadata_modified = _timeline(slug, spec.temporal[1])
        dataset_id = stable_id("dataset", slug)
        resources, rows = self._resources(spec, slug, dataset_id, created, modified)
        published = spec.state is DatasetState.PUBLISHED
        dataset = Dataset(
            id=dataset_id, slug=slug, identifier=f"AG-{IDENTIFIER_CODES[org.slug]}-{created.year}-{sequence:04d}",
            title=spec.title, title_en=spec.title_en,
            description=describe(spec, org.name, org.abbreviation or org.name, rows),
            description_en=describe_en(spec, org.name_en or org.name, rows),
            organization=org, licence_id=spec.licence, spatial=spec.spatial,
            temporal_start=spec.temporal[0], temporal_end=spec.temporal[1], frequency=spec.frequency,
            issued=created.date(), modified=modified, language="vi",
            contact_name=org.focal_name, contact_email=org.focal_email, contact_phone=org.focal_phone,
            quality_notes=spec.quality or QUALITY.get(spec.method, QUALITY["admin"]), version=spec.version,
            legal_basis=legal_basis(created.date()), state=spec.state, withdrawn_reason=spec.withdrawn_reason,
            private=spec.private, extras=dict(spec.extras),
            view_count=_views(ranks[slug]) if published and not spec.private else 0,
            created=created, metadata_modified=metadata_modified,
            tags=[self._tag(name) for name in spec.tags], topics=[self.topics[t] for t in spec.topics],
            resources=resources,
        )
        self.session.add(dataset)
        self.session.add(Activity(
            id=stable_id("activity", slug), timestamp=created, action="dataset.created", object_type="dataset",
            object_id=dataset_id, dataset_id=dataset_id, organization_id=org.id,
            summary=f"Tạo bộ dữ liệu “{spec.title}”"[:500], changes={},
        ))
        self.summary.datasets += 1

    def _resources(self, spec: DatasetSpec, slug: str, dataset_id: str, created: datetime,
                   modified: datetime) -> tuple[list[Resource], int]:
        table = spec.table
        counter = RowCounter()
        out = []
        for fmt in spec.formats:
            seed = random.Random(f"rows:{slug}")
            name, description = table.name, ""
            if fmt == "CSV":
                chunks: Iterable[bytes] = csv_chunks(table, seed, counter)
                description = "Bảng dữ liệu đầy đủ: UTF-8 có BOM, phân cách bằng dấu phẩy, dòng đầu là tên cột."
            elif fmt == "XLSX":
                chunks = xlsx_chunks(table, seed, spec.title)
                description = "Bảng tính Excel: trang “Dữ liệu” chứa số liệu, trang “Giải thích” mô tả từng cột."
            elif fmt == "JSON":
                meta = {"tieu_de": spec.title, "ky_du_lieu": [spec.temporal[0].isoformat(), spec.temporal[1].isoformat()]}
                chunks = json_chunks(table, seed, meta if spec.json_meta else None)
                description = ("Đối tượng JSON gồm thông tin mô tả, danh sách trường và mảng bản ghi “du_lieu”." if spec.json_meta
                               else "Mảng bản ghi JSON (UTF-8); tên trường viết không dấu, kiểu số giữ nguyên.")
            elif fmt == "GEOJSON":
                features = spec.features(table, seed) if spec.features else point_features(table, seed)
                chunks = geojson_chunks(table.name, features)
                name = f"Bản đồ: {table.name}"
                description = "Lớp bản đồ GeoJSON (WGS 84, kinh độ trước vĩ độ); mở được bằng QGIS hoặc xem trực tiếp trên cổng."
            elif fmt == "PDF":
                blocks = pdf_blocks(spec, self.orgs[spec.org].name, legal_basis(created.date()), seed)
                chunks = [pdf_document(spec.title, blocks, footer=f"{self.orgs[spec.org].name} - {spec.title}",
                                       date_stamp=modified.strftime("%Y%m%d%H%M%S"))]
                name = f"{table.name} (bản in)"
                description = ("Bản in PDF tóm tắt. Chữ được viết không dấu vì tệp dùng phông chuẩn của PDF, "
                               "không nhúng phông tiếng Việt; số liệu đầy đủ xem ở tệp bảng tính.")
            else:
                raise DemoError(f"unknown demo format {fmt!r}")
            stored = self.storage.save(chunks)
            self.saved_keys.append(stored.key)
            filename = f"{name.removeprefix('Bản đồ: ')}.{EXTENSIONS[fmt]}"
            out.append(Resource(
                id=stable_id("resource", f"{slug}/{fmt}"), position=len(out), name=f"{name} ({fmt})",
                description=description, kind=ResourceKind.FILE, storage_key=stored.key, filename=filename,
                format=fmt, media_type=MEDIA_TYPES[fmt], size=stored.size, sha256=stored.sha256,
                download_count=0, created=created, modified=modified,
            ))
            self.summary.files += 1
            self.summary.bytes += stored.size
        for link in spec.links:
            out.append(Resource(
                id=stable_id("resource", f"{slug}/{link.url}"), position=len(out), name=link.name,
                description=link.description, kind=ResourceKind(link.kind), url=link.url, format=link.format,
                created=created, modified=modified,
            ))
        if not 1 <= len(out) <= 3:
            raise DemoError(f"dataset {spec.title!r} has {len(out)} resources; the demo keeps 1 to 3")
        self.summary.resources += len(out)
        rows = counter.rows if "CSV" in spec.formats else sum(1 for _ in table.rows(random.Random(f"rows:{slug}")))
        return out, rows


def _timeline(slug: str, temporal_end: date) -> tuple[datetime, datetime, datetime]:
    """(created, data modified, metadata modified), all between START and END, in that order."""
    rng = random.Random(f"time:{slug}")
    period_end = datetime.combine(min(temporal_end, END.date()), time(8, 0), tzinfo=timezone.utc)
    ready = min(max(period_end + timedelta(days=rng.randint(8, 40)), START + timedelta(days=30)), END - timedelta(days=2))
    modified = ready + (END - ready) * rng.uniform(0, 0.3)
    modified = modified.replace(microsecond=0)
    metadata_modified = min(modified + timedelta(hours=rng.randint(1, 72)), END)
    created = (START + (modified - START) * rng.uniform(0.05, 0.95)).replace(microsecond=0)
    return created, modified, metadata_modified


def _popularity_ranks(slugs: list[str]) -> dict[str, int]:
    ordered = sorted(slugs, key=lambda s: hashlib.sha256(s.encode()).hexdigest())
    return {slug: rank for rank, slug in enumerate(ordered, start=1)}


def _views(rank: int) -> int:
    """Zipf-like: the most viewed dataset has ~12 000 views, the 60th a few hundred."""
    return int(12000 / rank ** 0.85) + (rank * 37) % 23
