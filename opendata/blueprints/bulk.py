"""Agency pages for bulk metadata work: download the Excel template, upload it back."""
from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, abort, render_template, request
from flask_babel import get_locale
from opendata.i18n import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from werkzeug.exceptions import RequestEntityTooLarge

from .. import bulk, catalogue
from ..auth import can
from ..publishing import PermissionDenied
from ..vietnamese import fold

bp = Blueprint("bulk", __name__)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(FlaskForm):
    file = FileField(_l("Excel file (.xlsx)"), validators=[
        FileRequired(_l("Choose the Excel file to import.")),
        FileAllowed(["xlsx"], _l("Choose an Excel workbook whose name ends in .xlsx, made from the template.")),
    ])


def _organization_or_404(slug: str):
    try:
        organization = catalogue.get_organization(slug)
    except catalogue.NotFound:
        abort(404)
    if not can(current_user, "dataset.bulk_import", organization):
        abort(404)
    return organization


def _limits() -> dict:
    return {"max_rows": bulk.MAX_ROWS, "max_megabytes": bulk.MAX_UPLOAD_BYTES // (1024 * 1024)}


def _page(organization, form, status=200, refused=None):
    return render_template("bulk/index.html", organization=organization, form=form, refused=refused,
                           columns=bulk.COLUMNS, **_limits()), status


@bp.route("/organization/<slug>/bulk", methods=["GET", "POST"])
def index(slug: str):
    organization = _organization_or_404(slug)
    if request.method == "GET":
        return _page(organization, UploadForm())
    request.max_content_length = bulk.MAX_UPLOAD_BYTES + 256 * 1024  # the form around the file
    try:
        form = UploadForm()
    except RequestEntityTooLarge:
        refused = _l("The file is larger than %(size)s MB. Split the datasets over several files.",
                     size=_limits()["max_megabytes"])
        return _page(organization, UploadForm(formdata=None), 413, refused)
    if not form.validate_on_submit():
        return _page(organization, form, 400)
    try:
        report = bulk.import_xlsx(current_user, organization, form.file.data.stream)
    except PermissionDenied:
        abort(404)
    return render_template("bulk/report.html", organization=organization, report=report,
                           form=UploadForm(formdata=None), **_limits()), (200 if report.applied else 422)


@bp.route("/organization/<slug>/bulk/template.xlsx")
def template(slug: str):
    organization = _organization_or_404(slug)
    prefill = request.args.get("datasets") == "1"
    content = bulk.template(organization, str(get_locale()), user=current_user, prefill=prefill)
    name = bulk.filename(organization, prefill)
    response = Response(content, mimetype=XLSX)
    fallback = fold(name).encode("ascii", "ignore").decode().replace('"', "")
    response.headers["Content-Disposition"] = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"
    response.headers["Cache-Control"] = "private, no-store"  # may list drafts and private datasets
    return response
