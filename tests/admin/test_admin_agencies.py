"""Agencies: creating, editing (Department vs agency administrator), slug and
hierarchy rules, deletion, and the history each change leaves."""
from __future__ import annotations

from opendata.extensions import db
from opendata.models import Organization
from tests import factories
from tests.admin.conftest import activities, vi, vi_plural

SLUG_WARNING = (
    "This agency has %(num)d dataset. Changing its short name changes the agency's web address"
    " and breaks links others have saved; tick the confirmation box to change it anyway.")
SLUG_WARNING_PLURAL = (
    "This agency has %(num)d datasets. Changing its short name changes the agency's web address"
    " and breaks links others have saved; tick the confirmation box to change it anyway.")
DELETE_REFUSED = (
    "This agency still has %(num)d dataset, so it cannot be deleted. Move the dataset to another agency"
    " or delete it first.")
DELETE_REFUSED_PLURAL = (
    "This agency still has %(num)d datasets, so it cannot be deleted. Move the datasets to another agency"
    " or delete them first.")


def _org(slug):
    return db.session.scalar(db.select(Organization).where(Organization.slug == slug))


def _form(org, **changes):
    data = {
        "name": org.name, "name_en": org.name_en or "", "slug": org.slug, "agency_type_id": str(org.agency_type_id),
        "parent_id": org.parent_id or "", "description": org.description or "", "email": org.email or "",
    }
    data.update(changes)
    return data


def test_create_agency_records_every_field(as_user, directory):
    client = as_user("sysadmin")
    response = client.post("/admin/organizations/new", data={
        "name": "Sở Du lịch", "slug": "so-du-lich", "abbreviation": "SDL",
        "agency_type_id": str(directory["empty_agency"].agency_type_id), "parent_id": "",
        "website": "https://sdl.angiang.gov.vn", "email": "sdl@angiang.gov.vn",
    })
    assert response.status_code == 302
    org = _org("so-du-lich")
    assert org.abbreviation == "SDL" and org.website == "https://sdl.angiang.gov.vn"
    (entry,) = activities("organization.created")
    assert entry.organization_id == org.id and entry.user.username == "sysadmin"
    assert entry.changes["name"] == [None, "Sở Du lịch"]
    assert entry.changes["slug"] == [None, "so-du-lich"]
    assert client.get("/organization/so-du-lich").status_code == 200


def test_duplicate_slug_is_refused_and_input_kept(as_user, directory):
    client = as_user("sysadmin")
    response = client.post("/admin/organizations/new", data={
        "name": "Sở Y tế mới", "slug": "so-y-te", "agency_type_id": str(directory["empty_agency"].agency_type_id),
    })
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert vi("This short name is already used; choose another one.") in page
    assert 'value="Sở Y tế mới"' in page  # what the person typed stays
    assert 'role="alert"' in page and 'aria-invalid="true"' in page
    assert db.session.scalar(db.select(db.func.count(Organization.id)).where(Organization.name == "Sở Y tế mới")) == 0


def test_slug_must_be_ascii(as_user, directory):
    client = as_user("sysadmin")
    response = client.post("/admin/organizations/new", data={
        "name": "Sở Tư pháp", "slug": "sở-tư-pháp", "agency_type_id": str(directory["empty_agency"].agency_type_id),
    })
    assert response.status_code == 422
    assert vi("Use only lowercase letters without accents (a-z), digits and hyphens, for example so-y-te.") in response.get_data(as_text=True)
    assert _org("sở-tư-pháp") is None


def test_parent_cycle_is_refused(as_user, agencies, directory):
    own, other = agencies["own"], agencies["other"]
    client = as_user("sysadmin")
    assert client.post("/organization/so-xay-dung/edit", data=_form(other, parent_id=own.id)).status_code == 302
    db.session.expire_all()
    assert other.parent_id == own.id
    # Own under its own child: a cycle.
    response = client.post("/organization/so-y-te/edit", data=_form(own, parent_id=other.id))
    assert response.status_code == 422
    assert vi("An agency cannot be placed under itself or under one of its own subordinate agencies.") in response.get_data(as_text=True)
    # Under itself.
    response = client.post("/organization/so-y-te/edit", data=_form(own, parent_id=own.id))
    assert response.status_code == 422
    db.session.expire_all()
    assert own.parent_id is None
    # The form offers neither itself nor its subordinates as parent.
    page = client.get("/organization/so-y-te/edit").get_data(as_text=True)
    assert f'value="{other.id}"' not in page and f'value="{own.id}"' not in page


def test_changing_slug_of_publishing_agency_needs_confirmation(as_user, agencies, directory):
    own = agencies["own"]
    factories.dataset(own, slug="benh-vien")
    client = as_user("sysadmin")
    response = client.post("/organization/so-y-te/edit", data=_form(own, slug="so-y-te-an-giang"))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert vi_plural(SLUG_WARNING, SLUG_WARNING_PLURAL, 1) in page and 'name="confirm_slug_change"' in page
    assert _org("so-y-te") is not None
    response = client.post("/organization/so-y-te/edit", data=_form(own, slug="so-y-te-an-giang", confirm_slug_change="y"))
    assert response.status_code == 302 and response.location.endswith("/organization/so-y-te-an-giang")
    (entry,) = activities("organization.updated")
    assert entry.changes == {"slug": ["so-y-te", "so-y-te-an-giang"]}


def test_agency_without_datasets_changes_slug_freely(as_user, directory):
    org = directory["empty_agency"]
    response = as_user("sysadmin").post("/organization/ban-qlda/edit", data=_form(org, slug="ban-quan-ly-du-an"))
    assert response.status_code == 302
    assert _org("ban-quan-ly-du-an") is not None


def test_agency_admin_edits_contact_and_focal_officer_only(as_user, agencies, directory):
    client = as_user("admin")
    page = client.get("/organization/so-y-te/edit").get_data(as_text=True)
    assert 'name="email"' in page and 'name="focal_name"' in page
    assert 'name="name"' not in page and 'name="slug"' not in page and 'name="parent_id"' not in page
    response = client.post("/organization/so-y-te/edit", data={
        "name": "Tên khác", "slug": "doi-ten", "email": "lienhe@syt.angiang.gov.vn", "phone": "0296 3852 000",
        "focal_name": "Trần Thị B", "focal_email": "ttb@syt.angiang.gov.vn",
    })
    assert response.status_code == 302
    db.session.expire_all()
    org = _org("so-y-te")
    assert org.name == "Sở Y tế"  # identity fields are the Department's
    assert org.email == "lienhe@syt.angiang.gov.vn" and org.focal_name == "Trần Thị B"
    (entry,) = activities("organization.updated")
    assert entry.changes["email"] == [None, "lienhe@syt.angiang.gov.vn"]
    assert "name" not in entry.changes and "slug" not in entry.changes
    public = client.get("/organization/so-y-te").get_data(as_text=True)
    assert "Trần Thị B" in public and "ttb@syt.angiang.gov.vn" in public


def test_bad_contact_values_get_field_messages(as_user, directory):
    response = as_user("admin").post("/organization/so-y-te/edit", data={
        "email": "khong-phai-email", "website": "angiang.gov.vn", "phone": "gọi tôi",
    })
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert vi("Enter an e-mail address such as ten@angiang.gov.vn.") in page
    assert vi("Enter a web address starting with https://.") in page
    assert vi("Enter a phone number using digits, spaces and + ( ) . - only.") in page
    assert 'value="khong-phai-email"' in page
    assert activities("organization.updated") == []


def test_agency_with_datasets_cannot_be_deleted(as_user, agencies, directory):
    factories.dataset(agencies["own"], slug="benh-vien")
    client = as_user("sysadmin")
    response = client.post("/admin/organizations/so-y-te/delete")
    assert response.status_code == 422
    assert vi_plural(DELETE_REFUSED, DELETE_REFUSED_PLURAL, 1) in response.get_data(as_text=True)
    assert _org("so-y-te") is not None
    assert activities("organization.deleted") == []


def test_agency_with_subordinates_cannot_be_deleted(as_user, agencies, directory):
    factories.organization("Phòng Y tế", slug="phong-y-te", parent=directory["empty_agency"])
    response = as_user("sysadmin").post("/admin/organizations/ban-qlda/delete")
    assert response.status_code == 422
    assert vi("Subordinate agencies are placed under this agency. Move them under another agency first.") in response.get_data(as_text=True)


def test_deleting_empty_agency_removes_it_and_its_memberships(as_user, people, directory):
    client = as_user("sysadmin")
    assert client.post("/organization/ban-qlda/members", data={"user": "registered", "role": "admin"}).status_code == 302
    response = client.post("/admin/organizations/ban-qlda/delete")
    assert response.status_code == 302
    assert _org("ban-qlda") is None
    assert client.get("/organization/ban-qlda").status_code == 404
    db.session.expire_all()
    assert people["registered"].memberships == []
    (entry,) = activities("organization.deleted")
    assert entry.changes["name"] == ["Ban Quản lý dự án", None]
    assert entry.changes["members"] == [["registered"], None]


def test_admin_pages_default_to_vietnamese(as_user, directory):
    page = as_user("sysadmin").get("/admin/organizations").get_data(as_text=True)
    assert '<html lang="vi">' in page
    assert "admin.css" in page
