"""A synthetic An Giang catalogue of any size, generated deterministically and bulk-inserted.

Rows go straight into the portal's tables with SQLAlchemy Core (no ORM, no
session events), a batch at a time, so 100,000 datasets load in bounded memory.
Each batch has its own seeded random generator, so the first 20,000 datasets of
a 100,000 catalogue are the 20,000 catalogue: the sizes are comparable.
"""
from __future__ import annotations

import bisect
import itertools
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Iterator, Sequence

from opendata.demo.agencies import AGENCY_TYPES, ORGANIZATIONS
from opendata.demo.places import PLACES
from opendata.demo.topics import TOPICS
from opendata.models import (
    AgencyType, Dataset, DatasetState, Organization, Resource, ResourceKind, Tag, Topic, dataset_tag, dataset_topic,
)
from opendata.vietnamese import slugify

from . import vocabulary as v

NAMESPACE = uuid.UUID("0b7c8f1e-5a43-4c55-9e0d-62656e636821")
BATCH = 2000  # datasets per generated batch; fixed, so every size shares its prefix
EPOCH = datetime(2016, 1, 1, 1, 0, tzinfo=timezone.utc)
LATEST = datetime(2026, 10, 31, 10, 0, tzinfo=timezone.utc)  # before any plausible run: nothing "changes" mid-reindex


def stable_id(kind: str, key: object) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


class Zipf:
    """Picks items with weight 1/rank**s (or explicit weights): a few are common, most are rare."""

    def __init__(self, items: Sequence, s: float = 1.0, weights: Sequence[float] | None = None):
        self.items = list(items)
        weights = weights or [1 / (rank ** s) for rank in range(1, len(self.items) + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def pick(self, rng: random.Random):
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]

    def sample(self, rng: random.Random, count: int) -> list:
        """``count`` distinct items (fewer if the list is shorter)."""
        count = min(count, len(self.items))
        chosen: list = []
        while len(chosen) < count:
            item = self.pick(rng)
            if item not in chosen:
                chosen.append(item)
        return chosen


@dataclass
class Reference:
    """Agencies, topics and tags the datasets point at, with their ids."""

    agency_types: list[dict] = field(default_factory=list)
    organizations: list[dict] = field(default_factory=list)
    topics: list[dict] = field(default_factory=list)
    tags: list[dict] = field(default_factory=list)

    def org(self, slug: str) -> dict:
        return self._orgs[slug]

    def tag_id(self, name: str) -> int:
        return self._tags[name]

    def index(self) -> None:
        self._orgs = {o["slug"]: o for o in self.organizations}
        self._tags = {t["name"]: t["id"] for t in self.tags}


def reference_rows() -> Reference:
    ref = Reference()
    now = EPOCH
    for position, (slug, name, name_en) in enumerate(AGENCY_TYPES, start=1):
        ref.agency_types.append({"id": position, "slug": slug, "name": name, "name_en": name_en, "position": position})
    type_ids = {t["slug"]: t["id"] for t in ref.agency_types}
    entries = [dict(e) for e in ORGANIZATIONS]
    known = {e["slug"] for e in entries}
    for place in PLACES:  # every commune and ward has its own People's Committee
        slug = f"ubnd-{slugify(place.in_text)}"
        if slug not in known:
            entries.append({"slug": slug, "type": "ubnd-cap-xa", "parent": None, "name": f"UBND {place.in_text}",
                            "name_en": None, "abbreviation": None, "description": f"Chính quyền {place.in_text}."})
    for entry in entries:
        ref.organizations.append({
            "id": stable_id("organization", entry["slug"]), "slug": entry["slug"], "name": entry["name"],
            "name_en": entry.get("name_en"), "abbreviation": entry.get("abbreviation"),
            "description": entry.get("description") or "", "agency_type_id": type_ids[entry["type"]],
            "parent_id": None, "created": now, "modified": now,
        })
    for position, (slug, name, name_en, theme, text, text_en) in enumerate(TOPICS):
        ref.topics.append({"id": stable_id("topic", slug), "slug": slug, "name": name, "name_en": name_en,
                           "description": text, "description_en": text_en, "eu_theme": theme, "position": position})
    names = dict.fromkeys(itertools.chain(
        (tag for _, _, tags in v.SUBJECTS.values() for tag in tags), v.GENERAL_TAGS, (p.name for p in PLACES)))
    ref.tags = [{"id": n, "name": name} for n, name in enumerate(names, start=1)]
    ref.index()
    return ref


@dataclass
class Batch:
    datasets: list[dict]
    resources: list[dict]
    tags: list[dict]
    topics: list[dict]


class Generator:
    """Datasets ``start`` to ``stop`` of the catalogue seeded with ``seed``."""

    def __init__(self, reference: Reference, seed: str = "opendata-bench"):
        self.ref = reference
        self.seed = seed
        self.topics = Zipf(v.TOPIC_ORDER, s=0.7)
        self.subjects = {t: Zipf(subjects, s=0.9) for t, (_, subjects, _) in v.SUBJECTS.items()}
        self.topic_tags = {t: Zipf(tags, s=0.8) for t, (_, _, tags) in v.SUBJECTS.items()}
        self.general_tags = Zipf(v.GENERAL_TAGS)
        self.kinds = Zipf(v.KINDS, s=0.8)
        by_size = sorted(PLACES, key=lambda p: -p.population)
        self.places = Zipf(by_size, s=0.6)
        self.districts = Zipf(v.FORMER_DISTRICTS, s=0.5)
        self.periods = Zipf(v.PERIOD_FORMS, s=1.1)
        self.years = Zipf(range(2025, 2014, -1), s=0.7)
        self.formats = Zipf(list(v.FORMATS), weights=[w for w, _, _ in v.FORMATS.values()])
        self.licences = Zipf(list(v.LICENCES), weights=list(v.LICENCES.values()))
        self.sources = Zipf(v.SOURCES, s=0.7)
        self.verbs = Zipf(("tổng hợp từ", "cung cấp, dựa trên", "công bố theo", "thu thập qua", "cập nhật từ"))
        self.updated = Zipf(("Dữ liệu được cập nhật", "Số liệu được cập nhật", "Cập nhật", "Bảng được bổ sung"))
        self.topic_ids = {t["slug"]: t["id"] for t in reference.topics}
        self.slugs: set[str] = set()

    def batches(self, size: int) -> Iterator[Batch]:
        for start in range(0, size, BATCH):
            rng = random.Random(f"{self.seed}:{start // BATCH}")
            batch = Batch([], [], [], [])
            for number in range(start, min(start + BATCH, size)):
                self._dataset(rng, number, batch)
            yield batch

    def _dataset(self, rng: random.Random, number: int, batch: Batch) -> None:
        topic = self.topics.pick(rng)
        agencies, _, _ = v.SUBJECTS[topic]
        subject = self.subjects[topic].pick(rng)
        kind = self.kinds.pick(rng)
        commune = self.places.pick(rng)
        if rng.random() < 0.25:  # a commune's People's Committee publishes about itself
            org = self.ref.org(f"ubnd-{slugify(commune.in_text)}")
            place = commune.in_text
        else:
            org = self.ref.org(agencies[0] if rng.random() < 0.7 else rng.choice(agencies))
            r = rng.random()
            place = ("tỉnh An Giang" if r < 0.35 else "trên địa bàn tỉnh" if r < 0.45 else commune.in_text if r < 0.75
                     else self.districts.pick(rng) if r < 0.95 else "")
        year = self.years.pick(rng)
        form, frequency = self.periods.pick(rng)
        if "lúa" in subject and rng.random() < 0.6:
            form, frequency = f"{rng.choice(v.SEASONS)} {{y}}", "ANNUAL"
        period = form.format(y=year, y0=year - 4, q=rng.choice("I II III IV".split()), m=rng.randint(1, 12),
                             w=rng.randint(1, 52))
        title = " ".join(filter(None, (kind, subject, place, period)))
        slug = base = slugify(title, 90)
        suffix = 2
        while slug in self.slugs:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        self.slugs.add(slug)

        created = min(datetime(year + 1, 1, 1, 1, 0, tzinfo=timezone.utc) + timedelta(days=rng.randint(5, 300)),
                      LATEST - timedelta(days=rng.randint(1, 400)))
        created = max(created, EPOCH) + timedelta(seconds=rng.randint(0, 86_000))
        modified = created + (LATEST - created) * rng.random() ** 3
        r = rng.random()
        state = (DatasetState.DRAFT if r < 0.03 else DatasetState.WITHDRAWN if r < 0.04 else DatasetState.PUBLISHED)
        private = state is DatasetState.PUBLISHED and rng.random() < 0.015
        dataset_id = stable_id("dataset", number)

        batch.datasets.append({
            "id": dataset_id, "slug": slug, "identifier": f"AG-BENCH-{year}-{number:07d}", "title": title,
            "title_en": None, "description": self._description(rng, kind, subject, place, period, org, frequency),
            "description_en": "", "organization_id": org["id"], "licence_id": self.licences.pick(rng) or None,
            "spatial": place or "Tỉnh An Giang", "temporal_start": date(year - 4 if "giai đoạn" in form else year, 1, 1),
            "temporal_end": date(year, 12, 31), "frequency": frequency, "issued": created.date(), "modified": modified,
            "language": "vi", "quality_notes": "", "version": "1.0", "state": state,
            "withdrawn_reason": "Số liệu được thay thế bằng bộ mới." if state is DatasetState.WITHDRAWN else None,
            "private": private, "extras": {}, "view_count": int(5000 / (1 + number % 997) ** 0.9),
            "created": created, "metadata_modified": modified, "lock_version": 1,
        })
        topics = [topic] + ([self.topics.pick(rng)] if rng.random() < 0.15 else [])
        for slug_ in dict.fromkeys(topics):
            batch.topics.append({"dataset_id": dataset_id, "topic_id": self.topic_ids[slug_]})
        for name in self._tags(rng, topic, commune):
            batch.tags.append({"dataset_id": dataset_id, "tag_id": self.ref.tag_id(name)})
        self._resources(rng, batch, dataset_id, subject, period, org, created, modified)

    def _description(self, rng, kind, subject, place, period, org, frequency) -> str:
        where = place or "trên địa bàn tỉnh An Giang"
        source = self.sources.pick(rng)
        name = f"**{org['name']}**" if rng.random() < 0.3 else org["name"]
        sentences = [f"{kind} {subject} {where} {period}".strip() + f", do {name} {self.verbs.pick(rng)} {source}."]
        count = rng.choices((1, 2, 3), (25, 40, 35))[0]
        if count >= 2:
            sentences.append(f"{self.updated.pick(rng)} {v.FREQUENCY_VI[frequency]}, phục vụ {rng.choice(v.PURPOSES)}.")
        if count >= 3:
            sentences.append(f"Mỗi dòng gồm {rng.choice(v.FIELDS)}." if rng.random() < 0.6
                             else rng.choice(v.EXTRA_SENTENCES))
        return " ".join(sentences)

    def _tags(self, rng, topic, commune) -> list[str]:
        count = rng.choices((0, 1, 2, 3, 4), (10, 20, 30, 25, 15))[0]
        names = self.topic_tags[topic].sample(rng, count)
        if count and rng.random() < 0.25:
            names[-1] = self.general_tags.pick(rng) if rng.random() < 0.6 else commune.name
        return list(dict.fromkeys(names))

    def _resources(self, rng, batch, dataset_id, subject, period, org, created, modified) -> None:
        count = rng.choices((1, 2, 3), (45, 35, 20))[0]
        formats = self.formats.sample(rng, count)
        label = f"{subject[0].upper()}{subject[1:]} {period}".strip()
        host = org["slug"].replace("-", "")[:20]
        for position, fmt in enumerate(formats):
            _, media_type, kind = v.FORMATS[fmt]
            name = (f"Bản đồ: {label} ({fmt})" if fmt == "GEOJSON" else f"{label} (bản in)" if fmt == "PDF"
                    else f"{label} ({fmt})")
            batch.resources.append({
                "id": stable_id("resource", f"{dataset_id}/{position}"), "dataset_id": dataset_id,
                "position": position, "name": name,
                "description": v.RESOURCE_NOTES[fmt] if rng.random() < 0.6 else "",
                "kind": ResourceKind(kind),
                "url": f"https://{host}.angiang.gov.vn/du-lieu/{dataset_id[:8]}" if kind != "file" else None,
                "storage_key": None, "filename": f"{slugify(label, 60)}.{fmt.lower()}" if kind == "file" else None,
                "format": fmt, "media_type": media_type, "size": rng.randint(2_000, 8_000_000) if kind == "file" else None,
                "sha256": None, "download_count": rng.randint(0, 300), "withheld": rng.random() < 0.005,
                "created": created, "modified": modified,
            })


def load(engine, size: int, seed: str = "opendata-bench", progress: Callable[[int], None] | None = None) -> dict:
    """Insert the reference rows and ``size`` datasets; returns row counts per table."""
    ref = reference_rows()
    counts = {"datasets": 0, "resources": 0, "dataset_tags": 0, "dataset_topics": 0}
    with engine.begin() as connection:
        connection.execute(AgencyType.__table__.insert(), ref.agency_types)
        connection.execute(Organization.__table__.insert(), ref.organizations)
        connection.execute(Topic.__table__.insert(), ref.topics)
        connection.execute(Tag.__table__.insert(), ref.tags)
    generator = Generator(ref, seed)
    for batch in generator.batches(size):
        with engine.begin() as connection:
            connection.execute(Dataset.__table__.insert(), batch.datasets)
            connection.execute(Resource.__table__.insert(), batch.resources)
            if batch.tags:
                connection.execute(dataset_tag.insert(), batch.tags)
            connection.execute(dataset_topic.insert(), batch.topics)
        counts["datasets"] += len(batch.datasets)
        counts["resources"] += len(batch.resources)
        counts["dataset_tags"] += len(batch.tags)
        counts["dataset_topics"] += len(batch.topics)
        if progress:
            progress(len(batch.datasets))
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:  # explicit ids above: move the sequences past them
            for table in ("agency_type", "tag"):
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            connection.exec_driver_sql("ANALYZE")
    return counts
