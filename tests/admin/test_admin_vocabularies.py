"""Agency types, topics and licences: the Department's lists and their rules."""
from __future__ import annotations

from opendata.extensions import db
from opendata.models import AgencyType, Dataset, Licence, Topic
from tests import factories
from tests.admin.conftest import activities, vi, vi_plural


def _defaults() -> list[str]:
    return list(db.session.scalars(db.select(Licence.id).where(Licence.is_default.is_(True))))


# -- agency types ----------------------------------------------------------------

def test_agency_type_create_edit_and_history(as_user, directory):
    client = as_user("sysadmin")
    assert client.post("/admin/agency-types/new", data={"name": "UBND huyện", "slug": "ubnd-huyen", "position": "5"}).status_code == 302
    created = db.session.scalar(db.select(AgencyType).where(AgencyType.slug == "ubnd-huyen"))
    assert created.position == 5
    response = client.post(f"/admin/agency-types/{created.id}/edit", data={"name": "UBND cấp huyện", "slug": "ubnd-huyen", "position": "5"})
    assert response.status_code == 302
    (entry,) = activities("agency_type.updated")
    assert entry.object_type == "agencytype" and entry.object_id == str(created.id)
    assert entry.changes == {"name": ["UBND huyện", "UBND cấp huyện"]}
    assert "UBND cấp huyện" in client.get("/admin/agency-types").get_data(as_text=True)


def test_agency_type_duplicate_slug_and_bad_number(as_user, directory):
    response = as_user("sysadmin").post("/admin/agency-types/new", data={"name": "Trùng", "slug": "xa-phuong", "position": "năm"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert vi("Enter a whole number.") in page
    response = as_user("sysadmin").post("/admin/agency-types/new", data={"name": "Trùng", "slug": "xa-phuong"})
    assert response.status_code == 422
    assert vi("This short name is already used; choose another one.") in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(AgencyType.id)).where(AgencyType.name == "Trùng")) == 0


def test_used_agency_type_cannot_be_deleted(as_user, agencies, directory):
    used = agencies["own"].agency_type
    client = as_user("sysadmin")
    response = client.post(f"/admin/agency-types/{used.id}/delete")
    assert response.status_code == 422
    assert vi_plural(
        "%(num)d agency is of this type, so it cannot be deleted. Give the agency another type first.",
        "%(num)d agencies are of this type, so it cannot be deleted. Give those agencies another type first.", 3,
    ) in response.get_data(as_text=True)
    assert db.session.get(AgencyType, used.id) is not None
    unused_id = directory["unused_type"].id
    assert client.post(f"/admin/agency-types/{unused_id}/delete").status_code == 302
    db.session.expire_all()
    assert db.session.get(AgencyType, unused_id) is None
    (entry,) = activities("agency_type.deleted")
    assert entry.changes["slug"] == ["xa-phuong", None]


# -- topics ------------------------------------------------------------------------

def test_topic_create_with_theme_and_bad_theme(as_user, directory):
    client = as_user("sysadmin")
    response = client.post("/admin/topics/new", data={"name": "Y tế", "slug": "y-te", "eu_theme": "HEAL", "name_en": "Health"})
    assert response.status_code == 302
    topic = db.session.scalar(db.select(Topic).where(Topic.slug == "y-te"))
    assert topic.eu_theme == "HEAL" and topic.name_en == "Health"
    assert client.get("/group/y-te").status_code == 200
    response = client.post("/admin/topics/new", data={"name": "Lạ", "slug": "la", "eu_theme": "XXXX"})
    assert response.status_code == 422
    assert vi("Choose a theme from the list.") in response.get_data(as_text=True)


def test_deleting_used_topic_needs_confirmation_and_keeps_datasets(as_user, agencies, directory):
    topic = directory["topic"]
    other = factories.topic("Xã hội", slug="xa-hoi")
    dataset = factories.dataset(agencies["own"], slug="gia-ca", topics=[topic, other])
    client = as_user("sysadmin")
    page = client.get("/admin/topics/kinh-te/delete").get_data(as_text=True)
    assert vi_plural(
        "%(num)s dataset is filed under this topic. Deleting the topic takes it off this dataset; the dataset itself stays.",
        "%(num)s datasets are filed under this topic. Deleting the topic takes it off these datasets; the datasets themselves stay.",
        1) in page
    assert dataset.title in page
    response = client.post("/admin/topics/kinh-te/delete")  # no confirmation ticked
    assert response.status_code == 422
    assert vi("Tick the box to confirm that the topic is taken off these datasets.") in response.get_data(as_text=True)
    assert db.session.get(Topic, topic.id) is not None
    response = client.post("/admin/topics/kinh-te/delete", data={"confirm": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.scalar(db.select(Topic).where(Topic.slug == "kinh-te")) is None
    kept = db.session.get(Dataset, dataset.id)
    assert [t.slug for t in kept.topics] == ["xa-hoi"]
    (change,) = activities("dataset.updated")
    assert change.dataset_id == dataset.id
    assert change.changes == {"topics": [["kinh-te", "xa-hoi"], ["xa-hoi"]]}
    assert len(activities("topic.deleted")) == 1


def test_unused_topic_is_deleted_without_confirmation(as_user, directory):
    assert as_user("sysadmin").post("/admin/topics/kinh-te/delete").status_code == 302
    assert db.session.scalar(db.select(Topic).where(Topic.slug == "kinh-te")) is None


# -- licences ------------------------------------------------------------------------

def test_exactly_one_default_licence(as_user, directory):
    (old_default,) = _defaults()
    client = as_user("sysadmin")
    response = client.post("/admin/licences/test-licence/edit", data={"title": "Giấy phép thử", "od_conformant": "y", "is_default": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    assert _defaults() == ["test-licence"]
    changes = {entry.object_id: entry.changes for entry in activities("licence.updated")}
    assert changes[old_default] == {"is_default": [True, False]}
    assert changes["test-licence"] == {"is_default": [False, True]}
    # A new licence created as the default takes the flag over too.
    response = client.post("/admin/licences/new", data={"id": "odc-by-1.0", "title": "ODC-By", "is_default": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    assert _defaults() == ["odc-by-1.0"]


def test_the_default_cannot_be_switched_off_or_deleted(as_user, directory):
    (default,) = _defaults()
    client = as_user("sysadmin")
    response = client.post(f"/admin/licences/{default}/edit", data={"title": "Điều khoản mặc định"})
    assert response.status_code == 422
    assert vi("One licence must always be the default. To change it, open the licence that should become"
              " the default and tick this box there.") in response.get_data(as_text=True)
    response = client.post(f"/admin/licences/{default}/delete")
    assert response.status_code == 422
    assert vi("This is the default licence, so it cannot be deleted. Make another licence the default first.") in response.get_data(as_text=True)
    db.session.expire_all()
    assert _defaults() == [default]


def test_used_licence_cannot_be_deleted(as_user, agencies, directory):
    factories.dataset(agencies["own"], slug="thu-tuc", licence_id="test-licence")
    client = as_user("sysadmin")
    response = client.post("/admin/licences/test-licence/delete")
    assert response.status_code == 422
    assert vi_plural("%(num)d dataset uses this licence, so it cannot be deleted.",
                     "%(num)d datasets use this licence, so it cannot be deleted.", 1) in response.get_data(as_text=True)
    assert db.session.get(Licence, "test-licence") is not None


def test_unused_licence_is_deleted_with_history(as_user, directory):
    assert as_user("sysadmin").post("/admin/licences/test-licence/delete").status_code == 302
    db.session.expire_all()
    assert db.session.get(Licence, "test-licence") is None
    (entry,) = activities("licence.deleted")
    assert entry.object_id == "test-licence" and entry.changes["title"] == ["Giấy phép thử", None]


def test_licence_code_rules(as_user, directory):
    client = as_user("sysadmin")
    response = client.post("/admin/licences/new", data={"id": "Giấy phép", "title": "X"})
    assert response.status_code == 422
    response = client.post("/admin/licences/new", data={"id": "test-licence", "title": "X"})
    assert response.status_code == 422
    assert vi("Another licence already has this code.") in response.get_data(as_text=True)
    # The code is fixed once created: the edit form has no such field.
    assert 'name="id"' not in client.get("/admin/licences/test-licence/edit").get_data(as_text=True)
