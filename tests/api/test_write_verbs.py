"""CKAN's write verbs over HTTP: the same publishing rules as the workspace pages.

Each test calls the Action API with an API token, as a program would, and
checks what a publisher or a visitor then notices: the dataset's page dict,
its history, its files, the errors keyed by CKAN's field names.
"""
from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from opendata.accounts.api_tokens import create_token
from opendata.extensions import db
from opendata.models import Activity, Dataset, DatasetState, Resource, ResourceVersion
from opendata.storage import get_storage
from tests import factories

CSV = b"ma_truong,ten_truong\n1,Trung h\xe1\xbb\x8dc ph\xe1\xbb\x95 th\xc3\xb4ng A\n"


@pytest.fixture
def api(app, people, agencies):
    """``api("editor").post(verb, json=...)`` -> (status, body), sent with that role's token."""
    client = app.test_client()
    tokens = {}

    class Caller:
        def __init__(self, role):
            if role and role not in tokens:
                tokens[role] = create_token(people[role], "tests").secret
            self.headers = {"Authorization": tokens[role]} if role else {}

        def post(self, verb, json=None, data=None):
            response = client.post(f"/api/3/action/{verb}", json=json, data=data, headers=self.headers)
            return response.status_code, response.get_json()

    return Caller


def activities(dataset_id) -> list[str]:
    db.session.expire_all()
    rows = db.session.scalars(select(Activity.action).where(Activity.dataset_id == dataset_id).order_by(Activity.timestamp))
    return list(rows)


def dataset_named(slug) -> Dataset | None:
    db.session.expire_all()
    return db.session.scalar(select(Dataset).where(Dataset.slug == slug))


NEW = {
    "name": "diem-thi-2025", "title": "Điểm thi tốt nghiệp 2025", "owner_org": "so-y-te", "notes": "Điểm thi theo trường.",
    "license_id": "cc-by-4.0", "tags": [{"name": "giáo dục"}, {"name": "thi cử"}], "maintainer": "Lê Văn C",
    "maintainer_email": "levanc@soyte.angiang.gov.vn", "extras": [{"key": "nguon", "value": "Sở GD&ĐT"}],
    "frequency": "ANNUAL", "spatial": "Tỉnh An Giang",
}


def test_package_create_makes_a_draft_with_ckans_fields_mapped(api, agencies, people):
    topic = factories.topic("Giáo dục", slug="giao-duc")
    status, body = api("editor").post("package_create", json={**NEW, "groups": [{"name": topic.slug}]})
    assert status == 200, body
    result = body["result"]
    assert result["name"] == "diem-thi-2025" and result["state"] == "draft" and result["private"] is False
    assert result["owner_org"] == agencies["own"].id and result["organization"]["name"] == "so-y-te"
    assert result["notes"] == "Điểm thi theo trường." and result["license_id"] == "cc-by-4.0"
    assert sorted(t["name"] for t in result["tags"]) == ["giáo dục", "thi cử"]
    assert [g["name"] for g in result["groups"]] == ["giao-duc"]
    assert result["maintainer"] == "Lê Văn C" and result["contact_email"] == "levanc@soyte.angiang.gov.vn"
    assert result["extras"] == [{"key": "nguon", "value": "Sở GD&ĐT"}]
    assert result["frequency"] == "ANNUAL" and result["spatial"] == "Tỉnh An Giang"
    dataset = dataset_named("diem-thi-2025")
    assert dataset.state is DatasetState.DRAFT and dataset.organization_id == agencies["own"].id
    assert activities(dataset.id)[0] == "dataset.created"
    creator = db.session.scalar(select(Activity.user_id).where(Activity.dataset_id == dataset.id))
    assert creator == people["editor"].id  # the history names the token's owner


def test_package_create_owner_org_by_id_and_private(api, agencies):
    status, body = api("editor").post("package_create", json={"name": "noi-bo", "title": "Nội bộ",
                                                              "owner_org": agencies["own"].id, "private": "true"})
    assert status == 200, body
    assert body["result"]["private"] is True


def test_package_create_active_with_links_publishes(api, client):
    status, body = api("editor").post("package_create", json={**NEW, "state": "active", "resources": [
        {"url": "https://dulieu.angiang.gov.vn/diem-thi.csv", "name": "Điểm thi", "format": "csv"},
        {"url": "https://api.angiang.gov.vn/diem-thi", "name": "Dịch vụ", "resource_type": "api"},
    ]})
    assert status == 200, body
    result = body["result"]
    assert result["state"] == "active" and result["num_resources"] == 2
    assert [r["format"] for r in result["resources"]] == ["CSV", "API"]
    assert result["resources"][1]["resource_type"] == "api"
    # a visitor now finds it
    shown = client.get("/api/3/action/package_show", query_string={"id": "diem-thi-2025"}).get_json()
    assert shown["result"]["state"] == "active"
    assert "dataset.published" in activities(result["id"])


def test_package_create_that_cannot_publish_leaves_nothing(api):
    status, body = api("editor").post("package_create", json={**NEW, "state": "active"})  # no resource
    assert status == 409
    assert body["error"]["__type"] == "Validation Error" and "resources" in body["error"]
    assert dataset_named("diem-thi-2025") is None


@pytest.mark.parametrize("change, key", [
    ({"owner_org": "khong-co"}, "owner_org"),
    ({"owner_org": None}, "owner_org"),
    ({"license_id": "khong-co-giay-phep"}, "license_id"),
    ({"groups": [{"name": "khong-co"}]}, "groups"),
    ({"name": "Tên Sai"}, "name"),
    ({"title": ""}, "title"),
    ({"maintainer_email": "khong-phai-email"}, "maintainer_email"),
    ({"state": "bay"}, "state"),
    ({"private": "co the"}, "private"),
    ({"resources": [{"name": "không có địa chỉ"}]}, "resources"),
    ({"resources": [{"url": "ftp://x"}]}, "url"),
])
def test_bad_package_create_is_a_validation_error_keyed_by_ckan_names(api, change, key):
    status, body = api("editor").post("package_create", json={**NEW, **change})
    assert status == 409, body
    assert body["success"] is False and body["error"]["__type"] == "Validation Error"
    assert key in body["error"] and all(isinstance(m, str) and m for m in body["error"][key])
    assert dataset_named("diem-thi-2025") is None and db.session.scalar(select(func.count()).select_from(Dataset)) == 0


def test_a_taken_name_is_refused(api, agencies):
    factories.dataset(agencies["own"], slug="diem-thi-2025")
    status, body = api("editor").post("package_create", json=NEW)
    assert status == 409 and "name" in body["error"]


def test_package_update_replaces_ckan_fields_but_keeps_our_own(api, agencies):
    status, body = api("editor").post("package_create", json=NEW)
    assert status == 200, body
    status, body = api("editor").post("package_update", json={"id": "diem-thi-2025", "title": "Điểm thi (cập nhật)"})
    assert status == 200, body
    result = body["result"]
    assert result["title"] == "Điểm thi (cập nhật)"
    assert result["notes"] == "" and result["tags"] == [] and result["extras"] == [] and result["maintainer"] is None
    assert result["license_is_default_terms"] is True  # no licence: the statutory default terms
    assert result["frequency"] == "ANNUAL" and result["spatial"] == "Tỉnh An Giang"  # R2 keys CKAN lacks stay


def test_sending_back_package_show_changes_nothing(api, client):
    status, body = api("editor").post("package_create", json={**NEW, "license_id": None})
    shown = body["result"]
    before = activities(shown["id"])
    status, body = api("editor").post("package_update", json=shown)
    assert status == 200, body
    assert activities(shown["id"]) == before  # not even an empty history entry
    assert body["result"]["license_is_default_terms"] is True


def test_package_patch_changes_only_what_is_given_and_records_it(api):
    api("editor").post("package_create", json=NEW)
    status, body = api("editor").post("package_patch", json={"id": "diem-thi-2025", "notes": "Mô tả mới",
                                                             "private": True})
    assert status == 200, body
    result = body["result"]
    assert result["notes"] == "Mô tả mới" and result["private"] is True and result["license_id"] == "cc-by-4.0"
    assert len(result["tags"]) == 2
    assert activities(result["id"])[-2:] == ["dataset.updated", "dataset.made_private"]


def test_package_patch_cannot_unpublish_or_move(api, agencies):
    dataset = factories.dataset(agencies["own"], slug="cong-khai", description="Có mô tả")
    status, body = api("editor").post("package_patch", json={"id": "cong-khai", "state": "draft"})
    assert status == 409 and "state" in body["error"]
    status, body = api("editor").post("package_patch", json={"id": dataset.id, "owner_org": "so-xay-dung"})
    assert status == 409 and "owner_org" in body["error"]
    status, body = api("editor").post("package_patch", json={"id": "cong-khai", "name": "ten-moi"})
    assert status == 409 and "name" in body["error"]  # a published dataset keeps its address
    assert dataset_named("cong-khai").state is DatasetState.PUBLISHED


def test_package_delete_deletes_drafts_and_withdraws_published_with_a_reason(api, agencies, client):
    api("editor").post("package_create", json=NEW)
    status, body = api("editor").post("package_delete", json={"id": "diem-thi-2025"})
    assert (status, body["result"]) == (200, None)
    assert dataset_named("diem-thi-2025") is None

    factories.dataset(agencies["own"], slug="cong-khai")
    status, body = api("editor").post("package_delete", json={"id": "cong-khai"})
    assert status == 409 and "withdrawn_reason" in body["error"]
    assert dataset_named("cong-khai").state is DatasetState.PUBLISHED
    reason = "Số liệu được thay thế bằng bộ dữ liệu năm 2025."
    status, body = api("editor").post("package_delete", json={"id": "cong-khai", "withdrawn_reason": reason})
    assert status == 200, body
    shown = client.get("/api/3/action/package_show", query_string={"id": "cong-khai"}).get_json()["result"]
    assert shown["state"] == "deleted" and shown["withdrawn_reason"] == reason
    assert api("editor").post("package_delete", json={"id": "cong-khai"})[0] == 200  # already withdrawn


def test_resource_create_uploads_a_file_by_multipart(api, agencies, client):
    dataset = factories.dataset(agencies["own"], slug="truong-hoc", state=DatasetState.DRAFT)
    status, body = api("editor").post("resource_create", data={
        "package_id": "truong-hoc", "name": "Danh sách trường", "description": "Năm học 2025",
        "upload": (io.BytesIO(CSV), "danh-sách-trường.csv"),
    })
    assert status == 200, body
    result = body["result"]
    assert result["name"] == "Danh sách trường" and result["format"] == "CSV" and result["url_type"] == "upload"
    assert result["size"] == len(CSV) and result["filename"] == "danh-sách-trường.csv"
    import hashlib
    assert result["hash"] == hashlib.sha256(CSV).hexdigest()
    resource = db.session.get(Resource, result["id"])
    with get_storage().open(resource.storage_key) as handle:
        assert handle.read() == CSV
    assert activities(dataset.id)[-1] == "resource.created"


def test_resource_create_a_link_and_refusals(api, agencies):
    factories.dataset(agencies["own"], slug="truong-hoc", state=DatasetState.DRAFT)
    status, body = api("editor").post("resource_create", json={"package_id": "truong-hoc",
                                                               "url": "https://example.gov.vn/a.json", "format": "json"})
    assert status == 200 and body["result"]["format"] == "JSON" and body["result"]["name"] == "a.json"
    status, body = api("editor").post("resource_create", json={"package_id": "truong-hoc"})
    assert status == 409 and "url" in body["error"]
    status, body = api("editor").post("resource_create", data={"package_id": "truong-hoc",
                                                               "upload": (io.BytesIO(b""), "rong.csv")})
    assert status == 409 and "upload" in body["error"]
    status, body = api("editor").post("resource_create", data={"package_id": "truong-hoc",
                                                               "upload": (io.BytesIO(b"#!/bin/sh\nrm -rf /\n"), "x.sh")})
    assert status == 409 and "upload" in body["error"]
    status, body = api("editor").post("resource_create", json={"package_id": "khong-co", "url": "https://a.vn/x"})
    assert status == 404 and body["error"]["__type"] == "Not Found Error"


def test_resource_update_replaces_the_file_and_keeps_the_old_version(api, agencies):
    dataset = factories.dataset(agencies["own"], slug="truong-hoc", resources=[("cu.csv", b"a,b\n1,2\n")])
    resource_id = dataset.resources[0].id
    status, body = api("editor").post("resource_update", data={"id": resource_id, "name": "Bản mới",
                                                               "upload": (io.BytesIO(CSV), "moi.csv")})
    assert status == 200, body
    assert body["result"]["filename"] == "moi.csv" and body["result"]["name"] == "Bản mới"
    versions = db.session.scalars(select(ResourceVersion).where(ResourceVersion.resource_id == resource_id)).all()
    assert [v.filename for v in versions] == ["cu.csv"]


def test_resource_patch_and_update_of_names(api, agencies):
    dataset = factories.dataset(agencies["own"], slug="truong-hoc", resources=[
        {"name": "Liên kết", "description": "Mô tả cũ", "kind": "url", "url": "https://a.vn/x.csv", "format": "CSV"}])
    resource_id = dataset.resources[0].id
    status, body = api("editor").post("resource_patch", json={"id": resource_id, "name": "Tên mới"})
    assert status == 200 and body["result"]["name"] == "Tên mới" and body["result"]["description"] == "Mô tả cũ"
    status, body = api("editor").post("resource_update", json={"id": resource_id, "url": "https://a.vn/x.csv"})
    assert status == 200 and body["result"]["name"] == "Tên mới" and body["result"]["description"] == ""
    status, body = api("editor").post("resource_patch", json={"id": resource_id, "url": "https://khac.vn/y.csv"})
    assert status == 409 and "url" in body["error"]
    assert activities(dataset.id).count("resource.updated") == 2


def test_resource_delete(api, agencies):
    dataset = factories.dataset(agencies["own"], slug="truong-hoc", resources=[("a.csv", b"a\n1\n"), ("b.csv", b"b\n2\n")])
    first = dataset.resources[0].id
    status, body = api("editor").post("resource_delete", json={"id": first})
    assert (status, body["result"]) == (200, None)
    db.session.expire_all()
    assert db.session.get(Resource, first) is None
    assert api("editor").post("resource_delete", json={"id": first})[0] == 404


def test_package_update_resources_list_is_the_new_list(api, agencies):
    dataset = factories.dataset(agencies["own"], slug="truong-hoc", state=DatasetState.DRAFT,
                                resources=[("a.csv", b"a\n1\n"), ("b.csv", b"b\n2\n")])
    keep = dataset.resources[1]
    status, body = api("editor").post("package_patch", json={"id": "truong-hoc", "resources": [
        {"id": keep.id, "name": "Giữ lại"}, {"url": "https://a.vn/moi.csv", "name": "Mới"}]})
    assert status == 200, body
    assert [r["name"] for r in body["result"]["resources"]] == ["Giữ lại", "Mới"]


@pytest.mark.parametrize("later_step", [
    {"resources": [{"url": "ftp://khong-hop-le", "name": "Liên kết hỏng"}]},  # a resource the portal refuses
    {"resources": [], "state": "active"},  # publishing a dataset left without resources
])
def test_a_package_update_failing_at_a_later_step_changes_nothing(api, agencies, later_step):
    dataset = factories.dataset(agencies["own"], slug="truong-hoc", state=DatasetState.DRAFT,
                                title="Danh sách trường học", resources=[("a.csv", b"a\n1\n")])
    before = activities(dataset.id)
    status, body = api("editor").post("package_patch", json={"id": "truong-hoc", "title": "Tên mới", **later_step})
    assert status == 409, body
    kept = dataset_named("truong-hoc")
    assert kept.title == "Danh sách trường học" and kept.state is DatasetState.DRAFT
    assert [r.name for r in kept.resources] == ["a"]
    assert activities(dataset.id) == before
    assert get_storage().exists(kept.resources[0].storage_key)  # the file of the resource kept is still there


def test_what_a_caller_may_not_read_is_not_found_and_what_they_may_not_change_is_forbidden(api, agencies):
    factories.dataset(agencies["own"], slug="ban-nhap", state=DatasetState.DRAFT)
    factories.dataset(agencies["own"], slug="cong-khai")
    for verb in ("package_update", "package_patch", "package_delete"):
        status, body = api("other_editor").post(verb, json={"id": "ban-nhap", "title": "x"})
        assert status == 404 and body["error"]["__type"] == "Not Found Error", verb
        status, body = api("other_editor").post(verb, json={"id": "cong-khai", "title": "x"})
        assert status == 403 and body["error"]["__type"] == "Authorization Error", verb
    status, body = api("member").post("package_create", json=NEW)
    assert status == 403
    status, body = api(None).post("package_create", json=NEW)
    assert status == 403
    assert dataset_named("diem-thi-2025") is None and dataset_named("ban-nhap").title == "Danh sách trường học"


def test_write_verbs_refuse_get(app, client, people):
    response = client.get("/api/3/action/package_create", query_string={"name": "x"})
    assert response.status_code == 400 and response.get_json()["success"] is False
