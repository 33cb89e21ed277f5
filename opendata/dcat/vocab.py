"""Namespaces and the EU controlled vocabularies DCAT-AP 3.0 asks for.

Our codes are already the EU ones where a vocabulary exists (update frequency,
topic -> data theme), so these are lookups, not guesses. The English labels of
the data themes are the vocabulary's own; harvesters show them.
"""
from __future__ import annotations

import re

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

# rdflib's DCAT namespace is DCAT 2 and warns on DCAT 3 terms (dcat:version, ...).
DCAT = Namespace("http://www.w3.org/ns/dcat#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
LOCN = Namespace("http://www.w3.org/ns/locn#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
FREQUENCY = Namespace(EU_AUTHORITY + "frequency/")
DATA_THEME = Namespace(EU_AUTHORITY + "data-theme/")
DATA_THEME_SCHEME = URIRef(EU_AUTHORITY + "data-theme")
FILE_TYPE = Namespace(EU_AUTHORITY + "file-type/")
LANGUAGE = Namespace(EU_AUTHORITY + "language/")
IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/"

PREFIXES = {
    "dcat": DCAT, "dct": DCTERMS, "foaf": FOAF, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "xsd": XSD,
    "adms": ADMS, "hydra": HYDRA, "locn": LOCN, "spdx": SPDX, "vcard": VCARD,
}

# The data-theme vocabulary's English labels (Topic.eu_theme holds the code).
EU_THEME_LABELS = {
    "AGRI": "Agriculture, fisheries, forestry and food",
    "ECON": "Economy and finance",
    "EDUC": "Education, culture and sport",
    "ENER": "Energy",
    "ENVI": "Environment",
    "GOVE": "Government and public sector",
    "HEAL": "Health",
    "INTR": "International issues",
    "JUST": "Justice, legal system and public safety",
    "OP_DATPRO": "Provisional data",
    "REGI": "Regions and cities",
    "SOCI": "Population and society",
    "TECH": "Science and technology",
    "TRAN": "Transport",
}

# Our format names (Resource.format) -> codes of the EU file-type vocabulary.
FILE_TYPES = {
    "CSV": "CSV", "TSV": "TSV", "JSON": "JSON", "GEOJSON": "GEOJSON", "XML": "XML", "RDF": "RDF_XML",
    "TTL": "RDF_TURTLE", "JSONLD": "JSON_LD", "ODS": "ODS", "ODT": "ODT", "XLSX": "XLSX", "XLS": "XLS",
    "DOCX": "DOCX", "DOC": "DOC", "PPTX": "PPTX", "PDF": "PDF", "KML": "KML", "KMZ": "KMZ", "SHP": "SHP",
    "GML": "GML", "ZIP": "ZIP", "HTML": "HTML", "TXT": "TXT", "PNG": "PNG", "JPEG": "JPEG", "JPG": "JPEG",
    "GIF": "GIF", "TIFF": "TIFF",
}

LANGUAGES = {"vi": "VIE", "en": "ENG"}

_FREQUENCY_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")
_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")


def frequency_uri(code: str | None) -> URIRef | None:
    return FREQUENCY[code] if code and _FREQUENCY_CODE.match(code) else None


def theme_uri(code: str | None) -> URIRef | None:
    return DATA_THEME[code] if code in EU_THEME_LABELS else None


def file_type_uri(fmt: str | None) -> URIRef | None:
    code = FILE_TYPES.get((fmt or "").strip().upper())
    return FILE_TYPE[code] if code else None


def media_type_uri(media_type: str | None) -> URIRef | None:
    """The IANA registry URI of ``text/csv; charset=utf-8`` and the like; None when malformed."""
    value = (media_type or "").split(";", 1)[0].strip().lower()
    return URIRef(IANA_MEDIA_TYPES + value) if _MEDIA_TYPE.match(value) else None


def language_uri(code: str | None) -> URIRef | None:
    eu = LANGUAGES.get((code or "").lower())
    return LANGUAGE[eu] if eu else None
