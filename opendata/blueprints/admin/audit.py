"""The dashboard, the Department's audit log and an agency's own activity."""
from __future__ import annotations

from flask import abort, render_template, request

from ...admin import agencies as agency_capability
from ...admin import audit as capability
from ...admin.overview import overview
from ...catalogue import NotFound
from . import allow, bp, organization_or_404, page_arg
from .forms import NONE_CHOSEN, AuditFilterForm, choice


@bp.route("/admin", strict_slashes=False)
def dashboard():
    allow("admin.access")
    summary = overview()
    return render_template("admin/dashboard.html", overview=summary,
                           organizations=capability.organization_names(summary.recent))


@bp.route("/admin/audit")
def audit():
    allow("audit.read")
    form = AuditFilterForm(request.args)
    form.action.choices = [choice("", NONE_CHOSEN)] + [choice(a, capability.action_label(a)) for a in capability.recorded_actions()]
    form.organization.choices = [choice("", NONE_CHOSEN)] + [
        choice(org.slug, org.name) for org, _d, _m in agency_capability.agencies_with_counts()
    ]
    valid = form.validate()
    filters = capability.AuditFilters(
        user=form.user.data or "", action=form.action.data or "", organization=form.organization.data or "",
        date_from=form.date_from.data, date_to=form.date_to.data,
    ) if valid else None
    try:
        result = capability.audit_page(filters, page_arg()) if valid else None
    except NotFound:
        abort(404)
    organizations = capability.organization_names(result.items) if result else {}
    return render_template("admin/audit.html", form=form, result=result, organizations=organizations), 200 if valid else 400


@bp.route("/organization/<slug>/activity")
def organization_activity(slug: str):
    org = organization_or_404(slug)
    allow("workspace.access", org)
    try:
        result = capability.organization_activity_page(org, page_arg())
    except NotFound:
        abort(404)
    return render_template("admin/activity.html", organization=org, result=result,
                           organizations={org.id: org})
