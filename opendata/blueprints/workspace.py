"""The agency officers' pages: their workspace, dataset forms, resources, history.

HTTP only: each view reads the form, calls :mod:`opendata.publishing` and
renders. URLs follow CKAN's (``/dataset/new``, ``/dataset/edit/<name>``,
``/dataset/activity/<name>``) so people who know CKAN find their way.
"""
from __future__ import annotations

from datetime import datetime

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from .. import catalogue, publishing
from ..auth import can
from ..catalogue.directory import licences_with_counts, topics_with_counts
from ..forms import form_problems, show_errors
from ..forms.dataset import ConfirmForm, DatasetForm, PrivacyForm, WithdrawForm
from ..forms.resource import FileForm, LinkForm, ReplaceForm, ResourceForm, chosen_file
from ..i18n import localized
from ..models import DatasetState, ResourceKind, ReviewStatus, utcnow
from ..publishing import timeline
from ..publishing import workspace as ws
from . import params

bp = Blueprint("workspace", __name__)

HISTORY_PER_PAGE = 30
RESOURCE_KINDS = ("file", "url", "api")


# -- helpers ----------------------------------------------------------------

def _dataset(slug: str, action: str = "dataset.update"):
    """The dataset, or 404 when the user may not even read it, 403 when they may not ``action``."""
    try:
        dataset = catalogue.get_dataset(current_user, slug)
    except catalogue.NotFound:
        abort(404)
    if not can(current_user, action, dataset):
        abort(403)
    return dataset


def _resource(dataset, resource_id: str):
    for resource in dataset.resources:
        if resource.id == resource_id:
            return resource
    abort(404)


def _safety_url(dataset) -> str | None:
    """The safety gate's page for ``dataset`` (when that blueprint is installed)."""
    if "safety.show" in current_app.view_functions:
        return url_for("safety.show", slug=dataset.slug)
    return None


def _manage(dataset, status: int = 200, review=None, **context):
    """The dataset's management page; ``review`` is a gate review that just blocked an action."""
    from .. import safety

    reviews = [review] if review is not None else [
        r for r in safety.current_reviews(dataset) if r.status is ReviewStatus.FLAGGED]
    findings = [f for r in reviews for f in safety.findings_of(r) if f.blocks]
    return render_template(
        "workspace/manage.html", dataset=dataset, findings=findings, safety_url=_safety_url(dataset),
        blocking=sum(safety.blocking_count(safety.findings_of(r)) for r in reviews),
        problems=publishing.publication_problems(dataset) if dataset.state is not DatasetState.PUBLISHED else {},
        entries=timeline.dataset_history(current_user, dataset, limit=5),
        confirm=ConfirmForm(formdata=None), privacy=PrivacyForm(formdata=None), **context,
    ), status


def _to_manage(dataset):
    return redirect(url_for(".manage", slug=dataset.slug), 303)


def _flash_all(messages, category: str) -> None:
    for message in messages:
        flash(str(message), category)


@bp.context_processor
def labels() -> dict:
    return {"state_labels": timeline.STATES, "tabs": ws.TABS, "tab_labels": ws.TAB_LABELS, "reason_labels": ws.REASONS}


@bp.app_template_global("recent_activity")
def recent_activity(dataset, limit: int = 5):
    """The latest history entries of ``dataset`` the viewer may read (for the dataset page)."""
    if not can(current_user, "dataset.history", dataset):
        return []
    return timeline.dataset_history(current_user, dataset, limit=limit)


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error):
    """The upload form again is the way out; werkzeug refused the body before any view ran."""
    if request.endpoint == "workspace.replace_resource":
        back = url_for(".edit_resource", **(request.view_args or {}))
    else:
        back = request.full_path.rstrip("?")
    return render_template("workspace/too_large.html", limit=current_app.config["MAX_CONTENT_LENGTH"], back=back), 413


# -- workspace --------------------------------------------------------------

@bp.route("/workspace")
def index():
    tab = params.choice("tab", ws.TABS, "all")
    organization = params.text("organization", 100)
    page = params.page_number()
    try:
        overview = ws.overview(current_user, organization, tab, page)
    except ws.NoWorkspace:
        login_url = url_for("account.login", next=request.path) if "account.login" in current_app.view_functions else None
        return render_template("workspace/no_access.html", login_url=login_url), 403
    except LookupError:
        abort(404)
    return render_template(
        "workspace/index.html", overview=overview, creatable=ws.creatable_organizations(current_user),
        organization=organization,
    )


# -- dataset metadata -------------------------------------------------------

def _dataset_form(organizations=(), **kwargs) -> DatasetForm:
    form = DatasetForm(**kwargs)
    form.set_choices(
        organizations, [lic for lic, _n in licences_with_counts(current_user)],
        [topic for topic, _n in topics_with_counts(current_user)], localized,
    )
    return form


def _form_page(form, dataset=None, status: int = 200, general=(), conflict=None):
    return render_template("workspace/dataset_form.html", form=form, dataset=dataset, general=general, conflict=conflict), status


@bp.route("/dataset/new", methods=["GET", "POST"])
def new():
    organizations = ws.creatable_organizations(current_user)
    if not organizations:
        abort(403)
    initial = None
    if request.method == "GET":
        initial = {"organization": params.text("organization", 100) or organizations[0].slug, "language": "vi"}
    form = _dataset_form(organizations, data=initial)
    if not form.is_submitted():
        return _form_page(form)
    if not form.validate():
        return _form_page(form, status=400, general=form_problems(form))
    organization = next((org for org in organizations if org.slug == form.organization.data), None)
    if organization is None:
        form.organization.errors = [_("Choose one of the agencies you publish for.")]
        return _form_page(form, status=422)
    try:
        dataset = publishing.create_dataset(current_user, organization, form.metadata())
    except publishing.ValidationError as error:
        return _form_page(form, status=422, general=show_errors(form, error.errors))
    flash(_("The draft “%(title)s” was saved. Add its files or links, then publish it.", title=dataset.title), "success")
    return _to_manage(dataset)


def _initial(dataset) -> dict:
    data = {name: getattr(dataset, name) for name in DatasetForm.metadata_fields() if name not in {"tags", "topics"}}
    data.update(
        tags=", ".join(t.name for t in dataset.tags), topics=[t.slug for t in dataset.topics],
        licence_id=dataset.licence_id or "", lock_version=str(dataset.lock_version), loaded_at=utcnow().isoformat(),
    )
    return data


def _since(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


@bp.route("/dataset/edit/<slug>", methods=["GET", "POST"])
def edit(slug: str):
    dataset = _dataset(slug)
    form = _dataset_form(data=None if request.method == "POST" else _initial(dataset))
    if not form.is_submitted():
        return _form_page(form, dataset)
    if not form.validate():
        return _form_page(form, dataset, status=400, general=form_problems(form))
    raw = form.lock_version.data or ""
    if not raw.isdigit():
        abort(400)
    try:
        publishing.update_dataset(
            current_user, dataset, form.metadata(include_slug=dataset.state is DatasetState.DRAFT), int(raw))
    except publishing.ValidationError as error:
        return _form_page(form, dataset, status=422, general=show_errors(form, error.errors))
    except publishing.ConflictError:
        dataset = _dataset(slug)
        conflict = timeline.changes_since(current_user, dataset, _since(form.loaded_at.data))
        form.lock_version.data = str(dataset.lock_version)
        form.loaded_at.data = utcnow().isoformat()
        return _form_page(form, dataset, status=409, conflict=conflict)
    flash(_("Your changes were saved."), "success")
    return _to_manage(dataset)


# -- dataset life cycle -----------------------------------------------------

@bp.route("/dataset/manage/<slug>")
def manage(slug: str):
    return _manage(_dataset(slug))


def _confirmed(form_class=ConfirmForm):
    form = form_class()
    if not form.validate_on_submit():
        _flash_all(form_problems(form) or [_("This form has expired. Please submit it again.")], "error")
        return None
    return form


@bp.route("/dataset/publish/<slug>", methods=["POST"])
def publish(slug: str):
    dataset = _dataset(slug)
    if _confirmed() is None:
        return _to_manage(dataset)
    if not can(current_user, "dataset.publish", dataset):
        flash(_("This dataset is already published."), "info")
        return _to_manage(dataset)
    try:
        publishing.publish_dataset(current_user, dataset)
    except publishing.ValidationError as error:
        return _manage(dataset, 422, errors=[m for messages in error.errors.values() for m in messages])
    except publishing.PublicationBlocked as blocked:
        return _manage(dataset, 422, review=blocked.review, blocked=True)
    flash(_("The dataset is published: everyone can now find and download it."), "success")
    return _to_manage(dataset)


@bp.route("/dataset/private/<slug>", methods=["POST"])
def privacy(slug: str):
    dataset = _dataset(slug)
    form = _confirmed(PrivacyForm)
    if form is not None:
        private = form.private.data == "1"
        publishing.set_private(current_user, dataset, private)
        flash(_("The dataset is now private: only your agency can see it.") if private
              else _("The dataset is no longer private."), "success")
    return _to_manage(dataset)


@bp.route("/dataset/withdraw/<slug>", methods=["GET", "POST"])
def withdraw(slug: str):
    dataset = _dataset(slug)
    if not can(current_user, "dataset.withdraw", dataset):
        flash(_("Only a published dataset can be withdrawn."), "info")
        return _to_manage(dataset)
    form = WithdrawForm()
    status, general = 200, []
    if form.is_submitted():
        if not form.validate():
            status, general = 400, form_problems(form)
        else:
            try:
                publishing.withdraw_dataset(current_user, dataset, form.reason.data)
            except publishing.ValidationError as error:
                status, general = 422, show_errors(form, error.errors)
            else:
                flash(_("The dataset is withdrawn. Its page now shows your reason."), "success")
                return _to_manage(dataset)
    return render_template("workspace/withdraw.html", dataset=dataset, form=form, general=general), status


@bp.route("/dataset/delete/<slug>", methods=["GET", "POST"])
def delete(slug: str):
    dataset = _dataset(slug)
    if not can(current_user, "dataset.delete", dataset):
        flash(_("Only drafts can be deleted. Withdraw a published dataset instead."), "info")
        return _to_manage(dataset)
    form = ConfirmForm()
    if form.is_submitted() and form.validate():
        title = dataset.title
        publishing.delete_dataset(current_user, dataset)
        flash(_("The draft “%(title)s” and its files were deleted.", title=title), "success")
        return redirect(url_for(".index"), 303)
    general = form_problems(form) if form.is_submitted() else []
    return render_template("workspace/delete.html", dataset=dataset, form=form, general=general), 400 if general else 200


# -- resources --------------------------------------------------------------

@bp.route("/dataset/<slug>/resource/new", methods=["GET", "POST"])
def new_resource(slug: str):
    dataset = _dataset(slug, "resource.create")
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
                _flash_all(notices, "warning")
                return _to_manage(dataset)
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
    dataset = _dataset(slug)
    resource = _resource(dataset, resource_id)
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
    return _to_manage(dataset)


@bp.route("/dataset/<slug>/resource/<resource_id>/replace", methods=["POST"])
def replace_resource(slug: str, resource_id: str):
    dataset = _dataset(slug)
    resource = _resource(dataset, resource_id)
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
    _flash_all(result.notices, "warning")
    return _to_manage(dataset)


@bp.route("/dataset/<slug>/resource/<resource_id>/delete", methods=["GET", "POST"])
def delete_resource(slug: str, resource_id: str):
    dataset = _dataset(slug)
    resource = _resource(dataset, resource_id)
    if not can(current_user, "resource.delete", resource):
        abort(403)
    form = ConfirmForm()
    if form.is_submitted() and form.validate():
        name = resource.name
        publishing.delete_resource(current_user, resource)
        flash(_("“%(name)s” was removed from the dataset.", name=name), "success")
        return _to_manage(dataset)
    general = form_problems(form) if form.is_submitted() else []
    return render_template(
        "workspace/resource_delete.html", dataset=dataset, resource=resource, form=form, general=general,
    ), 400 if general else 200


@bp.route("/dataset/<slug>/resource/<resource_id>/release", methods=["POST"])
def release_resource(slug: str, resource_id: str):
    dataset = _dataset(slug)
    resource = _resource(dataset, resource_id)
    if not can(current_user, "resource.update", resource):
        abort(403)
    if _confirmed() is None or not resource.withheld:
        return _to_manage(dataset)
    try:
        publishing.release_resource(current_user, resource)
    except publishing.PublicationBlocked as blocked:
        return _manage(dataset, 422, review=blocked.review, blocked=True)
    flash(_("“%(name)s” is public again.", name=resource.name), "success")
    return _to_manage(dataset)


# -- history ----------------------------------------------------------------

@bp.route("/dataset/activity/<slug>")
def activity(slug: str):
    dataset = _dataset(slug, "dataset.history")
    page = params.page_number()
    entries = timeline.dataset_history(
        current_user, dataset, limit=HISTORY_PER_PAGE + 1, offset=(page - 1) * HISTORY_PER_PAGE)
    if page > 1 and not entries:
        abort(404)
    return render_template(
        "workspace/activity.html", dataset=dataset, entries=entries[:HISTORY_PER_PAGE], page=page,
        has_next=len(entries) > HISTORY_PER_PAGE, names=timeline.shows_names(current_user, dataset),
    )
