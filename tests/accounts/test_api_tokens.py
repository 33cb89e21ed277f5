"""API tokens: made on the account page or by an operator, hashed at rest, revocable,
and honoured only on the API (a bad or revoked token is refused, never anonymous)."""
from __future__ import annotations

import hashlib
import re
import shutil
from datetime import timedelta

import pytest
from sqlalchemy import select

from opendata.accounts import api_tokens
from opendata.extensions import db
from opendata.models import ApiToken, User
from tests.conftest import login_as, make_app

SECRET = re.compile(r"odp_[A-Za-z0-9_-]{43}")
SHOW = "/api/3/action/package_show"


def private_dataset(agencies):
    from tests import factories

    return factories.dataset(agencies["own"], title="Hồ sơ nội bộ", slug="ho-so-noi-bo", private=True)


# -- the capability ----------------------------------------------------------------
def test_only_a_hash_is_stored_and_the_secret_authenticates(app, people):
    made = api_tokens.create_token(people["editor"], "  Máy   chủ thống kê ")
    assert SECRET.fullmatch(made.secret)
    row = db.session.scalar(select(ApiToken))
    assert row.name == "Máy chủ thống kê"
    assert row.token_hash == hashlib.sha256(made.secret.encode()).hexdigest()
    assert made.secret not in {row.token_hash, row.prefix, row.id} and made.secret.startswith(row.prefix)
    assert api_tokens.authenticate(made.secret) is people["editor"]
    assert api_tokens.authenticate(made.secret + "x") is None
    assert api_tokens.authenticate("") is None


def test_two_tokens_differ_and_last_use_is_recorded(app, people):
    first = api_tokens.create_token(people["editor"], "a")
    second = api_tokens.create_token(people["editor"], "b")
    assert first.secret != second.secret
    assert first.token.last_used_at is None
    api_tokens.authenticate(first.secret)
    db.session.expire_all()
    assert db.session.get(ApiToken, first.token.id).last_used_at is not None
    assert db.session.get(ApiToken, second.token.id).last_used_at is None


def test_revoked_tokens_and_disabled_accounts_do_not_authenticate(app, people):
    made = api_tokens.create_token(people["editor"], "a")
    assert api_tokens.revoke_token(made.token) is True
    assert api_tokens.revoke_token(made.token) is False
    assert api_tokens.authenticate(made.secret) is None
    other = api_tokens.create_token(people["member"], "b")
    people["member"].active = False
    db.session.commit()
    assert api_tokens.authenticate(other.secret) is None


def test_a_token_needs_a_name(app, people, english):
    with pytest.raises(api_tokens.TokenInputError) as caught:
        api_tokens.create_token(people["editor"], "   ")
    assert "name" in caught.value.errors
    with pytest.raises(api_tokens.TokenInputError):
        api_tokens.create_token(people["editor"], "x" * 201)
    assert db.session.scalar(select(ApiToken)) is None


def test_tokens_go_when_their_user_goes(app, people):
    api_tokens.create_token(people["registered"], "a")
    db.session.delete(people["registered"])
    db.session.commit()
    assert db.session.scalar(select(ApiToken)) is None


# -- on the API ---------------------------------------------------------------------
@pytest.mark.parametrize("header", ["Authorization", "Bearer", "X-CKAN-API-Key"])
def test_a_token_reads_private_data_in_every_header_form(app, client, people, agencies, header):
    private_dataset(agencies)
    secret = api_tokens.create_token(people["member"], "a").secret
    headers = {"Authorization": f"Bearer {secret}"} if header == "Bearer" else {header: secret}
    assert client.get(SHOW, query_string={"id": "ho-so-noi-bo"}).status_code == 404
    found = client.get(SHOW, query_string={"id": "ho-so-noi-bo"}, headers=headers)
    assert found.status_code == 200, found.get_json()
    assert found.get_json()["result"]["private"] is True
    assert "Set-Cookie" not in found.headers or "session=" not in found.headers["Set-Cookie"]


@pytest.mark.parametrize("revoked", [False, True])
def test_a_bad_or_revoked_token_is_refused_with_ckans_error(app, client, people, revoked):
    made = api_tokens.create_token(people["editor"], "a")
    secret = made.secret if revoked else "odp_not-a-real-token"
    if revoked:
        api_tokens.revoke_token(made.token)
    response = client.post("/api/3/action/package_list", json={}, headers={"Authorization": secret})
    assert response.status_code == 403
    body = response.get_json()
    assert body["success"] is False and body["error"]["__type"] == "Authorization Error"
    assert body["help"].endswith("/api/3/action/help_show?name=package_list")


def test_a_token_wins_over_the_session_cookie(app, people, agencies):
    private_dataset(agencies)
    client = app.test_client()
    login_as(client, people["member"])  # may read the private dataset
    outsider = api_tokens.create_token(people["registered"], "a").secret
    response = client.get(SHOW, query_string={"id": "ho-so-noi-bo"}, headers={"Authorization": outsider})
    assert response.status_code == 404
    assert client.get(SHOW, query_string={"id": "ho-so-noi-bo"}).status_code == 200  # the cookie alone: a read


def test_the_session_cookie_alone_cannot_write_through_the_api(app, people, agencies):
    client = app.test_client()
    login_as(client, people["editor"])
    response = client.post("/api/3/action/package_create", json={"name": "moi", "title": "Mới", "owner_org": "so-y-te"})
    assert response.status_code == 403
    assert response.get_json()["error"]["__type"] == "Authorization Error"


def test_tokens_are_ignored_outside_the_api(app, client, people):
    secret = api_tokens.create_token(people["editor"], "a").secret
    page = client.get("/account", headers={"Authorization": secret})
    assert page.status_code == 302 and "/account/login" in page.headers["Location"]
    assert client.get("/", headers={"Authorization": "odp_bad"}).status_code == 200


# -- the operator's commands ---------------------------------------------------------------
@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(args=["opendata", "token", *args])


def test_operator_creates_lists_and_revokes_a_token(cli, people, client):
    made = cli("create", "editor", "--name", "harvester")
    assert made.exit_code == 0, made.output
    secret = SECRET.search(made.stdout).group(0)
    assert made.stdout.strip().splitlines()[0] == secret  # alone on the first line, for $(...)
    assert client.post("/api/3/action/package_list", json={}, headers={"Authorization": secret}).status_code == 200
    listed = cli("list", "editor")
    assert listed.exit_code == 0 and "harvester" in listed.output and secret not in listed.output
    token_id = db.session.scalar(select(ApiToken.id))
    revoked = cli("revoke", token_id)
    assert revoked.exit_code == 0 and "revoked" in revoked.output
    assert client.post("/api/3/action/package_list", json={}, headers={"Authorization": secret}).status_code == 403
    assert "harvester" not in cli("list", "editor").output
    assert "revoked" in cli("list", "editor", "--all").output


def test_operator_revokes_by_the_shown_start_of_the_secret(cli, people):
    secret = SECRET.search(cli("create", "editor").stdout).group(0)
    assert cli("revoke", secret[:12]).exit_code == 0
    assert api_tokens.authenticate(secret) is None


def test_commands_refuse_unknown_users_and_tokens(cli, people):
    for args in (("create", "nobody"), ("list", "nobody"), ("revoke", "odp_unknown123")):
        result = cli(*args)
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert db.session.scalar(select(ApiToken)) is None


# -- the account page ----------------------------------------------------------------
def test_the_account_page_links_to_the_tokens(as_user):
    page = as_user("editor").get("/account").get_data(as_text=True)
    assert 'href="/account/tokens"' in page


def test_a_new_token_is_shown_once_then_only_its_start(as_user, people):
    client = as_user("editor")
    made = client.post("/account/tokens", data={"name": "Nhập dữ liệu hằng đêm"})
    assert made.status_code == 201 and made.headers["Cache-Control"] == "no-store"
    html = made.get_data(as_text=True)
    secret = SECRET.search(html).group(0)
    assert api_tokens.authenticate(secret) is people["editor"]
    again = client.get("/account/tokens").get_data(as_text=True)
    assert secret not in again and "Nhập dữ liệu hằng đêm" in again and secret[:12] in again


def test_a_token_without_a_name_is_refused_on_the_page(as_user):
    response = as_user("editor").post("/account/tokens", data={"name": " "})
    assert response.status_code == 422 and 'class="error-summary"' in response.get_data(as_text=True)
    assert db.session.scalar(select(ApiToken)) is None


def test_revoking_on_the_page_and_not_someone_elses(as_user, people):
    mine = api_tokens.create_token(people["editor"], "của tôi")
    theirs = api_tokens.create_token(people["member"], "của người khác")
    client = as_user("editor")
    assert client.post(f"/account/tokens/{theirs.token.id}/revoke").status_code == 404
    done = client.post(f"/account/tokens/{mine.token.id}/revoke", follow_redirects=True)
    assert done.status_code == 200 and "của tôi" in done.get_data(as_text=True)
    db.session.expire_all()
    assert api_tokens.authenticate(mine.secret) is None
    assert api_tokens.authenticate(theirs.secret) is people["member"]


def test_the_tokens_page_needs_an_account(client):
    assert "/account/login" in client.get("/account/tokens").headers["Location"]


@pytest.fixture
def csrf_client(tmp_path, sqlite_template):
    instance = tmp_path / "csrf"
    instance.mkdir()
    shutil.copy(sqlite_template, instance / "opendata.db")
    csrf_app = make_app(instance, csrf=True)
    with csrf_app.app_context():
        user = User(username="canbo", email="canbo@example.gov.vn")
        db.session.add(user)
        db.session.commit()
        client = csrf_app.test_client()
        login_as(client, user)
        yield client, user
        db.session.remove()
        db.engine.dispose()


def test_token_forms_need_the_csrf_token(csrf_client):
    client, user = csrf_client
    assert client.post("/account/tokens", data={"name": "a"}).status_code == 400
    page = client.get("/account/tokens").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    assert client.post("/account/tokens", data={"name": "a", "csrf_token": csrf}).status_code == 201
    token = db.session.scalar(select(ApiToken))
    assert client.post(f"/account/tokens/{token.id}/revoke").status_code == 400
    assert token.revoked_at is None
    page = client.get("/account/tokens").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    assert client.post(f"/account/tokens/{token.id}/revoke", data={"csrf_token": csrf}).status_code == 302
    db.session.expire_all()
    assert db.session.get(ApiToken, token.id).revoked_at is not None


def test_last_use_is_written_at_most_once_a_minute(app, people):
    made = api_tokens.create_token(people["editor"], "a")
    api_tokens.authenticate(made.secret)
    first = db.session.get(ApiToken, made.token.id).last_used_at
    api_tokens.authenticate(made.secret)
    assert db.session.get(ApiToken, made.token.id).last_used_at == first
    made.token.last_used_at = first - timedelta(minutes=5)
    db.session.commit()
    api_tokens.authenticate(made.secret)
    db.session.expire_all()
    assert db.session.get(ApiToken, made.token.id).last_used_at > first - timedelta(minutes=5)
