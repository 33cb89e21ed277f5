"""The index follows every change to the catalogue, whichever code made it."""
from __future__ import annotations

import pytest

from opendata import publishing, search
from opendata.extensions import db
from opendata.models import DatasetState
from tests import factories


def found(user, text: str, **filters) -> list[str]:
    _parsed, result = search.search_datasets(user, text, filters=tuple(filters.items()))
    return result.ids


@pytest.fixture
def draft(app, people, agencies):
    return publishing.create_dataset(
        people["editor"], agencies["own"],
        {"title": "Danh sách bến đò ngang", "description": "Các bến đò trên sông Hậu.", "frequency": "ANNUAL"},
    )


def test_a_new_draft_is_found_by_its_agency_only(people, draft):
    assert found(people["editor"], "ben do") == [draft.id]
    assert found(people["member"], "ben do") == [draft.id]
    assert found(people["sysadmin"], "ben do") == [draft.id]
    assert found(None, "ben do") == []
    assert found(people["other_editor"], "ben do") == []
    assert found(people["registered"], "ben do") == []


def test_editing_replaces_the_indexed_words(people, draft):
    publishing.update_dataset(people["editor"], draft, {"title": "Danh sách cầu treo", "description": "Cầu."}, draft.lock_version)
    assert found(people["editor"], "ben do") == []
    assert found(people["editor"], "cau treo") == [draft.id]


def test_publishing_withdrawing_and_privacy_change_who_finds_it(people, draft):
    publishing.add_link(people["editor"], draft, "https://example.gov.vn/ben-do.csv", "Bến đò", format="CSV")
    publishing.publish_dataset(people["editor"], draft)
    assert found(None, "ben do") == [draft.id]
    assert found(None, "", format="CSV") == [draft.id]
    publishing.set_private(people["editor"], draft, True)
    assert found(None, "ben do") == []
    assert found(people["member"], "ben do") == [draft.id]
    publishing.set_private(people["editor"], draft, False)
    publishing.withdraw_dataset(people["editor"], draft, "Số liệu đã được thay thế bằng bộ mới.")
    assert found(None, "ben do") == []
    assert found(people["sysadmin"], "ben do") == []  # withdrawn datasets are not listed for anyone


def test_deleting_a_draft_removes_it(people, draft):
    dataset_id = draft.id
    publishing.delete_dataset(people["editor"], draft)
    assert found(people["sysadmin"], "ben do") == []
    assert dataset_id not in search.get_backend().document_ids()


def test_resource_names_and_formats_are_indexed(people, draft):
    resource = publishing.add_link(people["editor"], draft, "https://example.gov.vn/x.json", "Tọa độ bến", format="JSON")
    assert found(people["editor"], "toa do") == [draft.id]
    assert found(people["editor"], "", format="JSON") == [draft.id]
    publishing.delete_resource(people["editor"], resource)
    assert found(people["editor"], "toa do") == []


def test_a_rolled_back_change_never_reaches_the_index(people, draft):
    draft.title = "Tiêu đề chưa lưu"
    db.session.flush()
    db.session.rollback()
    db.session.commit()
    assert found(people["editor"], "chua luu") == []
    assert found(people["editor"], "ben do") == [draft.id]


def test_renaming_an_agency_slug_updates_its_facet(app, people, agencies):
    dataset = factories.dataset(agencies["own"], title="Giường bệnh")
    agencies["own"].slug = "so-y-te-moi"
    db.session.commit()
    assert found(None, "", organization="so-y-te-moi") == [dataset.id]
    assert found(None, "", organization="so-y-te") == []


def test_factories_and_direct_model_changes_are_indexed_too(app):
    dataset = factories.dataset(title="Chợ nổi Long Xuyên", state=DatasetState.DRAFT)
    assert found(None, "cho noi") == []
    dataset.state = DatasetState.PUBLISHED
    db.session.commit()
    assert found(None, "cho noi") == [dataset.id]
