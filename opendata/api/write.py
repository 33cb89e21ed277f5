"""CKAN's write verbs: datasets and resources through the publishing capability.

Every change goes through ``opendata.publishing`` (the functions the
workspace pages use), so permissions, validation, the safety gate, history
and search are the same whether a person or a program publishes. A caller
who may not read a dataset gets "Not found" (its existence is not
confirmed); one who may read but not change it gets "Authorization Error".

Our life cycle differs from CKAN's in two ways, both visible in the
returned dict: ``package_create`` makes a *draft* unless ``state`` is
"active" (publishing needs a description and a resource, and passes the
safety gate), and ``package_delete`` deletes drafts but *withdraws*
published datasets (``withdrawn_reason`` is then required: it is shown
publicly).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from ..auth import can
from ..extensions import db
from .. import history, publishing
from ..models import Dataset, DatasetState, ResourceKind
from .actions import ActionError, Context, NotAuthorized, NotFound, ValidationError, action
from .dicts import package_dict, resource_dict, resource_url
from .write_fields import (
    STATES, as_bool, as_list, dataset_values, extras_dict, fail, find_dataset, find_organization, find_resource,
    from_publishing, required, text,
)


@contextmanager
def publishing_errors(sent: dict[str, Any] | None = None):
    """Publishing's refusals as CKAN errors (keyed by the names in ``sent``); what was not committed is rolled back."""
    try:
        yield
    except ActionError:
        db.session.rollback()
        raise
    except publishing.PermissionDenied:
        db.session.rollback()
        raise NotAuthorized("Access denied") from None
    except publishing.PublicationBlocked as blocked:
        db.session.rollback()
        count = len(blocked.review.findings or [])
        raise fail(state=f"Publication blocked by the safety gate: {count} possible personal data or secret "
                         "marking finding(s) must be reviewed in the workspace first") from None
    except publishing.ValidationError as error:
        db.session.rollback()
        raise from_publishing(error, sent) from None
    except publishing.ConflictError:
        db.session.rollback()
        raise ValidationError("", lock_version=["The dataset was changed by someone else meanwhile; "
                                               "read it again and repeat the change"]) from None


def _readable(user, dataset: Dataset) -> Dataset:
    if not can(user, "dataset.read", dataset):
        raise NotFound("Not found")
    return dataset


def _allowed(user, action_name: str, obj) -> None:
    """Refuse before validating, as CKAN does: a stranger learns nothing from field errors."""
    if not can(user, action_name, obj):
        raise NotAuthorized("Access denied")


def _state(data: dict[str, Any]) -> str | None:
    state = data.get("state")
    if state in (None, ""):
        return None
    if state not in STATES:
        raise fail(state=f"Value must be one of {sorted(STATES)}")
    return state


def _links(value: Any, *, existing: bool = False) -> list[dict[str, Any]]:
    """Resources given inline: links only (files are uploaded with resource_create);
    with ``existing``, items naming a resource ``id`` are edits of it."""
    links = []
    for item in as_list(value, "resources"):
        if existing and isinstance(item, dict) and item.get("id"):
            links.append(item)
            continue
        if not isinstance(item, dict) or not isinstance(item.get("url"), str) or not item["url"].strip():
            raise fail(resources="Each resource needs a url (upload files with resource_create)")
        links.append(item)
    return links


def _add_link(user, dataset: Dataset, item: dict[str, Any]):
    url = text(item.get("url"), "url").strip()
    name = (text(item.get("name"), "name") or "").strip() or url.rstrip("/").rsplit("/", 1)[-1] or url
    kind = ResourceKind.API if item.get("resource_type") == "api" else ResourceKind.URL
    return publishing.add_link(user, dataset, url, name, kind, text(item.get("format"), "format") or "",
                               text(item.get("description"), "description") or "")


def _set_extras(user, dataset: Dataset, extras: dict[str, Any] | None) -> None:
    if extras is None or extras == (dataset.extras or {}):
        return
    history.record("dataset.updated", dataset, user, {"extras": [dataset.extras or {}, extras]}, summary=dataset.title)
    dataset.extras = extras


def _change_state(user, dataset: Dataset, state: str | None, data: dict[str, Any]) -> None:
    if state is None:
        return
    if state == "active" and dataset.state is not DatasetState.PUBLISHED:
        publishing.publish_dataset(user, dataset)
    elif state == "draft" and dataset.state is not DatasetState.DRAFT:
        raise fail(state="A published dataset cannot become a draft again; withdraw it with package_delete")
    elif state == "deleted":
        _delete(user, dataset, data)


def _delete(user, dataset: Dataset, data: dict[str, Any]) -> None:
    if dataset.state is DatasetState.DRAFT:
        publishing.delete_dataset(user, dataset)
    elif dataset.state is DatasetState.PUBLISHED:
        reason = text(data.get("withdrawn_reason", data.get("reason")), "withdrawn_reason") or ""
        publishing.withdraw_dataset(user, dataset, reason)
    else:
        _allowed(user, "dataset.update", dataset)  # already withdrawn: nothing to do, for those who may


@action("package_create", write=True)
def package_create(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Create a dataset of an organization (a draft unless state=active); returns package_show's dict."""
    user = context.user
    org = find_organization(data.get("owner_org"))
    _allowed(user, "dataset.create", org)
    values = dataset_values(data, None, clear_missing=False)
    if "private" in data:
        values["private"] = as_bool(data["private"], "private")
    state = _state(data)
    if state == "deleted":
        raise fail(state="A new dataset cannot be deleted")
    extras = extras_dict(data["extras"]) if "extras" in data else None
    links = _links(data.get("resources"))
    with publishing_errors(data), publishing.one_transaction():
        dataset = publishing.create_dataset(user, org, values, commit=False)
        _set_extras(user, dataset, extras)
        for item in links:
            _add_link(user, dataset, item)
        _change_state(user, dataset, state, data)
    return package_dict(dataset, user)


def _update(context: Context, data: dict[str, Any], *, patch: bool) -> dict[str, Any]:
    user = context.user
    dataset = _readable(user, find_dataset(required(data, "id", "name")))
    _allowed(user, "dataset.update", dataset)
    if data.get("owner_org") and find_organization(data["owner_org"]).id != dataset.organization_id:
        raise fail(owner_org="A dataset cannot move to another organization")
    values = dataset_values(data, dataset, clear_missing=not patch)
    private = as_bool(data["private"], "private") if data.get("private") not in (None, "") else None
    state = _state(data)
    extras = extras_dict(data["extras"]) if "extras" in data else (None if patch else {})
    links = _links(data["resources"], existing=True) if "resources" in data else None
    with publishing_errors(data), publishing.one_transaction():  # metadata, resources and state: all or nothing
        publishing.update_dataset(user, dataset, values, None, commit=False)
        _set_extras(user, dataset, extras)
        if private is not None:
            publishing.set_private(user, dataset, private)
        if links is not None:
            _sync_resources(user, dataset, links)
        _change_state(user, dataset, state, data)
    if state == "deleted" and db.session.get(Dataset, dataset.id) is None:
        return None
    return package_dict(dataset, user)


def _sync_resources(user, dataset: Dataset, items: list[dict[str, Any]]) -> None:
    """CKAN's package_update resources: the list given is the new list (kept by id, added, removed)."""
    kept = {item.get("id") for item in items if item.get("id")}
    for resource in list(dataset.resources):
        if resource.id not in kept:
            publishing.delete_resource(user, resource)
    current = {resource.id: resource for resource in dataset.resources}
    for item in items:
        resource = current.get(item.get("id"))
        if resource is None:
            _add_link(user, dataset, item)
        else:
            _edit_resource(user, resource, item, patch=False)


@action("package_update", write=True)
def package_update(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Replace a dataset's metadata (CKAN fields left out are emptied; use package_patch to change a few)."""
    return _update(context, data, patch=False)


@action("package_patch", write=True)
def package_patch(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Change only the given fields of a dataset."""
    return _update(context, data, patch=True)


@action("package_delete", write=True)
def package_delete(context: Context, data: dict[str, Any]) -> None:
    """Delete a draft dataset, or withdraw a published one (withdrawn_reason is required and shown publicly)."""
    user = context.user
    dataset = _readable(user, find_dataset(required(data, "id", "name")))
    with publishing_errors():
        _delete(user, dataset, data)
    return None


# -- resources -------------------------------------------------------------------
def _editable_resource(user, data: dict[str, Any], action_name: str):
    resource = find_resource(required(data, "id"))
    _readable(user, resource.dataset)
    if not can(user, "resource.read", resource):
        raise NotFound("Not found")
    _allowed(user, action_name, resource)
    return resource


def _edit_resource(user, resource, data: dict[str, Any], *, patch: bool, upload=None) -> None:
    url = text(data.get("url"), "url")
    if upload is None and url and url.strip() not in {resource_url(resource), resource.url or ""}:
        raise fail(url="The address of a resource cannot change; upload a new file, "
                       "or create a new resource and delete this one")
    if upload is not None:
        publishing.replace_file(user, resource, upload.stream, upload.filename)
    name = text(data.get("name"), "name")
    description = text(data.get("description"), "description")
    if not (name or "").strip():
        name = resource.name  # CKAN allows an empty name; ours keeps the one it had
    if description is None:
        description = resource.description if patch else ""
    publishing.update_resource(user, resource, name, description)


@action("resource_create", write=True)
def resource_create(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Add a resource to a dataset: a file (multipart field "upload") or a link (url)."""
    user = context.user
    dataset = _readable(user, find_dataset(required(data, "package_id")))
    _allowed(user, "resource.create", dataset)
    upload = context.files.get("upload")
    with publishing_errors():
        if upload is not None and upload.filename:
            name = (text(data.get("name"), "name") or "").strip()
            description = text(data.get("description"), "description") or ""
            resource = publishing.add_file(user, dataset, upload.stream, upload.filename, name, description).resource
        elif (data.get("url") or "").strip() if isinstance(data.get("url"), str) else False:
            resource = _add_link(user, dataset, data)
        else:
            raise fail(url="Missing value: give a url, or upload a file in the multipart field \"upload\"")
    return resource_dict(resource)


@action("resource_update", write=True)
def resource_update(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Change a resource: a new file (multipart "upload"), its name and description."""
    user = context.user
    resource = _editable_resource(user, data, "resource.update")
    with publishing_errors():
        _edit_resource(user, resource, data, patch=False, upload=context.files.get("upload") or None)
    return resource_dict(resource)


@action("resource_patch", write=True)
def resource_patch(context: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Change only the given fields of a resource (or upload a new file)."""
    user = context.user
    resource = _editable_resource(user, data, "resource.update")
    with publishing_errors():
        _edit_resource(user, resource, data, patch=True, upload=context.files.get("upload") or None)
    return resource_dict(resource)


@action("resource_delete", write=True)
def resource_delete(context: Context, data: dict[str, Any]) -> None:
    """Remove a resource from its dataset."""
    user = context.user
    resource = _editable_resource(user, data, "resource.delete")
    with publishing_errors():
        publishing.delete_resource(user, resource)
    return None
