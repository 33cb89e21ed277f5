"""What each Action API verb takes and returns, for the OpenAPI document.

One entry per verb of the registry (:func:`opendata.api.actions.actions`);
``tests/api/test_openapi.py`` fails when a registered verb has no entry here,
so a new verb cannot go undocumented. Read verbs list their parameters once:
the document offers them as a query string (GET) and as a JSON body (POST),
as CKAN accepts both. Write verbs take a JSON body, or a multipart form when
they accept a file (``upload``).
"""
from __future__ import annotations

from dataclasses import dataclass

from .openapi_schemas import GROUP, ORGANIZATION, PACKAGE_REF, Schema, array, nullable, ref, string

# CKAN's sort strings package_search understands (opendata.api.searching.SORTS).
SEARCH_SORTS = (
    "score desc, metadata_modified desc", "score desc", "metadata_modified desc", "metadata_created desc",
    "title_string asc", "title asc", "name asc",
)
MAX_ROWS = 1000  # package_search's rows limit, as CKAN's default ckan.search.rows_max


@dataclass(frozen=True)
class Param:
    name: str
    schema: Schema
    description: str
    required: bool = False


@dataclass(frozen=True)
class Verb:
    tag: str
    description: str
    result: Schema
    params: tuple[Param, ...] = ()
    errors: tuple[str, ...] = ()  # HTTP statuses besides 400 and 429, which any call can answer
    upload: bool = False  # also accepts multipart/form-data with a file field "upload"


def _id(what: str) -> Param:
    return Param("id", string(minLength=1), f"Id or name of the {what}.", required=True)


def _paging(max_limit: int = MAX_ROWS, default: int | None = None) -> tuple[Param, ...]:
    limit: Schema = {"type": "integer", "minimum": 0, "maximum": max_limit}
    if default is not None:
        limit["default"] = default
    return (
        Param("limit", limit, f"How many items to return (at most {max_limit})."),
        Param("offset", {"type": "integer", "minimum": 0, "default": 0}, "How many items to skip."),
    )


BOOL = {"type": "boolean", "default": False}


def nullable_ref(name: str) -> Schema:
    return nullable(ref(name))


def _shown(base: Schema) -> Schema:
    """organization_show / group_show: the list dict plus CKAN's extras, tags, groups and (if asked) packages."""
    properties = {
        **base["properties"],
        "extras": array({"type": "object"}),
        "tags": array({"type": "object"}),
        "groups": array({"type": "object"}),
        "packages": array(PACKAGE_REF),
    }
    return {**base, "properties": properties, "required": [*base["required"], "extras", "tags", "groups"]}


SHOWN_ORGANIZATION = _shown(ORGANIZATION)
SHOWN_GROUP = _shown(GROUP)
NAME = string(
    "Short name: lower-case letters, digits, - and _ (2 to 100 characters).",
    pattern=r"^[a-z0-9_-]{2,100}$",
)

LIST_WIDENING = (
    Param("include_private", BOOL, "Include the private datasets the caller may see (needs a token)."),
    Param("include_drafts", BOOL, "Include the drafts the caller may see (needs a token)."),
)

DATASET_FIELDS = (
    Param("name", NAME, "Short name (the dataset's address)."),
    Param("title", string(minLength=1, maxLength=500), "Title in Vietnamese."),
    Param("owner_org", string(minLength=1), "Id or name of the agency that publishes the dataset."),
    Param("notes", string(), "Description (Markdown)."),
    Param("license_id", string(), "Licence id (see license_list); leave out for the default terms."),
    Param("private", {"type": "boolean"}, "Visible only to the agency's staff."),
    Param("tags", array({"type": "object", "required": ["name"], "properties": {"name": string()}}), "Keywords."),
    Param("groups", array({"type": "object", "required": ["name"], "properties": {"name": string()}}), "Topics."),
    Param("extras", array({"type": "object", "required": ["key", "value"],
                           "properties": {"key": string(), "value": string()}}), "Extra key/value pairs."),
    Param("title_en", string(), "Title in English."),
    Param("description_en", string(), "Description in English."),
    Param("version", string(), "Version of the data."),
    Param("maintainer", string(), "Contact person (also contact_name)."),
    Param("maintainer_email", string(), "Contact e-mail (also contact_email)."),
    Param("contact_phone", string(), "Contact telephone."),
    Param("spatial", string(), "Area covered."),
    Param("temporal_start", string(format="date"), "Start of the period covered."),
    Param("temporal_end", string(format="date"), "End of the period covered."),
    Param("frequency", string(), "Update frequency (EU code, e.g. ANNUAL, MONTHLY)."),
    Param("language", string(), "Language of the data (vi, en)."),
    Param("quality_notes", string(), "Known limits of the data."),
    Param("legal_basis", string(), "Decision that put the dataset in the open data catalogue."),
    Param("identifier", string(), "Identifier in the agency's catalogue."),
    Param("issued", string(format="date"), "When the data was first published."),
    Param("state", {"enum": ["active", "draft", "deleted"]},
          "\"active\" publishes (needs a description and a resource, and passes the safety review); "
          "new datasets are drafts otherwise."),
    Param("resources", array({"type": "object", "required": ["url"],
                              "properties": {"url": string(), "name": string(), "format": string(),
                                             "description": string(), "resource_type": {"enum": ["api", None]}}}),
          "Links to add (files are uploaded with resource_create)."),
)

RESOURCE_FIELDS = (
    Param("name", string(maxLength=300), "Name of the file or link."),
    Param("description", string(), "Description."),
    Param("url", string(), "Address of a file or service published elsewhere (instead of upload)."),
    Param("format", string(maxLength=40), "Format, e.g. CSV; guessed from the file when left out."),
    Param("resource_type", {"enum": ["api"]}, "\"api\" for an online data service (with `url`)."),
)


def _required(params: tuple[Param, ...], *names: str) -> tuple[Param, ...]:
    return tuple(Param(p.name, p.schema, p.description, True) if p.name in names else p for p in params)


def _resource_id() -> Param:
    return Param("id", string(minLength=1), "Id of the resource.", required=True)


def _group_list_params(restrict: str) -> tuple[Param, ...]:
    return (
        Param("all_fields", BOOL, "Return full dicts instead of names (at most 25 per call)."),
        Param("sort", string(), "`title asc` (default), `name`, `package_count desc`; `asc` or `desc`."),
        Param(restrict, string(), "Names to keep (JSON list or comma-separated)."),
        Param("q", string(maxLength=200), "Part of the name or title."),
        Param("include_dataset_count", {"type": "boolean", "default": True}, "Add package_count (with all_fields)."),
        *_paging(),
    )


def _show_params(what: str) -> tuple[Param, ...]:
    return (
        _id(what),
        Param("include_datasets", BOOL, "Add the datasets the caller may list (`packages`, up to 1000)."),
        Param("include_dataset_count", {"type": "boolean", "default": True}, "Add package_count."),
    )


VERBS: dict[str, Verb] = {
    # -- site ---------------------------------------------------------------
    "status_show": Verb(
        "Site", "The portal's name, address, language and the CKAN API version it follows.", ref("Status"),
    ),
    "help_show": Verb(
        "Site", "The documentation of a verb, as text.", string(),
        params=(Param("name", string(minLength=1), "The verb, e.g. package_search.", required=True),),
        errors=("404", "409"),
    ),
    "site_read": Verb("Site", "Whether the caller may read the site: always true.", {"const": True}),
    "license_list": Verb("Site", "Every licence datasets can carry.", array(ref("License"))),
    # -- datasets -----------------------------------------------------------
    "package_list": Verb(
        "Datasets", "Names of the published public datasets, in name order.", array(string()),
        params=(*_paging(), *LIST_WIDENING), errors=("409",),
    ),
    "current_package_list_with_resources": Verb(
        "Datasets", "The datasets the caller may see with their resources, most recently changed first.",
        array(ref("Package")),
        params=(*_paging(default=10), Param("page", {"type": "integer", "minimum": 1}, "1-based page (with limit).")),
        errors=("409",),
    ),
    "package_search": Verb(
        "Datasets",
        "Search datasets. `q` is free text (accents optional); `fq` filters with CKAN's field names "
        "`organization:`, `tags:`, `res_format:`, `license_id:`, `groups:`. Page with `rows` and `start`.",
        ref("PackageSearchResult"),
        params=(
            Param("q", string(), "Words to search for; empty for all datasets."),
            Param("fq", string(), "Filters `field:value` (all must hold), e.g. `organization:so-y-te res_format:CSV`. "
                  "Fields: organization, groups, tags, res_format, license_id, agency_type, frequency, owner_org, "
                  "dataset_type, capacity:public."),
            Param("rows", {"type": "integer", "minimum": 0, "maximum": MAX_ROWS, "default": 10},
                  f"Datasets per page (at most {MAX_ROWS})."),
            Param("start", {"type": "integer", "minimum": 0, "default": 0}, "How many results to skip."),
            Param("sort", {"enum": list(SEARCH_SORTS)}, "Order of the results (default: relevance)."),
            Param("facet.field", string(examples=['["organization", "tags", "res_format"]']),
                  "JSON list of fields to count: organization, groups, tags, res_format, license_id, "
                  "agency_type, frequency."),
            Param("facet.limit", {"type": "integer", "minimum": -1, "maximum": MAX_ROWS, "default": 50},
                  "Values per facet (-1 for all)."),
            *LIST_WIDENING,
        ),
        errors=("409",),
    ),
    "package_show": Verb(
        "Datasets", "One dataset with its resources.", ref("Package"), params=(_id("dataset"),),
        errors=("403", "404", "409"),
    ),
    "resource_show": Verb(
        "Datasets", "One resource (file, link or data service).", ref("Resource"), params=(_resource_id(),),
        errors=("404", "409"),
    ),
    "package_activity_list": Verb(
        "Activity", "The recorded changes of one dataset, newest first.", array(ref("Activity")),
        params=(_id("dataset"), *_paging(100, 31)), errors=("404", "409"),
    ),
    "organization_activity_list": Verb(
        "Activity", "The recorded changes of one agency's datasets, newest first.", array(ref("Activity")),
        params=(_id("agency"), *_paging(100, 31)), errors=("404", "409"),
    ),
    "recently_changed_packages_activity_list": Verb(
        "Activity", "The latest changes to datasets the caller may see, newest first.", array(ref("Activity")),
        params=_paging(100, 31), errors=("409",),
    ),
    # -- agencies and topics ------------------------------------------------
    "organization_list": Verb(
        "Agencies and topics", "The agencies: their names, or full dicts with `all_fields`.",
        {"anyOf": [array(string()), array(ref("Organization"))]},
        params=_group_list_params("organizations"),
        errors=("409",),
    ),
    "organization_show": Verb(
        "Agencies and topics", "One agency.", SHOWN_ORGANIZATION,
        params=_show_params("agency"),
        errors=("404", "409"),
    ),
    "group_list": Verb(
        "Agencies and topics", "The topics (CKAN groups): names, or full dicts with `all_fields`.",
        {"anyOf": [array(string()), array(ref("Group"))]},
        params=_group_list_params("groups"),
        errors=("409",),
    ),
    "group_show": Verb(
        "Agencies and topics", "One topic.", SHOWN_GROUP,
        params=_show_params("topic"),
        errors=("404", "409"),
    ),
    "tag_list": Verb(
        "Agencies and topics", "Tags of the datasets the caller may see: names, or dicts with `all_fields`.",
        {"anyOf": [array(string()), array(ref("Tag"))]},
        params=(
            Param("query", string(maxLength=100), "Only tags containing these letters."),
            Param("all_fields", BOOL, "Return tag dicts instead of names."),
        ),
        errors=("409",),
    ),
    # -- writing --------------------------------------------------------------
    "package_create": Verb(
        "Publishing", "Create a dataset in an agency the token's user edits: a draft unless `state` is "
        "\"active\".", ref("Package"),
        params=_required(DATASET_FIELDS, "title", "owner_org"),
        errors=("403", "404", "409"),
    ),
    "package_update": Verb(
        "Publishing", "Replace a dataset's metadata: CKAN fields left out are emptied, as in CKAN "
        "(the portal's own fields are kept). Null when `state` \"deleted\" deleted a draft.",
        nullable_ref("Package"), params=(_id("dataset"), *DATASET_FIELDS), errors=("403", "404", "409"),
    ),
    "package_patch": Verb(
        "Publishing", "Change only the fields sent (e.g. `state` \"active\" publishes a draft).",
        nullable_ref("Package"), params=(_id("dataset"), *DATASET_FIELDS),
        errors=("403", "404", "409"),
    ),
    "package_delete": Verb(
        "Publishing", "Delete a draft, or withdraw a published dataset (CKAN's state \"deleted\"; "
        "`withdrawn_reason` is required and shown publicly).", {"type": "null"},
        params=(_id("dataset"), Param("withdrawn_reason", string(), "Why a published dataset is withdrawn.")),
        errors=("403", "404", "409"),
    ),
    "resource_create": Verb(
        "Publishing", "Add a file (multipart field `upload`) or a link (`url`) to a dataset.", ref("Resource"),
        params=(Param("package_id", string(minLength=1), "Id or name of the dataset.", True), *RESOURCE_FIELDS),
        errors=("403", "404", "409", "413"), upload=True,
    ),
    "resource_update": Verb(
        "Publishing", "Change a resource: a new file (`upload`; the old one is kept as a version), its name "
        "and description (left out: emptied).",
        ref("Resource"), params=(_resource_id(), *RESOURCE_FIELDS), errors=("403", "404", "409", "413"),
        upload=True,
    ),
    "resource_patch": Verb(
        "Publishing", "Change only the resource fields sent (and the file with `upload`).", ref("Resource"),
        params=(_resource_id(), *RESOURCE_FIELDS), errors=("403", "404", "409", "413"), upload=True,
    ),
    "resource_delete": Verb(
        "Publishing", "Remove a resource from its dataset.", {"type": "null"}, params=(_resource_id(),),
        errors=("403", "404", "409"),
    ),
}

TAGS = (
    ("Site", "About the portal."),
    ("Datasets", "Finding and reading datasets and their files."),
    ("Agencies and topics", "Agencies (CKAN organizations), topics (CKAN groups) and tags."),
    ("Activity", "What changed, when and by whom."),
    ("Publishing", "Creating and changing datasets: needs an API token."),
)
