"""flask opendata verify-files: every stored file re-hashed against its recorded SHA-256."""
from __future__ import annotations

import json

import pytest

from opendata.extensions import db
from opendata.integrity import stored_files, verify_files
from opendata.models import ResourceVersion, utcnow
from opendata.storage import get_storage
from tests import factories


@pytest.fixture
def files(app):
    """Two datasets with stored files, one resource with an earlier version, one link."""
    first = factories.dataset(slug="truong-hoc", resources=[("truong.csv", b"ma,ten\n1,THPT Long Xuyen\n"),
                                                            ("ban-do.pdf", b"%PDF-1.4 ban do")])
    second = factories.dataset(slug="benh-vien", resources=[("benh-vien.csv", b"ma,ten\n1,BV Da khoa\n"),
                                                            {"name": "API", "kind": "api", "url": "https://api.example.vn"}])
    resource = second.resources[0]
    old = get_storage().save([b"ma,ten\n"])
    db.session.add(ResourceVersion(resource=resource, number=1, storage_key=old.key, size=old.size, sha256=old.sha256,
                                   created=utcnow()))
    db.session.commit()
    return {"csv": first.resources[0], "pdf": first.resources[1], "hospital": resource, "version": resource.versions[0]}


def _run(app, *args):
    return app.test_cli_runner().invoke(args=["opendata", "verify-files", *args])


def test_clean_storage_exits_zero(app, files):
    result = _run(app)
    assert result.exit_code == 0, result.output
    assert "4 files checked" in result.output
    assert "0 missing, 0 changed" in result.output


def test_tampered_file_is_reported(app, files):
    path = get_storage().path(files["pdf"].storage_key)
    path.write_bytes(b"%PDF-1.4 ban do da bi sua")
    result = _run(app)
    assert result.exit_code == 1
    assert f"CHANGED: {files['pdf'].storage_key}" in result.output
    assert "dataset truong-hoc" in result.output
    assert "0 missing, 1 changed" in result.output


def test_deleted_file_is_reported_missing(app, files):
    get_storage().path(files["csv"].storage_key).unlink()
    result = _run(app)
    assert result.exit_code == 1
    assert f"MISSING: {files['csv'].storage_key}" in result.output
    assert "1 missing, 0 changed" in result.output


def test_earlier_versions_are_checked_too(app, files):
    version = files["version"]
    get_storage().path(version.storage_key).write_bytes(b"khac")
    result = _run(app, "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["ok"] is False and report["checked"] == 4 and report["changed"] == 1
    (problem,) = report["problems"]
    assert problem["kind"] == "version" and problem["id"] == version.id
    assert problem["sha256"] == version.sha256 and problem["actual_sha256"] != version.sha256


def test_json_report_of_clean_storage(app, files):
    result = _run(app, "--json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report == {**report, "ok": True, "checked": 4, "missing": 0, "changed": 0, "problems": []}


def test_progress_counts_every_byte(app, files):
    items = stored_files()
    seen = []
    report = verify_files(items, progress=seen.append)
    assert sum(seen) == sum(item.size for item in items) == report.bytes_read
    assert {item.kind for item in items} == {"resource", "version"}
    assert len(items) == 4  # the API resource has no stored file


def test_files_are_read_in_chunks(app, files, monkeypatch):
    from opendata.integrity import verify as module

    big = factories.dataset(slug="lon", resources=[("lon.csv", b"x" * 1000)])
    monkeypatch.setattr(module, "CHUNK", 64)
    seen = []
    verify_files([i for i in stored_files() if i.id == big.resources[0].id], progress=seen.append)
    assert max(seen) == 64 and sum(seen) == 1000


def test_progress_reaches_the_end_when_a_file_is_missing(app, files):
    get_storage().path(files["csv"].storage_key).unlink()
    items = stored_files()
    seen = []
    report = verify_files(items, progress=seen.append)
    assert sum(seen) == sum(item.size for item in items)
    assert [p.item.id for p in report.missing] == [files["csv"].id]
