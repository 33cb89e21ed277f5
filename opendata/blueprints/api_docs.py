"""The API's description and its pages: OpenAPI document, interactive docs, guide.

``/api/openapi.json`` is built from the verb registry on each request (it is
small, and its servers entry is the portal's address); the HTML pages only
render templates around it.
"""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template

from ..api.actions import actions
from ..api.openapi import openapi_document
from ..urls import site_root

bp = Blueprint("api_docs", __name__)


@bp.route("/api/openapi.json")
def openapi_json():
    response = jsonify(openapi_document(site_root()))
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@bp.route("/api", strict_slashes=False)
def docs():
    verbs = sorted(actions().values(), key=lambda a: (a.write, a.name))
    return render_template("api/docs.html", verbs=verbs)


@bp.route("/api/guide")
def guide():
    return render_template("api/guide.html", base_url=site_root())
