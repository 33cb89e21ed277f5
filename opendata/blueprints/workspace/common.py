"""The workspace blueprint and what its pages share: lookups, the manage page, messages."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from ... import catalogue, publishing
from ...auth import can
from ...forms import EXPIRED, form_problems
from ...forms.dataset import ConfirmForm, PrivacyForm
from ...models import DatasetState, ReviewStatus
from ...publishing import timeline
from ...publishing import workspace as ws

bp = Blueprint("workspace", __name__)


# -- helpers ----------------------------------------------------------------

def find_dataset(slug: str, action: str = "dataset.update"):
    """The dataset, or 404 when the user may not even read it, 403 when they may not ``action``."""
    try:
        dataset = catalogue.get_dataset(current_user, slug)
    except catalogue.NotFound:
        abort(404)
    if not can(current_user, action, dataset):
        abort(403)
    return dataset


def find_resource(dataset, resource_id: str):
    for resource in dataset.resources:
        if resource.id == resource_id:
            return resource
    abort(404)


def safety_url(dataset) -> str | None:
    """The safety gate's page for ``dataset`` (when that blueprint is installed)."""
    if "safety.show" in current_app.view_functions:
        return url_for("safety.show", slug=dataset.slug)
    return None


def manage_page(dataset, status: int = 200, review=None, **context):
    """The dataset's management page; ``review`` is a gate review that just blocked an action."""
    from ... import safety

    reviews = [review] if review is not None else [
        r for r in safety.current_reviews(dataset) if r.status is ReviewStatus.FLAGGED]
    findings = [f for r in reviews for f in safety.findings_of(r) if f.blocks]
    return render_template(
        "workspace/manage.html", dataset=dataset, findings=findings, safety_url=safety_url(dataset),
        blocking=sum(safety.blocking_count(safety.findings_of(r)) for r in reviews),
        problems=publishing.publication_problems(dataset) if dataset.state is not DatasetState.PUBLISHED else {},
        entries=timeline.dataset_history(current_user, dataset, limit=5),
        confirm=ConfirmForm(formdata=None), privacy=PrivacyForm(formdata=None), **context,
    ), status


def to_manage(dataset):
    return redirect(url_for(".manage", slug=dataset.slug), 303)


def flash_all(messages, category: str) -> None:
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


def confirmed(form_class=ConfirmForm):
    form = form_class()
    if not form.validate_on_submit():
        flash_all(form_problems(form) or [EXPIRED], "error")
        return None
    return form
