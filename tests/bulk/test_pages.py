"""The bulk pages of an agency: who sees them, the download, the upload and its report."""
from __future__ import annotations

import re
from io import BytesIO
from urllib.parse import quote

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from opendata import bulk
from opendata.config import DEFAULTS
from opendata.extensions import db
from opendata.models import Dataset, DatasetState
from tests import factories
from tests.bulk.workbooks import fill

PAGE = "/organization/so-y-te/bulk"
TEMPLATE = "/organization/so-y-te/bulk/template.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(client, stream, name="bo-du-lieu.xlsx"):
    return client.post(PAGE, data={"file": (stream, name)}, content_type="multipart/form-data")


def in_english(client):
    client.set_cookie(DEFAULTS["LANGUAGE_COOKIE"], "en", domain="localhost")
    return client


@pytest.mark.parametrize("name, allowed", [
    (None, False), ("registered", False), ("member", False), ("other_editor", False),
    ("editor", True), ("admin", True), ("sysadmin", True),
])
def test_only_editors_admins_and_sysadmins_see_the_bulk_pages(app, agencies, as_user, name, allowed):
    client = as_user(name) if name else app.test_client()
    expected = 200 if allowed else 404
    assert client.get(PAGE).status_code == expected
    assert client.get(TEMPLATE).status_code == expected
    assert client.get(TEMPLATE + "?datasets=1").status_code == expected
    response = upload(client, fill(agencies["own"], [{"title": "Không được phép"}]))
    assert response.status_code == (200 if allowed else 404)
    created = db.session.scalars(select(Dataset.title)).all()
    assert created == (["Không được phép"] if allowed else [])


def test_unknown_agency_is_404(app, as_user):
    assert as_user("sysadmin").get("/organization/khong-co/bulk").status_code == 404


def test_page_offers_both_templates_and_the_upload_form(app, agencies, as_user):
    response = as_user("editor").get(PAGE)
    html = response.get_data(as_text=True)
    assert 'href="/organization/so-y-te/bulk/template.xlsx"' in html
    assert 'href="/organization/so-y-te/bulk/template.xlsx?datasets=1"' in html
    assert 'enctype="multipart/form-data"' in html and 'type="file"' in html
    assert "Mô tả" in html  # the column table, from the same definitions as the workbook


def test_template_downloads_as_a_named_workbook(app, agencies, as_user):
    factories.dataset(agencies["own"], title="Bản nháp của sở", slug="ban-nhap", state=DatasetState.DRAFT)
    client = as_user("editor")
    response = client.get(TEMPLATE)
    assert response.mimetype == XLSX
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''" + quote(bulk.filename(agencies["own"], prefill=False)) in disposition
    assert "S%E1%BB%9F%20Y%20t%E1%BA%BF" in disposition  # "Sở Y tế", in UTF-8
    assert response.headers["Cache-Control"] == "private, no-store"
    blank = load_workbook(BytesIO(response.data)).worksheets[0]
    assert blank.max_row == 2
    filled = load_workbook(BytesIO(client.get(TEMPLATE + "?datasets=1").data)).worksheets[0]
    assert [c.value for c in filled[3]][0] == "Bản nháp của sở"


def test_uploading_a_valid_file_creates_drafts_and_links_to_them(app, agencies, as_user):
    response = upload(as_user("editor"), fill(agencies["own"], [{"title": "Danh sách nhà thuốc"}, {"title": "Trạm y tế"}]))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    drafts = db.session.scalars(select(Dataset).order_by(Dataset.title)).all()
    assert [d.state for d in drafts] == [DatasetState.DRAFT, DatasetState.DRAFT]
    for dataset in drafts:
        assert f'href="/dataset/{dataset.slug}"' in html


def test_uploading_a_file_with_mistakes_lists_them_and_saves_nothing(app, agencies, as_user):
    client = in_english(as_user("editor"))
    response = upload(client, fill(agencies["own"], [{"title": "Tốt"}, {"title": "Xấu", "issued": "32/13/2024"}]))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert re.search(r"<td>4</td>\s*<td>J – Ngày ban hành</td>\s*<td>32/13/2024</td>", html.replace(' lang="vi"', ""))
    assert "This date does not exist." in html and "32/13/2024" in html
    assert db.session.scalar(select(Dataset.id)) is None
    assert 'type="file"' in html  # the form is there to send the corrected file


def test_a_file_that_is_not_a_workbook_is_explained(app, agencies, as_user):
    response = upload(in_english(as_user("editor")), BytesIO(b"title\nA\n"), "du-lieu.xlsx")
    assert response.status_code == 422
    assert "This file is not an Excel workbook (.xlsx)." in response.get_data(as_text=True)


@pytest.mark.parametrize("name, message", [
    (None, "Choose the Excel file to import."),
    ("du-lieu.csv", "Choose an Excel workbook whose name ends in .xlsx, made from the template."),
])
def test_a_missing_or_wrongly_named_file_re_renders_the_form(app, agencies, as_user, name, message):
    data = {"file": (BytesIO(b"a,b\n"), name)} if name else {}
    response = in_english(as_user("editor")).post(PAGE, data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'aria-invalid="true"' in html and message in html


def test_an_oversized_upload_is_refused_with_a_message(app, agencies, as_user):
    big = FileStorage(BytesIO(b"PK" + b"\x00" * (bulk.MAX_UPLOAD_BYTES + 512 * 1024)), "lon.xlsx")
    boundary, body = encode_multipart({"file": big})  # in memory: the test client's own temporary file is never closed
    response = in_english(as_user("editor")).post(PAGE, data=body, content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 413
    assert "The file is larger than 10 MB." in response.get_data(as_text=True)
