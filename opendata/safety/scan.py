"""Scanning a dataset's metadata and files (no database writes here).

The contact fields (contact name, e-mail and phone of the dataset; the
agency's focal officer) are never scanned: the regulation asks agencies to
publish an official contact, so a number there is not a leak.
"""
from __future__ import annotations

from ..models import ResourceKind
from .files import scan_file
from .findings import Collector, Finding
from .rules import normalize, scan_text

METADATA_FIELDS = ("title", "title_en", "description", "description_en", "quality_notes", "spatial", "legal_basis", "version")


def _scan_field(collector: Collector, field: str, text) -> None:
    if not text:
        return
    for hit in scan_text(normalize(str(text))):
        collector.hit(hit, field=field)


def scan_resource(resource) -> list[Finding]:
    """Findings in one resource: its name and description, and its stored file."""
    collector = Collector(resource)
    _scan_field(collector, "resource.name", resource.name)
    _scan_field(collector, "resource.description", resource.description)
    if resource.kind is ResourceKind.FILE or (resource.kind is None and resource.storage_key):
        scan_file(resource, collector)
    return collector.finish()


def scan_dataset(dataset) -> list[Finding]:
    """Findings in the metadata and in every resource not already withheld by the gate."""
    collector = Collector()
    for field in METADATA_FIELDS:
        _scan_field(collector, field, getattr(dataset, field, None))
    for tag in dataset.tags:
        _scan_field(collector, "tags", tag.name)
    findings = collector.finish()
    for resource in dataset.resources:
        if not resource.withheld:
            findings.extend(scan_resource(resource))
    return findings
