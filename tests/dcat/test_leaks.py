"""Drafts, private datasets and withheld files never reach the DCAT output, whoever asks.

The DCAT endpoints ignore the session on purpose: they are the portal's
public record for harvesters, answered with ``Access-Control-Allow-Origin: *``,
so even the agency's own editors and the sysadmins get the public view there
(they see their drafts on the HTML pages and in the workspace).
"""
from __future__ import annotations

import pytest

from .conftest import parse

VIEWERS = ["anonymous", "registered", "other_editor", "member", "editor", "sysadmin"]


@pytest.fixture
def viewer(client, as_user):
    def make(name: str):
        return client if name == "anonymous" else as_user(name)
    return make


def texts(response) -> str:
    return response.get_data(as_text=True)


@pytest.mark.parametrize("name", VIEWERS)
def test_the_catalogue_lists_only_public_datasets(viewer, catalogue, name):
    client = viewer(name)
    for ext in ("ttl", "rdf", "jsonld"):
        body = texts(client.get(f"/catalog.{ext}?page_size=1000"))
        for dataset in catalogue["public"]:
            assert dataset.id in body
        for dataset in catalogue["hidden"].values():
            assert dataset.id not in body and dataset.slug not in body and dataset.title not in body
        assert "danh-sach-benh-nhan" not in body  # the withheld file


@pytest.mark.parametrize("name", VIEWERS)
def test_hidden_datasets_have_no_rdf_description(viewer, catalogue, name):
    client = viewer(name)
    for dataset in catalogue["hidden"].values():
        for url in (f"/dataset/{dataset.slug}.ttl", f"/dataset/{dataset.id}.jsonld"):
            response = client.get(url)
            assert response.status_code in (404, 410), url
            assert dataset.title not in texts(response)


def test_a_withheld_file_is_not_a_distribution(client, catalogue):
    withheld = catalogue["withheld"]
    graph = parse(client.get(f"/dataset/{withheld.slug}.ttl"))
    body = graph.serialize(format="turtle")
    assert withheld.resources[0].id in body
    assert withheld.resources[1].id not in body


def test_negotiation_never_serves_a_draft_but_its_editor_still_gets_the_page(client, as_user, catalogue):
    draft = catalogue["hidden"]["draft"]
    turtle = {"Accept": "text/turtle"}
    anonymous = client.get(f"/dataset/{draft.slug}", headers=turtle)
    assert anonymous.status_code == 404 and draft.title not in texts(anonymous)
    other = as_user("other_editor").get(f"/dataset/{draft.slug}", headers=turtle)
    assert other.status_code == 404 and draft.title not in texts(other)
    own = as_user("editor").get(f"/dataset/{draft.slug}", headers=turtle)
    assert own.status_code == 200 and own.mimetype == "text/html"  # the page, not a DCAT record


@pytest.mark.parametrize("name", ["anonymous", "editor"])
def test_modified_since_does_not_reveal_hidden_datasets(viewer, catalogue, name):
    body = texts(viewer(name).get("/catalog.ttl?modified_since=2000-01-01"))
    for dataset in catalogue["hidden"].values():
        assert dataset.id not in body
