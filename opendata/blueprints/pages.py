"""Guidance pages (R1): about the portal, using the data, terms of use, API."""
from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("pages", __name__)


@bp.route("/about")
def about():
    return render_template("pages/about.html")


@bp.route("/guide")
def guide():
    return render_template("pages/guide.html")


@bp.route("/terms")
def terms():
    return render_template("pages/terms.html")


@bp.route("/api-guide")
def api():
    return render_template("pages/api.html")
