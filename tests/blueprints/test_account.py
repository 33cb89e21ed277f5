"""Account pages: what a visitor, a new user and an agency editor see and can do."""
from __future__ import annotations

import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from itsdangerous import TimestampSigner
from sqlalchemy import select

from opendata.accounts import tokens
from opendata.models import AccountKind, LoginAttempt, User, utcnow
from tests.accounts.support import last_link, login, new_user, outbox
from tests.conftest import PASSWORD, make_app

NEW = "Mật-khẩu-mới-của-tôi-2026"
WRONG = "sai-mật-khẩu-rồi"


@pytest.fixture
def english(app):
    """A client reading the English pages (the msgids), so texts can be asserted."""
    def make():
        client = app.test_client()
        client.set_cookie("opendata_lang", "en")
        return client
    return make


@pytest.fixture
def client(english):
    return english()


def text(response) -> str:
    return response.get_data(as_text=True)


def signed_in_as(client) -> str | None:
    response = client.get("/account")
    if response.status_code != 200:
        return None
    return re.search(r"<th scope=\"row\">Username</th><td>([^<]+)</td>", text(response)).group(1)


def form(**overrides):
    data = {"account_kind": "individual", "organization_name": "", "full_name": "Nguyễn Văn A",
            "email": "nguyenvana@example.vn", "phone": "", "username": "nguyenvana",
            "password": PASSWORD, "confirm": PASSWORD}
    data.update(overrides)
    return data


def user(db, username="nguyenvana") -> User | None:
    db.session.expire_all()
    return db.session.scalar(select(User).where(User.username == username))


# -- registration and confirmation ---------------------------------------

def test_public_data_needs_no_account(client):
    page = text(client.get("/account/register"))
    assert "You do not need an account to find, view or download open data." in page
    assert client.get("/dataset").status_code == 200


def test_register_confirm_then_sign_in(app, db, client):
    response = client.post("/account/register", data=form(username="NguyenVanA"))
    assert response.status_code == 302 and response.headers["Location"] == "/account/confirm/sent"
    assert "We have sent a link to your e-mail address." in text(client.get("/account/confirm/sent"))
    assert user(db).email_confirmed_at is None
    mail = outbox(app)[-1]
    assert mail["To"] == "nguyenvana@example.vn" and "nguyenvana" in mail.get_content()

    refused = login(client, "nguyenvana")
    assert refused.status_code == 403
    assert "has not been confirmed yet" in text(refused) and "/account/confirm/resend" in text(refused)
    assert signed_in_as(client) is None

    confirmed = client.get(last_link(app, "/account/confirm/"))
    assert confirmed.status_code == 302 and confirmed.headers["Location"] == "/account/login"
    assert "your e-mail address is confirmed" in text(client.get("/account/login"))
    assert login(client, "nguyenvana").status_code == 302
    assert signed_in_as(client) == "nguyenvana"


def test_register_an_organisation(app, db, client):
    response = client.post("/account/register", data=form(account_kind="organization",
                                                          organization_name="Công ty TNHH Nông sản ABC"))
    assert response.status_code == 302
    created = user(db)
    assert created.account_kind is AccountKind.ORGANIZATION
    assert created.organization_name == "Công ty TNHH Nông sản ABC"


def test_bad_registration_keeps_the_input_and_explains_each_field(app, db, client):
    response = client.post("/account/register", data=form(
        account_kind="organization", organization_name="", phone="0296 3852 123",
        password="123456789012", confirm="123456789013"))
    assert response.status_code == 422
    page = text(response)
    summary = page[page.index('class="error-summary"'):page.index("</div>", page.index('class="error-summary"'))]
    assert 'role="alert"' in summary
    for anchor, message in [("#organization_name", "Enter the name of your organisation."),
                            ("#password", "must not consist of digits only"),
                            ("#confirm", "The two passwords do not match.")]:
        assert anchor in summary and message in summary
    # The input is kept (not the passwords) and errors are tied to their fields.
    assert 'value="Nguyễn Văn A"' in page and 'value="nguyenvana@example.vn"' in page
    assert 'value="0296 3852 123"' in page and "123456789012" not in page
    assert re.search(r'<input aria-describedby="organization_name-hint organization_name-error" aria-invalid="true"', page)
    assert re.search(r'id="account_kind-1"[^>]*value="organization"|checked id="account_kind-1"', page)
    assert user(db) is None


def test_duplicates_are_refused_case_insensitively(app, db, client):
    new_user()
    response = client.post("/account/register", data=form(username="NguyenVanA", email="NGUYENVANA@example.vn"))
    assert response.status_code == 422
    page = text(response)
    assert "This username is already taken." in page
    assert "An account with this e-mail address already exists." in page


def test_confirmation_link_works_once(app, db, client):
    client.post("/account/register", data=form())
    link = last_link(app, "/account/confirm/")
    client.get(link)
    first = user(db).email_confirmed_at
    again = client.get(link)
    assert again.status_code == 302
    assert "already been used" in text(client.get("/account/login"))
    assert user(db).email_confirmed_at == first


def test_expired_or_broken_confirmation_link(app, db, client, monkeypatch):
    account = new_user(confirmed=False)
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) - 4 * 24 * 3600)
    old = tokens.make_token(account, tokens.CONFIRM)
    monkeypatch.undo()
    expired = client.get(f"/account/confirm/{old}")
    assert expired.status_code == 400
    assert "This link has expired" in text(expired) and "/account/confirm/resend" in text(expired)
    broken = client.get(f"/account/confirm/{old[:-4]}")
    assert broken.status_code == 400 and "This link is not valid" in text(broken)
    assert user(db).email_confirmed_at is None


def test_resend_confirmation_says_the_same_for_any_address(app, db, client):
    new_user(confirmed=False)
    unknown = client.post("/account/confirm/resend", data={"email": "ai-do@example.vn"})
    assert outbox(app) == []
    known = client.post("/account/confirm/resend", data={"email": "NguyenVanA@example.vn"})
    assert unknown.headers["Location"] == known.headers["Location"] == "/account/confirm/sent?again=1"
    client.get(last_link(app, "/account/confirm/"))
    assert user(db).email_confirmed_at is not None


def test_links_use_the_configured_site_url(app, db, client):
    app.config["SITE_URL"] = "https://dulieu.angiang.gov.vn"
    client.post("/account/register", data=form(), headers={"Host": "evil.example"})
    assert last_link(app, "/account/confirm/").startswith("https://dulieu.angiang.gov.vn/account/confirm/")


# -- signing in and out --------------------------------------------------

def test_sign_in_by_username_or_email_and_go_back(app, db, english):
    new_user()
    by_name = english()
    response = login(by_name, "NguyenVanA", next_url="/dataset?q=gao")
    assert response.status_code == 302 and response.headers["Location"] == "/dataset?q=gao"
    assert signed_in_as(by_name) == "nguyenvana"
    by_email = english()
    assert login(by_email, "NGUYENVANA@Example.vn").headers["Location"] == "/"
    assert signed_in_as(by_email) == "nguyenvana"
    assert user(db).last_login_at is not None


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"])
def test_next_never_leaves_the_site(app, db, client, target):
    new_user()
    response = login(client, "nguyenvana", next_url=target)
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_wrong_password(app, db, client):
    new_user()
    response = login(client, "nguyenvana", WRONG)
    assert response.status_code == 422
    assert "The username, e-mail address or password is not correct." in text(response)
    assert 'value="nguyenvana"' in text(response)
    assert signed_in_as(client) is None


def test_throttling_per_username(app, db, english):
    new_user()
    client = english()
    for n in range(5):
        assert login(client, "nguyenvana", WRONG, ip=f"10.0.1.{n}").status_code == 422
    refused = login(english(), "nguyenvana", PASSWORD, ip="10.0.2.1")
    assert refused.status_code == 429
    assert "please wait 15 minutes" in text(refused) and "/account/reset" in text(refused)
    assert login(english(), "someone-else", WRONG, ip="10.0.2.1").status_code == 422  # other names still try


def test_throttling_per_address(app, db, english):
    new_user()
    for n in range(20):
        login(english(), f"doan-{n}", WRONG, ip="10.0.3.3")
    assert login(english(), "nguyenvana", PASSWORD, ip="10.0.3.3").status_code == 429
    client = english()
    assert login(client, "nguyenvana", PASSWORD, ip="10.0.3.4").status_code == 302
    assert signed_in_as(client) == "nguyenvana"


def test_logout_needs_a_post(app, db, client):
    new_user()
    login(client, "nguyenvana")
    page = client.get("/account/logout")
    assert page.status_code == 200 and 'method="post"' in text(page)
    assert signed_in_as(client) == "nguyenvana"
    response = client.post("/account/logout")
    assert response.status_code == 302 and response.headers["Location"] == "/account/login"
    assert signed_in_as(client) is None


def test_remember_me_sets_a_lasting_cookie(app, db, english):
    new_user()
    plain = english()
    login(plain, "nguyenvana")
    assert plain.get_cookie("remember_token") is None
    remembered = english()
    response = login(remembered, "nguyenvana", remember="y")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("remember_token="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Expires=" in cookie and "Secure" not in cookie
    # The cookie alone (a browser restarted, session gone) signs the user back in.
    restored = english()
    restored.set_cookie("remember_token", remembered.get_cookie("remember_token").value)
    assert signed_in_as(restored) == "nguyenvana"


def test_secure_cookies_follow_the_setting(tmp_path, sqlite_template):
    import shutil

    shutil.copy(sqlite_template, tmp_path / "opendata.db")
    secure = make_app(tmp_path, SESSION_COOKIE_SECURE=True)
    assert secure.config["REMEMBER_COOKIE_SECURE"] is True
    assert secure.config["REMEMBER_COOKIE_HTTPONLY"] is True and secure.config["REMEMBER_COOKIE_SAMESITE"] == "Lax"


def test_login_without_csrf_token_gets_a_friendly_page(app, db):
    new_user()
    protected = make_app(Path(app.instance_path), app.config["SQLALCHEMY_DATABASE_URI"], csrf=True)
    client = protected.test_client()
    client.set_cookie("opendata_lang", "en")
    refused = client.post("/account/login", data={"login": "nguyenvana", "password": PASSWORD})
    assert refused.status_code == 400
    assert "The form has expired" in text(refused) and "reload the page" in text(refused)
    page = text(client.get("/account/login"))
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    accepted = client.post("/account/login", data={"login": "nguyenvana", "password": PASSWORD, "csrf_token": token})
    assert accepted.status_code == 302
    with protected.app_context():
        db.engine.dispose()


# -- passwords -------------------------------------------------------------

def test_password_change_needs_the_current_password(app, db, client):
    new_user()
    login(client, "nguyenvana")
    response = client.post("/account/password", data={"current_password": WRONG, "password": NEW, "confirm": NEW})
    assert response.status_code == 422 and "The current password is not correct." in text(response)
    assert user(db).password_changed_at is None


def test_password_change_signs_out_other_devices(app, db, english):
    new_user()
    here, elsewhere, remembered = english(), english(), english()
    for client in (here, elsewhere):
        login(client, "nguyenvana")
    login(remembered, "nguyenvana", remember="y")
    old_cookie = remembered.get_cookie("remember_token").value
    response = here.post("/account/password", data={"current_password": PASSWORD, "password": NEW, "confirm": NEW})
    assert response.status_code == 302 and response.headers["Location"] == "/account"
    assert "You have been signed out on your other devices." in text(here.get("/account"))
    assert signed_in_as(here) == "nguyenvana"
    assert signed_in_as(elsewhere) is None
    stale = english()
    stale.set_cookie("remember_token", old_cookie)
    assert signed_in_as(stale) is None
    assert login(english(), "nguyenvana", NEW).status_code == 302


def test_password_reset_by_mail(app, db, english):
    new_user()
    client = english()
    response = client.post("/account/reset", data={"email": "NguyenVanA@example.vn"})
    assert response.headers["Location"] == "/account/reset/sent"
    assert "If an account uses this address" in text(client.get("/account/reset/sent"))
    link = last_link(app, "/account/reset/")
    assert client.get(link).status_code == 200
    mismatch = client.post(link, data={"password": NEW, "confirm": NEW + "x"})
    assert mismatch.status_code == 422 and "The two passwords do not match." in text(mismatch)
    done = client.post(link, data={"password": NEW, "confirm": NEW})
    assert done.status_code == 302 and done.headers["Location"] == "/account/login"
    assert "Your password has been changed." in text(client.get("/account/login"))
    assert login(english(), "nguyenvana", PASSWORD).status_code == 422
    assert login(english(), "nguyenvana", NEW).status_code == 302
    reused = client.post(link, data={"password": "Thêm-một-mật-khẩu-nữa", "confirm": "Thêm-một-mật-khẩu-nữa"})
    assert reused.status_code == 400 and "This link has already been used" in text(reused)
    assert login(english(), "nguyenvana", NEW).status_code == 302


def test_reset_does_not_reveal_whether_an_address_exists(app, db, client):
    new_user()
    unknown = client.post("/account/reset", data={"email": "ai-do@example.vn"})
    known = client.post("/account/reset", data={"email": "nguyenvana@example.vn"})
    assert unknown.status_code == known.status_code == 302
    assert unknown.headers["Location"] == known.headers["Location"]
    assert [m["To"] for m in outbox(app)] == ["nguyenvana@example.vn"]


def test_reset_unlocks_a_throttled_username(app, db, english):
    new_user()
    for _ in range(5):
        login(english(), "nguyenvana", WRONG)
    assert login(english(), "nguyenvana", PASSWORD).status_code == 429
    client = english()
    client.post("/account/reset", data={"email": "nguyenvana@example.vn"})
    client.post(last_link(app, "/account/reset/"), data={"password": NEW, "confirm": NEW})
    assert login(english(), "nguyenvana", NEW).status_code == 302


# -- the account page ------------------------------------------------------

def test_account_page_needs_a_sign_in(client):
    response = client.get("/account")
    assert response.status_code == 302 and response.headers["Location"] == "/account/login?next=%2Faccount"


def test_account_page_shows_profile_and_roles(app, people):
    client = app.test_client()
    client.set_cookie("opendata_lang", "en")
    client.post("/account/login", data={"login": "editor", "password": PASSWORD})
    page = text(client.get("/account"))
    assert "Người dùng editor" in page and "editor@example.gov.vn" in page
    assert re.search(r'href="/organization/so-y-te">Sở Y tế</a>\s*<span class="meta">Editor</span>', page)
    assert 'action="/account/logout"' in page and 'href="/account/password"' in page


def test_attempts_older_than_the_window_do_not_count(app, db, client):
    new_user()
    for _ in range(5):
        db.session.add(LoginAttempt(username="nguyenvana", ip="10.0.0.1", success=False,
                                    created=utcnow() - timedelta(minutes=20)))
    db.session.commit()
    assert login(client, "nguyenvana").status_code == 302
