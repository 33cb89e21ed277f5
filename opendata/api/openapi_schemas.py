"""JSON Schemas (OpenAPI 3.1 dialect) of what the Action API returns.

They describe :mod:`opendata.api.dicts` exactly: every key the builders
always write is ``required``, a value the model allows to be missing is
``null``-able, and keys CKAN extensions may add are allowed
(``additionalProperties`` stays open, as CKAN clients expect). The test
suite runs schemathesis against these schemas, so a builder and its schema
cannot drift apart silently. The per-verb descriptions are in
:mod:`opendata.api.openapi_verbs`.
"""
from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

# CKAN writes naive UTC timestamps ("2025-01-02T03:04:05.123456"), not RFC 3339.
TIMESTAMP_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def string(description: str = "", **extra: Any) -> Schema:
    return {"type": "string", **({"description": description} if description else {}), **extra}


def nullable(schema: Schema) -> Schema:
    """``schema`` or ``null`` (3.1: a type list, or ``anyOf`` for references)."""
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    found = dict(schema)
    kind = found.get("type")
    found["type"] = [*kind, "null"] if isinstance(kind, list) else [kind, "null"]
    if "enum" in found:
        found["enum"] = [*found["enum"], None]
    return found


def timestamp(description: str = "") -> Schema:
    return string(description or "UTC time, ISO 8601 without offset (CKAN's form).", pattern=TIMESTAMP_PATTERN)


def day(description: str = "") -> Schema:
    return string(description or "A date, YYYY-MM-DD.", pattern=DATE_PATTERN)


def obj(properties: dict[str, Schema], *, optional: tuple[str, ...] = (), description: str = "") -> Schema:
    """An object whose keys are all required except ``optional`` ones."""
    schema: Schema = {
        "type": "object",
        "required": [key for key in properties if key not in optional],
        "properties": properties,
    }
    if description:
        schema["description"] = description
    return schema


def array(items: Schema, description: str = "") -> Schema:
    return {"type": "array", "items": items, **({"description": description} if description else {})}


NULL_STRING = nullable(string())
PACKAGE_REF = ref("Package")
COUNT = {"type": "integer", "minimum": 0}

LICENSE = obj(
    {
        "id": string("Licence id, the value of a dataset's license_id."),
        "title": string("Title in Vietnamese."),
        "url": string("Where the licence text is; empty when unknown."),
        "status": {"const": "active"},
        "maintainer": string(),
        "family": string(),
        "domain_content": {"type": "boolean"},
        "domain_data": {"type": "boolean"},
        "domain_software": {"type": "boolean"},
        "is_generic": {"type": "boolean"},
        "od_conformance": {"enum": ["approved", "not reviewed"]},
        "osd_conformance": {"enum": ["approved", "not reviewed"]},
        "is_okd_compliant": {"type": "boolean", "description": "Open Definition conformant (CKAN's isopen)."},
        "is_osi_compliant": {"type": "boolean"},
        "title_en": nullable(string("Title in English.")),
        "summary": string("What the licence allows, in Vietnamese."),
        "summary_en": string("What the licence allows, in English."),
        "is_default": {"type": "boolean", "description": "The default terms (Decree 47/2020, Art. 18)."},
    },
    description="A licence (CKAN's License.license_dictize keys plus titles and summaries).",
)

TAG = obj(
    {
        "id": string(),
        "name": string(),
        "display_name": string(),
        "state": {"const": "active"},
        "vocabulary_id": {"type": "null"},
    },
    description="A free keyword.",
)

_GROUP_COMMON = {
    "id": string("Stable id."),
    "name": string("Short name used in addresses and filters."),
    "title": string("Name in Vietnamese."),
    "display_name": string(),
    "description": string(),
    "state": {"const": "active"},
    "approval_status": {"const": "approved"},
    "image_url": string(),
    "image_display_url": string(),
    "title_en": NULL_STRING,
    "package_count": {**COUNT, "description": "Datasets the caller may see (in lists and *_show)."},
}

GROUP = obj(
    {
        **_GROUP_COMMON,
        "type": {"const": "group"},
        "is_organization": {"const": False},
        "description_en": string(),
        "eu_theme": nullable(string("DCAT-AP data theme code.")),
    },
    optional=("package_count",),
    description="A topic (chủ đề), as a CKAN group.",
)

ORGANIZATION = obj(
    {
        **_GROUP_COMMON,
        "type": {"const": "organization"},
        "is_organization": {"const": True},
        "created": timestamp("When the agency was entered."),
        "abbreviation": NULL_STRING,
        "agency_type": nullable(string("Slug of the agency type (the agency_type: filter).")),
        "agency_type_title": NULL_STRING,
        "parent": nullable(string("Name of the parent agency.")),
        "address": NULL_STRING,
        "website": NULL_STRING,
        "email": NULL_STRING,
        "phone": NULL_STRING,
        "focal_name": nullable(string("Focal officer for open data (Art. 6.2).")),
        "focal_title": NULL_STRING,
        "focal_email": NULL_STRING,
        "focal_phone": NULL_STRING,
    },
    optional=("package_count",),
    description="An agency (cơ quan), as a CKAN organization.",
)

RESOURCE = obj(
    {
        "id": string(),
        "package_id": string("Id of the dataset."),
        "position": {"type": "integer", "minimum": 0},
        "name": string(),
        "description": string(),
        "url": string("Download address (the portal's for uploaded files) or the linked address."),
        "url_type": {"enum": ["upload", None], "description": "\"upload\" for files kept by the portal."},
        "resource_type": {"enum": ["api", None], "description": "\"api\" for online data services."},
        "format": string("e.g. CSV, XLSX; empty when unknown."),
        "mimetype": NULL_STRING,
        "mimetype_inner": {"type": "null"},
        "size": nullable({"type": "integer", "minimum": 0, "description": "Bytes."}),
        "hash": string("SHA-256 in hex; empty for links."),
        "created": timestamp(),
        "last_modified": timestamp(),
        "metadata_modified": timestamp(),
        "state": {"const": "active"},
        "cache_url": {"type": "null"},
        "cache_last_updated": {"type": "null"},
        "datastore_active": {"type": "boolean"},
        "kind": {"enum": ["file", "url", "api"]},
        "filename": nullable(string("Original file name.")),
        "sha256": NULL_STRING,
        "withheld": {"type": "boolean", "description": "Held back by the safety review (agency staff only)."},
    },
    description="A file, link or data service of a dataset (CKAN's resource).",
)

PACKAGE = obj(
    {
        "id": string(),
        "name": string("Short name: the last part of the dataset's address."),
        "title": string(),
        "type": {"const": "dataset"},
        "notes": string("Description (Markdown)."),
        "url": {"type": "null", "description": "CKAN's source URL; the portal is the source."},
        "version": NULL_STRING,
        "state": {"enum": ["active", "draft", "deleted"], "description": "published / draft / withdrawn."},
        "private": {"type": "boolean"},
        "owner_org": string("Id of the agency."),
        "organization": ref("Organization"),
        "author": {"type": "null"},
        "author_email": {"type": "null"},
        "maintainer": NULL_STRING,
        "maintainer_email": NULL_STRING,
        "creator_user_id": NULL_STRING,
        "metadata_created": timestamp(),
        "metadata_modified": timestamp(),
        "license_id": NULL_STRING,
        "license_title": NULL_STRING,
        "license_url": string("Present when the licence has an address."),
        "isopen": {"type": "boolean"},
        "license_is_default_terms": {"type": "boolean", "description": "No licence chosen: the default terms apply."},
        "num_resources": COUNT,
        "num_tags": COUNT,
        "resources": array(ref("Resource")),
        "tags": array(ref("Tag")),
        "groups": array(ref("Group"), "Topics."),
        "extras": array(obj({"key": string(), "value": string()})),
        "relationships_as_object": array({"type": "object"}),
        "relationships_as_subject": array({"type": "object"}),
        "identifier": string(),
        "title_en": NULL_STRING,
        "description_en": string(),
        "spatial": NULL_STRING,
        "temporal_start": nullable(day()),
        "temporal_end": nullable(day()),
        "frequency": nullable(string("EU frequency code, e.g. ANNUAL.")),
        "issued": nullable(day("When the data was first published.")),
        "modified": nullable(timestamp("When the data last changed.")),
        "language": string(),
        "contact_name": NULL_STRING,
        "contact_email": NULL_STRING,
        "contact_phone": NULL_STRING,
        "quality_notes": string(),
        "legal_basis": NULL_STRING,
        "landing_page": string("The dataset's page on the portal."),
        "withdrawn_reason": NULL_STRING,
    },
    optional=("license_url", "withdrawn_reason"),
    description="A dataset, as CKAN's package dict with the portal's metadata as extra top-level keys.",
)

FACET_ITEM = obj({"name": string(), "display_name": string(), "count": COUNT})

PACKAGE_SEARCH_RESULT = obj(
    {
        "count": {**COUNT, "description": "Datasets matching, over all pages."},
        "results": array(ref("Package")),
        "sort": string(),
        "facets": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": COUNT}},
        "search_facets": {
            "type": "object",
            "additionalProperties": obj({"title": string(), "items": array(FACET_ITEM)}),
        },
    },
    optional=("sort",),
    description="One page of package_search results.",
)

ACTIVITY = obj(
    {
        "id": string(),
        "timestamp": timestamp(),
        "user_id": nullable(string("Who made the change; shown to the agency's staff and sysadmins only.")),
        "object_id": string("Id of the dataset (or agency) changed."),
        "activity_type": {"enum": ["new package", "changed package", "deleted package", "new organization",
                                   "changed organization", "deleted organization"]},
        "data": {
            "type": "object",
            "description": "The dataset as it is now (`package`), or the agency (`group`).",
            "properties": {"package": {"type": "object"}, "group": {"type": "object"}},
        },
        "action": string("The precise change, e.g. dataset.published."),
        "object_type": string("dataset, resource or organization."),
        "resource_id": nullable(string("The resource changed, for resource changes.")),
        "summary": string(),
        "changes": {"type": "object", "description": "{field: [before, after]}."},
    },
    description="One recorded change (CKAN's activity dict plus the portal's precise action and changes).",
)

STATUS = obj(
    {
        "site_title": string(),
        "site_description": string(),
        "site_url": string(),
        "ckan_version": string("The CKAN release whose Action API this portal follows."),
        "api_version": {"const": 3},
        "opendata_version": NULL_STRING,
        "error_emails_to": {"type": "null"},
        "locale_default": string(),
        "extensions": array(string()),
    },
    description="About the portal (status_show).",
)


def envelope(result: Schema) -> Schema:
    """CKAN's success envelope around ``result``."""
    return obj(
        {
            "help": string("Where the verb is documented."),
            "success": {"const": True},
            "result": result,
        }
    )


def error_schema(ckan_type: Any, description: str, **extra_properties: Schema) -> Schema:
    type_schema = {"const": ckan_type} if isinstance(ckan_type, str) else ckan_type
    return {
        "type": "object",
        "required": ["__type"],
        "properties": {"__type": type_schema, "message": string(), **extra_properties},
        "description": description,
    }


# The error objects by HTTP status: ``__type`` says which one (CKAN's names).
ERRORS: dict[str, tuple[str, Schema]] = {
    "400": ("BadRequestError", error_schema(
        {"type": "string", "pattern": "^(Bad request|Search Query Error)"},
        "The request could not be read (unknown verb, malformed JSON, wrong method, a search query "
        "that is not understood: `Search Query Error`).",
    )),
    "403": ("AuthorizationError", error_schema(
        "Authorization Error", "No token, or the token's user may not do this.",
    )),
    "404": ("NotFoundError", error_schema(
        "Not Found Error", "No such object, or one the caller may not see.",
    )),
    "409": ("ValidationError", {
        **error_schema(
            "Validation Error",
            "Bad parameters: each key other than __type and message names a field and lists its problems.",
        ),
        "additionalProperties": True,
    }),
    "429": ("RateLimitError", error_schema(
        "Too Many Requests", "Too many requests; retry after the seconds in the Retry-After header.",
    )),
}


def error_envelope(error_name: str) -> Schema:
    return obj(
        {
            "help": string(),
            "success": {"const": False},
            "error": ref(error_name),
        }
    )


def component_schemas() -> dict[str, Schema]:
    schemas: dict[str, Schema] = {
        "Package": PACKAGE,
        "Resource": RESOURCE,
        "Organization": ORGANIZATION,
        "Group": GROUP,
        "Tag": TAG,
        "License": LICENSE,
        "Activity": ACTIVITY,
        "PackageSearchResult": PACKAGE_SEARCH_RESULT,
        "Status": STATUS,
    }
    for name, schema in ERRORS.values():
        schemas[name] = schema
    return schemas
