"""Agency list and agency pages (CKAN's /organization URLs)."""
from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from flask import Blueprint, abort, render_template
from flask_login import current_user

from .. import catalogue
from .datasets import filters_from_request, listing

bp = Blueprint("organizations", __name__)


@bp.route("/organization", strict_slashes=False)
def index():
    rows = catalogue.organizations_with_counts(current_user)
    groups = [(agency_type, list(items)) for agency_type, items in groupby(rows, key=lambda row: row[0].agency_type)]
    return render_template("organizations/index.html", groups=groups)


@bp.route("/organization/<slug>")
def show(slug: str):
    try:
        organization = catalogue.get_organization(slug)
    except catalogue.NotFound:
        abort(404)
    filters = replace(filters_from_request(), organization=organization.slug)
    return listing("organizations/show.html", filters, organization=organization)
