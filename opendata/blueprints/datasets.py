"""Dataset list, dataset and resource pages, and file downloads (CKAN's URLs)."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, send_file, url_for
from flask_login import current_user

from .. import catalogue
from ..auth import can
from ..models import ResourceKind
from ..storage import get_storage
from . import params
from .dataset_list import list_items

bp = Blueprint("datasets", __name__)


def filters_from_request() -> catalogue.DatasetFilters:
    return catalogue.DatasetFilters(
        q=params.search_text("q"),
        organization=params.text("organization", 100),
        agency_type=params.text("agency_type", 64),
        topic=params.text("groups", 100),
        format=params.text("res_format", 40),
        licence=params.text("license_id", 100),
        tag=params.text("tags", 100),
        frequency=params.text("frequency", 40),
        sort=params.choice("sort", catalogue.SORTS, "relevance"),
    )


def listing(template: str, filters: catalogue.DatasetFilters, **context):
    page = params.page_number(maximum=current_app.config["MAX_PAGE"])
    try:
        result = catalogue.dataset_page(current_user, filters, page, current_app.config["DATASETS_PER_PAGE"])
    except catalogue.NotFound:
        abort(404)
    return render_template(template, result=result, items=list_items(result), filters=filters, **context)


@bp.route("/dataset", strict_slashes=False)
def index():
    return listing("datasets/index.html", filters_from_request())


def _dataset_or_404(slug: str):
    try:
        return catalogue.get_dataset(current_user, slug)
    except catalogue.NotFound:
        abort(404)


@bp.route("/dataset/<slug>")
def show(slug: str):
    dataset = _dataset_or_404(slug)
    if slug != dataset.slug:
        return redirect(url_for(".show", slug=dataset.slug), 301)
    catalogue.record_view(dataset)
    return render_template("datasets/show.html", dataset=dataset)


def _resource_or_404(slug: str, resource_id: str):
    dataset = _dataset_or_404(slug)
    try:
        return dataset, catalogue.get_resource(current_user, dataset, resource_id)
    except catalogue.NotFound:
        abort(404)


@bp.route("/dataset/<slug>/resource/<resource_id>")
def resource(slug: str, resource_id: str):
    dataset, res = _resource_or_404(slug, resource_id)
    return render_template("datasets/resource.html", dataset=dataset, resource=res)


@bp.route("/dataset/<slug>/resource/<resource_id>/download")
@bp.route("/dataset/<slug>/resource/<resource_id>/download/<path:filename>")
def download(slug: str, resource_id: str, filename: str | None = None):
    dataset, res = _resource_or_404(slug, resource_id)
    if not can(current_user, "resource.download", res):
        abort(404)
    if res.kind is not ResourceKind.FILE:
        if not res.url:
            abort(404)
        catalogue.record_download(res)
        return redirect(res.url)
    if not res.storage_key or not get_storage().exists(res.storage_key):
        abort(404)
    catalogue.record_download(res)
    return _send_stored(res, res.id, max_age=300)


def _send_stored(stored, fallback_name: str, max_age: int):
    """Stream a stored file (a Resource or a ResourceVersion) as an attachment.

    send_file handles ETag (our SHA-256), If-None-Match, Range and the RFC 6266
    ``filename*`` that carries the original Vietnamese name.
    """
    return send_file(
        get_storage().path(stored.storage_key),
        mimetype=stored.media_type or "application/octet-stream",
        as_attachment=True,
        download_name=stored.filename or f"{fallback_name}.{(stored.format or 'bin').lower()}",
        conditional=True,
        etag=stored.sha256 or True,
        last_modified=getattr(stored, "modified", None) or stored.created,
        max_age=max_age,
    )


# -- publishing: earlier versions of a file (R12) ---------------------------
@bp.route("/dataset/<slug>/resource/<resource_id>/version/<int:number>/download/<path:filename>")
def download_version(slug: str, resource_id: str, number: int, filename: str):
    """A file a resource held before it was replaced, kept so earlier downloads can be checked."""
    dataset, res = _resource_or_404(slug, resource_id)
    if not can(current_user, "resource.download", res):
        abort(404)
    version = next((v for v in res.versions if v.number == number), None)
    if version is None or not get_storage().exists(version.storage_key):
        abort(404)
    return _send_stored(version, f"{res.id}-{number}", max_age=3600)
# -- end publishing ----------------------------------------------------------
