"""Accounts (the Department) and agency membership (an agency's administrators)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...admin import Invalid
from ...admin import agencies as agency_capability
from ...admin import members as capability
from ...admin import users as user_capability
from ...catalogue import NotFound
from ...models import Role
from . import allow, bp, organization_or_404, page_arg, render_form, show_errors
from .forms import NONE_CHOSEN, ConfirmForm, FocalForm, MemberAddForm, MembershipAddForm, RoleForm, choice


# -- accounts ------------------------------------------------------------------

def _user_or_404(username: str):
    try:
        return user_capability.get_user(username)
    except NotFound:
        abort(404)


@bp.route("/admin/users")
def users():
    allow("user.manage")
    q = request.args.get("q", "").strip()[:200]
    try:
        result = user_capability.user_page(q, page_arg())
    except NotFound:
        abort(404)
    return render_template("admin/users.html", result=result, q=q)


def _user_page(user, form=None, action_form=None):
    form = form or MembershipAddForm()
    member_of = {m.organization_id for m in user.memberships}
    form.organization.choices = [choice("", NONE_CHOSEN)] + [
        choice(org.slug, org.name) for org, _d, _m in agency_capability.agencies_with_counts() if org.id not in member_of
    ]
    return render_form("admin/user.html", action_form or form, user=user, membership_form=form,
                       action_form=action_form or ConfirmForm(), role_labels=capability.ROLE_LABELS)


@bp.route("/admin/users/<username>")
def user(username: str):
    allow("user.manage")
    return _user_page(_user_or_404(username))


@bp.route("/admin/users/<username>/<any(active, sysadmin):flag>", methods=["POST"])
def user_flag(username: str, flag: str):
    allow("user.manage")
    target = _user_or_404(username)
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    change = user_capability.set_active if flag == "active" else user_capability.set_sysadmin
    try:
        change(target, request.form.get("value") == "1", current_user)
    except Invalid as error:
        show_errors(form, error)
        return _user_page(target, action_form=form)
    flash(_("The account %(name)s has been updated.", name=target.username))
    return redirect(url_for("admin.user", username=target.username))


@bp.route("/admin/users/<username>/memberships", methods=["POST"])
def user_membership_add(username: str):
    allow("user.manage")
    target = _user_or_404(username)
    form = MembershipAddForm()
    if form.validate_on_submit():
        org = organization_or_404(form.organization.data)
        allow("organization.members", org)
        try:
            capability.add_member(org, target.username, Role(form.role.data), current_user)
        except Invalid as error:
            show_errors(form, error)
        else:
            flash(_("%(name)s has been added to %(agency)s.", name=target.username, agency=org.name))
            return redirect(url_for("admin.user", username=target.username))
    return _user_page(target, form=form)


# -- agency members --------------------------------------------------------------

def _members_page(org, add_form=None, action_form=None):
    return render_form(
        "admin/members.html", action_form or add_form or MemberAddForm(), organization=org,
        members=capability.members(org), add_form=add_form or MemberAddForm(), action_form=action_form or ConfirmForm(),
        role_labels=capability.ROLE_LABELS, focal=capability.focal_member(org),
    )


def _membership_or_404(org, username: str):
    entry = capability.membership(org, username)
    if entry is None:
        abort(404)
    return entry


@bp.route("/organization/<slug>/members", methods=["GET", "POST"])
def members(slug: str):
    org = organization_or_404(slug)
    allow("organization.members", org)
    form = MemberAddForm()
    if form.validate_on_submit():
        try:
            entry = capability.add_member(org, form.user.data, Role(form.role.data), current_user)
        except Invalid as error:
            show_errors(form, error)
        else:
            flash(_("%(name)s has been added to the agency.", name=entry.user.full_name or entry.user.username))
            return redirect(url_for("admin.members", slug=org.slug))
    return _members_page(org, add_form=form)


@bp.route("/organization/<slug>/members/<username>/<any(role, remove):change>", methods=["POST"])
def member_change(slug: str, username: str, change: str):
    org = organization_or_404(slug)
    allow("organization.members", org)
    entry = _membership_or_404(org, username)
    form = RoleForm() if change == "role" else ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    name = entry.user.full_name or entry.user.username
    try:
        if change == "role":
            capability.change_role(org, entry, Role(form.role.data), current_user)
        else:
            capability.remove_member(org, entry, current_user)
    except Invalid as error:
        show_errors(form, error)
        return _members_page(org, action_form=form)
    message = _("The role of %(name)s has been changed.", name=name) if change == "role" else \
        _("%(name)s has been removed from the agency.", name=name)
    flash(message)
    return redirect(url_for("admin.members", slug=org.slug))


@bp.route("/organization/<slug>/focal", methods=["GET", "POST"])
def focal(slug: str):
    org = organization_or_404(slug)
    allow("organization.members", org)
    entries = capability.members(org)
    form = FocalForm(obj=org)
    form.member.choices = [choice("", NONE_CHOSEN)] + [
        choice(m.user.username, f"{m.user.full_name or m.user.username} ({m.user.email})") for m in entries
    ]
    if not form.is_submitted():
        current = capability.focal_member(org)
        form.member.data = current.user.username if current else ""
    if form.validate_on_submit():
        entry = capability.membership(org, form.member.data)
        if entry is None:
            form.member.errors = [_("Choose one of the agency's members.")]
        else:
            capability.designate_focal(org, entry, form.focal_title.data, form.focal_phone.data, current_user)
            flash(_("%(name)s is now the agency's focal officer.", name=org.focal_name))
            return redirect(url_for("admin.members", slug=org.slug))
    return render_form("admin/focal.html", form, organization=org)
