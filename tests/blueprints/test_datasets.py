"""The public dataset list, dataset page and resource page."""
import re
from urllib.parse import quote
from datetime import date

import pytest

from opendata.extensions import db
from opendata.models import Dataset, DatasetState
from tests import factories


@pytest.fixture
def catalogue(app):
    health = factories.organization("Sở Y tế", slug="so-y-te", focal_name="Nguyễn Thị Lan", focal_email="lan@syt.angiang.gov.vn")
    finance = factories.organization("Sở Tài chính", slug="so-tai-chinh")
    topic = factories.topic("Y tế", slug="y-te")
    factories.dataset(
        health, slug="co-so-y-te", title="Danh sách cơ sở y tế", description="Các **trạm y tế** xã.",
        licence_id="cc-by-4.0", tags=["y tế", "bệnh viện"], topics=[topic], spatial="Tỉnh An Giang",
        frequency="ANNUAL", temporal_start=date(2020, 1, 1), temporal_end=date(2024, 12, 31),
        contact_email="lienhe@syt.angiang.gov.vn", quality_notes="Đã đối soát với sổ sách.",
        resources=[("Danh sách cơ sở y tế.csv", "Tên,Xã\nTrạm y tế Mỹ Hòa,Long Xuyên\n".encode()),
                   ("Báo cáo.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    factories.dataset(finance, slug="du-toan-ngan-sach", title="Dự toán ngân sách", resources=[("du-toan.csv", b"a\n1\n")])
    factories.dataset(finance, slug="ban-nhap", title="Bản nháp bí mật", state=DatasetState.DRAFT)
    factories.dataset(finance, slug="rieng-tu", title="Dữ liệu riêng", private=True)
    factories.dataset(finance, slug="da-thu-hoi", title="Số liệu cũ", state=DatasetState.WITHDRAWN, withdrawn_reason="Số liệu bị sai, đã thay thế.")
    return health, finance


def test_list_shows_public_datasets_only(client, catalogue):
    page = client.get("/dataset").get_data(as_text=True)
    assert "Danh sách cơ sở y tế" in page and "Dự toán ngân sách" in page
    for hidden in ("Bản nháp bí mật", "Dữ liệu riêng", "Số liệu cũ"):
        assert hidden not in page
    assert re.search(r'id="results-title"[^>]*>\s*2 ', page)


@pytest.mark.parametrize("query, expected", [
    ("organization=so-tai-chinh", "Dự toán ngân sách"),
    ("res_format=PDF", "Danh sách cơ sở y tế"),
    ("groups=y-te", "Danh sách cơ sở y tế"),
    ("license_id=cc-by-4.0", "Danh sách cơ sở y tế"),
    ("tags=y+tế", "Danh sách cơ sở y tế"),
    ("q=ngân+sách", "Dự toán ngân sách"),
])
def test_filters_narrow_the_list(client, catalogue, query, expected):
    page = re.sub(r"</?mark>", "", client.get(f"/dataset?{query}").get_data(as_text=True))
    assert expected in page
    other = {"Dự toán ngân sách", "Danh sách cơ sở y tế"} - {expected}
    assert other.pop() not in page


def test_pagination_and_out_of_range_pages(app, client, catalogue):
    app.config["DATASETS_PER_PAGE"] = 1
    first = client.get("/dataset?sort=title").get_data(as_text=True)
    second = client.get("/dataset?sort=title&page=2").get_data(as_text=True)
    assert "Danh sách cơ sở y tế" in first and "Dự toán ngân sách" in second
    assert 'rel="next"' in first and 'rel="prev"' in second
    assert client.get("/dataset?page=3").status_code == 404
    assert client.get("/dataset?page=999999999999").status_code == 400
    assert client.get("/dataset?page=-1").status_code == 400
    assert client.get("/dataset?sort=drop+table").status_code == 400


def test_dataset_page_shows_all_metadata(client, catalogue):
    response = client.get("/dataset/co-so-y-te")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    for text in ("Danh sách cơ sở y tế", "<strong>trạm y tế</strong>", "Sở Y tế", "/license/cc-by-4.0",
                 "Tỉnh An Giang", "lienhe@syt.angiang.gov.vn", "Đã đối soát với sổ sách.", "/organization/so-y-te",
                 "/group/y-te", "TEST-", "/download/" + quote("Danh sách cơ sở y tế.csv")):
        assert text in page, text
    dataset = db.session.scalar(db.select(Dataset).where(Dataset.slug == "co-so-y-te"))
    assert dataset.resources[0].sha256[:16] in page


def test_non_open_formats_are_flagged(client, catalogue):
    page = client.get("/dataset/co-so-y-te").get_data(as_text=True)
    assert page.count("fmt-pdf closed") == 1 and "fmt-csv closed" not in page


def test_missing_licence_says_default_terms_apply(client, catalogue):
    page = client.get("/dataset/du-toan-ngan-sach").get_data(as_text=True)
    assert "/license/vn-open-data-default" in page
    assert "Art. 43" in page or "Điều 43" in page


def test_hidden_datasets_are_404_and_withdrawn_shows_reason(client, catalogue):
    assert client.get("/dataset/ban-nhap").status_code == 404
    assert client.get("/dataset/rieng-tu").status_code == 404
    withdrawn = client.get("/dataset/da-thu-hoi")
    assert withdrawn.status_code == 200
    assert "Số liệu bị sai, đã thay thế." in withdrawn.get_data(as_text=True)


def test_dataset_by_id_redirects_to_slug(client, catalogue):
    dataset = db.session.scalar(db.select(Dataset).where(Dataset.slug == "co-so-y-te"))
    response = client.get(f"/dataset/{dataset.id}")
    assert response.status_code == 301 and response.location.endswith("/dataset/co-so-y-te")


def test_views_are_counted_without_touching_modified(client, catalogue):
    dataset = db.session.scalar(db.select(Dataset).where(Dataset.slug == "co-so-y-te"))
    before = dataset.metadata_modified
    client.get("/dataset/co-so-y-te")
    client.get("/dataset/co-so-y-te")
    db.session.expire_all()
    dataset = db.session.get(Dataset, dataset.id)
    assert dataset.view_count == 2
    assert dataset.metadata_modified == before


def test_resource_page(client, catalogue):
    dataset = db.session.scalar(db.select(Dataset).where(Dataset.slug == "co-so-y-te"))
    res = dataset.resources[0]
    page = client.get(f"/dataset/co-so-y-te/resource/{res.id}").get_data(as_text=True)
    assert res.sha256 in page and "Danh sách cơ sở y tế.csv" in page
    assert client.get(f"/dataset/du-toan-ngan-sach/resource/{res.id}").status_code == 404
    assert client.get("/dataset/co-so-y-te/resource/khong-co").status_code == 404


def test_english_visitors_get_english_filter_labels_and_marked_vietnamese(client, catalogue):
    health, _ = catalogue
    health.name_en = "Department of Health"
    db.session.commit()
    client.set_cookie("opendata_lang", "en", domain="localhost")
    page = client.get("/dataset").get_data(as_text=True)
    assert "Department of Health" in page
    # The dataset has no English title: its heading is marked as Vietnamese.
    assert re.search(r'<h3 lang="vi"><a href="/dataset/co-so-y-te">Danh sách cơ sở y tế</a>', page)


def test_every_filter_value_is_reachable(app, client):
    for n in range(12):
        org = factories.organization(f"Cơ quan {n:02d}", slug=f"co-quan-{n:02d}")
        factories.dataset(org, title=f"Bộ dữ liệu {n}")
    page = client.get("/dataset").get_data(as_text=True)
    for n in range(12):
        assert f"organization=co-quan-{n:02d}" in page
    assert "<details>" in page
