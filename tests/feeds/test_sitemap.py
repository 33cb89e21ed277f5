"""sitemap.xml lists exactly what the public may list, with W3C lastmod dates, in files of bounded size."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from xml.etree import ElementTree as ET

from opendata.models import DatasetState
from tests import factories

from .conftest import T0

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
W3C = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
BASE = "http://localhost"


def urlset(response) -> dict[str, str | None]:
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    root = ET.fromstring(response.data)
    assert root.tag == f"{{{NS['s']}}}urlset"
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        assert loc not in entries, f"{loc} listed twice"
        entries[loc] = url.findtext("s:lastmod", namespaces=NS)
    return entries


def dataset_slugs(entries) -> set[str]:
    return {loc.rsplit("/", 1)[1] for loc in entries if re.fullmatch(rf"{BASE}/dataset/[^/]+", loc)}


def test_sitemap_lists_exactly_the_public_datasets_whoever_asks(viewer, catalogue):
    entries = urlset(viewer.get("/sitemap.xml"))
    assert dataset_slugs(entries) == catalogue.public_slugs
    text = "\n".join(entries)
    for hidden in catalogue.hidden:
        assert hidden.slug not in text


def test_dataset_lastmod_is_its_metadata_change_time_in_w3c_format(client, catalogue):
    entries = urlset(client.get("/sitemap.xml"))
    assert entries[f"{BASE}/dataset/benh-vien"] == "2025-03-01T08:00:00Z"
    assert entries[f"{BASE}/dataset/giay-phep-xay-dung"] == "2025-03-02T08:00:00Z"
    for lastmod in entries.values():
        assert lastmod is None or W3C.match(lastmod), lastmod


def test_sitemap_lists_the_public_pages(client, catalogue, agencies):
    entries = urlset(client.get("/sitemap.xml"))
    expected = {
        "/", "/dataset", "/organization", "/group", "/license", "/about", "/guide", "/terms", "/api", "/api/guide",
        "/organization/so-y-te", "/organization/so-xay-dung", "/group/y-te",
    }
    assert {f"{BASE}{path}" for path in expected} <= set(entries)
    licences = [loc for loc in entries if loc.startswith(f"{BASE}/license/")]
    assert licences, "the licence pages are listed"
    assert client.get(licences[0].removeprefix(BASE)).status_code == 200
    assert not any("/workspace" in loc or "/admin" in loc or "/account" in loc for loc in entries)


def test_page_lastmod_never_reveals_hidden_changes(client, catalogue):
    """The drafts and private datasets changed last; list, agency and topic pages must not date from them."""
    entries = urlset(client.get("/sitemap.xml"))
    newest_public = "2025-03-02T08:00:00Z"
    assert entries[f"{BASE}/"] == newest_public
    assert entries[f"{BASE}/dataset"] == newest_public
    assert entries[f"{BASE}/group/y-te"] == "2025-03-01T08:00:00Z"  # the draft in this topic changed later
    hidden_times = {f"2025-03-{day:02d}T08:00:00Z" for day in (6, 7, 8, 9)}
    assert not hidden_times & set(entries.values())


def test_sitemap_is_public_and_cross_origin(client, catalogue):
    response = client.get("/sitemap.xml")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Content-Type"].startswith("application/xml")


def test_site_url_setting_makes_the_locations(app, client, catalogue):
    app.config["SITE_URL"] = "https://data.angiang.gov.vn/"
    entries = urlset(client.get("/sitemap.xml"))
    assert "https://data.angiang.gov.vn/dataset/benh-vien" in entries
    assert all(loc.startswith("https://data.angiang.gov.vn/") for loc in entries)


def test_large_catalogue_becomes_an_index_of_bounded_sitemaps(app, viewer, catalogue, agencies):
    for n in range(12):
        factories.dataset(agencies["other"], title=f"Bộ dữ liệu {n}", slug=f"bo-du-lieu-{n:02d}")
    factories.dataset(agencies["own"], title="Nháp thêm", slug="nhap-them", state=DatasetState.DRAFT)
    app.config["SITEMAP_MAX_URLS"] = 7

    response = viewer.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.data)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    children = [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]
    assert children and all(re.fullmatch(rf"{BASE}/sitemap-\d+\.xml", loc) for loc in children)

    seen: dict[str, str | None] = {}
    for loc in children:
        entries = urlset(viewer.get(loc.removeprefix(BASE)))
        assert 0 < len(entries) <= 7
        assert not set(entries) & set(seen), "a URL appears in two sitemaps"
        seen.update(entries)
    expected = catalogue.public_slugs | {f"bo-du-lieu-{n:02d}" for n in range(12)}
    assert dataset_slugs(seen) == expected
    assert f"{BASE}/" in seen and f"{BASE}/organization/so-y-te" in seen

    assert viewer.get(f"/sitemap-{len(children) + 1}.xml").status_code == 404
    assert viewer.get("/sitemap-0.xml").status_code == 404


def test_small_catalogue_serves_one_urlset_and_its_first_page(client, catalogue):
    assert set(urlset(client.get("/sitemap.xml"))) == set(urlset(client.get("/sitemap-1.xml")))
    assert client.get("/sitemap-2.xml").status_code == 404


def test_empty_catalogue_still_gives_a_valid_sitemap(client, app):
    entries = urlset(client.get("/sitemap.xml"))
    assert f"{BASE}/" in entries and f"{BASE}/dataset" in entries
    assert entries[f"{BASE}/"] is None  # nothing changed yet: no date rather than a made-up one


def test_lastmod_follows_an_edit(app, client, catalogue, db):
    dataset = catalogue.public[0]
    dataset.title = "Danh sách bệnh viện (cập nhật)"
    db.session.commit()
    lastmod = urlset(client.get("/sitemap.xml"))[f"{BASE}/dataset/benh-vien"]
    assert datetime.fromisoformat(lastmod.replace("Z", "+00:00")) > T0 + timedelta(days=30)
