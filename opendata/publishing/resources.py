"""Files, links and APIs of a dataset, with versions kept when a file is replaced."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import urlsplit

from flask import current_app
from opendata.i18n import lazy_gettext as _l

from .. import history
from ..extensions import db
from ..i18n import filesize
from ..models import Dataset, DatasetState, Resource, ResourceKind, ResourceVersion, ReviewStatus, utcnow
from ..storage import TooLarge, get_storage
from ..vocabularies import is_open_format
from .datasets import _commit, _delete_files, require, touch_data
from .detect import ForbiddenContent, detect
from .errors import ValidationError
from .transaction import after_commit
from .filenames import extension, safe_filename


@dataclass
class UploadResult:
    resource: Resource
    notices: list  # translated messages for the publisher: type mismatch, closed format, withheld


def _max_upload() -> int:
    return int(current_app.config["MAX_CONTENT_LENGTH"])


def _store(stream: BinaryIO, filename: str):
    """Stream the upload into storage and work out its real type; nothing kept on failure."""
    storage = get_storage()
    try:
        stored = storage.save(stream, prefix="resources", max_size=_max_upload())
    except TooLarge as error:
        raise ValidationError({"file": [_l("The file is larger than %(size)s, the most the portal accepts.", size=filesize(error.limit))]}) from None
    if stored.size == 0:
        storage.delete(stored.key)
        raise ValidationError({"file": [_l("The file is empty.")]})
    try:
        with storage.open(stored.key) as handle:
            kind = detect(handle, filename)
    except ForbiddenContent:
        storage.delete(stored.key)
        raise ValidationError({"file": [_l("Programs and scripts cannot be published as data.")]}) from None
    return stored, kind


def _notices(filename: str, kind) -> list:
    notices = []
    claimed = extension(filename)
    aliases = {"JPG": "JPEG", "TIF": "TIFF", "TXT": "TXT", "JSONLD": "JSON"}
    if claimed and aliases.get(claimed, claimed) != kind.format and not (claimed == "JSON" and kind.format == "GEOJSON"):
        notices.append(_l("The file is named .%(claimed)s but its content is %(real)s; it is recorded as %(real)s.", claimed=claimed.lower(), real=kind.format))
    if not is_open_format(kind.format):
        notices.append(_l("%(format)s is not an open, machine-readable format. Please also publish the data as CSV, JSON or XLSX.", format=kind.format))
    return notices


@contextmanager
def _discard_on_failure(key: str):
    """A stored upload whose record is not saved is deleted: no orphan files."""
    try:
        yield
    except BaseException:
        db.session.rollback()
        get_storage().delete(key)
        raise


def add_file(user, dataset: Dataset, stream: BinaryIO, filename: str, name: str = "", description: str = "") -> UploadResult:
    require(user, "resource.create", dataset)
    filename = safe_filename(filename)
    stored, kind = _store(stream, filename)
    with _discard_on_failure(stored.key):
        resource = Resource(
            dataset=dataset, position=len(dataset.resources), name=(name or "").strip()[:300] or filename.rsplit(".", 1)[0],
            description=(description or "").strip(), kind=ResourceKind.FILE, filename=filename, format=kind.format,
            media_type=kind.media_type, storage_key=stored.key, size=stored.size, sha256=stored.sha256,
        )
        db.session.add(resource)
        touch_data(dataset)
        db.session.flush()
        history.record("resource.created", resource, user, {"filename": [None, filename], "sha256": [None, stored.sha256], "size": [None, stored.size]}, summary=resource.name)
        notices = _notices(filename, kind) + _gate(user, dataset, resource)
        _commit()
    return UploadResult(resource, notices)


def replace_file(user, resource: Resource, stream: BinaryIO, filename: str) -> UploadResult:
    """Upload a new file for ``resource``; the old one becomes a retrievable version."""
    require(user, "resource.update", resource)
    if resource.kind is not ResourceKind.FILE:
        raise ValidationError({"file": [_l("Only file resources can have their file replaced.")]})
    filename = safe_filename(filename)
    stored, kind = _store(stream, filename)
    with _discard_on_failure(stored.key):
        if resource.storage_key:
            number = (resource.versions[0].number + 1) if resource.versions else 1
            resource.versions.append(ResourceVersion(
                number=number, storage_key=resource.storage_key, filename=resource.filename, format=resource.format,
                media_type=resource.media_type, size=resource.size or 0, sha256=resource.sha256 or "",
                created=resource.modified or resource.created, user_id=getattr(user, "id", None),
            ))
        changes = history.diff(
            {"filename": resource.filename, "sha256": resource.sha256, "size": resource.size, "format": resource.format},
            {"filename": filename, "sha256": stored.sha256, "size": stored.size, "format": kind.format},
        )
        resource.filename, resource.storage_key, resource.size, resource.sha256 = filename, stored.key, stored.size, stored.sha256
        resource.format, resource.media_type, resource.modified = kind.format, kind.media_type, utcnow()
        touch_data(resource.dataset)
        history.record("resource.file_replaced", resource, user, changes, summary=resource.name)
        notices = _notices(filename, kind) + _gate(user, resource.dataset, resource)
        _commit()
    return UploadResult(resource, notices)


def _gate(user, dataset: Dataset, resource: Resource) -> list:
    """New content of a public dataset is scanned before anyone else sees it (R11, R14)."""
    if dataset.state is not DatasetState.PUBLISHED:
        return []  # drafts are scanned as a whole when they are published
    from ..safety import review_dataset

    review = review_dataset(dataset, user, resource=resource)
    if review.status is ReviewStatus.FLAGGED:
        resource.withheld = True
        history.record("resource.withheld", resource, user, {"withheld": [False, True]}, summary=resource.name)
        return [_l("The safety check found possible personal data or secret markings in this file. It is kept hidden from the public until the findings are resolved.")]
    return []


def release_resource(user, resource: Resource) -> Resource:
    """Show a withheld resource again once its findings are cleared or overridden."""
    from ..safety import review_dataset
    from .errors import PublicationBlocked

    require(user, "resource.update", resource)
    review = review_dataset(resource.dataset, user, resource=resource)
    if review.status is ReviewStatus.FLAGGED:
        _commit()
        raise PublicationBlocked(review)
    resource.withheld = False
    history.record("resource.released", resource, user, {"withheld": [True, False]}, summary=resource.name)
    _commit()
    return resource


def add_link(user, dataset: Dataset, url: str, name: str, kind: ResourceKind = ResourceKind.URL, format: str = "", description: str = "") -> Resource:
    """A file published elsewhere, or an online data service (R3, R8)."""
    require(user, "resource.create", dataset)
    url = (url or "").strip()
    parts = urlsplit(url)
    errors = {}
    if parts.scheme not in {"http", "https"} or not parts.netloc or len(url) > 2000:
        errors["url"] = [_l("Enter a full web address starting with https:// or http://.")]
    if not (name or "").strip():
        errors["name"] = [_l("Give the resource a name.")]
    if errors:
        raise ValidationError(errors)
    resource = Resource(
        dataset=dataset, position=len(dataset.resources), name=name.strip()[:300], description=(description or "").strip(),
        kind=kind, url=url, format=((format or "").strip().upper() or ("API" if kind is ResourceKind.API else None)),
    )
    db.session.add(resource)
    db.session.flush()
    history.record("resource.created", resource, user, {"url": [None, url], "kind": [None, kind.value]}, summary=resource.name)
    _commit()
    return resource


def update_resource(user, resource: Resource, name: str, description: str) -> Resource:
    require(user, "resource.update", resource)
    if not (name or "").strip():
        raise ValidationError({"name": [_l("Give the resource a name.")]})
    before = {"name": resource.name, "description": resource.description}
    resource.name, resource.description = name.strip()[:300], (description or "").strip()
    changes = history.diff(before, {"name": resource.name, "description": resource.description})
    if changes:
        history.record("resource.updated", resource, user, changes, summary=resource.name)
        _commit()
    return resource


def delete_resource(user, resource: Resource) -> None:
    """Remove a resource. Files of a published dataset are kept in storage as history."""
    require(user, "resource.delete", resource)
    dataset = resource.dataset
    keys = [resource.storage_key] if resource.storage_key else []
    keys += [v.storage_key for v in resource.versions]
    history.record("resource.deleted", resource, user, {"name": [resource.name, None], "sha256": [resource.sha256, None]}, summary=resource.name)
    dataset.resources.remove(resource)
    db.session.delete(resource)
    touch_data(dataset)
    published_once = dataset.state is not DatasetState.DRAFT
    _commit()
    if not published_once:
        after_commit(lambda: _delete_files(keys))
