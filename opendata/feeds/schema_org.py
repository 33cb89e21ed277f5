"""schema.org ``Dataset`` for a dataset page, as Google Dataset Search and other crawlers read it.

Only datasets the public may list get one: a draft or private dataset shown
to its agency, or a withdrawn one, is not announced to search engines.
"""
from __future__ import annotations

from typing import Any

from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _

from ..auth import can, is_listed
from ..catalogue import default_licence
from ..i18n import localized
from ..models import Dataset, ResourceKind
from ..text import plain_excerpt
from ..urls import absolute_url
from .common import PUBLIC, w3c_datetime

# Google asks for a description of 50 to 5000 characters.
MIN_DESCRIPTION = 50
MAX_DESCRIPTION = 5000


def site_name() -> str:
    english = str(get_locale()) == "en" and current_app.config.get("SITE_NAME_EN")
    return english or current_app.config["SITE_NAME"]


def _description(dataset: Dataset, title: str, agency: str) -> str:
    """The description's plain text, cut at 5000 characters; too short ones get a sentence of context."""
    text = plain_excerpt(localized(dataset, "description"), MAX_DESCRIPTION)
    if len(text) < MIN_DESCRIPTION:
        context = _(
            "%(title)s: open data published by %(agency)s on %(site)s.", title=title, agency=agency, site=site_name()
        )
        text = f"{text} {context}" if text else context
    return text


def _temporal(dataset: Dataset) -> str | None:
    """An ISO 8601 interval; ``..`` marks an open end, as schema.org allows."""
    if not dataset.temporal_start and not dataset.temporal_end:
        return None
    start = dataset.temporal_start.isoformat() if dataset.temporal_start else ".."
    end = dataset.temporal_end.isoformat() if dataset.temporal_end else ".."
    return f"{start}/{end}"


def _organization(dataset: Dataset) -> dict[str, Any]:
    agency = dataset.organization
    result = {
        "@type": "Organization",
        "name": localized(agency, "name"),
        "url": absolute_url("organizations.show", slug=agency.slug),
    }
    if agency.email:
        result["email"] = agency.email
    return result


def _licence_url(dataset: Dataset) -> str | None:
    licence = dataset.licence or default_licence()
    if licence is None:
        return None
    return licence.url or absolute_url("licences.show", licence_id=licence.id)


def _distribution(dataset: Dataset) -> list[dict[str, Any]]:
    """Files and links the public may download (not APIs, not files held back by the safety gate)."""
    result = []
    for resource in dataset.resources:
        if resource.kind is ResourceKind.API or not can(PUBLIC, "resource.download", resource):
            continue
        if resource.kind is ResourceKind.URL and not resource.url:
            continue
        values = {"slug": dataset.slug, "resource_id": resource.id}
        if resource.filename:
            values["filename"] = resource.filename
        item = {
            "@type": "DataDownload",
            "name": resource.name,
            "contentUrl": absolute_url("datasets.download", **values),
        }
        encoding = resource.media_type or resource.format
        if encoding:
            item["encodingFormat"] = encoding
        if resource.size is not None:
            item["contentSize"] = f"{resource.size} B"
        result.append(item)
    return result


def dataset_schema(dataset: Dataset) -> dict[str, Any] | None:
    """The schema.org Dataset dict for ``dataset``; None when the public may not list it."""
    if not is_listed(PUBLIC, dataset):
        return None
    url = absolute_url("datasets.show", slug=dataset.slug)
    title = localized(dataset, "title")
    publisher = _organization(dataset)
    keywords = [tag.name for tag in dataset.tags] + [localized(topic, "name") for topic in dataset.topics]
    result: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": url,
        "name": title,
        "description": _description(dataset, title, publisher["name"]),
        "url": url,
        "identifier": dataset.identifier,
        "isAccessibleForFree": True,
        "inLanguage": dataset.language or "vi",
        "creator": publisher,
        "publisher": publisher,
        "dateCreated": w3c_datetime(dataset.created),
        "dateModified": w3c_datetime(dataset.modified or dataset.metadata_modified),
        "includedInDataCatalog": {"@type": "DataCatalog", "name": site_name(), "url": absolute_url("home.index")},
    }
    optional = {
        "keywords": list(dict.fromkeys(keywords)),
        "license": _licence_url(dataset),
        "datePublished": dataset.issued.isoformat() if dataset.issued else None,
        "temporalCoverage": _temporal(dataset),
        "spatialCoverage": {"@type": "Place", "name": dataset.spatial} if dataset.spatial else None,
        "version": dataset.version,
        "distribution": _distribution(dataset),
    }
    result.update({key: value for key, value in optional.items() if value})
    return result
