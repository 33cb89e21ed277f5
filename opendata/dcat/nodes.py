"""One function per DCAT-AP class: each adds one node (and what it needs) to a graph.

URIs are built from the site's public base URL and CKAN's stable paths, so
they resolve: a dataset's URI is ``/dataset/<id>`` (stable across renames; the
page redirects to the current name and answers RDF by content negotiation).
Vocabulary terms we reference (frequencies, file types, media types, themes)
carry their class in the output, so the graph validates on its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from ..models import Dataset, Licence, Organization, Resource, ResourceKind, Topic
from . import vocab
from .vocab import ADMS, DCAT, LOCN, SPDX, VCARD


@dataclass(frozen=True)
class Site:
    """What the output says about the portal itself; ``base_url`` has no trailing slash."""

    base_url: str
    name: str
    name_en: str
    province: str

    def uri(self, path: str) -> URIRef:
        return URIRef(self.base_url + path)

    @property
    def catalog(self) -> URIRef:
        return self.uri("/catalog")

    @property
    def topic_scheme(self) -> URIRef:
        return self.uri("/group")


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in vocab.PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def add_text(graph: Graph, node, predicate, vi: str | None, en: str | None = None) -> None:
    if vi and vi.strip():
        graph.add((node, predicate, Literal(vi.strip(), lang="vi")))
    if en and en.strip():
        graph.add((node, predicate, Literal(en.strip(), lang="en")))


def _date(value: date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def datetime_literal(value: datetime) -> Literal:
    value = value.astimezone(timezone.utc).replace(microsecond=0)
    return Literal(value.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)


def _typed(graph: Graph, uri: URIRef | None, cls: URIRef) -> URIRef | None:
    if uri is not None:
        graph.add((uri, RDF.type, cls))
    return uri


def dataset_uri(site: Site, dataset: Dataset) -> URIRef:
    return site.uri(f"/dataset/{dataset.id}")


def landing_page(site: Site, dataset: Dataset) -> URIRef:
    return site.uri(f"/dataset/{quote(dataset.slug)}")


def agent(graph: Graph, site: Site, organization: Organization) -> URIRef:
    """The publishing agency as a foaf:Agent (dct:publisher)."""
    node = site.uri(f"/organization/{quote(organization.slug)}")
    graph.add((node, RDF.type, FOAF.Agent))
    graph.add((node, RDF.type, FOAF.Organization))
    add_text(graph, node, FOAF.name, organization.name, organization.name_en)
    if organization.website and organization.website.startswith(("http://", "https://")):
        graph.add((node, FOAF.homepage, URIRef(organization.website)))
    if organization.email:
        graph.add((node, FOAF.mbox, URIRef(f"mailto:{organization.email}")))
    return node


def _telephone(number: str) -> URIRef | None:
    digits = re.sub(r"[^\d+]", "", number)
    return URIRef(f"tel:{digits}") if len(digits.lstrip("+")) >= 3 else None


def contact_point(graph: Graph, dataset: Dataset) -> BNode | None:
    """A vcard:Kind: the dataset's own contact, else its agency's focal officer (cán bộ đầu mối)."""
    org = dataset.organization
    name = dataset.contact_name or org.focal_name
    email = dataset.contact_email or org.focal_email or org.email
    phone = dataset.contact_phone or org.focal_phone or org.phone
    if not (name or email or phone):
        return None
    node = BNode()
    graph.add((node, RDF.type, VCARD.Kind))
    graph.add((node, VCARD.fn, Literal(name or org.name)))
    if email:
        graph.add((node, VCARD.hasEmail, URIRef(f"mailto:{email}")))
    telephone = _telephone(phone) if phone else None
    if telephone is not None:
        graph.add((node, VCARD.hasTelephone, telephone))
    return node


def licence(graph: Graph, site: Site, item: Licence) -> URIRef:
    """A dct:LicenseDocument: the licence's canonical URL, or our licence page for the statutory terms."""
    node = URIRef(item.url) if item.url else site.uri(f"/license/{quote(item.id)}")
    graph.add((node, RDF.type, DCTERMS.LicenseDocument))
    add_text(graph, node, DCTERMS.title, item.title, item.title_en)
    return node


def period_of_time(graph: Graph, start: date | None, end: date | None) -> BNode | None:
    if start is None and end is None:
        return None
    node = BNode()
    graph.add((node, RDF.type, DCTERMS.PeriodOfTime))
    if start is not None:
        graph.add((node, DCAT.startDate, _date(start)))
    if end is not None:
        graph.add((node, DCAT.endDate, _date(end)))
    return node


def location(graph: Graph, name: str | None) -> BNode | None:
    """A dct:Location named in Vietnamese (our spatial coverage is free text)."""
    if not name or not name.strip():
        return None
    node = BNode()
    graph.add((node, RDF.type, DCTERMS.Location))
    graph.add((node, LOCN.geographicName, Literal(name.strip(), lang="vi")))
    graph.add((node, SKOS.prefLabel, Literal(name.strip(), lang="vi")))
    return node


def theme_taxonomies(graph: Graph, site: Site) -> list[URIRef]:
    """The EU data-theme scheme and our own topic scheme (both used by dcat:theme)."""
    graph.add((vocab.DATA_THEME_SCHEME, RDF.type, SKOS.ConceptScheme))
    graph.add((vocab.DATA_THEME_SCHEME, DCTERMS.title, Literal("Data theme", lang="en")))
    scheme = site.topic_scheme
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    add_text(graph, scheme, DCTERMS.title, f"Chủ đề dữ liệu — {site.name}", f"Data topics — {site.name_en}")
    return [vocab.DATA_THEME_SCHEME, scheme]


def themes(graph: Graph, site: Site, topic: Topic) -> list[URIRef]:
    """Our topic as a skos:Concept, plus the EU data theme it maps to (Topic.eu_theme)."""
    own = site.uri(f"/group/{quote(topic.slug)}")
    graph.add((own, RDF.type, SKOS.Concept))
    add_text(graph, own, SKOS.prefLabel, topic.name, topic.name_en)
    graph.add((own, SKOS.inScheme, site.topic_scheme))
    nodes = [own]
    eu = vocab.theme_uri(topic.eu_theme)
    if eu is not None:
        graph.add((eu, RDF.type, SKOS.Concept))
        graph.add((eu, SKOS.prefLabel, Literal(vocab.EU_THEME_LABELS[topic.eu_theme], lang="en")))
        graph.add((eu, SKOS.inScheme, vocab.DATA_THEME_SCHEME))
        graph.add((own, SKOS.broadMatch, eu))  # the EU theme is the wider heading
        nodes.append(eu)
    return nodes


def _format(graph: Graph, fmt: str | None):
    uri = vocab.file_type_uri(fmt)
    if uri is None and fmt and fmt.strip():
        uri = BNode()  # a format the EU vocabulary lacks keeps its name
        graph.add((uri, RDFS.label, Literal(fmt.strip().upper())))
    return _typed(graph, uri, DCTERMS.MediaTypeOrExtent)


def checksum(graph: Graph, sha256: str | None) -> BNode | None:
    if not sha256 or not re.fullmatch(r"[0-9a-fA-F]{64}", sha256):
        return None
    node = BNode()
    graph.add((node, RDF.type, SPDX.Checksum))
    graph.add((node, SPDX.algorithm, _typed(graph, SPDX.checksumAlgorithm_sha256, SPDX.ChecksumAlgorithm)))
    graph.add((node, SPDX.checksumValue, Literal(sha256.lower(), datatype=XSD.hexBinary)))
    return node


def distribution(graph: Graph, site: Site, dataset: Dataset, resource: Resource, licence_node) -> URIRef:
    """A resource as a dcat:Distribution: stored files are downloaded from us, links point outside."""
    node = site.uri(f"/dataset/{dataset.id}/resource/{resource.id}")
    graph.add((node, RDF.type, DCAT.Distribution))
    add_text(graph, node, DCTERMS.title, resource.name)
    add_text(graph, node, DCTERMS.description, resource.description)
    page = site.uri(f"/dataset/{quote(dataset.slug)}/resource/{resource.id}")
    if resource.kind is ResourceKind.FILE:
        graph.add((node, DCAT.accessURL, page))
        filename = quote(resource.filename or "download")
        graph.add((node, DCAT.downloadURL, site.uri(f"/dataset/{quote(dataset.slug)}/resource/{resource.id}/download/{filename}")))
    elif resource.url:
        graph.add((node, DCAT.accessURL, URIRef(resource.url)))
        if resource.kind is ResourceKind.URL:
            graph.add((node, DCAT.downloadURL, URIRef(resource.url)))
    else:
        graph.add((node, DCAT.accessURL, page))
    media = _typed(graph, vocab.media_type_uri(resource.media_type), DCTERMS.MediaType)
    if media is not None:
        graph.add((node, DCAT.mediaType, media))
    fmt = _format(graph, resource.format)
    if fmt is not None:
        graph.add((node, DCTERMS.format, fmt))
    if resource.size is not None and resource.size >= 0:
        graph.add((node, DCAT.byteSize, Literal(resource.size, datatype=XSD.nonNegativeInteger)))
    digest = checksum(graph, resource.sha256)
    if digest is not None:
        graph.add((node, SPDX.checksum, digest))
    if licence_node is not None:
        graph.add((node, DCTERMS.license, licence_node))
    graph.add((node, DCTERMS.issued, datetime_literal(resource.created)))
    graph.add((node, DCTERMS.modified, datetime_literal(resource.modified)))
    return node


def dataset(graph: Graph, site: Site, item: Dataset, resources, default_licence: Licence | None) -> URIRef:
    """A dcat:Dataset with its distributions; ``resources`` are those the caller may see."""
    node = dataset_uri(site, item)
    graph.add((node, RDF.type, DCAT.Dataset))
    add_text(graph, node, DCTERMS.title, item.title, item.title_en)
    # DCAT-AP requires a description; a dataset published without one repeats its title.
    add_text(graph, node, DCTERMS.description, item.description or item.title, item.description_en)
    graph.add((node, DCTERMS.identifier, Literal(item.identifier)))
    identifier = BNode()
    graph.add((identifier, RDF.type, ADMS.Identifier))
    graph.add((identifier, SKOS.notation, Literal(item.identifier)))
    graph.add((node, ADMS.identifier, identifier))
    graph.add((node, DCTERMS.publisher, agent(graph, site, item.organization)))
    page = landing_page(site, item)
    graph.add((node, DCAT.landingPage, _typed(graph, page, FOAF.Document)))
    contact = contact_point(graph, item)
    if contact is not None:
        graph.add((node, DCAT.contactPoint, contact))
    for tag in item.tags:
        graph.add((node, DCAT.keyword, Literal(tag.name, lang="vi")))
    for topic in item.topics:
        for theme in themes(graph, site, topic):
            graph.add((node, DCAT.theme, theme))
    frequency = _typed(graph, vocab.frequency_uri(item.frequency), DCTERMS.Frequency)
    if frequency is not None:
        graph.add((node, DCTERMS.accrualPeriodicity, frequency))
    language = _typed(graph, vocab.language_uri(item.language), DCTERMS.LinguisticSystem)
    if language is not None:
        graph.add((node, DCTERMS.language, language))
    spatial = location(graph, item.spatial)
    if spatial is not None:
        graph.add((node, DCTERMS.spatial, spatial))
    temporal = period_of_time(graph, item.temporal_start, item.temporal_end)
    if temporal is not None:
        graph.add((node, DCTERMS.temporal, temporal))
    if item.issued is not None:
        graph.add((node, DCTERMS.issued, _date(item.issued)))
    graph.add((node, DCTERMS.modified, datetime_literal(item.modified or item.metadata_modified)))
    if item.version:
        graph.add((node, DCAT.version, Literal(item.version)))
    chosen = item.licence or default_licence
    licence_node = licence(graph, site, chosen) if chosen is not None else None
    for resource in resources:
        graph.add((node, DCAT.distribution, distribution(graph, site, item, resource, licence_node)))
    return node


def catalog(graph: Graph, site: Site, modified: datetime | None) -> URIRef:
    """The portal as a dcat:Catalog, published by the province (datasets are added by the caller)."""
    node = site.catalog
    graph.add((node, RDF.type, DCAT.Catalog))
    add_text(graph, node, DCTERMS.title, site.name, site.name_en)
    add_text(
        graph, node, DCTERMS.description,
        f"Dữ liệu mở do các cơ quan nhà nước tỉnh {site.province} công bố.",
        f"Open data published by the public agencies of {site.province} province.",
    )
    publisher = site.uri("/#publisher")
    graph.add((publisher, RDF.type, FOAF.Agent))
    add_text(graph, publisher, FOAF.name, f"Ủy ban nhân dân tỉnh {site.province}",
             f"{site.province} Provincial People's Committee")
    graph.add((node, DCTERMS.publisher, publisher))
    homepage = _typed(graph, site.uri("/"), FOAF.Document)
    graph.add((node, FOAF.homepage, homepage))
    for code in ("vi", "en"):
        graph.add((node, DCTERMS.language, _typed(graph, vocab.language_uri(code), DCTERMS.LinguisticSystem)))
    graph.add((node, DCTERMS.spatial, location(graph, f"Tỉnh {site.province}")))
    for scheme in theme_taxonomies(graph, site):
        graph.add((node, DCAT.themeTaxonomy, scheme))
    if modified is not None:
        graph.add((node, DCTERMS.modified, datetime_literal(modified)))
    return node
