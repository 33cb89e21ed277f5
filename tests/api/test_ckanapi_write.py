"""Publishing with the real ``ckanapi`` (Python API and command line) against a running portal.

A program holding an editor's API token creates a dataset, uploads a file
by multipart as ckanapi sends it, publishes, patches and withdraws it; a
roles x write-verbs matrix shows that only the agency's editors, admins
and the Department may write, and that a revoked token is refused.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from ckanapi import NotAuthorized, NotFound, RemoteCKAN, ValidationError

from opendata.accounts.api_tokens import create_token, revoke_token
from opendata.extensions import db
from opendata.models import Dataset, DatasetState
from tests import factories

CSV = "mã_xã,tên_xã,dân_số\n30280,Mỹ Bình,32000\n30283,Mỹ Long,28000\n".encode()
CKANAPI = str(Path(sys.executable).with_name("ckanapi"))


@pytest.fixture
def token(people):
    return create_token(people["editor"], "ckanapi").secret


def remote(live_url, apikey=None) -> RemoteCKAN:
    return RemoteCKAN(live_url, apikey=apikey, user_agent="opendata-tests/1.0 (ckanapi)")


def test_a_program_publishes_a_dataset_with_a_file(live_url, token, agencies, tmp_path, ckan):
    path = tmp_path / "dân-số-xã.csv"
    path.write_bytes(CSV)
    with remote(live_url, token) as portal:
        created = portal.action.package_create(name="dan-so-xa", title="Dân số theo xã", owner_org="so-y-te",
                                               notes="Dân số các xã năm 2025.", tags=[{"name": "dân số"}])
        assert created["state"] == "draft" and created["organization"]["name"] == "so-y-te"
        with open(path, "rb") as upload:
            resource = portal.action.resource_create(package_id=created["id"], name="Bảng dân số", upload=upload)
        assert resource["format"] == "CSV" and resource["hash"] == hashlib.sha256(CSV).hexdigest()
        published = portal.action.package_patch(id="dan-so-xa", state="active")
        assert published["state"] == "active" and published["num_resources"] == 1
        assert published["license_is_default_terms"] is True

    # anyone now sees it, finds it, and downloads exactly the uploaded bytes
    shown = ckan.action.package_show(id="dan-so-xa")
    assert shown["resources"][0]["name"] == "Bảng dân số"
    found = ckan.action.package_search(q="dân số")
    assert "dan-so-xa" in [p["name"] for p in found["results"]]
    # (the tests' SERVER_NAME is "localhost": the path is fetched from the served port)
    download = requests.get(live_url + urlsplit(shown["resources"][0]["url"]).path, timeout=30)
    assert download.status_code == 200 and download.content == CSV

    with remote(live_url, token) as portal:
        with pytest.raises(ValidationError) as refused:
            portal.action.package_delete(id="dan-so-xa")
        assert "withdrawn_reason" in refused.value.error_dict
        portal.action.package_delete(id="dan-so-xa", withdrawn_reason="Thay bằng số liệu điều tra năm 2026.")
    assert ckan.action.package_show(id="dan-so-xa")["state"] == "deleted"
    assert "dan-so-xa" not in [p["name"] for p in ckan.action.package_search(q="dân số")["results"]]


def test_validation_errors_reach_ckanapi_with_ckans_field_names(live_url, token, agencies):
    with remote(live_url, token) as portal:
        with pytest.raises(ValidationError) as refused:
            portal.action.package_create(name="Tên Sai", title="", owner_org="so-y-te", license_id="khong-co")
    assert {"name", "title", "license_id"} <= set(refused.value.error_dict)
    assert db.session.scalar(db.select(db.func.count()).select_from(Dataset)) == 0


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CKANAPI, *args], capture_output=True, text=True, timeout=120)


def test_the_ckanapi_command_line_creates_and_uploads(live_url, token, agencies, tmp_path, ckan):
    made = run_cli("action", "package_create", "-r", live_url, "-a", token, "name=tu-dong", "title=Tạo từ dòng lệnh",
                   "owner_org=so-y-te", "notes=Mô tả", "private:true")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["private"] is True
    path = tmp_path / "bang.csv"
    path.write_bytes(CSV)
    uploaded = run_cli("action", "resource_create", "-r", live_url, "-a", token, "package_id=tu-dong",
                       "name=Bảng", f"upload@{path}")
    assert uploaded.returncode == 0, uploaded.stderr
    assert json.loads(uploaded.stdout)["size"] == len(CSV)
    with pytest.raises(NotFound):
        ckan.action.package_show(id="tu-dong")  # private: not for the anonymous client
    refused = run_cli("action", "package_create", "-r", live_url, "name=vo-danh", "title=x", "owner_org=so-y-te")
    assert refused.returncode != 0 and "NotAuthorized" in (refused.stderr + refused.stdout)


# -- who may write -------------------------------------------------------------------------
WRITERS = {"sysadmin", "admin", "editor"}
ROLES = ["sysadmin", "admin", "editor", "member", "other_editor", "registered", "anonymous", "revoked"]


@pytest.fixture
def published(agencies):
    return factories.dataset(agencies["own"], title="Trường học", slug="truong-hoc", description="Danh sách.",
                             resources=[("a.csv", b"a\n1\n"), ("b.csv", b"b\n2\n")])


def key_for(role, people) -> str | None:
    if role == "anonymous":
        return None
    made = create_token(people["editor" if role == "revoked" else role], "matrix")
    if role == "revoked":
        revoke_token(made.token)
    return made.secret


@pytest.mark.parametrize("role", ROLES)
def test_write_verbs_by_role(live_url, people, published, role):
    first, second = (r.id for r in published.resources)
    calls = {
        "package_create": dict(name=f"moi-{role.replace('_', '-')}", title="Mới", owner_org="so-y-te"),
        "package_patch": dict(id="truong-hoc", notes="Sửa mô tả"),
        "package_update": dict(id="truong-hoc", title="Trường học (cập nhật)", notes="Danh sách."),
        "resource_create": dict(package_id="truong-hoc", url="https://a.vn/c.csv", name="c"),
        "resource_patch": dict(id=first, name="Tên mới"),
        "resource_update": dict(id=first, name="Tên mới hơn"),
        "resource_delete": dict(id=second),
        "package_delete": dict(id="truong-hoc", withdrawn_reason="Đã có bộ dữ liệu thay thế năm 2025."),
    }
    with remote(live_url, key_for(role, people)) as portal:
        for verb, params in calls.items():
            if role in WRITERS:
                getattr(portal.action, verb)(**params)
            else:
                with pytest.raises(NotAuthorized):
                    getattr(portal.action, verb)(**params)
    db.session.expire_all()
    dataset = db.session.scalar(db.select(Dataset).where(Dataset.slug == "truong-hoc"))
    if role in WRITERS:
        assert dataset.state is DatasetState.WITHDRAWN and dataset.title == "Trường học (cập nhật)"
        assert [r.name for r in dataset.resources] == ["Tên mới hơn", "c"]
    else:  # nothing changed
        assert dataset.state is DatasetState.PUBLISHED and dataset.title == "Trường học"
        assert dataset.description == "Danh sách." and len(dataset.resources) == 2
        assert db.session.scalar(db.select(db.func.count()).select_from(Dataset)) == 1
