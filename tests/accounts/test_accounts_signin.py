"""Sign-in checks: outcomes, throttling per username and per address, mail transport."""
from __future__ import annotations

import smtplib
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from opendata.accounts import mail, passwords, signin
from opendata.accounts.signin import Outcome, authenticate
from opendata.models import LoginAttempt, utcnow
from tests.accounts.support import new_user, outbox
from tests.conftest import PASSWORD

WRONG = "sai-mật-khẩu-rồi"


def attempts(db, **where) -> int:
    stmt = select(func.count()).select_from(LoginAttempt)
    for column, value in where.items():
        stmt = stmt.where(getattr(LoginAttempt, column) == value)
    return db.session.scalar(stmt)


def test_sign_in_by_username_or_email_in_any_case(app, db):
    new_user()
    assert authenticate("NguyenVanA", PASSWORD, "10.0.0.1").outcome is Outcome.OK
    result = authenticate(" NGUYENVANA@example.vn ", PASSWORD, "10.0.0.1")
    assert result.outcome is Outcome.OK and result.user.last_login_at is not None
    assert attempts(db, success=True) == 2


def test_wrong_password_and_unknown_user_look_the_same(app, db, monkeypatch):
    new_user()
    checks = []
    real = passwords.check_password_hash
    monkeypatch.setattr(passwords, "check_password_hash", lambda h, p: checks.append(1) or real(h, p))
    assert authenticate("nguyenvana", WRONG, "10.0.0.1").outcome is Outcome.INVALID
    assert authenticate("ai-do-khong-co", WRONG, "10.0.0.1").outcome is Outcome.INVALID
    assert checks == [1, 1]  # one hash computation each: no timing difference to exploit
    assert attempts(db, success=False) == 2


def test_unconfirmed_and_disabled_accounts_are_refused_with_the_right_password_only(app, db):
    user = new_user(confirmed=False)
    assert authenticate("nguyenvana", WRONG, "10.0.0.1").outcome is Outcome.INVALID
    assert authenticate("nguyenvana", PASSWORD, "10.0.0.1").outcome is Outcome.UNCONFIRMED
    user.active = False
    db.session.commit()
    assert authenticate("nguyenvana", PASSWORD, "10.0.0.1").outcome is Outcome.DISABLED
    assert user.last_login_at is None


def test_five_failures_lock_the_username_even_against_the_right_password(app, db, english):
    new_user()
    for _ in range(5):
        assert authenticate("nguyenvana", WRONG, "10.0.0.1").outcome is Outcome.INVALID
    result = authenticate("nguyenvana@example.vn", PASSWORD, "10.0.0.2")  # other name, other address
    assert result.outcome is Outcome.THROTTLED and 0 < result.wait <= 15 * 60 + 1
    assert "15 minutes" in str(signin.wait_message(result.wait))
    assert attempts(db) == 5  # refused tries are not counted: the lock cannot be extended forever


def test_the_lock_lifts_when_failures_leave_the_window(app, db):
    new_user()
    for _ in range(5):
        authenticate("nguyenvana", WRONG, "10.0.0.1")
    for row in db.session.scalars(select(LoginAttempt)):
        row.created = utcnow() - timedelta(minutes=16)
    db.session.commit()
    assert authenticate("nguyenvana", PASSWORD, "10.0.0.1").outcome is Outcome.OK


def test_a_success_resets_the_username_count(app, db):
    new_user()
    for _ in range(4):
        authenticate("nguyenvana", WRONG, "10.0.0.1")
    assert authenticate("nguyenvana", PASSWORD, "10.0.0.1").outcome is Outcome.OK
    for _ in range(4):
        assert authenticate("nguyenvana", WRONG, "10.0.0.1").outcome is Outcome.INVALID
    assert authenticate("nguyenvana", PASSWORD, "10.0.0.1").outcome is Outcome.OK


def test_twenty_failures_lock_the_address_for_every_username(app, db):
    new_user()
    app.config["LOGIN_MAX_FAILURES_PER_IP"] = 6  # the rule, at a size a test can afford
    for n in range(6):
        authenticate(f"doan-ten-{n}", WRONG, "10.0.0.66")
    assert authenticate("nguyenvana", PASSWORD, "10.0.0.66").outcome is Outcome.THROTTLED
    assert authenticate("nguyenvana", PASSWORD, "10.0.0.67").outcome is Outcome.OK


def test_default_limits(app):
    from opendata.accounts.throttle import setting

    assert setting("LOGIN_MAX_FAILURES_PER_USER") == 5
    assert setting("LOGIN_MAX_FAILURES_PER_IP") == 20
    assert setting("LOGIN_THROTTLE_WINDOW") == 15 * 60


def test_old_attempts_are_pruned(app, db):
    db.session.add(LoginAttempt(username="cu", ip="10.0.0.1", created=utcnow() - timedelta(days=31)))
    db.session.add(LoginAttempt(username="moi", ip="10.0.0.1", created=utcnow() - timedelta(days=29)))
    db.session.commit()
    authenticate("ai-do", WRONG, "10.0.0.1")
    assert attempts(db, username="cu") == 0 and attempts(db, username="moi") == 1


def test_outbox_messages_are_complete_files(app):
    path = mail.send_mail("nguoinhan@example.vn", "Xác nhận địa chỉ thư", "Xin chào,\n\nĐường dẫn: https://x.vn/a\n")
    assert path.parent.name == "outbox" and path.suffix == ".eml"
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []
    message = outbox(app)[0]
    assert message["Subject"] == "Xác nhận địa chỉ thư" and message["To"] == "nguoinhan@example.vn"
    assert message["Message-ID"] and message["Date"]
    assert "Đường dẫn: https://x.vn/a" in message.get_content()


class FakeSMTP:
    sent: list = []

    def __init__(self, host, port, timeout=None):
        self.calls = [("connect", host, port)]
        FakeSMTP.instance = self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def starttls(self, context=None):
        self.calls.append(("starttls",))

    def login(self, user, password):
        self.calls.append(("login", user, password))

    def send_message(self, message):
        FakeSMTP.sent.append(message)


def test_smtp_when_a_server_is_configured(app, monkeypatch):
    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    FakeSMTP.sent = []
    app.config.update(MAIL_SERVER="smtp.angiang.gov.vn", MAIL_USERNAME="congdulieu", MAIL_PASSWORD="s3cret",
                      MAIL_FROM="Cổng dữ liệu mở <no-reply@angiang.gov.vn>")
    assert mail.send_mail("a@example.vn", "Chủ đề", "Nội dung") is None
    assert FakeSMTP.instance.calls == [("connect", "smtp.angiang.gov.vn", 587), ("starttls",),
                                       ("login", "congdulieu", "s3cret")]
    assert FakeSMTP.sent[0]["From"].addresses[0].addr_spec == "no-reply@angiang.gov.vn"
    assert outbox(app) == []


def test_smtp_failure_is_a_mail_error(app, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("connection refused")

    monkeypatch.setattr(smtplib, "SMTP", refuse)
    app.config["MAIL_SERVER"] = "smtp.invalid"
    with pytest.raises(mail.MailError):
        mail.send_mail("a@example.vn", "Chủ đề", "Nội dung")
