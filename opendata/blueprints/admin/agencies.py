"""Agency pages: the Department's list, create and delete; the edit form for
the Department (every field) and for an agency's administrators (contact and
focal officer only)."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...admin import Invalid
from ...admin import agencies as capability
from ...admin.vocabularies import agency_types_with_counts
from ...auth import can
from . import allow, bp, form_data, organization_or_404, render_form, show_errors
from .forms import NONE_CHOSEN, ConfirmForm, OrganizationForm, choice


def _choices(form: OrganizationForm, org=None) -> None:
    form.agency_type_id.choices = [choice(t.id, t.name) for t, _n in agency_types_with_counts()]
    form.parent_id.choices = [choice("", NONE_CHOSEN)] + [choice(o.id, o.name) for o in capability.parent_choices(org)]


@bp.route("/admin/organizations")
def organizations():
    allow("admin.access")
    return render_template("admin/organizations.html", rows=capability.agencies_with_counts())


@bp.route("/admin/organizations/new", methods=["GET", "POST"])
def organization_new():
    allow("organization.create")
    form = OrganizationForm()
    del form.confirm_slug_change
    _choices(form)
    if form.validate_on_submit():
        try:
            org = capability.create_organization(form_data(form), current_user)
        except Invalid as error:
            show_errors(form, error)
        else:
            flash(_("The agency %(name)s has been created.", name=org.name))
            return redirect(url_for("admin.organizations"))
    return render_form("admin/organization_form.html", form, organization=None)


@bp.route("/organization/<slug>/edit", methods=["GET", "POST"])
def organization_edit(slug: str):
    org = organization_or_404(slug)
    allow("organization.update", org)
    # The fields that define an agency in the directory go with the right to create agencies.
    identity = can(current_user, "organization.create")
    form = OrganizationForm(obj=org)
    if identity:
        _choices(form, org)
        if not form.is_submitted():
            form.parent_id.data = org.parent_id or ""
    else:
        for name in capability.IDENTITY_FIELDS + ("confirm_slug_change",):
            delattr(form, name)
    fields = capability.FIELDS if identity else capability.CONTACT_FIELDS
    if form.validate_on_submit():
        confirm = bool(identity and form.confirm_slug_change.data)
        try:
            capability.update_organization(org, form_data(form), current_user, fields, confirm_slug_change=confirm)
        except Invalid as error:
            show_errors(form, error)
        else:
            flash(_("The changes to %(name)s have been saved.", name=org.name))
            return redirect(url_for("organizations.show", slug=org.slug))
    return render_form("admin/organization_form.html", form, organization=org,
                       dataset_count=capability.dataset_count(org))


@bp.route("/admin/organizations/<slug>/delete", methods=["GET", "POST"])
def organization_delete(slug: str):
    org = organization_or_404(slug)
    allow("organization.delete", org)
    form = ConfirmForm()
    if form.validate_on_submit():
        name = org.name
        try:
            capability.delete_organization(org, current_user)
        except Invalid as error:
            show_errors(form, error)
        else:
            flash(_("The agency %(name)s has been deleted.", name=name))
            return redirect(url_for("admin.organizations"))
    return render_form("admin/confirm_delete.html", form, name=org.name,
                       back=url_for("admin.organizations"), kind="organization",
                       dataset_count=capability.dataset_count(org))
