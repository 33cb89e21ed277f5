"""A dataset's resources: upload a file, link a file or an API, edit, replace, remove, release."""
from __future__ import annotations

from flask import abort, current_app, flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from ... import publishing
from ...auth import can
from ...forms import form_problems, show_errors
from ...forms.dataset import ConfirmForm
from ...forms.resource import FileForm, LinkForm, ReplaceForm, ResourceForm, chosen_file
from ...models import ResourceKind
from .. import params
from .common import bp, confirmed, find_dataset, find_resource, flash_all, manage_page, to_manage

RESOURCE_KINDS = ("file", "url", "api")


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error):
    """The upload form again is the way out; werkzeug refused the body before any view ran."""
    if request.endpoint == "workspace.replace_resource":
        back = url_for(".edit_resource", **(request.view_args or {}))
    else:
        back = request.full_path.rstrip("?")
    return render_template("workspace/too_large.html", limit=current_app.config["MAX_CONTENT_LENGTH"], back=back), 413


# -- resources --------------------------------------------------------------

@bp.route("/dataset/<slug>/resource/new", methods=["GET", "POST"])
def new_resource(slug: str):
    dataset = find_dataset(slug, "resource.create")
    kind = params.choice("kind", RESOURCE_KINDS, "file")
    form = FileForm() if kind == "file" else LinkForm()
    status, general = 200, []
    if form.is_submitted():
        if not form.validate():
            status, general = 400, form_problems(form)
        else:
            try:
                notices = _add_resource(dataset, kind, form)
            except publishing.ValidationError as error:
                status, general = 422, show_errors(form, error.errors)
            else:
                flash_all(notices, "warning")
                return to_manage(dataset)
    return render_template(
        "workspace/resource_new.html", dataset=dataset, form=form, kind=kind, general=general,
        limit=current_app.config["MAX_CONTENT_LENGTH"],
    ), status


def _add_resource(dataset, kind: str, form) -> list:
    if kind != "file":
        resource = publishing.add_link(
            current_user, dataset, form.url.data, form.name.data, ResourceKind(kind), form.format.data, form.description.data)
        flash(_("“%(name)s” was added.", name=resource.name), "success")
        return []
    upload = chosen_file(form.file)
    if upload is None:
        raise publishing.ValidationError({"file": [_("Choose a file to upload.")]})
    result = publishing.add_file(
        current_user, dataset, upload.stream, upload.filename, form.name.data, form.description.data)
    flash(_("The file “%(name)s” was uploaded.", name=result.resource.filename), "success")
    return result.notices


def _resource_page(dataset, resource, form=None, replace=None, status: int = 200, general=()):
    form = form or ResourceForm(formdata=None, obj=resource)
    return render_template(
        "workspace/resource_edit.html", dataset=dataset, resource=resource, form=form,
        replace=replace or ReplaceForm(formdata=None), general=general, limit=current_app.config["MAX_CONTENT_LENGTH"],
    ), status


@bp.route("/dataset/<slug>/resource/<resource_id>/edit", methods=["GET", "POST"])
def edit_resource(slug: str, resource_id: str):
    dataset = find_dataset(slug)
    resource = find_resource(dataset, resource_id)
    if not can(current_user, "resource.update", resource):
        abort(403)
    if request.method == "GET":
        return _resource_page(dataset, resource)
    form = ResourceForm()
    if not form.validate():
        return _resource_page(dataset, resource, form, status=400, general=form_problems(form))
    try:
        publishing.update_resource(current_user, resource, form.name.data, form.description.data)
    except publishing.ValidationError as error:
        return _resource_page(dataset, resource, form, status=422, general=show_errors(form, error.errors))
    flash(_("Your changes were saved."), "success")
    return to_manage(dataset)


@bp.route("/dataset/<slug>/resource/<resource_id>/replace", methods=["POST"])
def replace_resource(slug: str, resource_id: str):
    dataset = find_dataset(slug)
    resource = find_resource(dataset, resource_id)
    if not can(current_user, "resource.update", resource):
        abort(403)
    replace = ReplaceForm()
    if not replace.validate():
        return _resource_page(dataset, resource, replace=replace, status=400, general=form_problems(replace))
    upload = chosen_file(replace.file)
    try:
        if upload is None:
            raise publishing.ValidationError({"file": [_("Choose a file to upload.")]})
        result = publishing.replace_file(current_user, resource, upload.stream, upload.filename)
    except publishing.ValidationError as error:
        return _resource_page(dataset, resource, replace=replace, status=422, general=show_errors(replace, error.errors))
    flash(_("The new file “%(name)s” replaces the previous one, which stays available in the version history.",
            name=result.resource.filename), "success")
    flash_all(result.notices, "warning")
    return to_manage(dataset)


@bp.route("/dataset/<slug>/resource/<resource_id>/delete", methods=["GET", "POST"])
def delete_resource(slug: str, resource_id: str):
    dataset = find_dataset(slug)
    resource = find_resource(dataset, resource_id)
    if not can(current_user, "resource.delete", resource):
        abort(403)
    form = ConfirmForm()
    if form.is_submitted() and form.validate():
        name = resource.name
        publishing.delete_resource(current_user, resource)
        flash(_("“%(name)s” was removed from the dataset.", name=name), "success")
        return to_manage(dataset)
    general = form_problems(form) if form.is_submitted() else []
    return render_template(
        "workspace/resource_delete.html", dataset=dataset, resource=resource, form=form, general=general,
    ), 400 if general else 200


@bp.route("/dataset/<slug>/resource/<resource_id>/release", methods=["POST"])
def release_resource(slug: str, resource_id: str):
    dataset = find_dataset(slug)
    resource = find_resource(dataset, resource_id)
    if not can(current_user, "resource.update", resource):
        abort(403)
    if confirmed() is None or not resource.withheld:
        return to_manage(dataset)
    try:
        publishing.release_resource(current_user, resource)
    except publishing.PublicationBlocked as blocked:
        return manage_page(dataset, 422, review=blocked.review, blocked=True)
    flash(_("“%(name)s” is public again.", name=resource.name), "success")
    return to_manage(dataset)
