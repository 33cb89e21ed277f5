"""The demo load creates sign-ins whose random passwords are listed in a private file."""
from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from opendata.accounts.passwords import verify_password
from opendata.demo import load_demo
from opendata.demo.accounts import create_demo_accounts
from opendata.extensions import db as _db
from opendata.models import Organization, Role, User
from tests.accounts.support import login
from tests.conftest import make_app


@pytest.fixture(scope="module")
def demo(sqlite_template, tmp_path_factory):
    instance = tmp_path_factory.mktemp("demo-accounts")
    shutil.copy(sqlite_template, instance / "opendata.db")
    application = make_app(instance)
    with application.app_context():
        lines: list[str] = []
        load_demo(echo=lines.append)
        yield {"app": application, "lines": lines, "file": instance / "demo-accounts.txt"}
        _db.session.remove()
        _db.engine.dispose()


def listed(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]


def test_file_is_private_and_named_in_the_output(demo):
    path = demo["file"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert any(str(path) in line for line in demo["lines"])
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".demo-accounts")] == []


def test_one_sysadmin_and_an_editor_per_agency(demo):
    rows = listed(demo["file"])
    assert rows[0][0] == "quantri" and rows[0][3] == "sysadmin"
    organizations = {o.name: o for o in _db.session.scalars(select(Organization))}
    editors = rows[1:]
    assert len(editors) == len(organizations) >= 15
    for username, _password, agency, role in editors:
        organization = organizations[agency]
        assert username == f"bientap-{organization.slug}" and role == "editor"
        user = _db.session.scalar(select(User).where(User.username == username))
        assert user.role_in(organization.id) is Role.EDITOR and not user.is_sysadmin
        assert user.email_confirmed_at is not None
    assert _db.session.scalar(select(User).where(User.username == "quantri")).is_sysadmin


def test_listed_passwords_are_random_and_work(demo):
    rows = listed(demo["file"])
    passwords = [row[1] for row in rows]
    assert len(set(passwords)) == len(passwords) and all(len(p) >= 16 for p in passwords)
    for username, password, _agency, _role in rows:
        user = _db.session.scalar(select(User).where(User.username == username))
        assert verify_password(user, password), username
    client = demo["app"].test_client()
    for username, password, _agency, _role in (rows[0], rows[1]):
        response = login(client, username, password)
        assert response.status_code == 302, username
        assert username in client.get("/account").get_data(as_text=True)
        client.post("/account/logout")


def test_existing_accounts_are_left_alone(demo):
    before = demo["file"].read_text(encoding="utf-8")
    lines: list[str] = []
    assert create_demo_accounts(echo=lines.append) is None
    assert demo["file"].read_text(encoding="utf-8") == before
    assert any("quantri already exists" in line for line in lines)
