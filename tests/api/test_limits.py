"""Rate limits per client and CORS on the machine endpoints.

Limits are off in test apps unless turned on, so each test here builds its
own app on the test's database with a tiny limit, counting in memory or in
the real Redis of ``OPENDATA_TEST_REDIS_URL`` (started by .ci/run).
"""
from __future__ import annotations

import os
import secrets
import socket
import time

import pytest

from tests.conftest import make_app, service_missing

REDIS_URL = os.environ.get("OPENDATA_TEST_REDIS_URL", "")
STATUS = "/api/3/action/status_show"
MACHINE_URLS = ["/api/openapi.json", "/catalog.ttl", "/sitemap.xml", "/robots.txt", "/feeds/datasets.atom"]


def redis_url() -> str:
    if not REDIS_URL:
        service_missing("Redis: set OPENDATA_TEST_REDIS_URL (see .ci/run)")
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        service_missing(f"Redis at {REDIS_URL} unreachable: {exc}")
    return REDIS_URL


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nobody listens once the probe is closed


@pytest.fixture
def limited_app(app, tmp_path):
    """``limited_app(storage_url, **settings)``: an app with limits on, on the same database as ``app``."""
    from opendata.extensions import db

    made = []

    def make(storage: str = "memory://", **settings):
        instance = tmp_path / f"limited-{secrets.token_hex(3)}"
        instance.mkdir()
        config = {
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": storage,
            # Redis outlives the test: a key prefix of its own starts every budget at zero.
            "RATELIMIT_KEY_PREFIX": f"opendata-test-{secrets.token_hex(4)}",
            "API_RATE_LIMIT": "3 per minute",
            "API_TOKEN_RATE_LIMIT": "5 per minute",
            **settings,
        }
        made.append(make_app(instance, app.config["SQLALCHEMY_DATABASE_URI"], **config))
        return made[-1]

    yield make
    for application in made:
        with application.app_context():
            db.engine.dispose()


@pytest.fixture(params=["memory", "redis"])
def storage(request) -> str:
    return "memory://" if request.param == "memory" else redis_url()


def get(client, url, ip="10.0.0.1", **kwargs):
    return client.get(url, environ_base={"REMOTE_ADDR": ip}, **kwargs)


# -- limits -------------------------------------------------------------------------------------


def test_api_refuses_a_client_over_its_limit_with_ckan_error_and_retry_after(limited_app, storage):
    client = limited_app(storage).test_client()
    answers = [get(client, STATUS) for _ in range(3)]
    assert [r.status_code for r in answers] == [200, 200, 200]
    assert [r.headers["X-RateLimit-Remaining"] for r in answers] == ["2", "1", "0"]
    assert all(r.headers["X-RateLimit-Limit"] == "3" for r in answers)
    assert all("Retry-After" not in r.headers for r in answers)

    refused = get(client, STATUS)
    assert refused.status_code == 429
    assert refused.is_json
    body = refused.get_json()
    assert body["success"] is False
    assert body["error"]["__type"] == "Too Many Requests"
    assert "3 per 1 minute" in body["error"]["message"]
    assert "help_show?name=status_show" in body["help"]
    assert 0 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    # The error is readable by browser code too.
    assert refused.headers["Access-Control-Allow-Origin"] == "*"


def test_clients_are_counted_apart(limited_app, storage):
    client = limited_app(storage).test_client()
    for _ in range(3):
        assert get(client, STATUS, ip="10.0.0.1").status_code == 200
    assert get(client, STATUS, ip="10.0.0.1").status_code == 429
    assert get(client, STATUS, ip="10.0.0.2").status_code == 200
    assert get(client, STATUS, ip="10.0.0.2").headers["X-RateLimit-Remaining"] == "1"


def test_one_budget_covers_every_machine_endpoint(limited_app):
    client = limited_app(API_RATE_LIMIT="4 per minute").test_client()
    assert get(client, STATUS).status_code == 200
    assert get(client, "/api/action/status_show").status_code == 200
    assert get(client, "/sitemap.xml").status_code == 200
    assert get(client, "/catalog.ttl").status_code == 200
    for url in [STATUS, *MACHINE_URLS]:
        assert get(client, url).status_code == 429, url


def test_machine_endpoints_outside_the_api_answer_with_the_translated_page(limited_app):
    client = limited_app(API_RATE_LIMIT="1 per minute").test_client()
    assert get(client, "/sitemap.xml").status_code == 200
    refused = get(client, "/sitemap.xml")
    assert refused.status_code == 429
    assert refused.mimetype == "text/html"
    assert "Quá nhiều yêu cầu" in refused.get_data(as_text=True)
    assert refused.headers["Retry-After"].isdigit()


def test_token_holders_are_counted_by_user_with_their_own_limit(limited_app, people):
    from opendata.accounts.api_tokens import create_token

    client = limited_app().test_client()
    secret = create_token(people["editor"], "harvester").secret
    headers = {"Authorization": secret}
    # Five calls (the token limit), from two addresses: one budget, the user's.
    for ip in ["10.0.0.1", "10.0.0.2", "10.0.0.1", "10.0.0.2", "10.0.0.3"]:
        answer = get(client, STATUS, ip=ip, headers=headers)
        assert answer.status_code == 200
        assert answer.headers["X-RateLimit-Limit"] == "5"
    assert get(client, STATUS, ip="10.0.0.4", headers=headers).status_code == 429
    # Anonymous calls from the same address have their own budget.
    assert get(client, STATUS, ip="10.0.0.1").status_code == 200


def test_a_bad_token_is_counted_by_address(limited_app, people):
    client = limited_app().test_client()
    headers = {"Authorization": "odp_not-a-real-token"}
    assert [get(client, STATUS, headers=headers).status_code for _ in range(3)] == [403, 403, 403]
    assert get(client, STATUS, headers=headers).status_code == 429
    assert get(client, STATUS).status_code == 429  # the address's anonymous budget is spent


def test_html_pages_are_not_limited_by_default(limited_app):
    client = limited_app(API_RATE_LIMIT="1 per minute").test_client()
    for _ in range(4):
        page = get(client, "/")
        assert page.status_code == 200
        assert "X-RateLimit-Limit" not in page.headers


def test_page_limit_answers_with_the_translated_page(limited_app):
    client = limited_app(PAGE_RATE_LIMIT="2 per minute").test_client()
    assert [get(client, "/").status_code for _ in range(2)] == [200, 200]
    refused = get(client, "/")
    assert refused.status_code == 429
    assert refused.headers["Retry-After"].isdigit()
    text = refused.get_data(as_text=True)
    assert "Quá nhiều yêu cầu" in text and "Vui lòng đợi một lát rồi thử lại." in text
    assert "Access-Control-Allow-Origin" not in refused.headers

    client.set_cookie("opendata_lang", "en")
    english = get(client, "/")
    assert english.status_code == 429
    assert "Too many requests" in english.get_data(as_text=True)
    # Pages and machine endpoints have separate budgets.
    assert get(client, STATUS).status_code == 200


def test_preflight_requests_are_not_counted(limited_app):
    client = limited_app(API_RATE_LIMIT="1 per minute").test_client()
    preflight = {"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    for _ in range(3):
        assert client.options(STATUS, headers=preflight).status_code == 200
    assert get(client, STATUS).status_code == 200


def test_forwarded_addresses_count_only_behind_configured_proxies(limited_app):
    spoofed = limited_app(API_RATE_LIMIT="1 per minute").test_client()
    assert get(spoofed, STATUS, headers={"X-Forwarded-For": "192.0.2.1"}).status_code == 200
    assert get(spoofed, STATUS, headers={"X-Forwarded-For": "192.0.2.2"}).status_code == 429

    proxied = limited_app(API_RATE_LIMIT="1 per minute", PROXY_COUNT=1).test_client()
    assert get(proxied, STATUS, headers={"X-Forwarded-For": "192.0.2.1"}).status_code == 200
    assert get(proxied, STATUS, headers={"X-Forwarded-For": "192.0.2.1"}).status_code == 429
    assert get(proxied, STATUS, headers={"X-Forwarded-For": "192.0.2.2"}).status_code == 200


def test_counts_live_in_redis_when_configured(limited_app):
    import redis

    url = redis_url()
    prefix = f"opendata-test-{secrets.token_hex(4)}"
    client = limited_app(url, RATELIMIT_KEY_PREFIX=prefix, API_RATE_LIMIT="1 per minute").test_client()
    assert get(client, STATUS).status_code == 200
    assert get(client, STATUS).status_code == 429
    server = redis.Redis.from_url(url)
    keys = server.keys(f"*{prefix}*")
    assert keys, "no rate-limit counter in Redis"
    server.delete(*keys)  # what a restart of every app server would not do: counts are shared
    assert get(client, STATUS).status_code == 200


def test_a_real_ckan_client_gets_the_error_over_http(limited_app):
    from ckanapi import RemoteCKAN
    from ckanapi.errors import CKANAPIError
    from tests.conftest import serve

    with serve(limited_app(API_RATE_LIMIT="2 per minute")) as port:
        with RemoteCKAN(f"http://127.0.0.1:{port}", user_agent="opendata-tests/1.0") as ckan:
            assert ckan.action.status_show()["site_title"]
            ckan.action.status_show()
            with pytest.raises(CKANAPIError, match="429") as refused:
                ckan.action.status_show()
            assert "Too Many Requests" in str(refused.value)


def test_requests_are_served_when_redis_is_down(limited_app):
    app = limited_app(f"redis://127.0.0.1:{closed_port()}/0")
    client = app.test_client()
    started = time.monotonic()
    answers = [get(client, STATUS) for _ in range(3)]
    assert [r.status_code for r in answers] == [200, 200, 200]
    assert time.monotonic() - started < 10
    # Counting goes on in memory until Redis answers again.
    assert get(client, STATUS).status_code == 429
    assert get(client, "/").status_code == 200


def test_operators_set_limits_with_environment_variables(app, tmp_path):
    from opendata import create_app
    from opendata.extensions import db

    environ = {
        "OPENDATA_RATELIMIT_ENABLED": "1",
        "OPENDATA_RATELIMIT_STORAGE_URL": "memory://",
        "OPENDATA_RATELIMIT_KEY_PREFIX": f"opendata-env-{secrets.token_hex(4)}",
        "OPENDATA_API_RATE_LIMIT": "2 per hour",
    }
    settings = {"INSTANCE_PATH": str(tmp_path / "env"), "TESTING": True, "SECRET_KEY": "test",
                "SERVER_NAME": "localhost", "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]}
    configured = create_app(settings, environ=environ)
    try:
        client = configured.test_client()
        with configured.app_context():
            answers = [get(client, STATUS) for _ in range(3)]
        assert [r.status_code for r in answers] == [200, 200, 429]
        assert answers[0].headers["X-RateLimit-Limit"] == "2"
        assert 3000 < int(answers[2].headers["Retry-After"]) <= 3600
    finally:
        with configured.app_context():
            db.engine.dispose()


def test_limits_are_off_in_test_apps_unless_turned_on(client):
    for _ in range(130):
        answer = client.get(STATUS)
        assert answer.status_code == 200
    assert "X-RateLimit-Limit" not in answer.headers


def test_a_malformed_limit_stops_the_app_from_starting(tmp_path):
    with pytest.raises(ValueError, match="API_RATE_LIMIT"):
        make_app(tmp_path, API_RATE_LIMIT="lots per minute")


# -- CORS ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [STATUS, "/api/action/package_list", *MACHINE_URLS])
def test_public_reads_may_be_fetched_from_any_origin(client, url):
    answer = client.get(url, headers={"Origin": "https://example.org"})
    assert answer.status_code == 200, url
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in answer.headers
    assert "X-RateLimit-Remaining" in answer.headers["Access-Control-Expose-Headers"]
    head = client.head(url, headers={"Origin": "https://example.org"})
    assert head.headers["Access-Control-Allow-Origin"] == "*"


def test_api_errors_are_readable_from_other_origins(client):
    answer = client.get("/api/3/action/package_show?id=no-such-dataset", headers={"Origin": "https://example.org"})
    assert answer.status_code == 404
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in answer.headers


def test_api_answers_browser_preflights(client):
    answer = client.options(
        "/api/3/action/package_create",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert answer.status_code == 200
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    methods = {m.strip() for m in answer.headers["Access-Control-Allow-Methods"].split(",")}
    assert {"GET", "POST"} <= methods
    allowed = {h.strip().lower() for h in answer.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "content-type", "x-ckan-api-key"} <= allowed
    assert int(answer.headers["Access-Control-Max-Age"]) > 0
    assert "Access-Control-Allow-Credentials" not in answer.headers


@pytest.mark.parametrize("url", ["/", "/dataset", "/api", "/account/login"])
def test_html_pages_carry_no_cors_headers(client, url):
    answer = client.get(url, headers={"Origin": "https://example.org"})
    assert answer.status_code == 200, url
    assert not [name for name in answer.headers.keys() if name.lower().startswith("access-control-")]
    preflight = client.options(url, headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"})
    assert "Access-Control-Allow-Origin" not in preflight.headers
