"""Rate limits per client on the machine endpoints (and, if asked, on HTML pages).

The machine endpoints are the Action API, the OpenAPI document, the DCAT
catalogue and the sitemap/robots/Atom feeds (:func:`machine_request`). Each
client gets one shared budget over all of them: ``API_RATE_LIMIT`` for
anonymous callers (keyed by IP address; ``OPENDATA_PROXY_COUNT`` makes that
the real client's address behind proxies), ``API_TOKEN_RATE_LIMIT`` for
callers with a valid API token (keyed by their user id, wherever they call
from). HTML pages are counted only when ``PAGE_RATE_LIMIT`` is set; sign-in
has its own database-backed throttle (opendata.accounts.throttle).

Counts live in ``RATELIMIT_STORAGE_URI``: ``memory://`` (per process) or
``redis://`` (shared by every worker and server). If Redis fails, requests
are still served, counted in memory until it answers again.
"""
from __future__ import annotations

from flask import current_app, g, request
from flask_limiter import RateLimitExceeded
from limits import parse_many

from ..auth.session import API_PREFIX, api_token_sent

MACHINE_BLUEPRINTS = frozenset({"api", "dcat", "feeds"})
MACHINE_ENDPOINTS = frozenset({"api_docs.openapi_json"})
API_BLUEPRINT = "api"

LIMIT_SETTINGS = ("API_RATE_LIMIT", "API_TOKEN_RATE_LIMIT", "PAGE_RATE_LIMIT")
REDIS_SCHEMES = ("redis://", "rediss://", "redis+unix://")
# A Redis that does not answer must not hold a request for long.
REDIS_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}


def machine_request() -> bool:
    """Whether this request is for a program (API, OpenAPI, DCAT, sitemap, feeds) rather than a page."""
    return request.blueprint in MACHINE_BLUEPRINTS or request.endpoint in MACHINE_ENDPOINTS


def token_user():
    """The user whose valid API token this API request carries, or None.

    Shares its per-request cache with opendata.auth.session, which refuses
    bad tokens after the limit is counted: guessing tokens is rate limited
    like any anonymous call.
    """
    if not request.path.startswith(API_PREFIX):
        return None
    secret = api_token_sent()
    if not secret:
        return None
    if "_api_token_user" not in g:
        from ..accounts.api_tokens import authenticate

        g._api_token_user = authenticate(secret)
    return g._api_token_user


def client_key() -> str:
    """Who is counted: the token's user, else the client's IP address; machine and page budgets apart."""
    family = "machine" if machine_request() else "page"
    user = token_user() if family == "machine" else None
    who = f"user:{user.id}" if user is not None else f"ip:{request.remote_addr or 'unknown'}"
    return f"{family}:{who}"


def limit_for_request() -> str:
    """The limit string for this request ("" for none): preflights and, by default, pages are free."""
    if request.method == "OPTIONS":
        return ""
    config = current_app.config
    if machine_request():
        return config["API_TOKEN_RATE_LIMIT"] if token_user() is not None else config["API_RATE_LIMIT"]
    return config.get("PAGE_RATE_LIMIT") or ""


def configure(app) -> None:
    """Fill in the limiter's settings; called by extensions.init_app before the limiter binds.

    Limits are off in apps built for tests (``TESTING``) unless a test turns
    them on: the suite's clients would otherwise share one budget.
    """
    config = app.config
    config.setdefault("RATELIMIT_ENABLED", not app.testing)
    for key in LIMIT_SETTINGS:
        try:
            if config.get(key):
                parse_many(config[key])
        except ValueError as error:
            raise ValueError(f"{key} = {config[key]!r} is not a rate limit such as '120 per minute': {error}") from None
    if str(config["RATELIMIT_STORAGE_URI"]).startswith(REDIS_SCHEMES):
        config.setdefault("RATELIMIT_STORAGE_OPTIONS", dict(REDIS_OPTIONS))


def too_many_requests(error: RateLimitExceeded):
    """CKAN's error envelope on the API; the translated error page elsewhere.

    CKAN has no rate limit of its own, hence no error type for it: the type
    is the HTTP reason. Retry-After and X-RateLimit-* are added afterwards.
    """
    if request.blueprint == API_BLUEPRINT:
        from ..blueprints.api import envelope_response, help_url

        body = {
            "success": False,
            "error": {
                "__type": "Too Many Requests",
                "message": f"Rate limit exceeded ({error.description}). Retry after the number of seconds "
                "in the Retry-After header.",
            },
        }
        verb = (request.view_args or {}).get("verb")
        if verb:
            body = {"help": help_url(verb), **body}
        return envelope_response(body, 429)
    from ..errors import render_error

    return render_error(error)


def init_app(app) -> None:
    """Register the 429 answers and CORS; run after the blueprints are registered."""
    from . import cors

    missing = MACHINE_BLUEPRINTS - set(app.blueprints)
    if missing:
        raise RuntimeError(f"rate limits name blueprints that are not registered: {sorted(missing)}")
    app.register_error_handler(RateLimitExceeded, too_many_requests)
    cors.init_app(app)
