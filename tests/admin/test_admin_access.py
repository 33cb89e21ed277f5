"""Who may open and use each administration page: roles x pages, GET and POST.

A signed-in person who may not gets 404 (the pages do not reveal that they
exist), a visitor who has not signed in is sent to the sign-in page, a
refused POST changes nothing, and an allowed POST records its change.
"""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.admin.conftest import activity_count
from tests.conftest import login_as

ROLES = ["anonymous", "registered", "member", "editor", "admin", "other_editor", "sysadmin"]
SYSADMIN = {"sysadmin"}
OWN_ADMINS = {"admin", "sysadmin"}
OWN_MEMBERS = {"member", "editor", "admin", "sysadmin"}
OTHER_MEMBERS = {"other_editor", "sysadmin"}

ORG_FIELDS = {
    "name": "Sở Y tế tỉnh An Giang", "slug": "so-y-te", "agency_type_id": "{type_id}", "parent_id": "",
    "email": "syt@angiang.gov.vn", "phone": "0296 3852 123",
}

# (case id, method, url, form data, roles allowed). "{...}" are filled from the directory fixture.
CASES = [
    ("dashboard", "GET", "/admin", None, SYSADMIN),
    ("agencies", "GET", "/admin/organizations", None, SYSADMIN),
    ("agency-new", "GET", "/admin/organizations/new", None, SYSADMIN),
    ("agency-create", "POST", "/admin/organizations/new",
     {"name": "Sở Du lịch", "slug": "so-du-lich", "agency_type_id": "{type_id}", "parent_id": ""}, SYSADMIN),
    ("own-edit", "GET", "/organization/so-y-te/edit", None, OWN_ADMINS),
    ("own-update", "POST", "/organization/so-y-te/edit", ORG_FIELDS, OWN_ADMINS),
    ("other-edit", "GET", "/organization/so-xay-dung/edit", None, SYSADMIN),
    ("other-update", "POST", "/organization/so-xay-dung/edit", {**ORG_FIELDS, "slug": "so-xay-dung"}, SYSADMIN),
    ("agency-delete-form", "GET", "/admin/organizations/ban-qlda/delete", None, SYSADMIN),
    ("agency-delete", "POST", "/admin/organizations/ban-qlda/delete", {}, SYSADMIN),
    ("types", "GET", "/admin/agency-types", None, SYSADMIN),
    ("type-new", "GET", "/admin/agency-types/new", None, SYSADMIN),
    ("type-create", "POST", "/admin/agency-types/new", {"name": "Huyện", "slug": "huyen"}, SYSADMIN),
    ("type-edit", "GET", "/admin/agency-types/{unused_type_id}/edit", None, SYSADMIN),
    ("type-update", "POST", "/admin/agency-types/{unused_type_id}/edit", {"name": "Xã", "slug": "xa"}, SYSADMIN),
    ("type-delete", "POST", "/admin/agency-types/{unused_type_id}/delete", {}, SYSADMIN),
    ("topics", "GET", "/admin/topics", None, SYSADMIN),
    ("topic-new", "GET", "/admin/topics/new", None, SYSADMIN),
    ("topic-create", "POST", "/admin/topics/new", {"name": "Y tế", "slug": "y-te", "eu_theme": "HEAL"}, SYSADMIN),
    ("topic-edit", "GET", "/admin/topics/kinh-te/edit", None, SYSADMIN),
    ("topic-update", "POST", "/admin/topics/kinh-te/edit", {"name": "Kinh tế - Tài chính", "slug": "kinh-te", "eu_theme": ""}, SYSADMIN),
    ("topic-delete-form", "GET", "/admin/topics/kinh-te/delete", None, SYSADMIN),
    ("topic-delete", "POST", "/admin/topics/kinh-te/delete", {}, SYSADMIN),
    ("licences", "GET", "/admin/licences", None, SYSADMIN),
    ("licence-new", "GET", "/admin/licences/new", None, SYSADMIN),
    ("licence-create", "POST", "/admin/licences/new", {"id": "odc-by", "title": "ODC-By"}, SYSADMIN),
    ("licence-edit", "GET", "/admin/licences/test-licence/edit", None, SYSADMIN),
    ("licence-update", "POST", "/admin/licences/test-licence/edit", {"title": "Giấy phép thử (sửa)"}, SYSADMIN),
    ("licence-delete", "POST", "/admin/licences/test-licence/delete", {}, SYSADMIN),
    ("users", "GET", "/admin/users", None, SYSADMIN),
    ("user", "GET", "/admin/users/registered", None, SYSADMIN),
    ("user-deactivate", "POST", "/admin/users/registered/active", {"value": "0"}, SYSADMIN),
    ("user-sysadmin", "POST", "/admin/users/registered/sysadmin", {"value": "1"}, SYSADMIN),
    ("user-membership", "POST", "/admin/users/registered/memberships", {"organization": "so-y-te", "role": "member"}, SYSADMIN),
    ("audit", "GET", "/admin/audit", None, SYSADMIN),
    ("own-members", "GET", "/organization/so-y-te/members", None, OWN_ADMINS),
    ("own-member-add", "POST", "/organization/so-y-te/members", {"user": "registered", "role": "editor"}, OWN_ADMINS),
    ("own-member-role", "POST", "/organization/so-y-te/members/member/role", {"role": "editor"}, OWN_ADMINS),
    ("own-member-remove", "POST", "/organization/so-y-te/members/member/remove", {}, OWN_ADMINS),
    ("own-focal", "GET", "/organization/so-y-te/focal", None, OWN_ADMINS),
    ("own-focal-set", "POST", "/organization/so-y-te/focal", {"member": "editor", "focal_title": "Chuyên viên"}, OWN_ADMINS),
    ("other-members", "GET", "/organization/so-xay-dung/members", None, SYSADMIN),
    ("other-member-add", "POST", "/organization/so-xay-dung/members", {"user": "registered", "role": "editor"}, SYSADMIN),
    ("other-focal-set", "POST", "/organization/so-xay-dung/focal", {"member": "other_editor"}, SYSADMIN),
    ("own-activity", "GET", "/organization/so-y-te/activity", None, OWN_MEMBERS),
    ("other-activity", "GET", "/organization/so-xay-dung/activity", None, OTHER_MEMBERS),
]


def _fill(value: str, directory) -> str:
    return value.format(type_id=directory["empty_agency"].agency_type_id, unused_type_id=directory["unused_type"].id)


def _request(app, people, directory, role, method, url, data):
    client = app.test_client()
    if role != "anonymous":
        login_as(client, people[role])
    url = _fill(url, directory)
    if method == "GET":
        return client.get(url)
    return client.post(url, data={k: _fill(v, directory) for k, v in data.items()})


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_refused_roles_get_404_and_change_nothing(app, people, directory, case):
    _name, method, url, data, allowed = case
    before = activity_count()
    for role in ROLES:
        if role not in allowed:
            response = _request(app, people, directory, role, method, url, data)
            if role == "anonymous":  # asked to sign in first
                assert response.status_code == 302, url
                assert response.location.startswith("/account/login?next="), response.location
            else:
                assert response.status_code == 404, (role, url)
    assert activity_count() == before, "a refused request changes nothing"


def test_sign_in_returns_to_the_page(app, people, directory):
    client = app.test_client()
    response = client.get("/admin/audit?user=admin")
    assert response.status_code == 302

    assert parse_qs(urlsplit(response.location).query)["next"] == ["/admin/audit?user=admin"]
    # A button (POST-only address) sends the visitor back to the page the button was on.
    response = client.post("/organization/so-y-te/members/member/remove",
                           headers={"Referer": "http://localhost/organization/so-y-te/members"})
    assert parse_qs(urlsplit(response.location).query)["next"] == ["/organization/so-y-te/members"]
    # Only the path of the referring page is kept: never a way off the portal.
    response = client.post("/admin/users/registered/active", data={"value": "0"},
                           headers={"Referer": "https://elsewhere.example/phish"})
    assert parse_qs(urlsplit(response.location).query)["next"] == ["/phish"]


@pytest.mark.parametrize("case", [c for c in CASES if c[1] == "GET"], ids=[c[0] for c in CASES if c[1] == "GET"])
def test_allowed_roles_see_the_page(app, people, directory, case):
    _name, method, url, data, allowed = case
    for role in sorted(allowed):
        response = _request(app, people, directory, role, method, url, data)
        assert response.status_code == 200, (role, url, response.get_data(as_text=True)[:3000])


ALLOWED_POSTS = [(c, role) for c in CASES if c[1] == "POST" for role in sorted(c[4])]


@pytest.mark.parametrize("case,role", ALLOWED_POSTS, ids=[f"{c[0]}-{role}" for c, role in ALLOWED_POSTS])
def test_allowed_roles_change_and_the_change_is_recorded(app, people, directory, case, role):
    _name, method, url, data, _allowed = case
    before = activity_count()
    response = _request(app, people, directory, role, method, url, data)
    assert response.status_code == 302, (role, url, response.get_data(as_text=True)[:3000])
    assert activity_count() > before
