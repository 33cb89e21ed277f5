"""Agency membership: adding, roles, removal, the last-administrator rule and the focal officer."""
from __future__ import annotations

from opendata.extensions import db
from opendata.models import Role
from tests.admin.conftest import activities, vi, vi_plural


def _role(people, name, agencies):
    db.session.expire_all()
    return people[name].role_in(agencies["own"].id)


def test_members_are_listed_with_roles(as_user, people):
    page = as_user("admin").get("/organization/so-y-te/members").get_data(as_text=True)
    for name in ("Người dùng admin", "Người dùng editor", "Người dùng member"):
        assert name in page
    assert "Người dùng other_editor" not in page
    assert vi_plural("%(num)s member", "%(num)s members", 3) in page
    assert '<option value="admin" selected>' in page


def test_add_member_by_email_any_case(as_user, people, agencies):
    response = as_user("admin").post("/organization/so-y-te/members", data={"user": "REGISTERED@example.gov.vn", "role": "member"})
    assert response.status_code == 302
    assert _role(people, "registered", agencies) is Role.MEMBER
    (entry,) = activities("organization.member_added")
    assert entry.organization_id == agencies["own"].id and entry.user.username == "admin"
    assert entry.changes == {"member:registered": [None, "member"]}


def test_add_unknown_or_existing_member_is_refused(as_user, people):
    client = as_user("admin")
    response = client.post("/organization/so-y-te/members", data={"user": "nobody@example.gov.vn", "role": "editor"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert vi("No account has this username or e-mail address. The person must register on the portal first.") in page
    assert 'value="nobody@example.gov.vn"' in page
    response = client.post("/organization/so-y-te/members", data={"user": "editor", "role": "admin"})
    assert response.status_code == 422
    assert vi("%(name)s is already a member of this agency.", name="Người dùng editor") in response.get_data(as_text=True)
    assert activities() == []


def test_change_role_and_remove(as_user, people, agencies):
    client = as_user("admin")
    assert client.post("/organization/so-y-te/members/member/role", data={"role": "editor"}).status_code == 302
    assert _role(people, "member", agencies) is Role.EDITOR
    assert client.post("/organization/so-y-te/members/member/remove").status_code == 302
    assert _role(people, "member", agencies) is None
    actions = [(a.action, a.changes) for a in activities()]
    assert actions == [
        ("organization.member_role_changed", {"member:member": ["member", "editor"]}),
        ("organization.member_removed", {"member:member": ["editor", None]}),
    ]
    assert client.post("/organization/so-y-te/members/member/remove").status_code == 404  # no longer a member


def test_last_admin_cannot_leave_or_step_down(as_user, people, agencies):
    client = as_user("admin")
    response = client.post("/organization/so-y-te/members/admin/role", data={"role": "editor"})
    assert response.status_code == 422
    assert vi("%(name)s is the agency's only administrator. Make another member an administrator first, so that someone can still manage the agency.", name="Người dùng admin") in response.get_data(as_text=True)
    response = client.post("/organization/so-y-te/members/admin/remove")
    assert response.status_code == 422
    assert _role(people, "admin", agencies) is Role.ADMIN
    # With a second administrator the first may step down.
    assert client.post("/organization/so-y-te/members/editor/role", data={"role": "admin"}).status_code == 302
    assert client.post("/organization/so-y-te/members/admin/role", data={"role": "editor"}).status_code == 302
    assert _role(people, "admin", agencies) is Role.EDITOR


def test_sysadmin_may_leave_an_agency_without_admin(as_user, people, agencies):
    response = as_user("sysadmin").post("/organization/so-y-te/members/admin/remove")
    assert response.status_code == 302
    assert _role(people, "admin", agencies) is None


def test_focal_officer_is_designated_from_members(as_user, people, client, agencies):
    admin = as_user("admin")
    response = admin.post("/organization/so-y-te/focal", data={
        "member": "editor", "focal_title": "Chuyên viên phòng Kế hoạch", "focal_phone": "0296 3856 789",
    })
    assert response.status_code == 302
    public = client.get("/organization/so-y-te").get_data(as_text=True)
    assert "Người dùng editor" in public and "editor@example.gov.vn" in public
    assert "Chuyên viên phòng Kế hoạch" in public and "0296 3856 789" in public
    (entry,) = activities("organization.focal_officer_designated")
    assert entry.changes["focal_name"] == [None, "Người dùng editor"]
    assert entry.changes["focal_email"] == [None, "editor@example.gov.vn"]
    members_page = admin.get("/organization/so-y-te/members").get_data(as_text=True)
    assert vi("Current focal officer: %(name)s (%(email)s).", name="Người dùng editor", email="editor@example.gov.vn") in members_page
    # The form shows the current choice.
    assert '<option selected value="editor">' in admin.get("/organization/so-y-te/focal").get_data(as_text=True) or \
        '<option value="editor" selected>' in admin.get("/organization/so-y-te/focal").get_data(as_text=True)


def test_focal_officer_must_be_a_member(as_user, people):
    response = as_user("admin").post("/organization/so-y-te/focal", data={"member": "other_editor"})
    assert response.status_code == 422
    assert vi("Choose one of the agency's members.") in response.get_data(as_text=True)
    response = as_user("admin").post("/organization/so-y-te/focal", data={"member": "editor", "focal_phone": "abc"})
    assert response.status_code == 422
    assert vi("Enter a phone number using digits, spaces and + ( ) . - only.") in response.get_data(as_text=True)
    assert activities() == []


def test_names_in_messages_are_escaped(as_user, people):
    people["admin"].full_name = "<b>Quản trị</b>"
    db.session.commit()
    page = as_user("admin").post("/organization/so-y-te/members/admin/remove").get_data(as_text=True)
    assert vi("%(name)s is the agency's only administrator. Make another member an administrator first, so that someone can still manage the agency.", name="<b>Quản trị</b>") in page
    assert "<b>Quản trị</b>" not in page
