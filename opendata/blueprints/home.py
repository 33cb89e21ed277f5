from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from .. import catalogue

bp = Blueprint("home", __name__)


@bp.route("/")
def index():
    return render_template(
        "home.html",
        stats=catalogue.site_stats(current_user),
        topics=catalogue.topics_with_counts(current_user),
        newest=catalogue.newest_datasets(current_user),
        popular=catalogue.most_viewed_datasets(current_user),
        organizations=[row for row in catalogue.organizations_with_counts(current_user) if row[1]][:8],
    )
