"""CKAN's activity streams from the history log: CKAN's shape, and nothing a caller may not see."""
from __future__ import annotations

import pytest

from opendata import publishing
from opendata.accounts.api_tokens import create_token
from opendata.accounts.roles import set_membership
from opendata.models import DatasetState, Role
from tests import factories


@pytest.fixture
def stream(app, people):
    """``stream(verb, role, **params)`` -> (status, result or error) as that role (None: anonymous)."""
    client = app.test_client()

    def call(verb, role=None, **params):
        headers = {"Authorization": create_token(people[role], "t").secret} if role else {}
        response = client.get(f"/api/3/action/{verb}", query_string=params, headers=headers)
        body = response.get_json()
        return response.status_code, body.get("result", body.get("error"))

    return call


@pytest.fixture
def history(app, people, agencies):
    """A public dataset changed by the editor, a private one and a draft, all of agency "own"."""
    editor = people["editor"]
    public = publishing.create_dataset(editor, agencies["own"], {"title": "Cơ sở y tế", "description": "Danh sách."})
    publishing.add_link(editor, public, "https://a.vn/co-so.csv", "Cơ sở")
    publishing.publish_dataset(editor, public)
    publishing.update_dataset(editor, public, {"title": "Cơ sở y tế công lập"}, None)
    private = factories.dataset(agencies["own"], title="Bí mật", slug="rieng-tu", private=True)
    publishing.update_dataset(editor, private, {"title": "Hồ sơ riêng tư"}, None)
    draft = publishing.create_dataset(editor, agencies["own"], {"title": "Bản nháp", "slug": "ban-nhap"})
    return {"public": public, "private": private, "draft": draft}


def test_package_activity_list_has_ckans_shape_newest_first(stream, history):
    status, items = stream("package_activity_list", id=history["public"].slug)
    assert status == 200
    assert [i["activity_type"] for i in items] == ["changed package", "changed package", "changed package", "new package"]
    assert [i["action"] for i in items] == ["dataset.updated", "dataset.published", "resource.created", "dataset.created"]
    newest = items[0]
    assert set(newest) >= {"id", "timestamp", "user_id", "object_id", "activity_type", "data"}
    assert newest["object_id"] == history["public"].id
    assert newest["data"]["package"]["name"] == history["public"].slug
    assert newest["data"]["package"]["title"] == "Cơ sở y tế công lập"
    assert newest["changes"]["title"] == ["Cơ sở y tế", "Cơ sở y tế công lập"]
    assert items[0]["timestamp"] >= items[-1]["timestamp"]


def test_officers_are_named_to_their_agency_only(stream, history, people):
    public = history["public"].id
    assert {i["user_id"] for i in stream("package_activity_list", id=public)[1]} == {None}
    assert {i["user_id"] for i in stream("package_activity_list", "other_editor", id=public)[1]} == {None}
    assert {i["user_id"] for i in stream("package_activity_list", "member", id=public)[1]} == {people["editor"].id}


@pytest.mark.parametrize("role", [None, "registered", "other_editor"])
def test_private_and_draft_datasets_have_no_stream_for_outsiders(stream, history, role):
    for name in ("rieng-tu", "ban-nhap"):
        status, error = stream("package_activity_list", role, id=name)
        assert status == 404 and error["__type"] == "Not Found Error"
    _, recent = stream("recently_changed_packages_activity_list", role)
    assert {i["object_id"] for i in recent} == {history["public"].id}
    _, of_agency = stream("organization_activity_list", role, id="so-y-te")
    assert {i["object_id"] for i in of_agency} == {history["public"].id}


@pytest.mark.parametrize("role", ["member", "sysadmin"])
def test_the_agency_and_the_department_see_everything(stream, history, role):
    expected = {history[k].id for k in ("public", "private", "draft")}
    assert stream("package_activity_list", role, id="rieng-tu")[0] == 200
    assert {i["object_id"] for i in stream("recently_changed_packages_activity_list", role)[1]} == expected
    assert {i["object_id"] for i in stream("organization_activity_list", role, id="so-y-te")[1]} == expected


def test_a_deleted_draft_stays_in_its_agencys_stream_only(stream, history, people):
    draft_id = history["draft"].id
    publishing.delete_dataset(people["editor"], history["draft"])
    mine = stream("organization_activity_list", "member", id="so-y-te")[1]
    deleted = [i for i in mine if i["object_id"] == draft_id]
    assert deleted[0]["activity_type"] == "deleted package" and deleted[0]["data"]["package"]["id"] == draft_id
    assert draft_id not in {i["object_id"] for i in stream("organization_activity_list", id="so-y-te")[1]}


def test_withheld_files_stay_out_of_the_public_stream(stream, agencies, people):
    dataset = factories.dataset(agencies["own"], slug="co-file", resources=[
        {"name": "Giữ lại", "kind": "url", "url": "https://a.vn/x.csv", "withheld": True}])
    publishing.update_resource(people["editor"], dataset.resources[0], "Giữ lại (sửa)", "")
    assert stream("package_activity_list", id="co-file")[1] == []
    assert [i["action"] for i in stream("package_activity_list", "member", id="co-file")[1]] == ["resource.updated"]


def test_staff_changes_of_an_agency_are_not_public(stream, agencies, people):
    set_membership(people["registered"], agencies["own"], Role.EDITOR, actor=people["sysadmin"])
    assert stream("organization_activity_list", id="so-y-te")[1] == []
    items = stream("organization_activity_list", "admin", id="so-y-te")[1]
    assert [i["activity_type"] for i in items] == ["changed organization"]
    assert items[0]["data"]["group"]["name"] == "so-y-te"


def test_limit_offset_and_bad_parameters(stream, history):
    public = history["public"].slug
    everything = stream("package_activity_list", id=public)[1]
    page = stream("package_activity_list", id=public, limit=2, offset=1)[1]
    assert [i["id"] for i in page] == [i["id"] for i in everything[1:3]]
    status, error = stream("package_activity_list", id=public, limit="nhiều")
    assert status == 409 and "limit" in error
    assert stream("organization_activity_list", id="khong-co")[0] == 404
    assert stream("package_activity_list")[0] == 409


def test_streams_see_published_changes_made_through_the_api(app, stream, agencies, people):
    client = app.test_client()
    token = create_token(people["editor"], "t").secret
    created = client.post("/api/3/action/package_create", headers={"Authorization": token}, json={
        "name": "qua-api", "title": "Qua API", "owner_org": "so-y-te", "notes": "Mô tả", "state": "active",
        "resources": [{"url": "https://a.vn/x.csv", "name": "x"}]})
    assert created.status_code == 200, created.get_json()
    newest = stream("recently_changed_packages_activity_list")[1][0]
    assert newest["action"] == "dataset.published" and newest["data"]["package"]["name"] == "qua-api"
    assert factories.dataset(agencies["own"], state=DatasetState.DRAFT)  # drafts made later stay out
    assert stream("recently_changed_packages_activity_list")[1][0]["id"] == newest["id"]
