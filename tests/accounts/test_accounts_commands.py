"""``flask opendata user ...``: the operator's account commands."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from opendata.accounts.signin import Outcome, authenticate
from opendata.models import Activity, Role, User
from tests import factories
from tests.accounts.support import new_user
from tests.conftest import PASSWORD

NEW = "Mật-khẩu-mới-của-tôi-2026"


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()
    return lambda *args, **kwargs: runner.invoke(args=["opendata", "user", *args], **kwargs)


def user(db, username) -> User | None:
    return db.session.scalar(select(User).where(User.username == username))


def test_create_with_password_makes_a_confirmed_account(cli, db):
    result = cli("create", "CanBo.SoYTe", "--email", "canbo@soyte.angiang.gov.vn", "--full-name", "Lê Văn C",
                 "--password", PASSWORD)
    assert result.exit_code == 0, result.output
    assert "canbo.soyte created" in result.output
    created = user(db, "canbo.soyte")
    assert created.email_confirmed_at is not None and not created.is_sysadmin and created.full_name == "Lê Văn C"
    assert authenticate("canbo.soyte", PASSWORD, "127.0.0.1").outcome is Outcome.OK


def test_create_prompts_for_a_hidden_password_and_can_make_a_sysadmin(cli, db):
    result = cli("create", "quantri2", "--email", "qt@angiang.gov.vn", "--sysadmin", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output  # hidden input is not echoed
    assert user(db, "quantri2").is_sysadmin


@pytest.mark.parametrize("args, message", [
    (["--password", "123456789012"], "password: The password must not consist of digits only"),
    (["--password", "ngắn"], "at least 10 characters"),
])
def test_create_refuses_bad_input_without_a_traceback(cli, db, args, message):
    result = cli("create", "canbo", "--email", "canbo@example.vn", *args)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_create_refuses_a_taken_username(cli, db):
    new_user("canbo", "canbo@example.vn")
    result = cli("create", "CANBO", "--email", "khac@example.vn", "--password", PASSWORD)
    assert result.exit_code == 1 and "already taken" in result.output


def test_set_password_prompts_twice_and_ends_old_sign_ins(cli, db):
    account = new_user("canbo", "canbo@example.vn")
    result = cli("set-password", "canbo", input=f"{NEW}\n{NEW}\n")
    assert result.exit_code == 0, result.output
    assert account.password_changed_at is not None
    assert authenticate("canbo", NEW, "127.0.0.1").outcome is Outcome.OK
    assert authenticate("canbo", PASSWORD, "127.0.0.1").outcome is Outcome.INVALID


def test_set_password_for_an_unknown_user(cli):
    result = cli("set-password", "khong-co-ai", input=f"{NEW}\n{NEW}\n")
    assert result.exit_code == 1 and "No user named 'khong-co-ai'" in result.output
    assert "Traceback" not in result.output


def test_make_sysadmin_and_revoke_are_recorded(cli, db):
    account = new_user("canbo", "canbo@example.vn")
    assert cli("make-sysadmin", "canbo").exit_code == 0
    assert account.is_sysadmin
    result = cli("make-sysadmin", "canbo", "--revoke")
    assert result.exit_code == 0 and "no longer" in result.output
    assert not account.is_sysadmin
    actions = db.session.scalars(select(Activity.action).where(Activity.object_id == account.id)
                                 .order_by(Activity.timestamp)).all()
    assert actions[-2:] == ["user.sysadmin_granted", "user.sysadmin_revoked"]
    assert cli("make-sysadmin", "ai-do").exit_code == 1


def test_add_member_sets_and_changes_the_role(cli, db):
    account = new_user("canbo", "canbo@example.vn")
    agency = factories.organization("Sở Y tế", slug="so-y-te")
    result = cli("add-member", "canbo", "so-y-te", "--role", "editor")
    assert result.exit_code == 0, result.output
    assert account.role_in(agency.id) is Role.EDITOR
    result = cli("add-member", "canbo", "so-y-te", "--role", "admin")
    assert result.exit_code == 0 and "(was editor)" in result.output
    db.session.expire_all()
    assert account.role_in(agency.id) is Role.ADMIN and len(account.memberships) == 1
    entry = db.session.scalars(select(Activity).where(Activity.organization_id == agency.id)
                               .order_by(Activity.timestamp.desc())).first()
    assert entry.changes == {"member:canbo": ["editor", "admin"]}


def test_add_member_errors(cli, db):
    new_user("canbo", "canbo@example.vn")
    missing_org = cli("add-member", "canbo", "so-khong-co", "--role", "editor")
    assert missing_org.exit_code == 1 and "No agency with the slug 'so-khong-co'" in missing_org.output
    missing_user = cli("add-member", "ai-do", "so-khong-co", "--role", "editor")
    assert missing_user.exit_code == 1 and "No user named" in missing_user.output
    bad_role = cli("add-member", "canbo", "so-khong-co", "--role", "owner")
    assert bad_role.exit_code == 2  # click's usage error lists the valid roles
    assert "admin" in bad_role.output and "Traceback" not in bad_role.output
