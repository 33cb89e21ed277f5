"""The API's description and its pages: OpenAPI document, interactive docs, guide.

``/api/openapi.json`` is built from the verb registry on each request (it is
small, and its servers entry is the portal's address); the HTML pages only
render templates around it.
"""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request

from ..api.actions import actions
from ..api.openapi import openapi_document

bp = Blueprint("api_docs", __name__)


def _base_url() -> str:
    """The portal's address: the configured ``SITE_URL``, else as the caller sees it (scheme, host, mount prefix).

    The configured address wins, as in the API's dicts, so a forged Host
    header cannot put another site into a (cached) document or page.
    """
    return (current_app.config.get("SITE_URL") or request.url_root).rstrip("/")


@bp.route("/api/openapi.json")
def openapi_json():
    response = jsonify(openapi_document(_base_url()))
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@bp.route("/api", strict_slashes=False)
def docs():
    verbs = sorted(actions().values(), key=lambda a: (a.write, a.name))
    return render_template("api/docs.html", verbs=verbs)


@bp.route("/api/guide")
def guide():
    return render_template("api/guide.html", base_url=_base_url())
