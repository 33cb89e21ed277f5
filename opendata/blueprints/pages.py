"""Guidance pages (R1): about the portal, using the data, terms of use (the API guide is in api_docs)."""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for

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
    """The first API page's address, kept for links and bookmarks: the guide is now beside the API docs."""
    return redirect(url_for("api_docs.guide"), 301)
