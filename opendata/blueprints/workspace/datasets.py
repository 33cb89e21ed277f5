"""The workspace list, the dataset form, the life-cycle buttons and the history page."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from ... import catalogue, publishing
from ...auth import can
from ...catalogue.directory import licences_with_counts, topics_with_counts
from ...forms import EXPIRED, form_problems, show_errors
from ...forms.dataset import ConfirmForm, DatasetForm, PrivacyForm, WithdrawForm
from ...i18n import localized
from ...models import DatasetState, utcnow
from ...publishing import timeline
from ...publishing import workspace as ws
from .. import params
from .common import bp, confirmed, find_dataset, manage_page, to_manage

HISTORY_PER_PAGE = 30


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
    return to_manage(dataset)


def _initial(dataset) -> dict:
    data = {name: getattr(dataset, name) for name in DatasetForm.metadata_fields() if name not in {"tags", "topics"}}
    data.update(
        tags=", ".join(t.name for t in dataset.tags), topics=[t.slug for t in dataset.topics],
        licence_id=dataset.licence_id or "", lock_version=str(dataset.lock_version), loaded_at=utcnow().isoformat(),
    )
    return data


def _since(value: str | None) -> datetime | None:
    """When the editor opened the form (a hidden field); anything unreadable means "unknown"."""
    try:
        moment = datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment and moment.tzinfo is None else moment


@bp.route("/dataset/edit/<slug>", methods=["GET", "POST"])
def edit(slug: str):
    dataset = find_dataset(slug)
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
        dataset = find_dataset(slug)
        conflict = timeline.changes_since(current_user, dataset, _since(form.loaded_at.data))
        form.lock_version.data = str(dataset.lock_version)
        form.loaded_at.data = utcnow().isoformat()
        return _form_page(form, dataset, status=409, conflict=conflict)
    flash(_("Your changes were saved."), "success")
    return to_manage(dataset)


@bp.errorhandler(CSRFError)
def form_expired(error):
    """A form left open too long (or from elsewhere): the long dataset form comes back with what was typed."""
    if request.endpoint == "workspace.new" and ws.creatable_organizations(current_user):
        form = _dataset_form(ws.creatable_organizations(current_user))
        return _form_page(form, status=400, general=[EXPIRED])
    if request.endpoint == "workspace.edit":
        try:
            dataset = catalogue.get_dataset(current_user, (request.view_args or {}).get("slug", ""))
        except catalogue.NotFound:
            dataset = None
        if dataset is not None and can(current_user, "dataset.update", dataset):
            return _form_page(_dataset_form(), dataset, status=400, general=[EXPIRED])
    return render_template("errors/error.html", code=400, title=_("The form has expired"), message=EXPIRED), 400


# -- dataset life cycle -----------------------------------------------------

@bp.route("/dataset/manage/<slug>")
def manage(slug: str):
    return manage_page(find_dataset(slug))


@bp.route("/dataset/publish/<slug>", methods=["POST"])
def publish(slug: str):
    dataset = find_dataset(slug)
    if confirmed() is None:
        return to_manage(dataset)
    if not can(current_user, "dataset.publish", dataset):
        flash(_("This dataset is already published."), "info")
        return to_manage(dataset)
    try:
        publishing.publish_dataset(current_user, dataset)
    except publishing.ValidationError as error:
        return manage_page(dataset, 422, errors=[m for messages in error.errors.values() for m in messages])
    except publishing.PublicationBlocked as blocked:
        return manage_page(dataset, 422, review=blocked.review, blocked=True)
    flash(_("The dataset is published: everyone can now find and download it."), "success")
    return to_manage(dataset)


@bp.route("/dataset/private/<slug>", methods=["POST"])
def privacy(slug: str):
    dataset = find_dataset(slug)
    form = confirmed(PrivacyForm)
    if form is not None:
        private = form.private.data == "1"
        publishing.set_private(current_user, dataset, private)
        flash(_("The dataset is now private: only your agency can see it.") if private
              else _("The dataset is no longer private."), "success")
    return to_manage(dataset)


@bp.route("/dataset/withdraw/<slug>", methods=["GET", "POST"])
def withdraw(slug: str):
    dataset = find_dataset(slug)
    if not can(current_user, "dataset.withdraw", dataset):
        flash(_("Only a published dataset can be withdrawn."), "info")
        return to_manage(dataset)
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
                return to_manage(dataset)
    return render_template("workspace/withdraw.html", dataset=dataset, form=form, general=general), status


@bp.route("/dataset/delete/<slug>", methods=["GET", "POST"])
def delete(slug: str):
    dataset = find_dataset(slug)
    if not can(current_user, "dataset.delete", dataset):
        flash(_("Only drafts can be deleted. Withdraw a published dataset instead."), "info")
        return to_manage(dataset)
    form = ConfirmForm()
    if form.is_submitted() and form.validate():
        title = dataset.title
        publishing.delete_dataset(current_user, dataset)
        flash(_("The draft “%(title)s” and its files were deleted.", title=title), "success")
        return redirect(url_for(".index"), 303)
    general = form_problems(form) if form.is_submitted() else []
    return render_template("workspace/delete.html", dataset=dataset, form=form, general=general), 400 if general else 200


# -- history ----------------------------------------------------------------

@bp.route("/dataset/activity/<slug>")
def activity(slug: str):
    dataset = find_dataset(slug, "dataset.history")
    page = params.page_number()
    entries = timeline.dataset_history(
        current_user, dataset, limit=HISTORY_PER_PAGE + 1, offset=(page - 1) * HISTORY_PER_PAGE)
    if page > 1 and not entries:
        abort(404)
    return render_template(
        "workspace/activity.html", dataset=dataset, entries=entries[:HISTORY_PER_PAGE], page=page,
        has_next=len(entries) > HISTORY_PER_PAGE, names=timeline.shows_names(current_user, dataset),
    )
