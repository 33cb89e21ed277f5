"""A dataset's history on its pages: public integrity, officers' names kept to their agency."""
from __future__ import annotations

import pytest

from opendata import publishing
from tests.workspace.conftest import main


@pytest.fixture
def edited(published, people):
    publishing.update_dataset(people["editor"], published, {"title": "Trạm y tế xã (2025)", "spatial": "Tỉnh An Giang"},
                              published.lock_version)
    return published


@pytest.mark.parametrize("who, sees_name", [
    ("anonymous", False), ("registered", False), ("other_editor", False),
    ("member", True), ("editor", True), ("sysadmin", True),
])
def test_history_page_shows_changes_and_names_only_to_the_agency(client, as_user, edited, who, sees_name):
    viewer = client if who == "anonymous" else as_user(who)
    page = main(viewer.get("/dataset/activity/cong-khai").get_data(as_text=True))
    assert "Danh sách trạm y tế" in page and "Trạm y tế xã (2025)" in page  # before and after
    assert "Tỉnh An Giang" in page
    assert ("Người dùng editor" in page) is sees_name
    if not sees_name:
        assert "Sở Y tế" in page


def test_dataset_page_has_recent_changes_and_a_manage_link_for_editors(client, as_user, edited):
    public = main(client.get("/dataset/cong-khai").get_data(as_text=True))
    assert "Trạm y tế xã (2025)" in public and 'href="/dataset/activity/cong-khai"' in public
    assert "/dataset/manage/cong-khai" not in public and "Người dùng editor" not in public
    assert "/dataset/manage/cong-khai" not in as_user("member").get("/dataset/cong-khai").get_data(as_text=True)
    assert "/dataset/manage/cong-khai" in as_user("editor").get("/dataset/cong-khai").get_data(as_text=True)


def test_resource_page_edit_link_for_editors_only(client, as_user, published):
    url = f"/dataset/cong-khai/resource/{published.resources[0].id}"
    edit = f"{url}/edit"
    assert edit not in client.get(url).get_data(as_text=True)
    assert edit not in as_user("other_editor").get(url).get_data(as_text=True)
    assert edit in as_user("admin").get(url).get_data(as_text=True)


def test_long_histories_are_paged(client, people, published):
    for n in range(32):
        publishing.update_dataset(people["editor"], published, {"version": f"1.{n}"}, published.lock_version)
    first = client.get("/dataset/activity/cong-khai").get_data(as_text=True)
    assert 'rel="next"' in first and "1.31" in first and "1.0</td>" not in first
    second = client.get("/dataset/activity/cong-khai?page=2").get_data(as_text=True)
    assert "1.0</td>" in second and 'rel="prev"' in second
    assert client.get("/dataset/activity/cong-khai?page=3").status_code == 404
