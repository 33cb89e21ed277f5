"""DCAT-AP 3.0 output (rdflib) for the National Data Portal and other harvesters.

``nodes`` has one function per DCAT class, ``catalogue`` picks the public
datasets and pages them, ``serialize`` writes Turtle, RDF/XML and JSON-LD.
"""
from .catalogue import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    CataloguePage,
    DatasetNotFound,
    DatasetWithdrawn,
    InvalidParameter,
    catalogue_graph,
    catalogue_page,
    dataset_graph,
    parse_modified_since,
    parse_paging,
    public_dataset,
)
from .nodes import Site
from .serialize import SYNTAXES, Syntax, preferred, serialize

__all__ = [
    "CataloguePage", "DEFAULT_PAGE_SIZE", "DatasetNotFound", "DatasetWithdrawn", "InvalidParameter", "MAX_PAGE_SIZE",
    "SYNTAXES", "Site", "Syntax", "catalogue_graph", "catalogue_page", "dataset_graph", "parse_modified_since",
    "parse_paging", "preferred", "public_dataset", "serialize",
]
