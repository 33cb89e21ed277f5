"""Importing the filled template: all rows or none, with a report per row and column."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from opendata import bulk
from opendata.extensions import db
from opendata.models import Activity, Dataset, DatasetState, Tag
from opendata.publishing import PermissionDenied
from tests import factories
from tests.bulk.workbooks import english, errors, fill, plain, save


@pytest.fixture
def topics(app):
    return {
        "health": factories.topic("Y tế - Sức khỏe", slug="y-te-suc-khoe", name_en="Health"),
        "culture": factories.topic("Văn hóa, thể thao", slug="van-hoa-the-thao", name_en="Culture, sport"),
        "economy": factories.topic("Kinh tế", slug="kinh-te"),
    }


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_valid_file_creates_drafts_with_mapped_fields_and_history(app, agencies, people, topics):
    stream = fill(agencies["own"], [
        {
            "title": "Danh sách bệnh viện", "description": "Các bệnh viện trong tỉnh.",
            "licence_id": "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
            "topics": "Y tế - Sức khỏe", "tags": "bệnh viện, y tế ,  ", "frequency": "Hằng năm",
            "temporal_start": datetime(2024, 1, 1), "temporal_end": "31/12/2024", "issued": "2025-01-15",
            "contact_email": "an.nv@syt.angiang.gov.vn", "contact_phone": "+84 296 3852 000", "version": 2,
        },
        None,  # an empty row in between is ignored
        {
            "title": "Lễ hội truyền thống", "licence_id": "cc-zero",
            "topics": "van hoa, THE THAO, kinh-te", "frequency": "monthly", "spatial": "Tỉnh An Giang",
        },
    ])
    report = bulk.import_xlsx(people["editor"], agencies["own"], stream)
    assert errors(report) == []
    assert report.applied and report.rows == 2 and len(report.created) == 2 and not report.updated
    hospitals = db.session.scalar(select(Dataset).where(Dataset.title == "Danh sách bệnh viện"))
    assert hospitals.state is DatasetState.DRAFT and hospitals.organization_id == agencies["own"].id
    assert hospitals.slug == "danh-sach-benh-vien"
    assert hospitals.licence_id == "cc-by-4.0"
    assert [t.slug for t in hospitals.topics] == ["y-te-suc-khoe"]
    assert sorted(t.name for t in hospitals.tags) == ["bệnh viện", "y tế"]
    assert hospitals.frequency == "ANNUAL"
    assert (hospitals.temporal_start, hospitals.temporal_end, hospitals.issued) == (date(2024, 1, 1), date(2024, 12, 31), date(2025, 1, 15))
    assert (hospitals.contact_email, hospitals.contact_phone, hospitals.version) == ("an.nv@syt.angiang.gov.vn", "+84 296 3852 000", "2")
    festivals = db.session.scalar(select(Dataset).where(Dataset.title == "Lễ hội truyền thống"))
    assert festivals.licence_id == "cc-zero" and festivals.frequency == "MONTHLY"
    assert sorted(t.slug for t in festivals.topics) == ["kinh-te", "van-hoa-the-thao"]  # a name with a comma, folded
    created = db.session.scalars(select(Activity).where(Activity.action == "dataset.created")).all()
    assert {(a.dataset_id, a.user_id) for a in created} == {(hospitals.id, people["editor"].id), (festivals.id, people["editor"].id)}
    assert created[0].changes["title"][0] is None


def test_one_bad_file_saves_nothing_and_reports_every_problem_where_excel_shows_it(app, agencies, people, topics):
    stream = fill(agencies["own"], [
        {"title": "Bộ dữ liệu hợp lệ"},  # row 3
        {"description": "Thiếu tên"},  # row 4
        {"title": "Giấy phép lạ", "licence_id": "Giấy phép tự chế"},  # row 5
        {"title": "Ngày sai", "issued": "31/02/2024", "temporal_start": "hôm qua"},  # row 6
        {"title": "Kết thúc trước bắt đầu", "temporal_start": "01/06/2024", "temporal_end": "01/01/2024"},  # row 7
        {"title": "Chủ đề lạ", "topics": "Y tế - Sức khỏe, Thiên văn", "contact_email": "khong-phai-email"},  # row 8
    ])
    before = count(Activity)
    report = bulk.import_xlsx(people["editor"], agencies["own"], stream)
    assert not report.applied and not report.created
    assert errors(report) == [
        (4, "A", "A dataset needs a title."),
        (5, "C", "Unknown licence. Choose one from the list in the template."),
        (6, "G", "Enter a date as dd/mm/yyyy, for example 31/12/2024."),
        (6, "J", "This date does not exist. Write it as dd/mm/yyyy, for example 31/12/2024."),
        (7, "H", "The end of the period must not be before its start."),
        (8, "D", "Unknown topic: Thiên văn. Choose topics from the list in the template, separated by commas."),
        (8, "M", "Enter a valid e-mail address, for example ten@so.angiang.gov.vn."),
    ]
    by_row = {e.row: e for e in report.errors}
    assert by_row[5].column == "C – Giấy phép" and by_row[5].value == "Giấy phép tự chế"
    assert count(Dataset) == 0 and count(Activity) == before


def test_rows_with_a_slug_update_the_agency_datasets(app, agencies, people, topics):
    ours = factories.dataset(agencies["own"], title="Trường học", slug="truong-hoc", licence_id="cc-zero",
                             tags=["cũ"], description="Mô tả cũ", version="1")
    published = factories.dataset(agencies["own"], title="Chợ", slug="cho", state=DatasetState.PUBLISHED)
    stream = fill(agencies["own"], [
        {"slug": "truong-hoc", "title": "Danh sách trường học", "licence_id": "cc-by-4.0", "tags": "trường học, giáo dục",
         "version": "2"},  # the empty description cell clears it
        {"slug": "Cho", "title": "Chợ", "issued": "01/01/2025"},  # as it is: unchanged
        {"title": "Bộ dữ liệu mới"},
    ])
    report = bulk.import_xlsx(people["editor"], agencies["own"], stream)
    assert errors(report) == [] and report.applied
    assert [d.slug for d in report.updated] == ["truong-hoc"]
    assert [d.slug for d in report.unchanged] == ["cho"]
    assert [d.title for d in report.created] == ["Bộ dữ liệu mới"]
    db.session.expire_all()
    assert (ours.title, ours.licence_id, ours.version, ours.description) == ("Danh sách trường học", "cc-by-4.0", "2", "")
    assert sorted(t.name for t in ours.tags) == ["giáo dục", "trường học"]
    assert ours.state is DatasetState.PUBLISHED and published.state is DatasetState.PUBLISHED
    updated = db.session.scalars(select(Activity).where(Activity.action == "dataset.updated")).all()
    assert [(a.dataset_id, a.user_id) for a in updated] == [(ours.id, people["editor"].id)]
    assert updated[0].changes["licence_id"] == ["cc-zero", "cc-by-4.0"]
    assert updated[0].changes["tag_names"] == [["cũ"], ["giáo dục", "trường học"]]


def test_a_slug_of_another_agency_is_refused_and_nothing_changes(app, agencies, people):
    theirs = factories.dataset(agencies["other"], title="Giấy phép xây dựng", slug="giay-phep-xay-dung")
    stream = fill(agencies["own"], [{"title": "Mới"}, {"slug": "giay-phep-xay-dung", "title": "Chiếm quyền"}])
    report = bulk.import_xlsx(people["editor"], agencies["own"], stream)
    assert not report.applied
    assert errors(report) == [(4, "R", english(
        "This web address belongs to a dataset of another agency. You can only update your own agency's datasets; "
        "leave the cell empty to create a new dataset."))]
    db.session.expire_all()
    assert theirs.title == "Giấy phép xây dựng" and count(Dataset) == 1


def test_the_same_dataset_twice_in_one_file_is_refused(app, agencies, people):
    factories.dataset(agencies["own"], title="Trường học", slug="truong-hoc")
    stream = fill(agencies["own"], [
        {"slug": "truong-hoc", "title": "A"}, {"title": "B", "identifier": "SYT-1"},
        {"slug": "truong-hoc", "title": "C"}, {"title": "D", "identifier": "SYT-1"},
    ])
    report = bulk.import_xlsx(people["editor"], agencies["own"], stream)
    assert not report.applied
    assert errors(report) == [
        (5, "R", "Row 3 of this file already uses this value; each dataset may appear only once."),
        (6, "Q", "Row 4 of this file already uses this value; each dataset may appear only once."),
    ]


def test_new_rows_with_the_same_title_or_new_keyword_do_not_collide(app, agencies, people):
    factories.dataset(agencies["own"], title="Bến phà", slug="ben-pha")
    stream = fill(agencies["own"], [
        {"title": "Chợ", "tags": "chợ nổi"}, {"title": "Chợ", "tags": "chợ nổi"},
        {"title": "Khác", "slug": "cho"}, {"slug": "ben-pha", "title": "Bến phà", "tags": "chợ nổi"},
    ])
    report = bulk.import_xlsx(people["editor"], agencies["own"], stream)
    assert errors(report) == [] and report.applied
    assert sorted(d.slug for d in report.created) == ["cho", "cho-2", "cho-3"]
    assert db.session.scalar(select(Dataset.title).where(Dataset.slug == "cho")) == "Khác"  # the chosen address is kept
    assert db.session.scalar(select(func.count()).select_from(Tag).where(Tag.name == "chợ nổi")) == 1
    assert sum(len(d.tags) for d in db.session.scalars(select(Dataset))) == 3


def test_renamed_headers_still_import_through_the_hidden_field_row(app, agencies, people):
    workbook = load_workbook(fill(agencies["own"], [{"title": "Bến xe", "frequency": "Hằng quý"}]))
    for cell in workbook.worksheets[0][1]:
        cell.value = f"Cột {cell.column}"
    report = bulk.import_xlsx(people["editor"], agencies["own"], save(workbook))
    assert errors(report) == [] and report.created[0].frequency == "QUARTERLY"


def test_a_hand_made_sheet_maps_columns_by_their_headers_and_leaves_the_rest_alone(app, agencies, people):
    ours = factories.dataset(agencies["own"], title="Trường học", slug="truong-hoc", description="Giữ nguyên",
                             licence_id="cc-zero")
    stream = plain(
        ["Ghi chú nội bộ", "TEN BO DU LIEU", "Địa chỉ web", "Tần suất cập nhật", "Licence"],
        [["bỏ qua", "Trường học 2025", "truong-hoc", "Annual", "CC BY 4.0"],
         [None, None, None, None, None],
         ["", "Dữ liệu mới", None, None, "odc-odbl"]],
    )
    report = bulk.import_xlsx(people["editor"], agencies["own"], stream)
    assert errors(report) == []
    db.session.expire_all()
    assert (ours.title, ours.frequency, ours.licence_id) == ("Trường học 2025", "ANNUAL", "cc-by-4.0")
    assert ours.description == "Giữ nguyên"  # no such column in the file: left alone
    assert [d.licence_id for d in report.created] == ["odc-odbl"]


def test_a_sheet_without_a_title_column_is_refused(app, agencies, people):
    report = bulk.import_xlsx(people["editor"], agencies["own"], plain(["Số thứ tự", "Ghi chú"], [[1, "B"]]))
    assert errors(report) == [(None, "", "The first sheet has no column for the dataset title. Download the template "
                                         "from this page, copy your rows into it and send it again.")]


def test_a_file_without_rows_says_so(app, agencies, people):
    report = bulk.import_xlsx(people["editor"], agencies["own"], fill(agencies["own"], []))
    assert errors(report) == [(None, "", "The file has no datasets: fill in at least one row below the headers.")]


def test_the_exported_template_imports_back_unchanged(app, agencies, people, topics):
    factories.dataset(agencies["own"], title="Bệnh viện", slug="benh-vien", licence_id="cc-by-4.0", tags=["y tế"],
                      topics=[topics["culture"], topics["health"]], frequency="DAILY", temporal_start=date(2023, 5, 1),
                      contact_phone="0296 3852 000", description="Dòng một\n\nDòng hai")
    before = count(Activity)
    report = bulk.import_xlsx(people["editor"], agencies["own"], fill(agencies["own"], [], prefill=True, user=people["editor"]))
    assert errors(report) == [] and report.applied
    assert [d.slug for d in report.unchanged] == ["benh-vien"] and not report.updated
    assert count(Activity) == before


@pytest.mark.parametrize("name", ["member", "other_editor", "registered"])
def test_only_editors_of_the_agency_may_import(app, agencies, people, name):
    with pytest.raises(PermissionDenied):
        bulk.import_xlsx(people[name], agencies["own"], fill(agencies["own"], [{"title": "A"}]))
    assert count(Dataset) == 0
