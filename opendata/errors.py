"""Friendly, translated error pages; the portal never shows a bare 500."""
from __future__ import annotations

from flask import render_template
from opendata.i18n import lazy_gettext as _l
from werkzeug.exceptions import HTTPException, InternalServerError

MESSAGES = {
    400: (_l("Bad request"), _l("The address or the values sent are not valid.")),
    403: (_l("Access denied"), _l("You do not have permission to view this page.")),
    404: (_l("Page not found"), _l("The page you are looking for does not exist or has been moved.")),
    405: (_l("Method not allowed"), _l("This address does not accept that kind of request.")),
    413: (_l("File too large"), _l("The file you sent is larger than the portal accepts.")),
    429: (_l("Too many requests"), _l("Please wait a moment before trying again.")),
    500: (_l("Something went wrong"), _l("The portal hit an unexpected error. The operators have been notified; please try again later.")),
}


def render_error(error: HTTPException):
    code = error.code or 500
    title, message = MESSAGES.get(code, (error.name, error.description))
    return render_template("errors/error.html", code=code, title=title, message=message), code


def _internal(error: Exception):
    return render_error(InternalServerError())


def init_app(app) -> None:
    for code in MESSAGES:
        app.register_error_handler(code, render_error)
    app.register_error_handler(InternalServerError, _internal)
