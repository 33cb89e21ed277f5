"""An agency editor publishes a dataset in a real Chromium; a visitor then finds it.

The editor is created for this test in the shared demo database, and the
dataset is removed again afterwards so the other browser tests see the demo
catalogue unchanged. Screenshots go to ``test-artifacts/screenshots/``.
"""
from __future__ import annotations

import json
import secrets

import pytest
from playwright.sync_api import expect
from werkzeug.security import generate_password_hash

from opendata.extensions import db
from opendata.models import Dataset, Membership, Organization, Role, User, utcnow
from opendata.storage import get_storage
from tests.conftest import login_as

from .conftest import ARTIFACTS, AXE_JS

pytestmark = pytest.mark.browser

PASSWORD = "Biên-tập-viên-2025!"
CSV = "Tên điểm du lịch,Xã,Loại hình\nLàng nổi Châu Đốc,Vĩnh Ngươn,Văn hóa\nRừng tràm Trà Sư,Văn Giáo,Sinh thái\n".encode()


@pytest.fixture
def editor(demo_app):
    """An editor of one demo agency with a known password; their datasets are removed afterwards."""
    token = secrets.token_hex(3)
    with demo_app.app_context():
        organization = db.session.scalar(db.select(Organization).order_by(Organization.name))
        user = User(username=f"bien-tap-{token}", email=f"bien-tap-{token}@example.gov.vn",
                    full_name="Trần Văn Biên", password_hash=generate_password_hash(PASSWORD), email_confirmed_at=utcnow())
        user.memberships.append(Membership(organization=organization, role=Role.EDITOR))
        db.session.add(user)
        db.session.commit()
        facts = {"id": user.id, "username": user.username, "token": token, "organization": organization.slug}
        db.session.remove()
    yield facts
    with demo_app.app_context():
        storage = get_storage()
        for dataset in db.session.scalars(db.select(Dataset).where(Dataset.title.contains(token))):
            keys = [r.storage_key for r in dataset.resources if r.storage_key]
            db.session.delete(dataset)
            db.session.commit()
            for key in keys:
                storage.delete(key)
        db.session.remove()


def sign_in(demo_app, page, editor) -> None:
    """Through the sign-in form when the accounts pages exist; else with a session made by the test client."""
    if "account.login" in demo_app.view_functions:
        page.goto("/account/login?next=/workspace")
        page.fill("#login", editor["username"])
        page.fill("#password", PASSWORD)
        page.locator("form[method=post] button[type=submit]").click()
        page.wait_for_url("**/workspace")
        return
    client = demo_app.test_client()
    with demo_app.app_context():
        login_as(client, db.session.get(User, editor["id"]))
        db.session.remove()
    cookie = client.get_cookie(demo_app.config.get("SESSION_COOKIE_NAME", "session"))
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": page.url or "http://127.0.0.1"}])
    page.goto("/workspace")


def test_editor_publishes_and_a_visitor_finds_it(demo_app, live_server, page, page_factory, editor, screenshot):
    page.goto("/")
    sign_in(demo_app, page, editor)
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, "publishing-01-workspace")

    # A new draft, with the metadata the regulation asks for.
    page.locator('a[href^="/dataset/new"]').first.click()
    title = f"Điểm du lịch cộng đồng {editor['token']}"
    page.fill("#title", title)
    page.fill("#description", "Danh sách **điểm du lịch cộng đồng** của tỉnh, cập nhật hằng năm.")
    page.select_option("#licence_id", "cc-by-4.0")
    page.fill("#tags", "du lịch, cộng đồng")
    page.fill("#spatial", "Tỉnh An Giang")
    page.fill("#temporal_start", "2024-01-01")
    page.fill("#temporal_end", "2024-12-31")
    page.select_option("#frequency", "ANNUAL")
    page.fill("#contact_email", "dulich@angiang.gov.vn")
    screenshot(page, "publishing-02-new-dataset-form")
    page.locator("form.ws-form button[type=submit]").click()
    page.wait_for_url("**/dataset/manage/**")
    slug = page.url.rstrip("/").rsplit("/", 1)[-1]
    expect(page.locator('.flash[role="status"]').first).to_be_visible()
    expect(page.locator(".badge.state-draft")).to_be_visible()

    # Upload a CSV with a Vietnamese file name.
    page.locator(f'a[href="/dataset/{slug}/resource/new"]').click()
    expect(page.locator("#file-limit")).to_be_visible()
    page.set_input_files("#file", files=[{"name": "Điểm du lịch.csv", "mimeType": "text/csv", "buffer": CSV}])
    page.locator("form.ws-form button[type=submit]").click()
    page.wait_for_url(f"**/dataset/manage/{slug}")
    expect(page.locator(".ws-resources")).to_contain_text("Điểm du lịch.csv")

    # Publish.
    page.locator(f'form[action="/dataset/publish/{slug}"] button').click()
    page.wait_for_url(f"**/dataset/manage/{slug}")
    expect(page.locator(".badge.state-published")).to_be_visible()
    screenshot(page, "publishing-03-published")
    _axe_has_no_serious_violations(page_factory, page.context.cookies(), {
        "workspace": "/workspace", "new-dataset": "/dataset/new", "edit": f"/dataset/edit/{slug}",
        "manage": f"/dataset/manage/{slug}", "new-resource": f"/dataset/{slug}/resource/new",
        "history": f"/dataset/activity/{slug}",
    })

    # A visitor, without any cookie, finds it in the list and opens it.
    visitor = page_factory()
    visitor.goto(f"/dataset?q={editor['token']}")
    visitor.locator(f'a[href="/dataset/{slug}"]').first.click()
    expect(visitor.locator("h1")).to_have_text(title)
    expect(visitor.locator(".resource-list")).to_contain_text("Điểm du lịch")
    expect(visitor.locator(f'a[href="/dataset/manage/{slug}"]')).to_have_count(0)
    history = visitor.locator(".dataset-history")
    expect(history).to_be_visible()
    expect(history).not_to_contain_text("Trần Văn Biên")  # visitors see the agency, not the officer
    screenshot(visitor, "publishing-04-public-dataset")


def _axe_has_no_serious_violations(page_factory, cookies, paths: dict[str, str]) -> None:
    """axe-core on signed-in pages (CSP bypassed in this context only, so axe can be injected)."""
    checker = page_factory(bypass_csp=True)
    checker.context.add_cookies(cookies)
    report = ARTIFACTS / "axe"
    report.mkdir(parents=True, exist_ok=True)
    serious = []
    for name, path in paths.items():
        checker.goto(path)
        checker.add_script_tag(path=str(AXE_JS))
        results = checker.evaluate(
            "() => axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations']})")
        (report / f"publishing-{name}.json").write_text(json.dumps(results["violations"], ensure_ascii=False, indent=1))
        serious += [f"{path}: {v['id']}: {v['help']}" for v in results["violations"] if v["impact"] in {"serious", "critical"}]
    assert not serious, "\n".join(serious)
