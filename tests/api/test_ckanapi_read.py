"""The real ``ckanapi`` client (Python API and command line) reading a served portal."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import ckanapi
import pytest
import requests

from opendata.models import DatasetState
from tests import factories

CKANAPI = str(Path(sys.executable).with_name("ckanapi"))


@pytest.fixture
def published(app, agencies):
    topic = factories.topic("Giáo dục", slug="giao-duc")
    found = {
        "truong": factories.dataset(agencies["own"], title="Danh sách trường học", slug="truong-hoc",
                                    tags=["giáo dục"], topics=[topic], resources=[("trường học.csv", b"ten\nA\n")]),
        "dat": factories.dataset(agencies["other"], title="Bảng giá đất", slug="bang-gia-dat", tags=["đất đai"],
                                 resources=[("giá.csv", b"gia\n1\n")]),
        "draft": factories.dataset(agencies["own"], title="Bản nháp trường học", slug="nhap-truong",
                                   state=DatasetState.DRAFT, resources=[("nháp.csv", b"x\n")]),
        "private": factories.dataset(agencies["own"], title="Trường học nội bộ", slug="truong-noi-bo",
                                     private=True),
    }
    return found


def run_cli(*args: str) -> str:
    # ``ckanapi dump`` starts its workers as ``ckanapi`` found on PATH
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(CKANAPI).parent), os.environ.get("PATH", "")])}
    done = subprocess.run([CKANAPI, *args], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_remote_ckan_reads_datasets(ckan, live_url, published):
    found = ckan.action.package_search(q="truong hoc", fq="organization:so-y-te", rows=10)
    assert found["count"] == 1
    dataset = found["results"][0]
    assert dataset["name"] == "truong-hoc" and dataset["groups"][0]["name"] == "giao-duc"

    shown = ckan.action.package_show(id="truong-hoc")
    assert shown["resources"][0]["name"] == "trường học"
    # the download URL works for a plain HTTP client (the test app's URLs say "localhost")
    path = shown["resources"][0]["url"].split("localhost", 1)[1]
    with requests.get(live_url + path, timeout=30) as download:
        assert download.status_code == 200 and download.content == b"ten\nA\n"

    assert ckan.action.package_list() == ["bang-gia-dat", "truong-hoc"]
    assert ckan.action.organization_show(id="so-y-te")["package_count"] == 1
    assert ckan.action.group_list() == ["giao-duc"]
    assert ckan.action.tag_list() == ["giáo dục", "đất đai"]
    assert ckan.action.status_show()["ckan_version"].startswith("2.")


def test_remote_ckan_gets_ckans_exceptions(ckan, published):
    with pytest.raises(ckanapi.NotFound):
        ckan.action.package_show(id="nhap-truong")  # drafts are not found, not forbidden
    with pytest.raises(ckanapi.NotFound):
        ckan.action.package_show(id="khong-ton-tai")
    with pytest.raises(ckanapi.ValidationError) as invalid:
        ckan.action.package_search(rows="nhiều")
    assert invalid.value.error_dict["rows"] == ["Invalid integer"]
    with pytest.raises(ckanapi.SearchQueryError):
        ckan.action.package_search(fq="-organization:so-y-te")
    with pytest.raises(ckanapi.CKANAPIError):
        ckan.call_action("package_levitate")


def test_remote_ckan_with_get_only(live_url, published):
    with ckanapi.RemoteCKAN(live_url, get_only=True, user_agent="opendata-tests/1.0") as remote:
        found = remote.action.package_search(fq='tags:"đất đai"')
    assert [d["name"] for d in found["results"]] == ["bang-gia-dat"]


def test_command_line_action(live_url, published):
    out = run_cli("action", "package_search", "q=trường", "fq=organization:so-y-te", "-r", live_url)
    found = json.loads(out)
    assert found["count"] == 1 and found["results"][0]["name"] == "truong-hoc"
    assert "nhap-truong" not in out and "truong-noi-bo" not in out


def test_command_line_dump_all_datasets(live_url, published, tmp_path):
    target = tmp_path / "datasets.jsonl"
    run_cli("dump", "datasets", "--all", "-q", "-p", "1", "-O", str(target), "-r", live_url)
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [d["name"] for d in lines] == ["bang-gia-dat", "truong-hoc"]
    assert lines[1]["title"] == "Danh sách trường học"
    assert lines[1]["resources"][0]["format"] == "CSV"
    assert lines[0]["organization"]["name"] == "so-xay-dung"
