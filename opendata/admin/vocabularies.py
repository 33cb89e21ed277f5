"""The Department's lists: agency types, topics and licences (R5).

Each is created, edited and deleted the same way; the differences are the
rules: an agency type in use stays, a topic in use is removed from its
datasets (after the caller confirmed), a licence in use stays, and exactly
one licence is the statutory default.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from opendata.i18n import lazy_gettext as _l
from opendata.i18n import lazy_ngettext
from sqlalchemy import delete, func, select

from ..extensions import db
from ..history import diff, record, snapshot
from ..models import AgencyType, Dataset, Licence, Organization, Topic, dataset_topic
from .common import Invalid, clean, commit, slug_error

AGENCY_TYPE_FIELDS = ("slug", "name", "name_en", "position")
TOPIC_FIELDS = ("slug", "name", "name_en", "description", "description_en", "eu_theme", "position")
LICENCE_FIELDS = ("id", "title", "title_en", "url", "summary", "summary_en", "od_conformant", "is_default", "position")

# Licence ids travel as CKAN ``license_id`` values; the activity log keeps ids of up to 36 characters.
LICENCE_ID_PATTERN = r"[a-z0-9][a-z0-9._-]*"
LICENCE_ID_MAX = 36
_LICENCE_ID = re.compile(rf"^{LICENCE_ID_PATTERN}$")

# The EU data-theme vocabulary DCAT-AP uses for dcat:theme.
EU_THEMES = {
    "AGRI": _l("Agriculture, fisheries, forestry and food"),
    "ECON": _l("Economy and finance"),
    "EDUC": _l("Education, culture and sport"),
    "ENER": _l("Energy"),
    "ENVI": _l("Environment"),
    "GOVE": _l("Government and public sector"),
    "HEAL": _l("Health"),
    "INTR": _l("International issues"),
    "JUST": _l("Justice, legal system and public safety"),
    "REGI": _l("Regions and cities"),
    "SOCI": _l("Population and society"),
    "TECH": _l("Science and technology"),
    "TRAN": _l("Transport"),
}


def _save(model, obj, values: dict[str, Any], fields, actor, noun: str, summary_field: str):
    creating = obj is None
    if creating:
        obj = model()
        db.session.add(obj)
    before = {} if creating else snapshot(obj, fields)
    for name, value in values.items():
        setattr(obj, name, value)
    db.session.flush()
    changes = diff(before, snapshot(obj, fields))
    if creating or changes:
        action = f"{noun}.created" if creating else f"{noun}.updated"
        record(action, obj, actor, changes, summary=getattr(obj, summary_field) or "")
    return obj


def _delete(obj, fields, actor, noun: str, summary_field: str) -> None:
    record(f"{noun}.deleted", obj, actor, diff(snapshot(obj, fields), {}), summary=getattr(obj, summary_field) or "")
    db.session.delete(obj)


def _require(values, errors, field, message) -> None:
    if field in values and not values[field]:
        errors[field] = message


# -- agency types ------------------------------------------------------------

def agency_types_with_counts() -> list[tuple[AgencyType, int]]:
    rows = db.session.execute(
        select(AgencyType, func.count(Organization.id))
        .outerjoin(Organization, Organization.agency_type_id == AgencyType.id)
        .group_by(AgencyType.id).order_by(AgencyType.position, AgencyType.name)
    ).all()
    return [tuple(row) for row in rows]


def save_agency_type(agency_type: AgencyType | None, data: Mapping[str, Any], actor) -> AgencyType:
    values = clean(data, AGENCY_TYPE_FIELDS)
    values["position"] = values.get("position") or 0
    errors: dict = {}
    _require(values, errors, "name", _l("Enter a name."))
    problem = slug_error(AgencyType, values.get("slug"), agency_type.id if agency_type else None)
    if problem:
        errors["slug"] = problem
    if errors:
        raise Invalid(errors)
    obj = _save(AgencyType, agency_type, values, AGENCY_TYPE_FIELDS, actor, "agency_type", "name")
    commit({"slug": _l("This short name is already used; choose another one.")})
    return obj


def delete_agency_type(agency_type: AgencyType, actor) -> None:
    used = db.session.scalar(select(func.count(Organization.id)).where(Organization.agency_type_id == agency_type.id))
    if used:
        raise Invalid({None: lazy_ngettext(
            "%(num)d agency is of this type, so it cannot be deleted. Give the agency another type first.",
            "%(num)d agencies are of this type, so it cannot be deleted. Give those agencies another type first.",
            used,
        )})
    _delete(agency_type, AGENCY_TYPE_FIELDS, actor, "agency_type", "name")
    commit()


# -- topics ------------------------------------------------------------------

def topics_with_counts() -> list[tuple[Topic, int]]:
    rows = db.session.execute(
        select(Topic, func.count(dataset_topic.c.dataset_id))
        .outerjoin(dataset_topic, dataset_topic.c.topic_id == Topic.id)
        .group_by(Topic.id).order_by(Topic.position, Topic.name)
    ).all()
    return [tuple(row) for row in rows]


def topic_datasets(topic: Topic) -> list[Dataset]:
    """Datasets (any state) filed under ``topic``: what deleting it would touch."""
    return db.session.scalars(
        select(Dataset).join(dataset_topic, dataset_topic.c.dataset_id == Dataset.id)
        .where(dataset_topic.c.topic_id == topic.id).order_by(Dataset.title)
    ).all()


def save_topic(topic: Topic | None, data: Mapping[str, Any], actor) -> Topic:
    values = clean(data, TOPIC_FIELDS, required_text=("description", "description_en"))
    values["position"] = values.get("position") or 0
    errors: dict = {}
    _require(values, errors, "name", _l("Enter a name."))
    problem = slug_error(Topic, values.get("slug"), topic.id if topic else None)
    if problem:
        errors["slug"] = problem
    if values.get("eu_theme") and values["eu_theme"] not in EU_THEMES:
        errors["eu_theme"] = _l("Choose a theme from the list.")
    if errors:
        raise Invalid(errors)
    obj = _save(Topic, topic, values, TOPIC_FIELDS, actor, "topic", "name")
    commit({"slug": _l("This short name is already used; choose another one.")})
    return obj


def delete_topic(topic: Topic, actor) -> int:
    """Delete ``topic`` and take it off every dataset filed under it; returns how many."""
    datasets = topic_datasets(topic)
    for dataset in datasets:
        before = sorted(t.slug for t in dataset.topics)
        after = [slug for slug in before if slug != topic.slug]
        record("dataset.updated", dataset, actor, {"topics": [before, after]}, summary=dataset.title)
    db.session.execute(delete(dataset_topic).where(dataset_topic.c.topic_id == topic.id))
    _delete(topic, TOPIC_FIELDS, actor, "topic", "name")
    commit()
    return len(datasets)


# -- licences ----------------------------------------------------------------

def licences_with_counts() -> list[tuple[Licence, int]]:
    rows = db.session.execute(
        select(Licence, func.count(Dataset.id))
        .outerjoin(Dataset, Dataset.licence_id == Licence.id)
        .group_by(Licence.id).order_by(Licence.position, Licence.id)
    ).all()
    return [tuple(row) for row in rows]


def save_licence(licence: Licence | None, data: Mapping[str, Any], actor) -> Licence:
    """Create or edit a licence; making it the default takes the flag off the previous one."""
    fields = LICENCE_FIELDS if licence is None else LICENCE_FIELDS[1:]  # the id is referenced by datasets
    values = clean(data, fields, required_text=("summary", "summary_en"))
    values["position"] = values.get("position") or 0
    values["od_conformant"] = bool(values.get("od_conformant"))
    values["is_default"] = bool(values.get("is_default"))
    errors: dict = {}
    _require(values, errors, "title", _l("Enter a title."))
    if licence is None:
        ident = values.get("id") or ""
        if not _LICENCE_ID.match(ident) or len(ident) > LICENCE_ID_MAX:
            errors["id"] = _l(
                "Use at most %(max)d lowercase letters without accents, digits, dots, hyphens or underscores,"
                " for example cc-by-4.0.", max=LICENCE_ID_MAX)
        elif db.session.get(Licence, ident) is not None:
            errors["id"] = _l("Another licence already has this code.")
    elif licence.is_default and not values["is_default"]:
        errors["is_default"] = _l(
            "One licence must always be the default. To change it, open the licence that should become"
            " the default and tick this box there.")
    if errors:
        raise Invalid(errors)
    previous = []
    if values["is_default"]:
        stmt = select(Licence).where(Licence.is_default.is_(True))
        if licence is not None:
            stmt = stmt.where(Licence.id != licence.id)
        previous = db.session.scalars(stmt).all()
    for other in previous:
        other.is_default = False
        record("licence.updated", other, actor, {"is_default": [True, False]}, summary=other.title)
    obj = _save(Licence, licence, values, LICENCE_FIELDS, actor, "licence", "title")
    commit({"id": _l("Another licence already has this code.")})
    return obj


def delete_licence(licence: Licence, actor) -> None:
    used = db.session.scalar(select(func.count(Dataset.id)).where(Dataset.licence_id == licence.id))
    if used:
        raise Invalid({None: lazy_ngettext(
            "%(num)d dataset uses this licence, so it cannot be deleted.",
            "%(num)d datasets use this licence, so it cannot be deleted.",
            used,
        )})
    if licence.is_default:
        raise Invalid({None: _l(
            "This is the default licence, so it cannot be deleted. Make another licence the default first."
        )})
    _delete(licence, LICENCE_FIELDS, actor, "licence", "title")
    commit()
