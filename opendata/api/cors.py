"""CORS for the machine endpoints: any web page may read the portal's public data.

``Access-Control-Allow-Origin: *`` goes on GET/HEAD answers of the machine
endpoints (see :func:`.limits.machine_request`) and on every Action API
answer, errors included, so browser code can read CKAN's error envelope. The
API answers preflights for GET and POST with the headers CKAN clients send
(``Authorization``, ``X-CKAN-API-Key``, ``Content-Type``).

Credentials are never allowed: with a wildcard origin browsers neither send
cookies on preflighted requests nor let a page read a response that was
fetched with them, so a signed-in visitor's session cannot be used by another
site. Tokens work because the calling code sends them itself.
"""
from __future__ import annotations

from flask import Response, request

from .limits import API_BLUEPRINT, machine_request

ALLOW_HEADERS = "Authorization, Content-Type, X-CKAN-API-Key"
EXPOSE_HEADERS = "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"
PREFLIGHT_MAX_AGE = "86400"
READ_METHODS = frozenset({"GET", "HEAD"})


def add_cors_headers(response: Response) -> Response:
    """Set the CORS headers this request's answer needs (replacing any a view set itself)."""
    if not machine_request():
        return response
    api = request.blueprint == API_BLUEPRINT
    headers = response.headers
    if request.method == "OPTIONS":
        if not request.headers.get("Access-Control-Request-Method"):
            return response  # a plain OPTIONS request, not a browser's preflight
        headers["Access-Control-Allow-Methods"] = "GET, POST" if api else "GET, HEAD"
        headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS if api else "Accept"
        headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    elif request.method not in READ_METHODS and not api:
        return response
    headers["Access-Control-Allow-Origin"] = "*"
    headers["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
    headers.pop("Access-Control-Allow-Credentials", None)
    return response


def init_app(app) -> None:
    app.after_request(add_cors_headers)
