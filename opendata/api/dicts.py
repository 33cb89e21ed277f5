"""CKAN dicts of our models: the shapes ``package_show``, ``organization_show`` and friends return.

The keys and their types follow CKAN 2.10/2.11 (``ckan/lib/dictization/
model_dictize.py`` and ``License.license_dictize``), so CKAN clients and
harvesters read them unchanged. Our R2 metadata that CKAN has no field for
is added as top-level keys (as a CKAN schema extension such as
ckanext-scheming or ckanext-dcat would), never hidden in ``extras``.

Conventions taken from CKAN:
- timestamps are UTC ISO 8601 *without* an offset (``2025-01-02T03:04:05.123456``),
  as CKAN writes its naive UTC columns; dates are ``YYYY-MM-DD``;
- a value we do not have is ``None`` (JSON ``null``), never an invented one;
- ``name`` is the URL slug, ``title`` the human name, ``id`` the stable UUID.

Every builder needs an application context, and the ones that build URLs
need a request (or ``OPENDATA_SITE_URL``): URLs in these dicts are absolute,
since the caller is another machine.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Iterable


from ..auth import can
from ..catalogue import default_licence
from ..models import Dataset, DatasetState, Licence, Organization, Resource, ResourceKind, Tag, Topic
from ..urls import absolute_url

# Our life cycle onto CKAN's ``state`` values.
STATES = {
    DatasetState.PUBLISHED: "active",
    DatasetState.DRAFT: "draft",
    DatasetState.WITHDRAWN: "deleted",
}


def timestamp(value: datetime | None) -> str | None:
    """CKAN's timestamp form: naive UTC ISO 8601 (CKAN stores naive UTC and prints it as is)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.isoformat()


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


# -- licences ------------------------------------------------------------------
def license_dict(licence: Licence) -> dict[str, Any]:
    """``license_list`` item: CKAN's ``License.license_dictize`` keys plus our titles and summaries.

    ``od_conformance`` is "approved" for Open Definition conformant licences
    (what CKAN's ``isopen`` reads), "not reviewed" otherwise; we keep no
    OSI or domain data, so those keys hold CKAN's defaults for unknown.
    """
    return {
        "id": licence.id,
        "title": licence.title,
        "url": licence.url or "",
        "status": "active",
        "maintainer": "",
        "family": "",
        "domain_content": False,
        "domain_data": False,
        "domain_software": False,
        "is_generic": False,
        "od_conformance": "approved" if licence.od_conformant else "not reviewed",
        "osd_conformance": "not reviewed",
        "is_okd_compliant": bool(licence.od_conformant),
        "is_osi_compliant": False,
        # ours
        "title_en": licence.title_en,
        "summary": licence.summary,
        "summary_en": licence.summary_en,
        "is_default": bool(licence.is_default),
    }


def _package_licence(dataset: Dataset, fallback: Licence | None) -> dict[str, Any]:
    """The licence that applies: the chosen one, else the statutory default terms (R5).

    A dataset whose agency chose no licence is published under the default
    terms of Decree 47/2020 Art. 18, so ``license_id`` names them and
    ``license_is_default_terms`` says they apply by law rather than by
    choice (``package_update`` without ``license_id`` keeps it that way).
    """
    licence = dataset.licence or fallback
    if licence is None:
        return {"license_id": None, "license_title": None, "isopen": False, "license_is_default_terms": False}
    found: dict[str, Any] = {
        "license_id": licence.id,
        "license_title": licence.title,
        "isopen": bool(licence.od_conformant),
        "license_is_default_terms": dataset.licence is None,
    }
    if licence.url:
        found["license_url"] = licence.url  # CKAN leaves the key out when the licence has no URL
    return found


# -- tags and groups -----------------------------------------------------------
def tag_dict(tag: Tag) -> dict[str, Any]:
    """CKAN's tag dict; our tags have integer ids, given as strings like CKAN's UUIDs, and no vocabularies."""
    return {"id": str(tag.id), "name": tag.name, "display_name": tag.name, "state": "active", "vocabulary_id": None}


def group_dict(topic: Topic, *, package_count: int | None = None) -> dict[str, Any]:
    """A topic (chủ đề) as a CKAN group.

    ``name`` is the slug used by ``groups:`` filters; ``title`` the
    Vietnamese name; ``title_en``/``description_en`` and ``eu_theme`` (the
    DCAT-AP data theme code) are ours. Topics have no image, state or
    members: CKAN's empty values stand in.
    """
    found: dict[str, Any] = {
        "id": topic.id,
        "name": topic.slug,
        "title": topic.name,
        "display_name": topic.name,
        "description": topic.description or "",
        "type": "group",
        "is_organization": False,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
        "image_display_url": "",
        "title_en": topic.name_en,
        "description_en": topic.description_en or "",
        "eu_theme": topic.eu_theme,
    }
    if package_count is not None:
        found["package_count"] = package_count
    return found


def organization_dict(org: Organization, *, package_count: int | None = None) -> dict[str, Any]:
    """An agency (cơ quan) as a CKAN organization.

    The focal officer (cán bộ đầu mối, Art. 6.2) and the agency's public
    contacts are published on its page, so they are here too; ``agency_type``
    is the type's slug (the ``agency_type:`` search filter), ``parent`` the
    parent agency's slug. ``created`` is when the agency was entered.
    """
    found: dict[str, Any] = {
        "id": org.id,
        "name": org.slug,
        "title": org.name,
        "display_name": org.name,
        "description": org.description or "",
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
        "image_display_url": "",
        "created": timestamp(org.created),
        "title_en": org.name_en,
        "abbreviation": org.abbreviation,
        "agency_type": org.agency_type.slug if org.agency_type else None,
        "agency_type_title": org.agency_type.name if org.agency_type else None,
        "parent": org.parent.slug if org.parent else None,
        "address": org.address,
        "website": org.website,
        "email": org.email,
        "phone": org.phone,
        "focal_name": org.focal_name,
        "focal_title": org.focal_title,
        "focal_email": org.focal_email,
        "focal_phone": org.focal_phone,
    }
    if package_count is not None:
        found["package_count"] = package_count
    return found


# -- resources -----------------------------------------------------------------
def resource_url(resource: Resource) -> str:
    """Where the data is: the portal's absolute download URL for stored files, the given URL otherwise.

    The download URL carries the original file name, as CKAN's upload URLs do
    (``.../resource/<id>/download/<filename>``).
    """
    if resource.kind is ResourceKind.FILE:
        filename = resource.filename or f"{resource.id}.{(resource.format or 'bin').lower()}"
        return absolute_url(
            "datasets.download", slug=resource.dataset.slug, resource_id=resource.id, filename=filename
        )
    return resource.url or ""


def resource_dict(resource: Resource) -> dict[str, Any]:
    """CKAN's resource dict.

    - ``url_type`` is "upload" for files stored by the portal (CKAN's value
      for uploads), ``None`` for links; ``resource_type`` is "api" for online
      data services (R3), ``None`` otherwise; ``kind`` holds our own value.
    - ``hash`` is the SHA-256 of the file in hex (also as ``sha256``);
      ``mimetype`` the media type; ``size`` bytes.
    - ``last_modified`` and ``metadata_modified`` are both when the resource
      last changed (we keep one time for file and description).
    - ``datastore_active`` is false: there is no DataStore yet.
    - ``withheld`` is only ever true for callers allowed to see resources the
      safety gate holds back (the agency itself and sysadmins).
    """
    return {
        "id": resource.id,
        "package_id": resource.dataset_id,
        "position": resource.position,
        "name": resource.name,
        "description": resource.description or "",
        "url": resource_url(resource),
        "url_type": "upload" if resource.kind is ResourceKind.FILE else None,
        "resource_type": "api" if resource.kind is ResourceKind.API else None,
        "format": resource.format or "",
        "mimetype": resource.media_type,
        "mimetype_inner": None,
        "size": resource.size,
        "hash": resource.sha256 or "",
        "created": timestamp(resource.created),
        "last_modified": timestamp(resource.modified),
        "metadata_modified": timestamp(resource.modified),
        "state": "active",
        "cache_url": None,
        "cache_last_updated": None,
        "datastore_active": False,
        # ours
        "kind": resource.kind.value,
        "filename": resource.filename,
        "sha256": resource.sha256,
        "withheld": bool(resource.withheld),
    }


def visible_resources_of(user, dataset: Dataset) -> list[Resource]:
    """The dataset's resources ``user`` may read (files held by the safety gate only for their agency)."""
    return [resource for resource in dataset.resources if can(user, "resource.read", resource)]


# -- datasets ------------------------------------------------------------------
def _extras(extras: dict[str, Any] | None) -> list[dict[str, str]]:
    """CKAN's extras list of ``{"key", "value"}``, values as strings (JSON for non-strings), keys sorted."""
    import json

    found = []
    for key in sorted(extras or {}):
        value = extras[key]
        found.append({"key": key, "value": value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)})
    return found


def package_dict(
    dataset: Dataset,
    user,
    *,
    fallback_licence: Licence | None | bool = True,
    resources: Iterable[Resource] | None = None,
) -> dict[str, Any]:
    """``package_show``'s dict for ``dataset`` as ``user`` may see it.

    The caller has already checked ``can(user, "dataset.read", dataset)``;
    here ``user`` only decides which resources are included (``num_resources``
    counts those). ``fallback_licence`` is the default licence row when the
    caller already has it (lists build many dicts); ``True`` looks it up.

    Mapping of our fields onto CKAN's:
    - ``name`` = slug, ``notes`` = description (Markdown), ``owner_org`` =
      organization id, ``groups`` = topics, ``private`` = private flag,
      ``state`` = active (published) / draft / deleted (withdrawn; read-only,
      with ``withdrawn_reason``);
    - ``maintainer``/``maintainer_email`` = the contact person (R2), also as
      ``contact_name``/``contact_email``/``contact_phone``; ``author`` and
      ``author_email`` are null: datasets are authored by their agency
      (``organization``);
    - ``url`` (CKAN's "source") is null: our datasets are the source; the
      portal page is ``landing_page``;
    - ``metadata_created``/``metadata_modified`` = when the record was created
      / last changed; ``issued``/``modified`` (R2, DCAT's dct:issued and
      dct:modified) = when the data was first published / last changed;
    - R2 keys CKAN lacks are top level: ``identifier``, ``title_en``,
      ``description_en``, ``spatial``, ``temporal_start``, ``temporal_end``,
      ``frequency`` (EU frequency code), ``language``, ``quality_notes``,
      ``legal_basis``.
    """
    if fallback_licence is True:
        fallback_licence = default_licence()
    shown = list(resources) if resources is not None else visible_resources_of(user, dataset)
    found: dict[str, Any] = {
        "id": dataset.id,
        "name": dataset.slug,
        "title": dataset.title,
        "type": "dataset",
        "notes": dataset.description or "",
        "url": None,
        "version": dataset.version,
        "state": STATES[dataset.state],
        "private": bool(dataset.private),
        "owner_org": dataset.organization_id,
        "organization": organization_dict(dataset.organization),
        "author": None,
        "author_email": None,
        "maintainer": dataset.contact_name,
        "maintainer_email": dataset.contact_email,
        "creator_user_id": None,
        "metadata_created": timestamp(dataset.created),
        "metadata_modified": timestamp(dataset.metadata_modified),
        **_package_licence(dataset, fallback_licence or None),
        "num_resources": len(shown),
        "num_tags": len(dataset.tags),
        "resources": [resource_dict(resource) for resource in shown],
        "tags": [tag_dict(tag) for tag in dataset.tags],
        "groups": [group_dict(topic) for topic in dataset.topics],
        "extras": _extras(dataset.extras),
        "relationships_as_object": [],
        "relationships_as_subject": [],
        # ours (R2)
        "identifier": dataset.identifier,
        "title_en": dataset.title_en,
        "description_en": dataset.description_en or "",
        "spatial": dataset.spatial,
        "temporal_start": day(dataset.temporal_start),
        "temporal_end": day(dataset.temporal_end),
        "frequency": dataset.frequency,
        "issued": day(dataset.issued),
        "modified": timestamp(dataset.modified),
        "language": dataset.language,
        "contact_name": dataset.contact_name,
        "contact_email": dataset.contact_email,
        "contact_phone": dataset.contact_phone,
        "quality_notes": dataset.quality_notes or "",
        "legal_basis": dataset.legal_basis,
        "landing_page": absolute_url("datasets.show", slug=dataset.slug),
    }
    if dataset.state is DatasetState.WITHDRAWN:
        found["withdrawn_reason"] = dataset.withdrawn_reason
    return found
