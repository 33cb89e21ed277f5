"""Administration pages: the Department's /admin pages and an agency's own
members, profile and activity pages under /organization/<slug>/.

Every view asks :func:`allow` (which asks ``can``) before anything else. A
signed-in person who may not use a page gets the same 404 as for a page that
does not exist, so the pages do not reveal themselves to them.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user

from ...admin import Invalid
from ...admin.audit import action_label
from ...auth import can
from ... import catalogue
from ...web import safe_next

bp = Blueprint("admin", __name__)


# A global (not a context variable) so the imported activity-table macro sees it.
bp.add_app_template_global(action_label, "action_label")


def allow(action: str, obj=None) -> None:
    """The one permission gate of these pages: ``can`` decides.

    A signed-in person who may not gets 404; a visitor who has not signed in
    is sent to the sign-in page and comes back here afterwards.
    """
    if can(current_user, action, obj):
        return
    if not current_user.is_authenticated and "account.login" in current_app.view_functions:
        abort(redirect(url_for("account.login", next=_return_to())))
    abort(404)


def _return_to() -> str:
    """Where to come back after signing in: this page, or for a button (POST only) the page it was on."""
    if request.method == "GET" or "GET" in (request.url_rule.methods or ()):
        return request.full_path.rstrip("?")
    return safe_next(urlsplit(request.referrer or "").path or None)


def organization_or_404(slug: str):
    try:
        return catalogue.get_organization(slug)
    except catalogue.NotFound:
        abort(404)


def page_arg() -> int:
    page = request.args.get("page", "1")
    if not page.isdigit() or int(page) < 1:
        abort(404)
    return int(page)


def form_data(form) -> dict:
    return {name: field.data for name, field in form._fields.items() if name != "csrf_token"}


def show_errors(form, error: Invalid) -> None:
    """Put a capability's rule errors next to the fields they concern.

    Messages become plain ``str``: a lazy string counts as safe HTML in Jinja,
    and these messages may quote names people typed."""
    for name, message in error.errors.items():
        message = str(message)
        if name and name in form:
            form[name].errors = [*form[name].errors, message]
        else:
            form.form_errors.append(message)


def render_form(template: str, form, **context):
    """The form page: 200 when first shown, 422 when it comes back with errors."""
    status = 422 if form.errors or form.form_errors else 200
    return render_template(template, form=form, **context), status


from . import agencies, audit, people, vocab  # noqa: E402,F401  (routes)
