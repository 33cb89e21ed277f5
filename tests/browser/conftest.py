"""The demo catalogue served on a real port, and a headless Chromium to drive it.

``demo_app`` is built once per session (migrated SQLite database in a temporary
instance folder, demo catalogue loaded with its files); the browser tests use
it through ``live_server`` and the link crawl through its test client.

Chromium is the Debian package (``OPENDATA_CHROMIUM`` overrides the path);
Playwright's own browser download is not used. Screenshots and axe reports go
to ``test-artifacts/`` (gitignored) at the project root.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from opendata.extensions import db as _db
from tests.conftest import make_app, migrate, serve, service_missing

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE_JS = PROJECT_ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"

# Flags that work as root in a container without a GPU, and keep Chromium
# from calling home (there is no internet here).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--metrics-recording-only",
    "--mute-audio",
]

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def demo_app(tmp_path_factory):
    """The application on its own migrated SQLite database holding the demo catalogue."""
    from opendata.demo import load_demo

    instance = tmp_path_factory.mktemp("demo-instance")
    app = make_app(instance)
    migrate(app)
    with app.app_context():
        load_demo(if_empty=False, echo=lambda *args, **kwargs: None)
        _db.session.remove()
    yield app
    with app.app_context():
        _db.session.remove()
        _db.engine.dispose()


@pytest.fixture(scope="session")
def live_server(demo_app):
    """``demo_app`` served by a threaded werkzeug server on 127.0.0.1; yields its base URL."""
    with serve(demo_app) as port:
        host = f"127.0.0.1:{port}"
        # URLs the app builds (and the test client's Host) match the served address.
        demo_app.config["SERVER_NAME"] = host
        yield f"http://{host}"


def chromium_path() -> str | None:
    return os.environ.get("OPENDATA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if not executable or not os.access(executable, os.X_OK):
        service_missing("Chromium: install the Debian package `chromium` or set OPENDATA_CHROMIUM")
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        try:
            chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        except PlaywrightError as exc:
            service_missing(f"Chromium at {executable} does not start: {exc.message.splitlines()[0]}")
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


class PageWatcher:
    """Collects what should never happen while browsing: HTTP errors, console errors, JS exceptions."""

    def __init__(self, page, base_url: str):
        self.problems: list[str] = []
        self.base_url = base_url
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"JavaScript error: {exc}"))

    def _response(self, response) -> None:
        if response.status >= 400 and response.url.startswith(self.base_url):
            self.problems.append(f"HTTP {response.status} for {response.url}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error on {message.location.get('url')}: {message.text}")


def _new_page(browser, base_url: str, **context_options):
    context = browser.new_context(
        base_url=base_url,
        viewport=context_options.pop("viewport", DESKTOP),
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        accept_downloads=True,
        **context_options,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    watcher = PageWatcher(page, base_url)
    return context, page, watcher


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context (no cookies, JavaScript on, CSP enforced) and page."""
    context, page, watcher = _new_page(browser, live_server)
    try:
        yield page
    finally:
        context.close()
    assert not watcher.problems, "problems while browsing:\n" + "\n".join(watcher.problems)


@pytest.fixture
def page_factory(browser, live_server):
    """Open further contexts (mobile viewport, JavaScript off, CSP bypassed for axe)."""
    opened = []

    def factory(**context_options):
        context, page, watcher = _new_page(browser, live_server, **context_options)
        opened.append((context, watcher))
        return page

    try:
        yield factory
    finally:
        for context, _ in opened:
            context.close()
    problems = [p for _, watcher in opened for p in watcher.problems]
    assert not problems, "problems while browsing:\n" + "\n".join(problems)


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Emptied once per run, so it holds exactly the pages this run visited."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def screenshot(screenshot_dir):
    """``screenshot(page, name)``: a full-page PNG in test-artifacts/screenshots/."""

    def take(page, name: str) -> Path:
        path = screenshot_dir / f"{_safe_name(name)}.png"
        page.screenshot(path=str(path), full_page=True, animations="disabled")
        return path

    return take


@pytest.fixture(scope="session")
def demo_facts(demo_app):
    """Things the tests look for, read from the demo database instead of hard-coded."""
    from sqlalchemy import select

    from opendata import catalogue
    from opendata.models import Dataset, DatasetState, Resource, ResourceKind
    from opendata.storage import get_storage

    with demo_app.test_request_context("/"):
        storage = get_storage()
        total = catalogue.dataset_page(None, catalogue.DatasetFilters(), 1, 1, with_facets=False).total
        assert total >= 5, f"the demo catalogue has only {total} public datasets"

        # A downloadable stored file with a non-ASCII (Vietnamese) original name.
        rows = _db.session.scalars(
            select(Resource)
            .join(Dataset, Resource.dataset_id == Dataset.id)
            .where(Resource.kind == ResourceKind.FILE, Dataset.state == DatasetState.PUBLISHED,
                   Dataset.private.is_(False), Resource.filename.is_not(None), Resource.sha256.is_not(None))
            .order_by(Resource.size, Resource.id)
        ).all()
        files = [r for r in rows if r.storage_key and storage.exists(r.storage_key)]
        assert files, "the demo catalogue has no public stored files"
        vietnamese = [r for r in files if not r.filename.isascii()] or files
        resource = vietnamese[0]

        # A search word matching several (not all) datasets of several agencies.
        titles = _db.session.scalars(select(Dataset.title).where(Dataset.state == DatasetState.PUBLISHED)).all()
        words = sorted({w for t in titles for w in re.findall(r"\w{3,}", t) if w == w.lower() and not w.isdigit()})
        best = None
        for word in words:
            page = catalogue.dataset_page(None, catalogue.DatasetFilters(q=word), 1, 1)
            agencies = len(page.facets["organization"])
            formats = len(page.facets["format"])
            if 3 <= page.total < total and agencies >= 2:
                score = (min(agencies, 5), min(formats, 3), -abs(page.total - 12))
                if best is None or score > best[0]:
                    best = (score, word)
        assert best, "no search word matches datasets of several agencies"

        organizations = [(org.slug, count) for org, count in catalogue.organizations_with_counts(None) if count]
        organizations.sort(key=lambda row: -row[1])
        facts = {
            "total": total,
            "dataset_slug": resource.dataset.slug,
            "resource_id": resource.id,
            "resource_name": resource.name,
            "resource_filename": resource.filename,
            "resource_sha256": resource.sha256,
            "search_word": best[1],
            "organization_slug": organizations[0][0],
        }
        _db.session.remove()
    return facts
