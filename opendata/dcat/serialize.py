"""Turtle, RDF/XML and JSON-LD: file extension, media type and rdflib format."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from .vocab import PREFIXES


@dataclass(frozen=True)
class Syntax:
    extension: str
    media_type: str
    rdflib_format: str


SYNTAXES = {
    "ttl": Syntax("ttl", "text/turtle", "turtle"),
    "rdf": Syntax("rdf", "application/rdf+xml", "xml"),  # flat RDF/XML: fast on 1000-dataset pages
    "jsonld": Syntax("jsonld", "application/ld+json", "json-ld"),
}
BY_MEDIA_TYPE = {syntax.media_type: syntax for syntax in SYNTAXES.values()}
JSONLD_CONTEXT = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def serialize(graph: Graph, syntax: Syntax) -> bytes:
    if syntax.rdflib_format == "json-ld":
        return graph.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True, encoding="utf-8")
    return graph.serialize(format=syntax.rdflib_format, encoding="utf-8")


def preferred(accept, default: Syntax | None = None) -> Syntax | None:
    """The RDF syntax an Accept header prefers over HTML, or ``default`` when it prefers none.

    A wildcard (``*/*``) rates HTML as high as RDF, so browsers get the page.
    """
    html = accept.quality("text/html")
    best, best_quality = None, 0.0
    for syntax in SYNTAXES.values():
        quality = accept.quality(syntax.media_type)
        if quality > best_quality and quality > html:
            best, best_quality = syntax, quality
    return best or default
