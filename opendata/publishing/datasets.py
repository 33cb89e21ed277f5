"""Creating, editing, publishing, withdrawing and deleting datasets.

Each function is one user action: it asks ``can()``, validates, changes the
rows, records the history and commits — or raises and leaves nothing behind.
The HTML forms, the bulk import and the API all call these.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from opendata.i18n import lazy_gettext as _l
from sqlalchemy import select

from .. import history
from ..auth import can
from ..extensions import db
from ..models import Dataset, DatasetState, Organization, ReviewStatus, Tag, utcnow
from ..storage import get_storage
from .errors import ConflictError, PermissionDenied, PublicationBlocked, ValidationError
from .transaction import after_commit, in_unit
from .transaction import commit as _commit
from .validation import DATE_FIELDS, FIELDS, TEXT_FIELDS, clean_dataset

HISTORY_FIELDS = tuple(f for f in FIELDS if f not in {"topics", "tags"}) + ("tag_names", "topic_slugs", "state")


def require(user, action: str, obj) -> None:
    if not can(user, action, obj):
        raise PermissionDenied(action)


def _snapshot(dataset: Dataset) -> dict[str, Any]:
    values = history.snapshot(dataset, [f for f in FIELDS if f not in {"tags", "topics"}] + ["state"])
    values["tag_names"] = sorted(t.name for t in dataset.tags)
    values["topic_slugs"] = sorted(t.slug for t in dataset.topics)
    return values


def _apply(dataset: Dataset, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name == "tags":
            dataset.tags = _tags(value)
        elif name == "topics":
            dataset.topics = value
        elif name in TEXT_FIELDS or name in DATE_FIELDS or name == "private":
            setattr(dataset, name, value)


def _tags(names: list[str]) -> list[Tag]:
    existing = {t.name: t for t in db.session.scalars(select(Tag).where(Tag.name.in_(names)))} if names else {}
    return [existing.get(name) or Tag(name=name) for name in names]


def create_dataset(user, organization: Organization, data: dict[str, Any], *, commit: bool = True) -> Dataset:
    """A new draft of ``organization``; the slug and identifier are derived when not given.

    ``commit=False`` leaves the (flushed) change in the caller's transaction,
    so the bulk import can apply many rows or none."""
    require(user, "dataset.create", organization)
    with db.session.no_autoflush:
        values = clean_dataset(data)
    dataset = Dataset(organization=organization, state=DatasetState.DRAFT, extras={})
    db.session.add(dataset)
    with db.session.no_autoflush:
        _apply(dataset, values)
        if not dataset.identifier:
            dataset.identifier = f"{(organization.abbreviation or organization.slug).upper()}-{dataset.slug}"[:200]
        dataset.language = dataset.language or "vi"
    db.session.flush()
    history.record("dataset.created", dataset, user, history.diff({}, _snapshot(dataset)), summary=dataset.title)
    if commit:
        _commit()
    return dataset


def update_dataset(
    user, dataset: Dataset, data: dict[str, Any], expected_version: int | None, *, commit: bool = True
) -> Dataset:
    """Apply edited fields. ``expected_version`` is the ``lock_version`` the editor loaded:
    when someone saved in between, :class:`ConflictError` and nothing changes.

    ``commit=False`` leaves the change (and its history) in the caller's
    transaction, unflushed; the caller commits or rolls back."""
    require(user, "dataset.update", dataset)
    if expected_version is not None and expected_version != dataset.lock_version:
        raise ConflictError()
    before = _snapshot(dataset)
    with db.session.no_autoflush:
        values = clean_dataset(data, dataset)
        _apply(dataset, values)
    changes = history.diff(before, _snapshot(dataset))
    if not changes:
        if commit and not in_unit():  # inside a caller's transaction the other changes must survive
            db.session.rollback()
        return dataset
    history.record("dataset.updated", dataset, user, changes, summary=dataset.title)
    if commit:
        _commit()
    return dataset


def publication_problems(dataset: Dataset) -> dict[str, list]:
    """What must be filled in before a dataset may go public (R2, R3)."""
    problems: dict[str, list] = {}
    if not (dataset.description or "").strip():
        problems.setdefault("description", []).append(_l("Describe the data before publishing it."))
    if not dataset.resources:
        problems.setdefault("", []).append(_l("Add at least one file, link or API before publishing."))
    return problems


def publish_dataset(user, dataset: Dataset) -> Dataset:
    """Make a draft (or withdrawn) dataset public, after the safety gate (R11, R14).

    Files held back by the gate stay held: each is released by ``release_resource``,
    which scans it again.
    """
    from ..safety import review_dataset

    require(user, "dataset.publish", dataset)
    problems = publication_problems(dataset)
    if problems:
        raise ValidationError(problems)
    review = review_dataset(dataset, user)
    if review.status is ReviewStatus.FLAGGED:
        _commit()  # keep the findings so the publisher and the Department can see them
        raise PublicationBlocked(review)
    before = dataset.state
    dataset.state = DatasetState.PUBLISHED
    dataset.withdrawn_reason = None
    dataset.issued = dataset.issued or date.today()
    history.record("dataset.published", dataset, user, {"state": [before.value, "published"]}, summary=dataset.title)
    _commit()
    return dataset


def set_private(user, dataset: Dataset, private: bool) -> Dataset:
    require(user, "dataset.update", dataset)
    if dataset.private == private:
        return dataset
    dataset.private = private
    action = "dataset.made_private" if private else "dataset.made_public"
    history.record(action, dataset, user, {"private": [not private, private]}, summary=dataset.title)
    _commit()
    return dataset


def withdraw_dataset(user, dataset: Dataset, reason: str) -> Dataset:
    """Take a published dataset down; it stays, with the reason shown publicly."""
    require(user, "dataset.withdraw", dataset)
    reason = (reason or "").strip()
    if len(reason) < 10:
        raise ValidationError({"reason": [_l("Explain in a sentence why the dataset is withdrawn; the reason is shown publicly.")]})
    dataset.state = DatasetState.WITHDRAWN
    dataset.withdrawn_reason = reason[:2000]
    history.record("dataset.withdrawn", dataset, user, {"state": ["published", "withdrawn"], "withdrawn_reason": [None, reason]}, summary=reason)
    _commit()
    return dataset


def delete_dataset(user, dataset: Dataset) -> None:
    """Delete a draft and its files. Published data is withdrawn, never deleted."""
    require(user, "dataset.delete", dataset)
    keys = [r.storage_key for r in dataset.resources if r.storage_key]
    keys += [v.storage_key for r in dataset.resources for v in r.versions]
    history.record("dataset.deleted", dataset, user, history.diff(_snapshot(dataset), {}), summary=dataset.title)
    db.session.delete(dataset)
    _commit()
    after_commit(lambda: _delete_files(keys))  # a failed delete must not lose the record


def _delete_files(keys: list[str]) -> None:
    storage = get_storage()
    for key in keys:
        storage.delete(key)


def touch_data(dataset: Dataset) -> None:
    """The data itself changed (a file was added or replaced)."""
    dataset.modified = utcnow()
