"""The interactive API documentation in a real browser: Swagger UI from the vendored files,
under the portal's Content-Security-Policy, listing every verb and running one."""
from __future__ import annotations

import json

import pytest

from opendata.api.actions import actions

pytestmark = pytest.mark.browser


def test_swagger_ui_lists_every_verb_and_runs_package_search(page, screenshot):
    page.goto("/api")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    listed = page.locator(".swagger-ui .opblock-summary-path").all_inner_texts()
    for verb in actions():
        assert any(path.strip().endswith(f"/action/{verb}") for path in listed), verb
    search = page.locator(".opblock-get").filter(has_text="/api/3/action/package_search").first
    search.locator(".opblock-summary").click()
    search.locator(".try-out__btn").click()
    search.locator("button.execute").click()
    body = search.locator(".responses-wrapper .live-responses-table .response-col_description pre").first
    body.wait_for(timeout=20_000)
    answer = json.loads(body.inner_text())
    assert answer["success"] is True and answer["result"]["count"] > 0
    screenshot(page, "api-docs-package-search")
