"""The Action API's HTTP layer: parameters, CKAN's envelope, its errors and their status codes."""
from __future__ import annotations

import io
import json

import pytest

from opendata.api import actions
from tests import factories


def body(response) -> dict:
    assert response.mimetype == "application/json"
    assert response.mimetype_params.get("charset") == "utf-8"
    return json.loads(response.get_data(as_text=True))


@pytest.fixture
def probe(monkeypatch):
    """A throwaway verb that answers the data_dict and files it was given (removed after the test)."""

    def register(name: str, write: bool = False, function=None):
        def echo(context, data):
            return {"data": data, "files": sorted(context.files), "user": getattr(context.user, "username", None)}

        monkeypatch.setitem(actions._ACTIONS, name, actions.Action(name, function or echo, write, "probe"))

    return register


def test_success_envelope_has_help_link_and_utf8(client, agencies):
    factories.dataset(agencies["own"], title="Đường giao thông nông thôn", slug="duong-giao-thong")
    response = client.get("/api/3/action/package_show?id=duong-giao-thong")
    assert response.status_code == 200
    assert "Đường giao thông" in response.get_data(as_text=True)  # not \u-escaped
    found = body(response)
    assert found["success"] is True
    assert found["help"] == "http://localhost/api/3/action/help_show?name=package_show"
    assert found["result"]["title"] == "Đường giao thông nông thôn"


def test_unversioned_path_and_post_answer_the_same(client, agencies):
    factories.dataset(agencies["own"], slug="mot-bo-du-lieu")
    via_get = body(client.get("/api/action/package_show?id=mot-bo-du-lieu"))["result"]
    via_post = body(client.post("/api/3/action/package_show", json={"id": "mot-bo-du-lieu"}))["result"]
    assert via_get["id"] == via_post["id"]


def test_help_show_returns_the_verbs_documentation(client):
    found = body(client.get("/api/3/action/help_show?name=package_search"))
    assert "facet.field" in found["result"]
    missing = client.get("/api/3/action/help_show?name=no_such_verb")
    assert missing.status_code == 404
    assert body(missing)["error"]["__type"] == "Not Found Error"


def test_query_string_json_form_and_multipart_become_the_data_dict(client, probe):
    probe("probe_read")
    url = "/api/3/action/probe_read"
    assert body(client.get(url + "?a=1&b=x&b=y"))["result"]["data"] == {"a": "1", "b": ["x", "y"]}
    assert body(client.post(url, json={"a": [1, 2], "n": None}))["result"]["data"] == {"a": [1, 2], "n": None}
    # a JSON body sent without a JSON content type (curl -d) is still JSON, as in CKAN
    assert body(client.post(url, data='{"q": "đất"}', content_type="text/plain"))["result"]["data"] == {"q": "đất"}
    assert body(client.post(url, data={"q": "đất", "rows": "5"}))["result"]["data"] == {"q": "đất", "rows": "5"}
    # CKAN's old form of posting the JSON document as the only form key
    assert body(client.post(url, data={'{"id": "abc"}': "1"}))["result"]["data"] == {"id": "abc"}
    upload = body(client.post(url, data={"name": "Bảng", "upload": (io.BytesIO(b"a,b\n"), "bảng.csv")}))
    assert upload["result"]["data"] == {"name": "Bảng"}
    assert upload["result"]["files"] == ["upload"]
    # body values win over the query string
    assert body(client.post(url + "?q=old&x=1", json={"q": "new"}))["result"]["data"] == {"q": "new", "x": "1"}


def test_callback_is_dropped(client, probe):
    probe("probe_read")
    response = client.get("/api/3/action/probe_read?callback=steal&a=1")
    assert response.get_data(as_text=True).startswith("{")
    assert body(response)["result"]["data"] == {"a": "1"}


@pytest.mark.parametrize(
    "payload, content_type",
    [("{not json", "application/json"), ("[1, 2]", "application/json"), ('"text"', "application/json")],
)
def test_bad_json_is_a_400_json_error(client, probe, payload, content_type):
    probe("probe_read")
    response = client.post("/api/3/action/probe_read", data=payload, content_type=content_type)
    assert response.status_code == 400
    found = body(response)
    assert found["success"] is False
    assert found["error"]["__type"] == "Bad request - JSON Error"


def test_unknown_verb_is_a_400(client):
    response = client.get("/api/3/action/package_teleport")
    assert response.status_code == 400
    found = body(response)
    assert found["success"] is False
    assert found["error"] == {
        "__type": "Bad request - Action name not known", "message": "Action name not known: package_teleport",
    }


def test_write_verb_refuses_get(client, probe):
    probe("probe_write", write=True)
    response = client.get("/api/3/action/probe_write?id=x")
    assert response.status_code == 400
    assert "POST" in body(response)["error"]["message"]
    assert client.post("/api/3/action/probe_write", json={"id": "x"}).status_code == 200


def test_not_found_validation_and_authorization_errors_have_ckans_codes(client, probe):
    missing = client.get("/api/3/action/package_show?id=khong-co")
    assert missing.status_code == 404
    assert body(missing)["error"] == {"__type": "Not Found Error", "message": "Not found: Dataset"}

    invalid = client.get("/api/3/action/package_search?rows=nhiều")
    assert invalid.status_code == 409
    assert body(invalid)["error"] == {"__type": "Validation Error", "rows": ["Invalid integer"]}

    def refuse(context, data):
        raise actions.NotAuthorized("User not authorized to edit")

    probe("probe_denied", function=refuse)
    denied = client.get("/api/3/action/probe_denied")
    assert denied.status_code == 403
    assert body(denied)["error"] == {"__type": "Authorization Error", "message": "Access denied: User not authorized to edit"}


def test_a_crashing_verb_is_a_json_500_without_details(client, probe):
    def crash(context, data):
        raise RuntimeError("secret internals")

    probe("probe_crash", function=crash)
    response = client.get("/api/3/action/probe_crash")
    assert response.status_code == 500
    found = body(response)
    assert found["success"] is False
    assert found["error"]["__type"] == "Internal Server Error"
    assert "secret" not in response.get_data(as_text=True)


def test_routing_errors_under_api_are_json_but_pages_stay_html(client):
    not_found = client.get("/api/3/nothing/here")
    assert not_found.status_code == 404
    assert body(not_found)["error"]["__type"] == "Not Found Error"

    wrong_method = client.put("/api/3/action/package_list")
    assert wrong_method.status_code == 405
    assert body(wrong_method)["success"] is False
    assert "POST" in wrong_method.headers["Allow"]

    page = client.get("/no-such-page")
    assert page.status_code == 404
    assert page.mimetype == "text/html"


def test_api_version_probe(client):
    assert body(client.get("/api/3")) == {"version": 3}


def test_posts_need_no_csrf_token(tmp_path, sqlite_template):
    """The portal's forms require a CSRF token; machines calling the API send none."""
    import shutil

    from tests.conftest import make_app

    instance = tmp_path / "csrf"
    instance.mkdir()
    shutil.copy(sqlite_template, instance / "opendata.db")
    app = make_app(instance, csrf=True)
    with app.app_context():
        client = app.test_client()
        response = client.post("/api/3/action/package_list", json={})
        assert response.status_code == 200
        assert json.loads(response.get_data(as_text=True)) ["success"] is True
        assert client.post("/account/login", data={"username": "x"}).status_code == 400  # the forms still check


@pytest.mark.parametrize("verb, payload", [
    ("package_activity_list", {"id": "ab\u0000c"}),
    ("organization_activity_list", {"id": "so-y-te", "extra": ["\u0000"]}),
    ("package_show", {"id": "x", "nested": {"k": "v\u0000"}}),
])
def test_nul_characters_anywhere_are_a_409_naming_the_field(client, agencies, verb, payload):
    response = client.post(f"/api/3/action/{verb}", json=payload)
    assert response.status_code == 409
    error = response.get_json()["error"]
    assert error["__type"] == "Validation Error"
    assert any("NUL" in " ".join(messages) for key, messages in error.items() if isinstance(messages, list))
