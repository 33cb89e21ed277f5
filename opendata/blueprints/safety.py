"""Pages of the safety gate: a dataset's findings, the sysadmin override, the flagged list.

Findings name exact places in the data, so only the dataset's publishers and
the Department see them; anyone else gets the same 404 as for a missing page.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, redirect, render_template, url_for
from opendata.i18n import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import InputRequired, Length

from .. import catalogue, safety
from ..auth import can
from ..models import ReviewStatus

bp = Blueprint("safety", __name__)


class OverrideForm(FlaskForm):
    reason = TextAreaField(
        _l("Why may this data be published despite the findings?"),
        validators=[
            InputRequired(message=_l("Write the reason for allowing publication.")),
            Length(min=safety.MIN_REASON, max=2000, message=_l("Write between %(min)d and %(max)d characters.")),
        ],
    )


@dataclass
class Section:
    review: object
    findings: list
    resource_name: str | None
    blocking: int
    form: OverrideForm | None


def _prefix(review) -> str:
    return f"review-{review.id}"


def _dataset_for_reviewer(slug: str):
    try:
        dataset = catalogue.get_dataset(current_user, slug)
    except catalogue.NotFound:
        abort(404)
    if not (can(current_user, "dataset.update", dataset) or can(current_user, "safety.override", dataset)):
        abort(404)
    return dataset


def _page(dataset, bound: dict | None = None, alerts=(), status: int = 200):
    may_override = can(current_user, "safety.override", dataset)
    bound = bound or {}
    names = {resource.id: resource.name for resource in dataset.resources}
    sections = []
    for review in safety.current_reviews(dataset):
        findings = safety.findings_of(review)
        form = bound.get(review.id)
        if form is None and may_override and review.status is ReviewStatus.FLAGGED:
            form = OverrideForm(prefix=_prefix(review), formdata=None)
        sections.append(Section(
            review=review, findings=findings, resource_name=names.get(review.resource_id),
            blocking=safety.blocking_count(findings), form=form,
        ))
    return render_template("safety/review.html", dataset=dataset, sections=sections, alerts=alerts), status


@bp.route("/dataset/<slug>/safety")
def show(slug: str):
    return _page(_dataset_for_reviewer(slug))


@bp.route("/dataset/<slug>/safety/scan", methods=["POST"])
def scan(slug: str):
    dataset = _dataset_for_reviewer(slug)
    if not can(current_user, "dataset.update", dataset):
        abort(404)
    if not FlaskForm().validate_on_submit():  # the CSRF token
        abort(400)
    safety.rescan(dataset, current_user)
    return redirect(url_for(".show", slug=dataset.slug), 303)


@bp.route("/dataset/<slug>/safety/<review_id>/override", methods=["POST"])
def override(slug: str, review_id: str):
    dataset = _dataset_for_reviewer(slug)
    if not can(current_user, "safety.override", dataset):
        abort(404)
    review = safety.get_review(dataset, review_id)
    if review is None:
        abort(404)
    form = OverrideForm(prefix=_prefix(review))
    alerts = []
    if form.validate_on_submit():
        try:
            safety.override_review(review, current_user, form.reason.data)
        except safety.OverrideRefused as refused:
            if refused.field == "reason":
                form.reason.errors.append(refused.message)
            else:
                alerts.append(refused.message)
        else:
            return redirect(url_for(".show", slug=dataset.slug, _anchor=_prefix(review)), 303)
    bound = {review.id: form} if review.status is ReviewStatus.FLAGGED else {}
    return _page(dataset, bound, alerts, 422)


@bp.route("/admin/safety")
def flagged():
    if not can(current_user, "safety.override"):
        abort(404)
    return render_template("safety/flagged.html", items=safety.flagged_datasets())
