"""CKAN's read verbs (all but the activity streams, in :mod:`.activity`, and the searches, in :mod:`.searching`).

Each verb reads through the catalogue and :mod:`opendata.auth`; what the
caller may not see is "Not found", exactly like a name that does not exist,
so the API never confirms that a draft or private dataset is there (CKAN
answers 403 for those; we answer as the dataset pages do).
"""
from __future__ import annotations

from importlib import metadata
from typing import Any, Callable

from flask import current_app

from .. import catalogue, search
from ..vietnamese import collation_key
from ..urls import site_root
from . import searching  # noqa: F401  (registers package_search, current_package_list_with_resources)
from .actions import Context, NotFound, ValidationError, action, get_action
from .dicts import group_dict, license_dict, organization_dict, package_dict, resource_dict, tag_dict
from .params import as_bool, as_int, as_list, as_text, required_id
from .queries import datasets_in_order, listed_names, resource_by_id, tags_in_use

LIST_MAX = 1000  # CKAN's ckan.group_and_organization_list_max
LIST_ALL_FIELDS_MAX = 25  # CKAN's ckan.group_and_organization_list_all_fields_max
PACKAGES_MAX = 1000  # datasets embedded by organization_show / group_show include_datasets
API_LEVEL = "2.10.0"  # the CKAN release whose Action API these verbs follow


def _public(context: Context, data: dict[str, Any]):
    """The user lists are filtered as: the caller with include_private, else an anonymous visitor (CKAN's default)."""
    return context.user if as_bool(data, "include_private") or as_bool(data, "include_drafts") else None


# -- site ------------------------------------------------------------------------
@action("status_show")
def status_show(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """The portal's name, address, default language and the CKAN API level it follows."""
    try:
        version = metadata.version("opendata-portal")
    except metadata.PackageNotFoundError:
        version = None
    config = current_app.config
    return {
        "site_title": config["SITE_NAME"],
        "site_description": config.get("SITE_NAME_EN") or "",
        "site_url": site_root(),
        "ckan_version": API_LEVEL,
        "api_version": 3,
        "opendata_version": version,
        "error_emails_to": None,
        "locale_default": "vi",
        "extensions": [],
    }


@action("site_read")
def site_read(context: Context, data: dict[str, Any]) -> bool:
    """Whether the caller may read the site: always true (open data needs no account)."""
    return True


@action("help_show")
def help_show(context: Context, data: dict[str, Any]) -> str:
    """The documentation of a verb. Parameter: ``name`` (e.g. ``package_search``)."""
    name = required_id(data, "name")
    found = get_action(name)
    if found is None:
        raise NotFound("Action function not found")
    return _dedent(found.function.__doc__ or found.summary)


def _dedent(text: str) -> str:
    import inspect

    return inspect.cleandoc(text)


# -- datasets and resources ----------------------------------------------------------
@action("package_list")
def package_list(context: Context, data: dict[str, Any]) -> list[str]:
    """Names of the public datasets, in name order.

    Parameters: ``limit`` and ``offset`` (optional). ``include_private`` /
    ``include_drafts`` add the private datasets and drafts the caller may see.
    Withdrawn datasets are not listed.
    """
    limit = as_int(data, "limit", None)
    offset = as_int(data, "offset", 0)
    return listed_names(_public(context, data), limit, offset)


def _dataset(context: Context, name: str):
    try:
        return catalogue.get_dataset(context.user, name)
    except catalogue.NotFound:
        raise NotFound("Dataset") from None


@action("package_show")
def package_show(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """One dataset with its resources, tags, topics (groups) and agency (organization).

    Parameter: ``id`` (the dataset's id or name). Withdrawn datasets are shown with
    ``state`` "deleted" and their ``withdrawn_reason``; their files are not listed.
    """
    return package_dict(_dataset(context, required_id(data, "id", "name_or_id")), context.user)


@action("resource_show")
def resource_show(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """One resource (file, link or API). Parameter: ``id``. Files have an absolute download ``url``."""
    try:
        return resource_dict(resource_by_id(context.user, required_id(data, "id")))
    except catalogue.NotFound:
        raise NotFound("Resource was not found.") from None


# -- organizations and groups (topics) ------------------------------------------------------
_LIST_SORTS: dict[str, Callable[[tuple[Any, int]], Any]] = {
    "name": lambda pair: pair[0].slug,
    "title": lambda pair: collation_key(pair[0].name),
    "package_count": lambda pair: pair[1],
}


def _list(data: dict[str, Any], rows: list[tuple[Any, int]], restrict: str, build) -> list[Any]:
    """``organization_list`` / ``group_list``: names, or dicts with ``all_fields``; CKAN's sort and limits."""
    all_fields = as_bool(data, "all_fields")
    wanted = set(as_list(data, restrict))
    if wanted:
        rows = [pair for pair in rows if pair[0].slug in wanted or pair[0].id in wanted]
    q = as_text(data, "q", max_length=200).casefold()
    if q:
        rows = [pair for pair in rows if q in pair[0].slug.casefold() or q in pair[0].name.casefold()]
    sort = " ".join(as_text(data, "sort", "title asc", max_length=50).lower().split()) or "title asc"
    field, _, direction = sort.partition(" ")
    if field not in _LIST_SORTS or direction not in ("", "asc", "desc"):
        raise ValidationError(sort=["Unsupported sort; use name, title or package_count, then asc or desc"])
    rows = sorted(rows, key=lambda pair: (_LIST_SORTS[field](pair), pair[0].slug), reverse=direction == "desc")
    maximum = LIST_ALL_FIELDS_MAX if all_fields else LIST_MAX
    limit = as_int(data, "limit", maximum, maximum=maximum)
    offset = as_int(data, "offset", 0)
    rows = rows[offset:offset + limit]
    if not all_fields:
        return [obj.slug for obj, _count in rows]
    with_count = as_bool(data, "include_dataset_count", True)
    return [build(obj, package_count=count if with_count else None) for obj, count in rows]


@action("organization_list")
def organization_list(context: Context, data: dict[str, Any]) -> list[Any]:
    """The agencies: names, or full dicts with ``all_fields=true``.

    Parameters: ``all_fields``, ``sort`` (``title asc`` default, ``name``, ``package_count desc``),
    ``limit`` and ``offset`` (at most 1000 names or 25 dicts per call, as CKAN),
    ``organizations`` (names to keep), ``q`` (part of a name), ``include_dataset_count``.
    ``package_count`` counts the datasets the caller may list.
    """
    return _list(data, catalogue.organizations_with_counts(context.user), "organizations", organization_dict)


@action("group_list")
def group_list(context: Context, data: dict[str, Any]) -> list[Any]:
    """The topics (chủ đề) as CKAN groups: names, or full dicts with ``all_fields=true``.

    Parameters as ``organization_list`` (``groups`` instead of ``organizations``).
    """
    return _list(data, catalogue.topics_with_counts(context.user), "groups", group_dict)


def _packages(context: Context, facet: str, value: str, include: bool) -> tuple[int, list[dict[str, Any]]]:
    """How many datasets of this agency/topic the caller may list, and (if asked) up to 1000 of them."""
    _parsed, result = search.search_datasets(
        context.user, "", filters=((facet, value),), sort="modified", limit=PACKAGES_MAX if include else 0, facets=()
    )
    if not include:
        return result.total, []
    fallback = catalogue.default_licence()
    datasets = datasets_in_order(context.user, result.ids)
    return result.total, [package_dict(d, context.user, fallback_licence=fallback) for d in datasets]


def _show(context: Context, data: dict[str, Any], found, facet: str, build) -> dict[str, Any]:
    include = as_bool(data, "include_datasets")
    count, packages = _packages(context, facet, found.slug, include)
    shown = build(found, package_count=count if as_bool(data, "include_dataset_count", True) else None)
    shown.update(extras=[], tags=[], groups=[])
    if include:
        shown["packages"] = packages
    return shown


@action("organization_show")
def organization_show(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """One agency. Parameters: ``id`` (id or name), ``include_datasets`` (up to 1000, most recently changed first)."""
    try:
        org = catalogue.get_organization(required_id(data, "id"))
    except catalogue.NotFound:
        raise NotFound("Organization was not found.") from None
    return _show(context, data, org, "organization", organization_dict)


@action("group_show")
def group_show(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """One topic as a CKAN group. Parameters: ``id`` (id or name), ``include_datasets``."""
    try:
        topic = catalogue.get_topic(required_id(data, "id"))
    except catalogue.NotFound:
        raise NotFound("Group was not found.") from None
    return _show(context, data, topic, "topic", group_dict)


# -- tags and licences ----------------------------------------------------------------
@action("tag_list")
def tag_list(context: Context, data: dict[str, Any]) -> list[Any]:
    """Keywords of the datasets the caller may list, by name.

    Parameters: ``query`` (part of the keyword), ``all_fields`` (dicts instead of names).
    There are no tag vocabularies: a ``vocabulary_id`` is "Not found".
    """
    if data.get("vocabulary_id"):
        raise NotFound("Could not find vocabulary")
    tags = tags_in_use(context.user, as_text(data, "query", max_length=100) or as_text(data, "q", max_length=100))
    if as_bool(data, "all_fields"):
        return [tag_dict(tag) for tag in tags]
    return [tag.name for tag in tags]


@action("license_list")
def license_list(context: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The licences datasets may be published under; ``is_default`` marks the statutory default terms (R5)."""
    return [license_dict(licence) for licence, _count in catalogue.licences_with_counts(context.user)]
