"""schema.org Dataset JSON-LD: Google's Dataset properties, safe inside the page, only for public datasets."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest
from flask import render_template

from opendata import feeds
from opendata.models import DatasetState, ResourceKind
from tests import factories

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def render(app):
    """The partial rendered as a page would render it (the include in show.html comes with the lead's change)."""
    feeds.init_app(app)  # idempotent; test_create_app_registers_the_template_global checks create_app does it

    def make(dataset) -> str:
        with app.test_request_context(f"/dataset/{dataset.slug}"):
            return render_template("feeds/_dataset_jsonld.html", dataset=dataset)

    return make


def structured(html: str) -> dict:
    scripts = SCRIPT.findall(html)
    assert len(scripts) == 1, html
    return json.loads(scripts[0])


@pytest.fixture
def full_dataset(agencies):
    health = factories.topic("Y tế", slug="y-te")
    agencies["own"].email = "syt@angiang.gov.vn"
    return factories.dataset(
        agencies["own"], title="Danh sách bệnh viện", slug="benh-vien", topics=[health],
        tags=["bệnh viện", "y tế"],
        description=(
            "Danh sách **bệnh viện** công lập và tư nhân trên địa bàn tỉnh An Giang, kèm địa chỉ và số giường."
        ),
        spatial="Tỉnh An Giang", temporal_start=date(2020, 1, 1), temporal_end=date(2024, 12, 31), version="2.1",
        resources=[
            ("benh-vien.csv", b"ten,dia_chi\nBV A,Long Xuyen\n"),
            {"name": "Bản đồ", "kind": ResourceKind.URL, "url": "https://gis.example.vn/bv.geojson",
             "format": "GeoJSON"},
            {"name": "Dịch vụ tra cứu", "kind": ResourceKind.API, "url": "https://api.example.vn/bv",
             "format": "API"},
            {"name": "Giữ lại", "kind": ResourceKind.URL, "url": "https://example.vn/held.csv", "format": "CSV",
             "withheld": True},
        ],
    )


def test_required_and_recommended_properties(render, full_dataset):
    data = structured(render(full_dataset))
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "Dataset"
    assert data["name"] == "Danh sách bệnh viện"
    assert data["description"].startswith("Danh sách bệnh viện công lập")  # plain text, no Markdown
    assert "**" not in data["description"]
    assert data["url"] == "http://localhost/dataset/benh-vien"
    assert data["identifier"] == full_dataset.identifier
    assert data["keywords"] == ["bệnh viện", "y tế", "Y tế"]
    assert data["isAccessibleForFree"] is True
    assert data["inLanguage"] == "vi"
    publisher = {"@type": "Organization", "name": "Sở Y tế", "url": "http://localhost/organization/so-y-te",
                 "email": "syt@angiang.gov.vn"}
    assert data["creator"] == publisher and data["publisher"] == publisher
    assert data["temporalCoverage"] == "2020-01-01/2024-12-31"
    assert data["spatialCoverage"] == {"@type": "Place", "name": "Tỉnh An Giang"}
    assert data["datePublished"] == "2025-01-01"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", data["dateCreated"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", data["dateModified"])
    assert data["version"] == "2.1"
    assert data["includedInDataCatalog"] == {
        "@type": "DataCatalog", "name": "Cổng dữ liệu mở tỉnh An Giang", "url": "http://localhost/",
    }


def test_distribution_lists_public_downloads_only(render, full_dataset, client):
    downloads = structured(render(full_dataset))["distribution"]
    assert [d["name"] for d in downloads] == ["benh-vien", "Bản đồ"]  # not the API, not the withheld file
    csv, geojson = downloads
    assert csv["@type"] == "DataDownload" and csv["encodingFormat"] == "text/csv"
    assert geojson["encodingFormat"] == "GeoJSON"
    with client.get(csv["contentUrl"].removeprefix("http://localhost")) as response:
        assert response.status_code == 200 and response.data == b"ten,dia_chi\nBV A,Long Xuyen\n"
    redirect = client.get(geojson["contentUrl"].removeprefix("http://localhost"))
    assert redirect.location == "https://gis.example.vn/bv.geojson"


def test_licence_is_a_url(render, full_dataset, db):
    from opendata.models import Licence

    # No licence chosen: the statutory default terms, as the page says.
    default = db.session.scalar(db.select(Licence).where(Licence.is_default.is_(True)))
    expected = default.url or f"http://localhost/license/{default.id}"
    assert structured(render(full_dataset))["license"] == expected
    cc_by = db.session.get(Licence, "cc-by-4.0")
    full_dataset.licence = cc_by
    db.session.commit()
    assert structured(render(full_dataset))["license"] == cc_by.url


def test_short_and_long_descriptions_fit_googles_bounds(render, agencies):
    short = factories.dataset(agencies["own"], title="Dân số", description="Số dân.")
    text = structured(render(short))["description"]
    assert 50 <= len(text) <= 5000
    assert text.startswith("Số dân.") and "Dân số" in text and "Sở Y tế" in text
    empty = factories.dataset(agencies["own"], title="Chợ", description="")
    assert len(structured(render(empty))["description"]) >= 50
    long = factories.dataset(agencies["own"], title="Dài", description="rất dài " * 2000)
    assert 50 <= len(structured(render(long))["description"]) <= 5000


def test_markup_in_metadata_cannot_break_out_of_the_script(render, agencies):
    title = '</script><script>alert("x")</script> & <!-- Bảng'
    description = "Mô tả </SCRIPT> đủ dài để vượt năm mươi ký tự & hơn."
    dataset = factories.dataset(agencies["own"], title=title, description=description)
    html = render(dataset)
    inside = html.split('<script type="application/ld+json">', 1)[1].rsplit("</script>", 1)[0]
    for dangerous in ("<", ">", "&"):
        assert dangerous not in inside
    assert structured(html)["name"] == title


@pytest.mark.parametrize("fields", [
    {"state": DatasetState.DRAFT},
    {"private": True},
    {"state": DatasetState.WITHDRAWN, "withdrawn_reason": "Sai"},
], ids=["draft", "private", "withdrawn"])
def test_no_structured_data_for_what_the_public_may_not_list(render, agencies, fields):
    dataset = factories.dataset(agencies["own"], title="Không công khai", **fields)
    assert "application/ld+json" not in render(dataset)


def test_create_app_registers_the_template_global(app):
    """Fails until create_app calls ``feeds.init_app(app)`` (the lead's one-line change)."""
    assert app.jinja_env.globals.get("dataset_jsonld") is feeds.dataset_schema


def page_structured_data(client, slug: str) -> list[dict]:
    response = client.get(f"/dataset/{slug}")
    assert response.status_code == 200
    return [json.loads(script) for script in SCRIPT.findall(response.get_data(as_text=True))]


def test_dataset_page_embeds_the_json_ld(client, full_dataset):
    """Fails until datasets/show.html includes feeds/_dataset_jsonld.html (the lead's one-line change)."""
    found = page_structured_data(client, "benh-vien")
    assert len(found) == 1
    data = found[0]
    assert data["@type"] == "Dataset" and data["name"] == "Danh sách bệnh viện"
    assert data["url"] == "http://localhost/dataset/benh-vien"
    assert {"description", "creator", "license", "distribution", "includedInDataCatalog"} <= set(data)


def test_dataset_page_of_a_draft_embeds_none_even_for_its_editor(as_user, full_dataset, agencies):
    draft = factories.dataset(agencies["own"], title="Bản nháp", slug="ban-nhap", state=DatasetState.DRAFT)
    editor = as_user("editor")
    assert page_structured_data(editor, draft.slug) == []
    # The include is there, so the draft's missing script means something.
    assert len(page_structured_data(editor, "benh-vien")) == 1


def test_pages_link_the_atom_feed_for_discovery(client, app):
    """Fails until base.html includes feeds/_head_links.html (the lead's one-line change)."""
    html = client.get("/").get_data(as_text=True)
    assert re.search(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="/feeds/datasets.atom">', html
    )
    with app.test_request_context("/"):
        assert "/feeds/datasets.atom" in render_template("feeds/_head_links.html")
