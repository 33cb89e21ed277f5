"""The Excel template: Vietnamese headers, hidden field names, dropdown lists, instructions, export."""
from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from flask_babel import force_locale, gettext
from openpyxl import load_workbook

from opendata import bulk
from opendata.models import DatasetState
from opendata.publishing import PermissionDenied
from tests import factories


def open_template(organization, locale="vi", **options):
    return load_workbook(BytesIO(bulk.template(organization, locale, **options)))


def list_values(workbook, formula: str) -> list[str]:
    """The cells a list validation offers, e.g. ``'Danh mục'!$A$2:$A$5``."""
    sheet_name, cells = formula.rsplit("!", 1)
    sheet = workbook[sheet_name.strip("'").replace("''", "'")]
    return [c.value for row in sheet[cells.replace("$", "")] for c in row]


def test_template_has_vietnamese_headers_hidden_field_names_and_instructions(app, agencies):
    workbook = open_template(agencies["own"])
    with force_locale("vi"):
        names = [gettext("Datasets"), gettext("Instructions"), gettext("Lists")]
    assert workbook.sheetnames == names
    data, instructions, lists = workbook.worksheets
    assert (data.sheet_state, instructions.sheet_state, lists.sheet_state) == ("visible", "visible", "hidden")
    headers = [c.value for c in data[1]]
    # Labels the Vietnamese catalogue already has; the others follow it once translated.
    for label in ("Mô tả", "Giấy phép", "Chủ đề", "Phạm vi không gian", "Tần suất cập nhật", "Ngày ban hành",
                  "Phiên bản", "Căn cứ pháp lý", "Mã định danh"):
        assert label in headers
    with force_locale("vi"):
        assert headers == [str(c.label) for c in bulk.COLUMNS]
    assert [c.value for c in data[2]] == [c.field for c in bulk.COLUMNS]
    assert data.row_dimensions[2].hidden is True
    assert data.freeze_panes == "B3"
    text = " ".join(str(c.value) for row in instructions.iter_rows() for c in row if c.value)
    assert "Sở Y tế" in text and "dd/mm/yyyy" in text and "2000" in text


def test_english_template_has_english_headers(app, agencies):
    headers = [c.value for c in open_template(agencies["own"], "en").worksheets[0][1]]
    assert headers[0] == "Dataset title (required)"
    assert headers[-1] == "Web address (slug)"
    assert "Licence" in headers and "Update frequency" in headers


def test_dropdowns_offer_licence_titles_topic_names_and_frequency_labels(app, agencies):
    factories.topic("Y tế - Sức khỏe", slug="y-te")
    factories.topic("Giáo dục", slug="giao-duc")
    workbook = open_template(agencies["own"])
    data = workbook.worksheets[0]
    columns = {c.field: i for i, c in enumerate(bulk.COLUMNS, start=1)}
    by_column = {}
    for validation in data.data_validations.dataValidation:
        assert validation.type == "list"
        for cell_range in validation.sqref.ranges:
            assert (cell_range.min_row, cell_range.max_row) == (3, 2 + bulk.MAX_ROWS)
            by_column[cell_range.min_col] = validation
    assert set(by_column) == {columns["licence_id"], columns["topics"], columns["frequency"]}
    licences = list_values(workbook, by_column[columns["licence_id"]].formula1)
    assert "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)" in licences
    assert list_values(workbook, by_column[columns["topics"]].formula1) == ["Y tế - Sức khỏe", "Giáo dục"]
    assert "Hằng năm" in list_values(workbook, by_column[columns["frequency"]].formula1)
    # A comma list of topics is allowed; a licence or frequency outside the list is stopped.
    assert by_column[columns["topics"]].showErrorMessage is False
    assert by_column[columns["licence_id"]].showErrorMessage is True


def test_prefilled_template_holds_the_agency_datasets_and_only_those(app, agencies, people):
    health = factories.topic("Y tế - Sức khỏe", slug="y-te")
    factories.dataset(
        agencies["own"], title="Danh sách bệnh viện", slug="benh-vien", state=DatasetState.DRAFT, licence_id="cc-by-4.0",
        tags=["bệnh viện", "y tế"], topics=[health], frequency="ANNUAL", temporal_start=date(2024, 1, 1),
        temporal_end=date(2024, 12, 31), contact_phone="0296 3852 000",
    )
    factories.dataset(agencies["own"], title="=HYPERLINK(\"http://evil.example\")", slug="cong-thuc")
    factories.dataset(agencies["other"], title="Giấy phép xây dựng", slug="giay-phep-xay-dung")
    workbook = open_template(agencies["own"], user=people["editor"], prefill=True)
    data = workbook.worksheets[0]
    rows = [dict(zip([c.value for c in data[2]], (c for c in row))) for row in data.iter_rows(min_row=3)]
    assert sorted(r["slug"].value for r in rows) == ["benh-vien", "cong-thuc"]
    hospital = next(r for r in rows if r["slug"].value == "benh-vien")
    assert hospital["licence_id"].value == "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)"
    assert hospital["topics"].value == "Y tế - Sức khỏe"
    assert hospital["tags"].value == "bệnh viện, y tế"
    assert hospital["frequency"].value == "Hằng năm"
    assert (hospital["temporal_start"].value, hospital["temporal_end"].value) == ("01/01/2024", "31/12/2024")
    assert hospital["contact_phone"].value == "0296 3852 000"
    formula_title = next(r for r in rows if r["slug"].value == "cong-thuc")["title"]
    assert formula_title.data_type == "s"  # exported as text, never as a live formula


@pytest.mark.parametrize("name", ["member", "other_editor", "registered"])
def test_prefilled_template_is_refused_without_import_permission(app, agencies, people, name):
    factories.dataset(agencies["own"], title="Bản nháp", state=DatasetState.DRAFT)
    with pytest.raises(PermissionDenied):
        bulk.template(agencies["own"], "vi", user=people[name], prefill=True)


def test_file_name_is_vietnamese_and_safe(app, agencies):
    agency = factories.organization("Sở Nông nghiệp/Môi trường: \"mới\"", slug="so-nn")
    name = bulk.filename(agency, prefill=False)
    assert name.endswith(".xlsx") and "Sở Nông nghiệp" in name
    assert not set('/:"') & set(name)
