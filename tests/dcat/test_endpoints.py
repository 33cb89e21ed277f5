"""What a harvester sees: media types, CORS, the mapping of our fields, paging, filters, negotiation."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS, XSD
from sqlalchemy import update

from opendata.dcat.vocab import DCAT, HYDRA, SPDX, VCARD
from opendata.models import Dataset

from .conftest import CSV, parse

BASE = "http://localhost"
MEDIA_TYPES = {"ttl": "text/turtle", "rdf": "application/rdf+xml", "jsonld": "application/ld+json"}
FORMATS = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}


def dataset_node(dataset) -> URIRef:
    return URIRef(f"{BASE}/dataset/{dataset.id}")


@pytest.mark.parametrize("ext", MEDIA_TYPES)
def test_each_serialisation_has_its_media_type_and_is_open_to_any_origin(client, catalogue, ext):
    for url in (f"/catalog.{ext}", f"/dataset/co-so-kham-chua-benh.{ext}"):
        response = client.get(url)
        assert response.mimetype == MEDIA_TYPES[ext]
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert len(parse(response, FORMATS[ext])) > 20


def test_a_dataset_carries_our_metadata_as_dcat_ap(client, catalogue):
    full = catalogue["full"]
    graph = parse(client.get(f"/dataset/{full.slug}.ttl"))
    node = dataset_node(full)
    assert set(graph.objects(node, DCTERMS.title)) == {
        Literal("Danh sách cơ sở khám chữa bệnh", lang="vi"), Literal("Health facilities", lang="en")}
    assert Literal("Hospitals, commune health stations and clinics.", lang="en") in set(graph.objects(node, DCTERMS.description))
    assert graph.value(node, DCTERMS.identifier) == Literal(full.identifier)
    assert set(graph.objects(node, DCAT.keyword)) == {Literal("bệnh viện", lang="vi"), Literal("y tế", lang="vi")}
    assert graph.value(node, DCTERMS.accrualPeriodicity) == URIRef(
        "http://publications.europa.eu/resource/authority/frequency/MONTHLY")
    themes = set(graph.objects(node, DCAT.theme))
    assert URIRef("http://publications.europa.eu/resource/authority/data-theme/HEAL") in themes
    assert URIRef(f"{BASE}/group/chuyen-doi-so") in themes  # a topic with no EU theme keeps its own concept
    period = graph.value(node, DCTERMS.temporal)
    assert graph.value(period, DCAT.startDate) == Literal("2020-01-01", datatype=XSD.date)
    assert graph.value(period, DCAT.endDate) == Literal("2024-12-31", datatype=XSD.date)
    assert graph.value(node, DCTERMS.issued) == Literal("2024-03-01", datatype=XSD.date)
    assert graph.value(node, DCTERMS.modified).datatype == XSD.dateTime
    assert graph.value(node, DCAT.landingPage) == URIRef(f"{BASE}/dataset/co-so-kham-chua-benh")
    publisher = graph.value(node, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph
    assert graph.value(publisher, FOAF.name, any=True) is not None
    contact = graph.value(node, DCAT.contactPoint)
    assert graph.value(contact, VCARD.hasEmail) == URIRef("mailto:khth@syt.angiang.gov.vn")
    assert graph.value(contact, VCARD.hasTelephone) == URIRef("tel:+842963852111")
    location = graph.value(node, DCTERMS.spatial)
    assert graph.value(location, SKOS.prefLabel) == Literal("Tỉnh An Giang", lang="vi")
    assert len(set(graph.objects(node, DCAT.distribution))) == 5


def test_a_stored_file_is_downloadable_with_size_type_and_checksum(client, catalogue):
    full = catalogue["full"]
    csv = next(r for r in full.resources if r.format == "CSV")
    graph = parse(client.get(f"/dataset/{full.slug}.ttl"))
    node = URIRef(f"{BASE}/dataset/{full.id}/resource/{csv.id}")
    download = graph.value(node, DCAT.downloadURL)
    with client.get(str(download).removeprefix(BASE)) as response:
        assert response.status_code == 200 and response.get_data() == CSV
    assert graph.value(node, DCAT.mediaType) == URIRef("http://www.iana.org/assignments/media-types/text/csv")
    assert graph.value(node, DCTERMS.format) == URIRef("http://publications.europa.eu/resource/authority/file-type/CSV")
    assert graph.value(node, DCAT.byteSize) == Literal(csv.size, datatype=XSD.nonNegativeInteger)
    digest = graph.value(node, SPDX.checksum)
    assert str(graph.value(digest, SPDX.checksumValue)) == csv.sha256
    assert graph.value(node, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")


def test_a_dataset_without_a_licence_points_to_the_statutory_terms(client, catalogue):
    partial = catalogue["partial"]
    graph = parse(client.get(f"/dataset/{partial.slug}.ttl"))
    licences = set(graph.objects(None, DCTERMS.license))
    assert licences == {URIRef(f"{BASE}/license/vn-open-data-default")}
    period = graph.value(dataset_node(partial), DCTERMS.temporal)
    assert graph.value(period, DCAT.startDate) is not None and graph.value(period, DCAT.endDate) is None


def test_a_dataset_without_description_still_has_one(client, catalogue):
    minimal = catalogue["minimal"]
    graph = parse(client.get(f"/dataset/{minimal.slug}.ttl"))
    assert graph.value(dataset_node(minimal), DCTERMS.description) == Literal(minimal.title, lang="vi")


def test_an_unknown_dataset_is_a_plain_404(client, catalogue):
    client.set_cookie("opendata_lang", "en")
    response = client.get("/dataset/khong-co.ttl")
    assert response.status_code == 404
    assert response.mimetype == "text/plain"
    assert "khong-co" in response.get_data(as_text=True)


def test_a_withdrawn_dataset_is_gone(client, catalogue):
    response = client.get("/dataset/da-rut.jsonld")
    assert response.status_code == 410 and response.mimetype == "text/plain"


# -- paging -----------------------------------------------------------------

def view_of(graph):
    return graph.value(URIRef(f"{BASE}/catalog"), HYDRA.view)


def test_the_catalogue_is_paged_with_hydra_links(client, catalogue):
    seen = set()
    url = "/catalog.ttl?page_size=3"
    graph = parse(client.get(url))
    view = view_of(graph)
    assert (view, RDF.type, HYDRA.PartialCollectionView) in graph
    assert graph.value(view, HYDRA.totalItems).toPython() == 4
    assert graph.value(view, HYDRA.itemsPerPage).toPython() == 3
    assert str(graph.value(view, HYDRA.last)).endswith("page_size=3&page=2")
    assert graph.value(view, HYDRA.previous) is None
    seen |= set(graph.objects(None, DCAT.dataset))
    following = graph.value(view, HYDRA.next)
    graph = parse(client.get(str(following).removeprefix(BASE)))
    view = view_of(graph)
    assert graph.value(view, HYDRA.next) is None
    assert str(graph.value(view, HYDRA.previous)).endswith("page=1")
    assert str(graph.value(view, HYDRA.first)).endswith("page=1")
    seen |= set(graph.objects(None, DCAT.dataset))
    assert seen == {dataset_node(d) for d in catalogue["public"]}


def test_the_default_page_holds_a_hundred(client, catalogue):
    graph = parse(client.get("/catalog.ttl"))
    assert graph.value(view_of(graph), HYDRA.itemsPerPage).toPython() == 100


@pytest.mark.parametrize("query", ["page=0", "page=x", "page=3&page_size=3", "page_size=1001", "page_size=-1"])
def test_bad_paging_is_a_clear_400(client, catalogue, query):
    client.set_cookie("opendata_lang", "en")
    response = client.get(f"/catalog.ttl?{query}")
    assert response.status_code == 400 and response.mimetype == "text/plain"
    assert "page" in response.get_data(as_text=True)


# -- modified_since ---------------------------------------------------------

@pytest.fixture
def dated(db, catalogue):
    old = datetime(2024, 1, 10, 8, 0, tzinfo=timezone.utc)
    new = datetime(2025, 6, 1, 12, 30, tzinfo=timezone.utc)
    for dataset, when in ((catalogue["full"], new), (catalogue["minimal"], old), (catalogue["partial"], old),
                          (catalogue["withheld"], old)):
        db.session.execute(update(Dataset).where(Dataset.id == dataset.id).values(metadata_modified=when, modified=when))
    db.session.commit()
    return catalogue


@pytest.mark.parametrize("value", [
    "2025-01-01", "2025-06-01T12:00:00Z", "2025-06-01T19:00:00%2B07:00", "2025-06-01T19:00:00+07:00", "2025-06-01T12:00",
])
def test_modified_since_keeps_what_changed(client, dated, value):
    graph = parse(client.get(f"/catalog.ttl?modified_since={value}"))
    assert set(graph.objects(None, DCAT.dataset)) == {dataset_node(dated["full"])}
    assert graph.value(view_of(graph), HYDRA.totalItems).toPython() == 1
    assert "modified_since=" in str(graph.value(view_of(graph), HYDRA.first))


def test_modified_since_before_everything_keeps_everything(client, dated):
    graph = parse(client.get("/catalog.ttl?modified_since=2020-01-01"))
    assert len(set(graph.objects(None, DCAT.dataset))) == 4


@pytest.mark.parametrize("value", ["yesterday", "2025-13-01", "01/02/2025", "2025-06-01T25:00"])
def test_a_bad_modified_since_is_a_clear_400(client, dated, value):
    client.set_cookie("opendata_lang", "en")
    response = client.get(f"/catalog.jsonld?modified_since={value}")
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "modified_since" in body and value in body


# -- content negotiation ----------------------------------------------------

@pytest.mark.parametrize("accept, ext", [
    ("text/turtle", "ttl"), ("application/rdf+xml", "rdf"), ("application/ld+json, text/html;q=0.5", "jsonld"),
])
def test_the_dataset_page_answers_rdf_to_clients_that_prefer_it(client, catalogue, accept, ext):
    response = client.get("/dataset/co-so-kham-chua-benh", headers={"Accept": accept})
    assert response.mimetype == MEDIA_TYPES[ext]
    assert "Accept" in response.headers["Vary"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    graph = parse(response, FORMATS[ext])
    assert (dataset_node(catalogue["full"]), RDF.type, DCAT.Dataset) in graph


@pytest.mark.parametrize("accept", ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*", None])
def test_browsers_still_get_the_page(client, catalogue, accept):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/dataset/co-so-kham-chua-benh", headers=headers)
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "Accept" in response.headers["Vary"]


def test_the_dataset_id_url_answers_rdf_too(client, catalogue):
    full = catalogue["full"]
    response = client.get(f"/dataset/{full.id}", headers={"Accept": "text/turtle"})
    assert (dataset_node(full), RDF.type, DCAT.Dataset) in parse(response)


@pytest.mark.parametrize("accept, ext", [
    ("application/ld+json", "jsonld"), ("application/rdf+xml", "rdf"), ("text/html", "ttl"), (None, "ttl"),
])
def test_the_catalogue_url_negotiates(client, catalogue, accept, ext):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/catalog", headers=headers)
    assert response.mimetype == MEDIA_TYPES[ext]
    assert "Accept" in response.headers["Vary"]
    graph = parse(response, FORMATS[ext])
    assert str(graph.value(view_of(graph), HYDRA.first)) == f"{BASE}/catalog?page=1"
