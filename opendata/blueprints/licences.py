"""Licence pages (CKAN's /license URLs)."""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, render_template
from flask_login import current_user

from .. import catalogue
from .datasets import filters_from_request, listing

bp = Blueprint("licences", __name__)


@bp.route("/license", strict_slashes=False)
def index():
    return render_template("licences/index.html", licences=catalogue.licences_with_counts(current_user))


@bp.route("/license/<licence_id>")
def show(licence_id: str):
    try:
        licence = catalogue.get_licence(licence_id)
    except catalogue.NotFound:
        abort(404)
    return listing("licences/show.html", replace(filters_from_request(), licence=licence.id), licence=licence)
