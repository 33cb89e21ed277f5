"""The Atom feed of recently changed datasets: valid Atom, newest first, only what the public may list."""
from __future__ import annotations

from datetime import timedelta
from xml.etree import ElementTree as ET

from tests import factories

from .conftest import T0

A = "{http://www.w3.org/2005/Atom}"


def feed(client) -> ET.Element:
    response = client.get("/feeds/datasets.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    root = ET.fromstring(response.data)
    assert root.tag == f"{A}feed"
    return root


def entries(root) -> list[ET.Element]:
    return root.findall(f"{A}entry")


def test_feed_has_the_required_atom_elements(client, catalogue):
    root = feed(client)
    assert root.findtext(f"{A}id")
    assert root.findtext(f"{A}title")
    assert root.findtext(f"{A}updated") == "2025-03-02T08:00:00Z"  # its newest public entry
    assert root.find(f"{A}link[@rel='self']").get("href") == "http://localhost/feeds/datasets.atom"
    for entry in entries(root):
        assert entry.findtext(f"{A}id").startswith("urn:uuid:")
        assert entry.findtext(f"{A}title")
        assert entry.findtext(f"{A}updated")
        link = entry.find(f"{A}link[@rel='alternate']")
        assert link is not None and link.get("href").startswith("http://localhost/dataset/")
        assert entry.findtext(f"{A}author/{A}name")


def test_feed_lists_only_public_datasets_whoever_asks(viewer, catalogue):
    response = viewer.get("/feeds/datasets.atom")
    root = ET.fromstring(response.data)
    links = {e.find(f"{A}link").get("href").rsplit("/", 1)[1] for e in entries(root)}
    assert links == catalogue.public_slugs
    body = response.get_data(as_text=True)
    for hidden in catalogue.hidden:
        assert hidden.title not in body and hidden.id not in body
    assert root.findtext(f"{A}updated") == "2025-03-02T08:00:00Z"  # not the later draft's time


def test_entry_describes_the_dataset(client, catalogue):
    dataset = catalogue.public[0]
    entry = next(e for e in entries(feed(client)) if e.findtext(f"{A}id") == f"urn:uuid:{dataset.id}")
    assert entry.findtext(f"{A}title") == "Danh sách bệnh viện"
    assert entry.find(f"{A}link").get("href") == "http://localhost/dataset/benh-vien"
    assert entry.findtext(f"{A}updated") == "2025-03-01T08:00:00Z"
    # Plain text, Markdown removed.
    assert entry.findtext(f"{A}summary") == (
        "Danh sách bệnh viện công lập và tư nhân trên địa bàn tỉnh, kèm địa chỉ."
    )
    assert entry.findtext(f"{A}author/{A}name") == "Sở Y tế"
    assert entry.findtext(f"{A}author/{A}uri") == "http://localhost/organization/so-y-te"
    assert [(c.get("term"), c.get("label")) for c in entry.findall(f"{A}category")] == [("y-te", "Y tế")]


def test_entries_are_ordered_by_change_time_and_follow_edits(client, catalogue, db):
    slugs = [e.find(f"{A}link").get("href").rsplit("/", 1)[1] for e in entries(feed(client))]
    assert slugs == ["giay-phep-xay-dung", "benh-vien"]

    catalogue.public[0].title = "Danh sách bệnh viện 2025"
    db.session.commit()
    first = entries(feed(client))[0]
    assert first.findtext(f"{A}title") == "Danh sách bệnh viện 2025"
    assert first.findtext(f"{A}id") == f"urn:uuid:{catalogue.public[0].id}"


def test_feed_holds_the_fifty_latest(client, agencies):
    for n in range(52):
        changed = T0 + timedelta(hours=n)
        factories.dataset(agencies["own"], title=f"Bộ {n}", slug=f"bo-{n:02d}", metadata_modified=changed)
    items = entries(feed(client))
    assert len(items) == 50
    assert items[0].findtext(f"{A}title") == "Bộ 51"
    assert items[-1].findtext(f"{A}title") == "Bộ 2"


def test_feed_survives_text_xml_cannot_carry(client, agencies):
    factories.dataset(
        agencies["own"], title="Bảng <kê> & \x0bchi tiết", description="Mô tả\x01 có ký tự lạ & <thẻ>"
    )
    entry = entries(feed(client))[0]
    assert entry.findtext(f"{A}title") == "Bảng <kê> & chi tiết"
    assert "có ký tự lạ" in entry.findtext(f"{A}summary")


def test_english_visitors_get_english_titles(client, catalogue, db):
    catalogue.public[0].title_en = "Hospitals"
    db.session.commit()
    client.set_cookie("opendata_lang", "en")
    root = feed(client)
    assert "Hospitals" in [e.findtext(f"{A}title") for e in entries(root)]
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_empty_catalogue_gives_a_valid_feed(client, app):
    root = feed(client)
    assert root.findtext(f"{A}updated") and entries(root) == []
