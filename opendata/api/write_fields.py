"""CKAN's package and resource fields onto the publishing capability's, and its errors back.

Requests come as JSON (typed values) or as form fields (everything a string,
lists as JSON text, as ckanapi sends them beside an upload); both end up as
the dict ``opendata.publishing`` validates. Field errors go back keyed by the
CKAN name the client sent (``name``, ``notes``, ``license_id``, ``groups``...).
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import or_, select

from ..catalogue import default_licence
from ..extensions import db
from ..models import Dataset, Organization, Resource, Topic
from .actions import NotFound, ValidationError

# CKAN key -> our field. Our own R2 keys (as package_show returns them) pass through.
CKAN_FIELDS = {
    "name": "slug", "title": "title", "notes": "description", "license_id": "licence_id", "version": "version",
    "maintainer": "contact_name", "maintainer_email": "contact_email",
}
OWN_FIELDS = (
    "title_en", "description_en", "spatial", "temporal_start", "temporal_end", "frequency", "issued", "language",
    "contact_name", "contact_email", "contact_phone", "quality_notes", "legal_basis", "identifier",
)
# What ``package_update`` empties when the client leaves it out, as CKAN does (our own
# R2 keys are kept: a CKAN client that never heard of them must not wipe them).
CLEARED_ON_UPDATE = {"notes": "", "version": None, "maintainer": None, "maintainer_email": None,
                     "license_id": None, "tags": [], "groups": [], "extras": []}
# Our field -> the CKAN key errors are reported under.
ERROR_KEYS = {"slug": "name", "description": "notes", "licence_id": "license_id", "topics": "groups",
              "file": "upload", "reason": "withdrawn_reason"}
STATES = {"active", "draft", "deleted"}
TRUE = {"true", "1", "yes", "on", "t", "y"}
FALSE = {"false", "0", "no", "off", "f", "n", ""}


def fail(**errors: list[str] | str) -> ValidationError:
    """CKAN's Validation Error with field -> [messages]."""
    return ValidationError("", **{k: [str(m) for m in (v if isinstance(v, list) else [v])] for k, v in errors.items()})


def from_publishing(error, sent: dict[str, Any] | None = None) -> ValidationError:
    """A publishing ValidationError, keyed by CKAN's field names (the contact under the name the client sent)."""
    sent = sent or {}
    keys = dict(ERROR_KEYS)
    for ours, ckan in (("contact_name", "maintainer"), ("contact_email", "maintainer_email")):
        if ckan in sent and ours not in sent:
            keys[ours] = ckan
    fields: dict[str, list[str]] = {}
    for name, messages in error.errors.items():
        key = keys.get(name, name) if name else "resources"
        fields.setdefault(key, []).extend(str(m) for m in messages)
    return ValidationError("", **fields)


def required(data: dict[str, Any], *keys: str) -> str:
    """The first of ``keys`` given (CKAN's ``id`` or ``name``), or CKAN's "Missing value"."""
    for key in keys:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    raise fail(**{keys[0]: "Missing value"})


def as_list(value: Any, key: str) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except ValueError:
                raise fail(**{key: "Not a list"}) from None
        else:
            return [part for part in (p.strip() for p in text.split(",")) if part]
    if not isinstance(value, list):
        raise fail(**{key: "Not a list"})
    return value


def as_bool(value: Any, key: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in TRUE | FALSE:
        return value.strip().lower() in TRUE
    raise fail(**{key: "Value must be one of: True, False"})


def text(value: Any, key: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise fail(**{key: "Must be a string"})


def _names(items: list, key: str) -> list[str]:
    names = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or item.get("id")
        if not isinstance(item, str) or not item.strip():
            raise fail(**{key: "Each item needs a name"})
        names.append(item.strip())
    return names


def topic_slugs(items: list) -> list[str]:
    """``groups`` as CKAN sends them ({name} or {id} dicts, or names) -> topic slugs."""
    names = _names(items, "groups")
    found = {t.id: t.slug for t in db.session.scalars(select(Topic).where(Topic.id.in_(names)))} if names else {}
    return [found.get(name, name) for name in names]


def extras_dict(value: Any) -> dict[str, Any]:
    """CKAN's extras list [{key, value}] (or a plain object) -> our extras dict."""
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items()}
    found = {}
    for item in as_list(value, "extras"):
        if not isinstance(item, dict) or not isinstance(item.get("key"), str) or not item["key"].strip():
            raise fail(extras="Each extra needs a key and a value")
        if item.get("deleted"):
            continue
        found[item["key"].strip()] = item.get("value")
    for key in found:
        if len(key) > 100:
            raise fail(extras=f"Key too long: {key[:40]}...")
    return found


def dataset_values(data: dict[str, Any], dataset: Dataset | None, *, clear_missing: bool) -> dict[str, Any]:
    """The publishing fields of a CKAN package dict (only those given, unless ``clear_missing``)."""
    data = dict(data)
    if clear_missing:
        for key, empty in CLEARED_ON_UPDATE.items():
            if key not in data and not (key == "maintainer" and "contact_name" in data) \
                    and not (key == "maintainer_email" and "contact_email" in data) \
                    and not (key == "tags" and "tag_string" in data):
                data[key] = empty
    values: dict[str, Any] = {}
    for key, field in CKAN_FIELDS.items():
        if key in data:
            values[field] = text(data[key], key)
    for key in OWN_FIELDS:
        if key in data:
            values[key] = text(data[key], key)
    if "licence_id" in values:
        values["licence_id"] = _licence(values["licence_id"], dataset)
    if dataset is not None and values.get("slug") in (None, ""):
        values.pop("slug", None)  # the name identifies the dataset; leaving it out keeps it
    if dataset is not None and "title" in values and not values["title"]:
        values.pop("title")  # CKAN keeps the title when it is left empty on update
    if "tags" in data or "tag_string" in data:
        values["tags"] = _names(as_list(data.get("tags", data.get("tag_string")), "tags"), "tags")
    if "groups" in data:
        values["topics"] = topic_slugs(as_list(data["groups"], "groups"))
    return values


def _licence(value: str | None, dataset: Dataset | None):
    """``None`` (the statutory default terms) when the client names the default licence.

    Sending back what package_show returned must not turn "default by law"
    into a choice.
    """
    value = (value or "").strip() or None
    fallback = default_licence()
    if value is not None and fallback is not None and value == fallback.id:
        return None if dataset is None or dataset.licence_id is None else value
    return value


def find_organization(reference: Any) -> Organization:
    if not isinstance(reference, str) or not reference.strip():
        raise fail(owner_org="Missing value")
    org = db.session.scalar(select(Organization).where(or_(Organization.id == reference, Organization.slug == reference)))
    if org is None:
        raise fail(owner_org="Organization does not exist")
    return org


def find_dataset(reference: str) -> Dataset:
    dataset = db.session.scalar(select(Dataset).where(or_(Dataset.id == reference, Dataset.slug == reference)))
    if dataset is None:
        raise NotFound("Not found")
    return dataset


def find_resource(reference: str) -> Resource:
    resource = db.session.get(Resource, reference)
    if resource is None:
        raise NotFound("Not found")
    return resource
