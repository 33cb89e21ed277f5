"""The demo catalogue loads completely, matches its stored files and is the same on every run."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from datetime import datetime, timezone

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from opendata.demo import DemoError, load_demo
from opendata.extensions import db as _db
from opendata.models import (Activity, AgencyType, Dataset, DatasetState, Licence, Organization, Resource, ResourceKind,
                             Tag, Topic)
from opendata.storage import get_storage
from opendata.vocabularies import FREQUENCIES
from tests.conftest import make_app

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)
EU_THEMES = {"AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN"}
MEDIA_TYPES = {
    "CSV": "text/csv", "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "JSON": "application/json", "GEOJSON": "application/geo+json", "PDF": "application/pdf",
}
EARLIEST = datetime(2024, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(2026, 12, 31, tzinfo=timezone.utc)


def quiet(_line: str) -> None:
    pass


def fingerprint() -> dict[str, tuple]:
    """What must be identical between two loads: per dataset slug, its metadata and file checksums."""
    out = {}
    for dataset in _db.session.scalars(select(Dataset)):
        files = tuple((r.format, r.filename, r.size, r.sha256) for r in dataset.resources)
        out[dataset.slug] = (dataset.identifier, dataset.title, dataset.created, dataset.view_count, files)
    return out


def stored_files(root) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and ".tmp" not in p.parts}


@pytest.fixture(scope="module")
def demo(sqlite_template, tmp_path_factory):
    """The demo loaded once into a private SQLite app; read-only tests share it."""
    instance = tmp_path_factory.mktemp("demo-instance")
    shutil.copy(sqlite_template, instance / "opendata.db")
    application = make_app(instance)
    with application.app_context():
        lines: list[str] = []
        summary = load_demo(echo=lines.append)
        yield {"app": application, "summary": summary, "lines": lines, "storage": get_storage(),
               "fingerprint": fingerprint()}
        _db.session.remove()
        _db.engine.dispose()


@pytest.fixture
def demo_db(demo):
    """A session on the shared demo database for one test."""
    with demo["app"].app_context():
        yield _db.session
        _db.session.remove()


def _file_resources(session):
    return session.scalars(select(Resource).where(Resource.kind == ResourceKind.FILE)).all()


def _read(demo, resource) -> bytes:
    with demo["storage"].open(resource.storage_key) as handle:
        return handle.read()


def test_counts(demo, demo_db):
    def count(model):
        return demo_db.scalar(select(func.count()).select_from(model))

    assert count(Organization) >= 15
    assert count(AgencyType) >= 3
    assert count(Topic) >= 12
    assert count(Dataset) >= 60
    assert count(Licence) == 4
    types = set(demo_db.scalars(select(AgencyType.slug)))
    assert {"so-ban-nganh", "ubnd-cap-xa", "don-vi-su-nghiep"} <= types
    used_types = set(demo_db.scalars(select(Organization.agency_type_id).distinct()))
    assert len(used_types) >= 3
    assert demo_db.scalar(select(func.count()).where(Organization.parent_id.is_not(None))) >= 1
    assert demo["summary"].datasets == count(Dataset)
    assert any("Demo loaded" in line for line in demo["lines"])


def test_agencies_are_complete(demo_db):
    for org in demo_db.scalars(select(Organization)):
        for field in ("name", "name_en", "abbreviation", "description", "address", "website", "email", "phone",
                      "focal_name", "focal_title", "focal_email", "focal_phone"):
            assert getattr(org, field), (org.slug, field)
        assert SLUG.match(org.slug)
        assert org.website.endswith(".angiang.gov.vn")


def test_topics_map_to_eu_themes(demo_db):
    for topic in demo_db.scalars(select(Topic)):
        assert topic.eu_theme in EU_THEMES
        assert topic.name and topic.name_en and topic.description and topic.description_en


def test_dataset_metadata(demo_db):
    datasets = demo_db.scalars(select(Dataset)).all()
    identifiers = [d.identifier for d in datasets]
    assert len(set(identifiers)) == len(identifiers)
    for d in datasets:
        assert re.match(r"^AG-[A-Z]+-20\d\d-\d{4}$", d.identifier), d.identifier
        assert VIETNAMESE.search(d.title), d.title
        assert d.title_en and d.spatial and d.contact_name and d.contact_email and d.version and d.legal_basis
        assert d.description.count("\n## ") >= 4, d.slug  # several Markdown sections
        assert d.frequency in FREQUENCIES
        assert 2 <= len(d.tags) <= 5, d.slug
        assert 1 <= len(d.topics) <= 2, d.slug
        assert 1 <= len(d.resources) <= 3, d.slug
        assert d.temporal_start <= d.temporal_end
        for moment in (d.created, d.metadata_modified, d.modified):
            assert moment.tzinfo is not None
            assert EARLIEST <= moment <= LATEST
        assert d.created <= d.modified <= d.metadata_modified
        assert d.issued == d.created.date()
    assert any(VIETNAMESE.search(t.name) for t in demo_db.scalars(select(Tag)))


def test_states_give_permission_tests_something_to_hide(demo_db):
    datasets = demo_db.scalars(select(Dataset)).all()
    public = [d for d in datasets if d.is_public]
    drafts = [d for d in datasets if d.state is DatasetState.DRAFT]
    private = [d for d in datasets if d.state is DatasetState.PUBLISHED and d.private]
    withdrawn = [d for d in datasets if d.state is DatasetState.WITHDRAWN]
    assert len(public) >= 60
    assert len(drafts) >= 2
    assert len(private) == 1
    assert len(withdrawn) == 1 and withdrawn[0].withdrawn_reason
    assert all(d.view_count == 0 for d in drafts + private + withdrawn)
    views = sorted((d.view_count for d in public), reverse=True)
    assert views[0] > 5 * views[len(views) // 2] > 0  # a long tail, Zipf-like


def test_licences(demo_db):
    used = {d.licence_id for d in demo_db.scalars(select(Dataset))}
    assert {"vn-open-data-default", "cc-by-4.0", "cc-zero", "odc-odbl", None} <= used
    without = demo_db.scalar(select(func.count()).where(Dataset.licence_id.is_(None)))
    assert 1 <= without <= 10


def test_slugs_are_unique_ascii(demo_db):
    slugs = list(demo_db.scalars(select(Dataset.slug)))
    assert len(slugs) == len(set(slugs))
    for slug in slugs:
        assert SLUG.match(slug) and len(slug) <= 100, slug
    assert "danh-sach-truong-hoc-tren-dia-ban-tinh-an-giang-nam-hoc-2024-2025" in slugs  # đ folded to d


def test_one_creation_activity_per_dataset(demo_db):
    created = demo_db.scalars(select(Activity).where(Activity.action == "dataset.created")).all()
    ids = {d.id for d in demo_db.scalars(select(Dataset))}
    assert {a.object_id for a in created} == ids
    assert all(a.object_type == "dataset" and a.dataset_id == a.object_id for a in created)


def test_every_file_exists_and_matches_its_checksum(demo, demo_db):
    resources = _file_resources(demo_db)
    assert len(resources) >= 100
    for r in resources:
        data = _read(demo, r)
        assert len(data) == r.size, r.filename
        assert hashlib.sha256(data).hexdigest() == r.sha256, r.filename
        assert r.media_type == MEDIA_TYPES[r.format]
        assert r.filename.lower().endswith("." + r.format.lower())
    assert {r.format for r in resources} == set(MEDIA_TYPES)
    assert any(VIETNAMESE.search(r.filename) for r in resources)


def test_link_resources_are_few(demo_db):
    links = demo_db.scalars(select(Resource).where(Resource.kind != ResourceKind.FILE)).all()
    assert 1 <= len(links) <= 5
    assert all(r.url and not r.storage_key for r in links)


def test_csv_files_are_utf8_vietnamese_tables(demo, demo_db):
    for r in _file_resources(demo_db):
        if r.format != "CSV":
            continue
        data = _read(demo, r)
        assert data.startswith(b"\xef\xbb\xbf"), r.filename  # BOM, for Excel
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert len(rows) - 1 >= 200, r.filename
        assert len({len(row) for row in rows}) == 1, r.filename
        assert VIETNAMESE.search(data.decode("utf-8")), r.filename


def test_xlsx_files_open_with_openpyxl(demo, demo_db):
    for r in _file_resources(demo_db):
        if r.format != "XLSX":
            continue
        workbook = load_workbook(io.BytesIO(_read(demo, r)), read_only=True)
        try:
            assert workbook.sheetnames == ["Dữ liệu", "Giải thích"]
            rows = list(workbook["Dữ liệu"].iter_rows(max_row=3, values_only=True))
            assert len(rows) >= 2 and all(isinstance(v, str) for v in rows[0])
        finally:
            workbook.close()


def _points(geometry):
    kind, coords = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        return [coords]
    if kind == "LineString":
        return coords
    assert kind == "Polygon", kind
    return [point for ring in coords for point in ring]


def test_json_and_geojson_files_parse(demo, demo_db):
    for r in _file_resources(demo_db):
        if r.format == "JSON":
            data = json.loads(_read(demo, r))
            records = data if isinstance(data, list) else data["du_lieu"]
            assert records and all(isinstance(rec, dict) for rec in records)
        elif r.format == "GEOJSON":
            data = json.loads(_read(demo, r))
            assert data["type"] == "FeatureCollection" and data["features"], r.filename
            for feature in data["features"]:
                for lon, lat in _points(feature["geometry"]):
                    assert 104.7 <= lon <= 105.6 and 10.1 <= lat <= 10.95, (r.filename, lon, lat)


def test_pdf_files_are_valid(demo, demo_db):
    pdfs = [r for r in _file_resources(demo_db) if r.format == "PDF"]
    assert pdfs
    for r in pdfs:
        data = _read(demo, r)
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        start = int(re.search(rb"startxref\s+(\d+)", data).group(1))
        assert data[start:start + 4] == b"xref"
        lines = data[start:].split(b"\n")
        count = int(lines[1].split()[1])
        for number in range(1, count):  # every xref offset points at its object
            offset = int(lines[2 + number][:10])
            assert data[offset:].startswith(b"%d 0 obj" % number), (r.filename, number)


def test_fresh_load_is_deterministic(app, db, demo):
    summary = load_demo(echo=quiet)
    assert summary.datasets == demo["summary"].datasets
    assert fingerprint() == demo["fingerprint"]


def test_if_empty_does_nothing_on_a_loaded_database(app, db):
    load_demo(echo=quiet)
    storage = get_storage()
    files = stored_files(storage.root)
    datasets = db.session.scalar(select(func.count()).select_from(Dataset))
    lines: list[str] = []
    assert load_demo(if_empty=True, echo=lines.append) is None
    assert "already holds datasets" in lines[0]
    with pytest.raises(DemoError):  # without the flag a second load is refused, not duplicated
        load_demo(echo=quiet)
    assert db.session.scalar(select(func.count()).select_from(Dataset)) == datasets
    assert stored_files(storage.root) == files


def test_failure_leaves_nothing_behind(app, db, monkeypatch):
    storage = get_storage()
    before = storage.save([b"an upload that was here before"])
    real_save = storage.save
    calls = []

    def failing_save(chunks, **kwargs):
        calls.append(1)
        if len(calls) == 25:
            raise OSError("disk full")
        return real_save(chunks, **kwargs)

    monkeypatch.setattr(storage, "save", failing_save)
    with pytest.raises(OSError, match="disk full"):
        load_demo(echo=quiet)
    assert db.session.scalar(select(func.count()).select_from(Dataset)) == 0
    assert db.session.scalar(select(func.count()).select_from(Organization)) == 0
    assert stored_files(storage.root) == {before.key}


def test_cli_command(app, db):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["opendata", "demo"])
    assert result.exit_code == 0, result.output
    assert "Demo loaded" in result.output and "Sở Tài chính" in result.output
    again = runner.invoke(args=["opendata", "demo", "--if-empty"])
    assert again.exit_code == 0 and "already holds datasets" in again.output
    refused = runner.invoke(args=["opendata", "demo"])
    assert refused.exit_code == 1 and "already loaded" in refused.output
