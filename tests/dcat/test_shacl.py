"""The DCAT-AP output conforms to the official DCAT-AP 3.0.0 SHACL shapes (zero results).

Validation runs with RDFS entailment (``inference="rdfs"``), as the EU's
DCAT-AP validator and DCAT-AP-CH do: the shapes require ``dcat:accessURL``
and ``dcat:downloadURL`` values to be of class ``rdfs:Resource``, which every
IRI is under RDFS semantics but which no publisher states. Nothing else is
entailed: the output states the classes of the vocabulary terms it uses
(dct:Frequency, dct:MediaType, skos:Concept, ...), and a test below shows
that without entailment the rdfs:Resource checks are the only failures.
"""
from __future__ import annotations

import pyshacl
import pytest
from rdflib import Graph, Namespace
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, RDFS

from opendata.dcat.vocab import DCAT

from .conftest import parse

SH = Namespace("http://www.w3.org/ns/shacl#")
FORMATS = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}


def results(graph: Graph, shapes: Graph, inference: str = "rdfs"):
    conforms, report, text = pyshacl.validate(graph, shacl_graph=shapes, inference=inference)
    found = [
        (report.value(result, SH.resultPath), report.value(result, SH.sourceConstraintComponent),
         shapes.value(report.value(result, SH.sourceShape), SH["class"]))
        for result in report.subjects(SH.focusNode, None)
    ]
    return conforms, found, text


def assert_conforms(graph: Graph, shapes: Graph) -> None:
    conforms, found, text = results(graph, shapes)
    assert conforms and not found, text  # the report is printed on failure


@pytest.mark.parametrize("ext", FORMATS)
def test_the_catalogue_conforms_in_every_serialisation(client, catalogue, shapes, ext):
    graph = parse(client.get(f"/catalog.{ext}"), FORMATS[ext])
    assert len(set(graph.objects(None, DCAT.dataset))) == len(catalogue["public"])
    assert_conforms(graph, shapes)


def test_each_dataset_description_conforms(client, catalogue, shapes):
    for dataset in catalogue["public"]:
        graph = parse(client.get(f"/dataset/{dataset.slug}.ttl"))
        assert len(graph) > 10
        assert_conforms(graph, shapes)


def test_the_serialisations_carry_the_same_graph(client, catalogue):
    graphs = [parse(client.get(f"/dataset/co-so-kham-chua-benh.{ext}"), fmt) for ext, fmt in FORMATS.items()]
    assert isomorphic(graphs[0], graphs[1]) and isomorphic(graphs[0], graphs[2])


def test_the_validation_catches_a_broken_description(client, catalogue, shapes):
    graph = parse(client.get("/dataset/co-so-kham-chua-benh.ttl"))
    graph.remove((None, DCTERMS.description, None))
    graph.remove((None, FOAF.name, None))
    conforms, found, _ = results(graph, shapes)
    assert not conforms
    assert {path for path, _, _ in found} >= {DCTERMS.description, FOAF.name}


def test_without_entailment_only_the_rdfs_resource_checks_fail(client, catalogue, shapes):
    """The one thing entailment adds: each access/download URL being an rdfs:Resource."""
    graph = parse(client.get("/catalog.ttl"))
    conforms, found, _ = results(graph, shapes, inference="none")
    assert not conforms
    assert {(path, cls) for path, _, cls in found} == {
        (DCAT.accessURL, RDFS.Resource), (DCAT.downloadURL, RDFS.Resource)
    }
