"""With CSRF protection on (as in production), every admin form carries a working token."""
from __future__ import annotations

import re
import shutil

import pytest

from opendata.extensions import db
from opendata.models import Membership, Organization, Role, User
from tests import factories
from tests.admin.conftest import activities
from tests.conftest import login_as, make_app

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture
def csrf_app(tmp_path, sqlite_template):
    instance = tmp_path / "csrf"
    instance.mkdir()
    shutil.copy(sqlite_template, instance / "opendata.db")
    app = make_app(instance, csrf=True)
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def signed_in(csrf_app):
    org = factories.organization("Sở Y tế", slug="so-y-te")
    root = User(username="root", email="root@example.gov.vn", is_sysadmin=True)
    clerk = User(username="clerk", email="clerk@example.gov.vn", full_name="Cán bộ")
    clerk.memberships.append(Membership(organization=org, role=Role.MEMBER))
    db.session.add_all([root, clerk])
    db.session.commit()
    client = csrf_app.test_client()
    login_as(client, root)
    return client


def test_post_without_token_is_refused(signed_in):
    response = signed_in.post("/admin/agency-types/new", data={"name": "Huyện", "slug": "huyen"})
    assert response.status_code == 400
    assert activities() == []


def test_row_forms_carry_a_working_token(signed_in):
    page = signed_in.get("/organization/so-y-te/members").get_data(as_text=True)
    token = TOKEN.search(page).group(1)
    assert page.count('id="csrf_token"') <= 1  # row forms do not repeat the id
    response = signed_in.post("/organization/so-y-te/members/clerk/role", data={"role": "editor", "csrf_token": token})
    assert response.status_code == 302
    org = db.session.scalar(db.select(Organization).where(Organization.slug == "so-y-te"))
    assert db.session.scalar(db.select(User).where(User.username == "clerk")).role_in(org.id) is Role.EDITOR


def test_user_page_buttons_carry_a_working_token(signed_in):
    page = signed_in.get("/admin/users/clerk").get_data(as_text=True)
    token = TOKEN.search(page).group(1)
    response = signed_in.post("/admin/users/clerk/active", data={"value": "0", "csrf_token": token})
    assert response.status_code == 302
    assert db.session.scalar(db.select(User).where(User.username == "clerk")).active is False
