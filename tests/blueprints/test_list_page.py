"""What every dataset list page shows, and what it costs: a fixed number of queries."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import event

from flask import request

from opendata.catalogue import FacetValue
from opendata.extensions import db
from opendata.search import get_backend
from opendata.web import facet_links, modify_query
from tests import factories


def _files(*formats):
    return [{"name": f"Tệp {n}", "format": fmt, "url": f"https://x.vn/{n}"} for n, fmt in enumerate(formats)]


@pytest.fixture
def listed(app):
    health = factories.organization("Sở Y tế", slug="so-y-te")
    for n in range(6):
        factories.dataset(health, slug=f"y-te-{n}", title=f"Cơ sở y tế số {n}", tags=["y tế"],
                          resources=_files("CSV", "PDF", "XLSX"))
    return health


def test_a_list_page_makes_three_queries_however_many_datasets_it_shows(app, client, listed, monkeypatch):
    statements, searching = [], []

    def note(_conn, _cursor, statement, *_args):
        if not searching:  # the PostgreSQL backend's own statements are the search, not the page
            statements.append(statement)

    with app.app_context():
        engine, backend = db.engine, get_backend()
    search = backend.search

    def search_aside(query):
        searching.append(True)
        try:
            return search(query)
        finally:
            searching.pop()

    monkeypatch.setattr(backend, "search", search_aside)
    event.listen(engine, "before_cursor_execute", note)
    try:
        for query in ("q=y+te", "q=y+te&res_format=CSV&sort=title", "q=khong+co+gi"):
            statements.clear()
            assert client.get(f"/dataset?{query}").status_code == 200
            assert len(statements) <= 3, statements  # datasets with agencies, file formats, facet names
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_formats_show_once_each_in_file_order(client, app):
    factories.dataset(slug="dinh-dang", title="Bảng định dạng", resources=_files("XLSX", "csv", None, "CSV", "PDF", ""))
    page = client.get("/dataset?q=dinh+dang").get_data(as_text=True)
    badges = re.findall(r'<span class="badge fmt[^"]*">([^<]+)</span>', page)
    assert badges == ["XLSX", "csv", "PDF"]


@pytest.mark.parametrize("url", [
    "/dataset?q=du+lich&res_format=CSV&page=3&sort=title",
    "/dataset?res_format=PDF",
    "/dataset?page=2",
    "/dataset",
    "/dataset?tags=a%26b&q=x+y&res_format=CSV",
])
def test_facet_links_are_the_links_modify_query_builds(app, url):
    values = [FacetValue(v, v, None, n) for v, n in (("CSV", 12), ("PDF", 1_234), ("a&b", 3), ("Đường phố", 1))]
    for base in ("", "/cong"):
        with app.test_request_context(url, environ_base={"SCRIPT_NAME": base}):
            for param in ("res_format", "tags", "organization"):
                links = facet_links(param, values)
                for value, link in zip(values, links):
                    selected = value.value == request.args.get(param)
                    assert link.href == modify_query(**{param: None if selected else value.value, "page": None})
                assert [link.count for link in links] == ["12", "1.234", "3", "1"]  # Vietnamese grouping


def test_english_pages_use_english_names_and_mark_vietnamese_ones(client, app):
    factories.dataset(slug="song-ngu", title="Dân số", title_en="Population", description="Dân số theo xã.")
    client.set_cookie("opendata_lang", "en")
    page = client.get("/dataset?q=dan+so").get_data(as_text=True)
    assert '<h3><a href="/dataset/song-ngu">Population</a></h3>' in page
    assert '<p class="excerpt" lang="vi"><mark>Dân</mark> <mark>số</mark> theo xã.</p>' in page
