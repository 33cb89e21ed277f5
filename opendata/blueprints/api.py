"""The CKAN-compatible Action API over HTTP: ``/api/3/action/<verb>`` and ``/api/action/<verb>``.

What CKAN's ``ckan/views/api.py`` does, so CKAN clients work unchanged:
the request's parameters become one ``data_dict``, the verb runs as
``flask_login.current_user``, and the answer is CKAN's envelope
``{"help", "success", "result"}`` or ``{"help", "success": false, "error"}``
with CKAN's status codes. Everything under ``/api/`` answers in JSON, errors
of routing (404, 405) and crashes (500) included: a machine never gets an
HTML error page.
"""
from __future__ import annotations

import json
import logging
from typing import Any

from flask import Blueprint, Response, request
from flask_login import current_user
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException, InternalServerError

from .. import errors as html_errors
from ..api.actions import ActionError, BadRequest, Context, UnknownAction, call, get_action
from ..auth.session import InvalidApiToken
from ..urls import absolute_url
from ..extensions import csrf, db

log = logging.getLogger(__name__)

bp = Blueprint("api", __name__)
# Machines send no CSRF token: writes are authorised by the API token header, never by a cookie alone.
csrf.exempt(bp)

JSON_TYPE = "application/json;charset=utf-8"


def envelope_response(body: dict[str, Any], status: int = 200) -> Response:
    """JSON in UTF-8 (Vietnamese stays readable, as CKAN's ``json.dumps`` of unicode does not escape in 2.10+)."""
    return Response(json.dumps(body, ensure_ascii=False), status=status, content_type=JSON_TYPE)


def help_url(verb: str) -> str:
    return absolute_url("api.action", verb="help_show", name=verb)


def _mixed(values: MultiDict) -> dict[str, Any]:
    """CKAN's ``mixed``: a repeated key becomes a list, a single one stays a string."""
    return {key: found[0] if len(found) == 1 else found for key, found in values.to_dict(flat=False).items()}


def request_data(write: bool) -> dict[str, Any]:
    """The ``data_dict`` of this request, as CKAN's ``_get_request_data`` builds it.

    - Read verbs take query-string parameters (GET or POST); write verbs
      refuse GET, as CKAN does for verbs that are not side-effect free.
    - A POST body is JSON (any content type but form/multipart), or form
      fields, or multipart fields. CKAN's old habit of posting the JSON
      document as the single form key (``{"id": ...}=1``) is understood too.
    - Body values win over query-string values of the same name.
    - Uploaded files go to ``Context.files`` (see :func:`action`), not here.
    """
    if write and request.method == "GET":
        raise BadRequest("Invalid request. Please use POST method for your request")
    data: dict[str, Any] = {} if write else _mixed(request.args)
    if request.method != "POST":
        return data
    if request.form:
        values = list(request.form.values())
        if len(request.form) == 1 and values[0] in ("1", "") and not request.files:
            data.update(_json_object(next(iter(request.form.keys()))))
        else:
            data.update(_mixed(request.form))
    elif request.mimetype not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        raw = request.get_data(cache=True)
        if raw.strip():
            data.update(_json_object(raw))
    return data


def _json_object(raw: str | bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise BadRequest(f"Error decoding JSON data. Error: {error}") from None
    if not isinstance(parsed, dict):
        raise BadRequest(f"Request data JSON decoded to {type(parsed).__name__} but it needs to be a dictionary.")
    return parsed


@bp.route("/api/action/<verb>", methods=["GET", "POST"])
@bp.route("/api/3/action/<verb>", methods=["GET", "POST"])  # registered first: url_for builds this one
def action(verb: str):
    """Run one verb and wrap its result (or its error) in CKAN's envelope."""
    body: dict[str, Any] = {"help": help_url(verb)}
    try:
        found = get_action(verb)
        if found is None:
            raise UnknownAction(f"Action name not known: {verb}")
        data = request_data(found.write)
        data.pop("callback", None)  # JSONP is not offered: it would expose signed-in reads to other sites
        context = Context(user=current_user._get_current_object(), files=dict(request.files.items()))
        result = call(verb, context, data)
    except ActionError as error:
        db.session.rollback()
        body.update(success=False, error=error.as_dict())
        return envelope_response(body, error.status)
    except HTTPException:
        raise  # e.g. 413 from a too large body: answered by the JSON error handlers below
    except Exception:
        db.session.rollback()
        log.exception("Action API verb %s failed", verb)
        body.update(success=False, error={"__type": "Internal Server Error", "message": "Internal Server Error"})
        return envelope_response(body, 500)
    body.update(success=True, result=result)
    return envelope_response(body)


@bp.route("/api/action")
@bp.route("/api/3/action")
@bp.route("/api/3")
def version():
    """CKAN answers ``/api/3`` with the API version; clients probe it to find a CKAN."""
    return envelope_response({"version": 3})


# -- JSON errors everywhere under /api/ -------------------------------------------
_ERROR_TYPES = {
    400: "Bad request",
    404: "Not Found Error",
    405: "Bad request - Method not allowed",
    413: "Bad request - Request too large",
    500: "Internal Server Error",
}


def _is_api_request() -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def _json_error(error: HTTPException):
    """CKAN's error envelope for errors raised outside a verb (no route, wrong method, too large, crash).

    Pages outside ``/api/`` keep the portal's friendly HTML error pages.
    """
    if not _is_api_request():
        if isinstance(error, HTTPException) and error.code != 500:
            return html_errors.render_error(error)
        return html_errors.render_error(InternalServerError())
    code = error.code if isinstance(error, HTTPException) and error.code else 500
    message = {404: "Not found", 500: "Internal Server Error"}.get(code, getattr(error, "description", "") or "")
    body = {"success": False, "error": {"__type": _ERROR_TYPES.get(code, "Bad request"), "message": message}}
    if request.view_args and "verb" in request.view_args:
        body = {"help": help_url(request.view_args["verb"]), **body}
    response = envelope_response(body, code)
    if code == 405 and isinstance(error, HTTPException):
        allowed = error.get_headers()
        for name, value in allowed:
            if name.lower() == "allow":
                response.headers["Allow"] = value
    return response


for _code in _ERROR_TYPES:
    bp.app_errorhandler(_code)(_json_error)


@bp.app_errorhandler(InvalidApiToken)
def _refuse_token(error: InvalidApiToken):
    """A token that does not work (raised while loading the caller): CKAN's 403 envelope."""
    verb = request.path.rstrip("/").rsplit("/", 1)[-1]
    body = {"help": help_url(verb), "success": False,
            "error": {"__type": "Authorization Error", "message": error.description}}
    return envelope_response(body, 403)
