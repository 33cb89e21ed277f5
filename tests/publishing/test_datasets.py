"""The dataset life cycle as a capability: what an officer's action changes and records."""
import pytest
from sqlalchemy import update

from opendata import publishing
from opendata.extensions import db
from opendata.history import dataset_activity
from opendata.models import Dataset, DatasetState
from tests import factories


def test_create_derives_slug_and_identifier_and_records_history(app, people, agencies):
    dataset = publishing.create_dataset(people["editor"], agencies["own"], {
        "title": "Danh sách Trạm y tế xã, phường", "description": "Các **trạm y tế**.",
        "licence_id": "cc-by-4.0", "tags": "y tế, trạm y tế , y tế", "frequency": "ANNUAL",
        "temporal_start": "2024-01-01", "temporal_end": "2024-12-31",
    })
    assert dataset.slug == "danh-sach-tram-y-te-xa-phuong"
    assert dataset.identifier.endswith(dataset.slug)
    assert dataset.state is DatasetState.DRAFT
    assert [t.name for t in dataset.tags] == ["trạm y tế", "y tế"]
    entry = dataset_activity(dataset.id)[0]
    assert entry.action == "dataset.created" and entry.user_id == people["editor"].id
    assert entry.changes["title"] == [None, "Danh sách Trạm y tế xã, phường"]


def test_same_title_gets_a_distinct_slug(app, people, agencies):
    first = publishing.create_dataset(people["editor"], agencies["own"], {"title": "Giá đất"})
    second = publishing.create_dataset(people["editor"], agencies["own"], {"title": "Giá đất"})
    assert (first.slug, second.slug) == ("gia-dat", "gia-dat-2")


def test_validation_reports_every_problem_and_saves_nothing(app, people, agencies):
    with pytest.raises(publishing.ValidationError) as error:
        publishing.create_dataset(people["editor"], agencies["own"], {
            "title": "", "licence_id": "proprietary", "contact_email": "khong-phai-email",
            "temporal_start": "2024-12-31", "temporal_end": "2024-01-01", "frequency": "HOURLY",
            "issued": "31/12/2024", "topics": ["khong-co"],
        })
    assert set(error.value.errors) == {"title", "licence_id", "contact_email", "temporal_end", "frequency", "issued", "topics"}
    assert db.session.scalar(db.select(db.func.count(Dataset.id))) == 0


def test_update_records_field_level_changes(app, people, agencies):
    dataset = publishing.create_dataset(people["editor"], agencies["own"], {"title": "Dân số", "spatial": "Tỉnh An Giang"})
    publishing.update_dataset(people["editor"], dataset, {"title": "Dân số theo xã", "tags": ["dân số"]}, dataset.lock_version)
    entry = dataset_activity(dataset.id)[0]
    assert entry.action == "dataset.updated"
    assert entry.changes == {"title": ["Dân số", "Dân số theo xã"], "tag_names": [[], ["dân số"]]}


def test_stale_edit_is_refused_and_changes_nothing(app, people, agencies):
    dataset = publishing.create_dataset(people["editor"], agencies["own"], {"title": "Ngân sách"})
    loaded = dataset.lock_version
    publishing.update_dataset(people["admin"], dataset, {"title": "Ngân sách 2025"}, loaded)
    with pytest.raises(publishing.ConflictError):
        publishing.update_dataset(people["editor"], dataset, {"title": "Ngân sách (sửa)"}, loaded)
    db.session.expire_all()
    assert db.session.get(Dataset, dataset.id).title == "Ngân sách 2025"


def test_a_write_racing_past_the_check_is_caught_by_the_database(app, people, agencies):
    dataset = publishing.create_dataset(people["editor"], agencies["own"], {"title": "Ngân sách"})
    version = dataset.lock_version
    # Another server commits between our check and our UPDATE.
    db.session.execute(update(Dataset).where(Dataset.id == dataset.id).values(lock_version=version + 1))
    with pytest.raises(publishing.ConflictError):
        publishing.update_dataset(people["editor"], dataset, {"title": "Ngân sách mới"}, version)


@pytest.mark.parametrize("who", ["other_editor", "member", "registered"])
def test_people_outside_the_agency_cannot_create_or_edit(app, people, agencies, who):
    with pytest.raises(publishing.PermissionDenied):
        publishing.create_dataset(people[who], agencies["own"], {"title": "X"})
    dataset = factories.dataset(agencies["own"], state=DatasetState.DRAFT)
    with pytest.raises(publishing.PermissionDenied):
        publishing.update_dataset(people[who], dataset, {"title": "Y"}, dataset.lock_version)


def test_withdraw_needs_a_reason_and_keeps_the_dataset(app, people, agencies):
    dataset = factories.dataset(agencies["own"])
    with pytest.raises(publishing.ValidationError):
        publishing.withdraw_dataset(people["editor"], dataset, "sai")
    publishing.withdraw_dataset(people["editor"], dataset, "Số liệu năm 2023 bị nhập sai, đã thay bằng bộ mới.")
    assert dataset.state is DatasetState.WITHDRAWN
    assert dataset_activity(dataset.id)[0].action == "dataset.withdrawn"


def test_only_drafts_can_be_deleted_and_their_files_go(app, people, agencies):
    from opendata.storage import get_storage

    published = factories.dataset(agencies["own"], resources=[("a.csv", b"a\n1\n")])
    with pytest.raises(publishing.PermissionDenied):
        publishing.delete_dataset(people["sysadmin"], published)
    draft = factories.dataset(agencies["own"], state=DatasetState.DRAFT, resources=[("b.csv", b"b\n2\n")])
    key = draft.resources[0].storage_key
    publishing.delete_dataset(people["editor"], draft)
    assert db.session.get(Dataset, draft.id) is None
    assert not get_storage().exists(key)


def test_making_private_hides_from_visitors(app, client, people, agencies):
    dataset = factories.dataset(agencies["own"], slug="cong-khai")
    assert client.get("/dataset/cong-khai").status_code == 200
    publishing.set_private(people["editor"], dataset, True)
    assert client.get("/dataset/cong-khai").status_code == 404


def test_republishing_keeps_files_the_gate_held_back(app, client, people, agencies):
    import io

    dataset = factories.dataset(agencies["own"], slug="ho-ngheo", description="Danh sách hộ nghèo.", resources=[("tong-hop.csv", "Xã,Số hộ\nMỹ Hòa,12\n".encode())])
    result = publishing.add_file(people["editor"], dataset, io.BytesIO("Họ và tên,Số CCCD\nNguyễn Văn A,079203001234\n".encode()), "chi-tiet.csv")
    assert result.resource.withheld
    publishing.withdraw_dataset(people["editor"], dataset, "Tạm gỡ để rà soát lại số liệu hộ nghèo.")
    publishing.publish_dataset(people["editor"], dataset)
    assert result.resource.withheld
    page = client.get("/dataset/ho-ngheo").get_data(as_text=True)
    assert "tong-hop" in page and "chi-tiet" not in page
    assert client.get(f"/dataset/ho-ngheo/resource/{result.resource.id}/download/chi-tiet.csv").status_code == 404
