"""Accounts: finding them, (de)activating, sysadmin rights, memberships from the user page."""
from __future__ import annotations

from opendata.extensions import db
from opendata.models import Role, User
from tests.admin.conftest import activities, vi, vi_plural


def test_user_list_search_and_paging(as_user, people):
    for n in range(30):
        db.session.add(User(username=f"canbo{n:02d}", email=f"canbo{n:02d}@angiang.gov.vn", full_name=f"Cán bộ số {n}"))
    db.session.commit()
    client = as_user("sysadmin")
    first = client.get("/admin/users").get_data(as_text=True)
    assert vi_plural("%(num)s account", "%(num)s accounts", 36) in first
    assert ">canbo00<" in first and ">registered<" not in first  # 25 a page, by username
    second = client.get("/admin/users?page=2").get_data(as_text=True)
    assert ">registered<" in second and ">canbo00<" not in second
    assert client.get("/admin/users?page=3").status_code == 404
    found = client.get("/admin/users?q=CANBO1").get_data(as_text=True)
    assert vi_plural("%(num)s account matches “%(q)s”", "%(num)s accounts match “%(q)s”", 10, q="CANBO1") in found and ">canbo15<" in found and ">canbo20<" not in found
    by_email = client.get("/admin/users?q=other_editor@example").get_data(as_text=True)
    assert vi_plural("%(num)s account matches “%(q)s”", "%(num)s accounts match “%(q)s”", 1, q="other_editor@example") in by_email
    assert vi("No account matches your search.") in client.get("/admin/users?q=khongco").get_data(as_text=True)


def test_deactivated_user_is_signed_out(as_user, people):
    target = as_user("editor")
    assert target.get("/organization/so-y-te/activity").status_code == 200
    response = as_user("sysadmin").post("/admin/users/editor/active", data={"value": "0"})
    assert response.status_code == 302
    db.session.expire_all()
    assert people["editor"].active is False
    response = target.get("/organization/so-y-te/activity")  # the session no longer counts
    assert response.status_code == 302 and response.location.startswith("/account/login")
    (entry,) = activities("user.deactivated")
    assert entry.object_id == people["editor"].id and entry.changes == {"active": [True, False]}
    assert as_user("sysadmin").post("/admin/users/editor/active", data={"value": "1"}).status_code == 302
    db.session.expire_all()
    assert people["editor"].active is True


def test_sysadmin_rights_granted_and_removed(as_user, people):
    client = as_user("sysadmin")
    assert client.post("/admin/users/registered/sysadmin", data={"value": "1"}).status_code == 302
    assert as_user("registered").get("/admin").status_code == 200
    assert client.post("/admin/users/registered/sysadmin", data={"value": "0"}).status_code == 302
    assert as_user("registered").get("/admin").status_code == 404
    assert [a.action for a in activities() if a.object_type == "user"] == ["user.sysadmin_granted", "user.sysadmin_revoked"]


def test_nobody_changes_their_own_flags(as_user, people):
    client = as_user("sysadmin")
    response = client.post("/admin/users/sysadmin/sysadmin", data={"value": "0"})
    assert response.status_code == 422
    assert vi("You cannot change your own administrator rights; ask another administrator.") in response.get_data(as_text=True)
    response = client.post("/admin/users/sysadmin/active", data={"value": "0"})
    assert response.status_code == 422
    db.session.expire_all()
    assert people["sysadmin"].is_sysadmin and people["sysadmin"].active
    assert activities() == []
    assert vi("This is your own account: another administrator must change its status or rights.") in client.get("/admin/users/sysadmin").get_data(as_text=True)


def test_user_page_adds_membership(as_user, people, agencies):
    client = as_user("sysadmin")
    page = client.get("/admin/users/registered").get_data(as_text=True)
    assert vi("This person is not a member of any agency.") in page
    response = client.post("/admin/users/registered/memberships", data={"organization": "so-xay-dung", "role": "editor"})
    assert response.status_code == 302
    db.session.expire_all()
    assert people["registered"].role_in(agencies["other"].id) is Role.EDITOR
    page = client.get("/admin/users/registered").get_data(as_text=True)
    assert "Sở Xây dựng" in page
    response = client.post("/admin/users/registered/memberships", data={"organization": "", "role": "editor"})
    assert response.status_code == 422
    assert vi("Choose an agency.") in response.get_data(as_text=True)


def test_unknown_user_is_404(as_user, people):
    assert as_user("sysadmin").get("/admin/users/khong-ton-tai").status_code == 404
