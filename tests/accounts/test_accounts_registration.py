"""Registration, passwords and e-mail links as plain functions."""
from __future__ import annotations

import time

import pytest
from itsdangerous import TimestampSigner
from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from opendata.accounts import passwords, recovery, registration, tokens
from opendata.accounts.registration import AccountError, Registration
from opendata.accounts.signin import Outcome, authenticate
from opendata.models import AccountKind, Activity, User
from tests.accounts.support import new_user, outbox
from tests.conftest import PASSWORD


def count_users(db) -> int:
    return db.session.scalar(select(func.count()).select_from(User))


@pytest.mark.parametrize("password, problem", [
    ("kurz-9chr", "at least 10"),
    ("1234567890123", "digits only"),
    ("nguyenvana", "differ from your username"),
    ("Lúa-gạo-An-Giang-2025", None),
])
def test_password_rules(app, english, password, problem):
    message = passwords.password_problem(password, username="nguyenvana", email="a@example.vn")
    if problem is None:
        assert message is None
    else:
        assert problem in str(message)


def test_passwords_are_hashed_with_scrypt(app, db):
    user = new_user()
    assert user.password_hash.startswith("scrypt:") and PASSWORD not in user.password_hash
    assert passwords.verify_password(user, PASSWORD)
    assert not passwords.verify_password(user, PASSWORD + "x")
    assert not passwords.verify_password(None, PASSWORD)


def test_registration_stores_lower_case_names_and_a_history_row(app, db):
    user = new_user("NguyenVanA", "NguyenVanA@Example.VN", confirmed=False, phone="0296 3852 123")
    assert (user.username, user.email, user.phone) == ("nguyenvana", "nguyenvana@example.vn", "0296 3852 123")
    assert user.email_confirmed_at is None and user.password_changed_at is None
    assert user.account_kind is AccountKind.INDIVIDUAL and user.organization_name is None
    entry = db.session.scalar(select(Activity).where(Activity.object_id == user.id))
    assert entry.action == "user.created" and entry.user_id == user.id


def test_organisation_needs_its_name_and_nothing_is_saved_otherwise(app, db):
    data = Registration(username="congty-abc", email="lienhe@abc.vn", password=PASSWORD, full_name="Trần Thị B",
                        account_kind=AccountKind.ORGANIZATION, organization_name="  ")
    with pytest.raises(AccountError) as caught:
        registration.register(data)
    assert set(caught.value.errors) == {"organization_name"}
    assert count_users(db) == 0
    data.organization_name = "Công ty TNHH Nông sản ABC"
    user = registration.register(data)
    assert user.account_kind is AccountKind.ORGANIZATION and user.organization_name == "Công ty TNHH Nông sản ABC"


def test_duplicates_are_refused_whatever_the_case(app, db, english):
    new_user("nguyenvana", "nguyenvana@example.vn")
    with pytest.raises(AccountError) as caught:
        new_user("NGUYENVANA", "NguyenVanA@EXAMPLE.vn")
    assert set(caught.value.errors) == {"username", "email"}
    assert "already taken" in str(caught.value.errors["username"])
    assert count_users(db) == 1


def test_every_problem_is_reported_at_once(app, db):
    data = Registration(username="a b", email="not-an-address", password="123", full_name="",
                        account_kind=None, phone="gọi tôi")
    errors = registration.check_registration(data)
    assert set(errors) == {"username", "email", "password", "full_name", "account_kind", "phone"}


def test_confirmation_link_works_once(app, db):
    user = new_user(confirmed=False)
    token = tokens.make_token(user, tokens.CONFIRM)
    assert registration.confirm_email(token).email_confirmed_at is not None
    confirmed_at = user.email_confirmed_at
    with pytest.raises(tokens.TokenError) as caught:
        registration.confirm_email(token)
    assert caught.value.reason == "used"
    assert user.email_confirmed_at == confirmed_at


def test_links_expire(app, db, monkeypatch):
    user = new_user(confirmed=False)
    four_days_ago = int(time.time()) - 4 * 24 * 3600
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: four_days_ago)
    old = tokens.make_token(user, tokens.CONFIRM)
    monkeypatch.undo()
    with pytest.raises(tokens.TokenError) as caught:
        registration.confirm_email(old)
    assert caught.value.reason == "expired"
    fresh = tokens.make_token(user, tokens.RESET)
    with pytest.raises(tokens.TokenError):
        tokens.read_token(fresh, tokens.RESET, age=-1)
    assert tokens.read_token(fresh, tokens.RESET) == user
    assert user.email_confirmed_at is None


def test_a_link_for_one_purpose_is_useless_for_another(app, db):
    user = new_user(confirmed=False)
    token = tokens.make_token(user, tokens.CONFIRM)
    with pytest.raises(tokens.TokenError) as caught:
        recovery.reset_password(token, "Mật-khẩu-mới-hoàn-toàn")
    assert caught.value.reason == "invalid"
    with pytest.raises(tokens.TokenError):
        tokens.read_token(token[:-2] + "xx", tokens.CONFIRM)


def test_reset_link_is_spent_by_any_password_change(app, db):
    user = new_user()
    token = tokens.make_token(user, tokens.RESET)
    recovery.change_password(user, PASSWORD, "Một-mật-khẩu-khác-2026", ip="10.0.0.9")
    with pytest.raises(tokens.TokenError) as caught:
        recovery.reset_password(token, "Lại-một-mật-khẩu-khác")
    assert caught.value.reason == "used"
    assert authenticate("nguyenvana", "Một-mật-khẩu-khác-2026", "10.0.0.9").outcome is Outcome.OK


def test_reset_confirms_the_address_and_sets_the_stamp(app, db):
    user = new_user(confirmed=False)
    recovery.reset_password(tokens.make_token(user, tokens.RESET), "Mật-khẩu-mới-hoàn-toàn")
    assert user.email_confirmed_at is not None and user.password_changed_at is not None
    assert authenticate("nguyenvana", "Mật-khẩu-mới-hoàn-toàn", "10.0.0.9").outcome is Outcome.OK


def test_change_password_needs_the_current_one_and_a_good_new_one(app, db, english):
    user = new_user()
    with pytest.raises(AccountError) as caught:
        recovery.change_password(user, "sai-mật-khẩu-rồi", "Một-mật-khẩu-khác-2026", ip="10.0.0.9")
    assert set(caught.value.errors) == {"current_password"}
    with pytest.raises(AccountError) as caught:
        recovery.change_password(user, PASSWORD, PASSWORD, ip="10.0.0.9")
    assert "differ from the current" in str(caught.value.errors["password"])
    assert user.password_changed_at is None


def test_old_hashes_are_upgraded_at_sign_in_without_ending_sessions(app, db):
    user = new_user()
    user.password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256")
    db.session.commit()
    assert authenticate("nguyenvana", PASSWORD, "10.0.0.9").outcome is Outcome.OK
    assert user.password_hash.startswith("scrypt:") and user.password_changed_at is None


def test_reset_request_mails_only_existing_accounts_and_not_endlessly(app, db):
    new_user()
    link_for = "https://cong.example.vn/reset/{}".format
    recovery.request_reset("nobody@example.vn", "10.0.0.9", link_for)
    assert outbox(app) == []
    for _ in range(5):
        recovery.request_reset("NguyenVanA@example.vn", "10.0.0.9", link_for)
    messages = outbox(app)
    assert len(messages) == 3  # MAIL_MAX_PER_ADDRESS per hour
    assert messages[0]["To"] == "nguyenvana@example.vn"
    assert "https://cong.example.vn/reset/" in messages[0].get_content()
