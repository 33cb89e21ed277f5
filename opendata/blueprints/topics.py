"""Topic list and topic pages (CKAN's /group URLs)."""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, render_template
from flask_login import current_user

from .. import catalogue
from .datasets import filters_from_request, listing

bp = Blueprint("topics", __name__)


@bp.route("/group", strict_slashes=False)
def index():
    return render_template("topics/index.html", topics=catalogue.topics_with_counts(current_user))


@bp.route("/group/<slug>")
def show(slug: str):
    try:
        topic = catalogue.get_topic(slug)
    except catalogue.NotFound:
        abort(404)
    return listing("topics/show.html", replace(filters_from_request(), topic=topic.slug), topic=topic)
