"""The Department's lists: agency types, topics and licences."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from opendata.i18n import lazy_gettext as _l
from flask_login import current_user

from ... import catalogue
from ...admin import Invalid
from ...admin import vocabularies as capability
from ...extensions import db
from ...models import AgencyType, Licence, Topic
from . import allow, bp, form_data, render_form, show_errors
from .forms import AgencyTypeForm, ConfirmForm, LicenceForm, TopicForm

TITLES = {
    "agency_type": (_l("New agency type"), _l("Edit agency type")),
    "topic": (_l("New topic"), _l("Edit topic")),
    "licence": (_l("New licence"), _l("Edit licence")),
}


def _get(model, key):
    obj = db.session.get(model, key)
    if obj is None:
        abort(404)
    return obj


def _topic(slug: str) -> Topic:
    try:
        return catalogue.get_topic(slug)
    except catalogue.NotFound:
        abort(404)


def _edit(kind: str, form, obj, save, listing: str):
    """Show the form; on a valid submit let the capability save it and go back to the list."""
    if form.validate_on_submit():
        try:
            saved = save(obj, form_data(form), current_user)
        except Invalid as error:
            show_errors(form, error)
        else:
            name = getattr(saved, "name", None) or saved.title
            flash(_("%(name)s has been saved.", name=name))
            return redirect(url_for(listing))
    title = TITLES[kind][0 if obj is None else 1]
    return render_form("admin/vocab_form.html", form, title=title, listing=listing, kind=kind)


def _delete(obj, name: str, remove, listing: str, **context):
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            remove(obj, current_user)
        except Invalid as error:
            show_errors(form, error)
        else:
            flash(_("%(name)s has been deleted.", name=name))
            return redirect(url_for(listing))
    return render_form("admin/confirm_delete.html", form, name=name, back=url_for(listing), **context)


# -- agency types ------------------------------------------------------------

@bp.route("/admin/agency-types")
def agency_types():
    allow("agency_type.manage")
    return render_template("admin/agency_types.html", rows=capability.agency_types_with_counts())


@bp.route("/admin/agency-types/new", methods=["GET", "POST"])
@bp.route("/admin/agency-types/<int:type_id>/edit", methods=["GET", "POST"])
def agency_type_edit(type_id: int | None = None):
    allow("agency_type.manage")
    obj = _get(AgencyType, type_id) if type_id is not None else None
    return _edit("agency_type", AgencyTypeForm(obj=obj), obj, capability.save_agency_type, "admin.agency_types")


@bp.route("/admin/agency-types/<int:type_id>/delete", methods=["GET", "POST"])
def agency_type_delete(type_id: int):
    allow("agency_type.manage")
    obj = _get(AgencyType, type_id)
    return _delete(obj, obj.name, capability.delete_agency_type, "admin.agency_types", kind="agency_type")


# -- topics --------------------------------------------------------------------

@bp.route("/admin/topics")
def topics():
    allow("topic.manage")
    return render_template("admin/topics.html", rows=capability.topics_with_counts())


@bp.route("/admin/topics/new", methods=["GET", "POST"])
@bp.route("/admin/topics/<slug>/edit", methods=["GET", "POST"])
def topic_edit(slug: str | None = None):
    allow("topic.manage")
    obj = _topic(slug) if slug is not None else None
    form = TopicForm(obj=obj)
    if obj is not None and not form.is_submitted():
        form.eu_theme.data = obj.eu_theme or ""
    return _edit("topic", form, obj, capability.save_topic, "admin.topics")


@bp.route("/admin/topics/<slug>/delete", methods=["GET", "POST"])
def topic_delete(slug: str):
    allow("topic.manage")
    topic = _topic(slug)
    datasets = capability.topic_datasets(topic)
    form = ConfirmForm()
    if form.validate_on_submit():
        if datasets and not form.confirm.data:
            form.confirm.errors = [_("Tick the box to confirm that the topic is taken off these datasets.")]
        else:
            name = topic.name
            capability.delete_topic(topic, current_user)
            flash(_("%(name)s has been deleted.", name=name))
            return redirect(url_for("admin.topics"))
    return render_form("admin/confirm_delete.html", form, name=topic.name, back=url_for("admin.topics"),
                       kind="topic", datasets=datasets)


# -- licences ------------------------------------------------------------------

@bp.route("/admin/licences")
def licences():
    allow("licence.manage")
    return render_template("admin/licences.html", rows=capability.licences_with_counts())


@bp.route("/admin/licences/new", methods=["GET", "POST"])
@bp.route("/admin/licences/<licence_id>/edit", methods=["GET", "POST"])
def licence_edit(licence_id: str | None = None):
    allow("licence.manage")
    obj = _get(Licence, licence_id) if licence_id is not None else None
    form = LicenceForm(obj=obj)
    if obj is not None:
        del form.id  # referenced by datasets and CKAN clients: fixed once created
    return _edit("licence", form, obj, capability.save_licence, "admin.licences")


@bp.route("/admin/licences/<licence_id>/delete", methods=["GET", "POST"])
def licence_delete(licence_id: str):
    allow("licence.manage")
    obj = _get(Licence, licence_id)
    return _delete(obj, obj.title, capability.delete_licence, "admin.licences", kind="licence")
