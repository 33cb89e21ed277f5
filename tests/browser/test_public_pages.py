"""The public pages in a real Chromium: language, search, filters, downloads, keyboard, accessibility.

Every visited page is saved as a full-page screenshot in
``test-artifacts/screenshots/``; axe-core results go to ``test-artifacts/axe/``.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS, AXE_JS, MOBILE

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING_IMPACTS = {"serious", "critical"}


def result_count(page) -> int:
    """The number in the "N datasets found" heading (any language, any digit grouping)."""
    text = page.locator("#results-title").inner_text()
    match = re.search(r"\d[\d.,\u00a0\u202f ]*", text)
    assert match, f"no count in {text!r}"
    return int(re.sub(r"\D", "", match.group()))


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def active_element(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement; return {
            tag: e.tagName.toLowerCase(), id: e.id, cls: e.className || '',
            href: e.getAttribute('href') || '', text: (e.innerText || e.value || '').trim().slice(0, 60)}; }"""
    )


def facet_link(page, param: str, below: int | None = None):
    """The first facet link filtering on ``param`` (with its shown count), preferring counts below ``below``."""
    items = page.locator("aside.filters li").filter(has=page.locator(f'a[href*="{param}="]'))
    choices = []
    for i in range(items.count()):
        item = items.nth(i)
        if not item.is_visible():  # beyond the first eight, behind "Show more"
            continue
        count = int(re.sub(r"\D", "", item.locator(".count").inner_text()))
        choices.append((item.locator("a"), count))
    assert choices, f"no {param} filter on {page.url}"
    for link, count in choices:
        if below is None or count < below:
            return link, count
    return choices[0]


# --- Home page, language -----------------------------------------------------


def test_home_is_vietnamese_and_skip_link_comes_first(page, screenshot):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("main#content h1")).to_be_visible()
    expect(page.locator("#home-q")).to_be_visible()
    screenshot(page, "home-vi")

    page.keyboard.press("Tab")
    focused = active_element(page)
    assert "skip-link" in focused["cls"], f"first focusable element is {focused}, not the skip link"
    box = page.locator(".skip-link").bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0, "the focused skip link is off screen"
    screenshot(page, "home-vi-skip-link-focused")

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#content$"))
    focused = active_element(page)
    assert focused["tag"] == "main" and focused["id"] == "content", f"focus went to {focused}, not <main>"


def test_language_switch_is_remembered(page, screenshot):
    page.goto("/dataset")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    english = page.locator("nav.lang-switch").get_by_role("link", name="English")
    expect(english).to_be_visible()
    english.click()

    # Back on the same page, now in English.
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert urlsplit(page.url).path == "/dataset"
    expect(page.locator("nav.lang-switch a[hreflang=en]")).to_have_attribute("aria-current", "true")
    screenshot(page, "datasets-en")

    # The choice is kept on the next page.
    page.locator("nav.main-nav").get_by_role("link").nth(1).click()
    expect(page).to_have_url(re.compile(r"/organization$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshot(page, "agencies-en")

    # And switching back works the same way.
    page.locator("nav.lang-switch").get_by_role("link", name="Tiếng Việt").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")


# --- Search, filters, dataset, resource -------------------------------------


def test_search_then_filter_by_agency_and_format(page, demo_facts, screenshot):
    page.goto("/")
    page.locator("#home-q").fill(demo_facts["search_word"])
    page.locator("#home-q").press("Enter")
    expect(page).to_have_url(re.compile(r"/dataset\?"))
    assert query_of(page)["q"] == [demo_facts["search_word"]]
    expect(page.locator("#list-q")).to_have_value(demo_facts["search_word"])
    searched = result_count(page)
    assert 0 < searched < demo_facts["total"]
    assert page.locator(".dataset-list > li").count() == min(searched, 20)
    screenshot(page, "search-results-vi")

    link, expected = facet_link(page, "organization", below=searched)
    agency = parse_qs(urlsplit(link.get_attribute("href")).query)["organization"][0]
    link.click()
    expect(page).to_have_url(re.compile(r"organization="))
    query = query_of(page)
    assert query["organization"] == [agency] and query["q"] == [demo_facts["search_word"]]
    by_agency = result_count(page)
    assert by_agency == expected
    assert by_agency < searched
    expect(page.locator('aside.filters a[aria-current="true"]')).to_have_count(1)
    screenshot(page, "search-results-by-agency-vi")

    link, expected = facet_link(page, "res_format", below=by_agency)
    fmt = parse_qs(urlsplit(link.get_attribute("href")).query)["res_format"][0]
    link.click()
    expect(page).to_have_url(re.compile(r"res_format="))
    query = query_of(page)
    assert query["res_format"] == [fmt] and query["organization"] == [agency]
    assert result_count(page) == expected
    # Every listed dataset has a resource in that format.
    for item in page.locator(".dataset-list > li").all():
        badges = [b.strip().upper() for b in item.locator(".formats .badge").all_inner_texts()]
        assert fmt.upper() in badges
    screenshot(page, "search-results-by-agency-and-format-vi")

    # Removing the agency filter (its selected link) widens the result again.
    page.locator('aside.filters a.selected:not([href*="organization="])').click()
    expect(page).not_to_have_url(re.compile(r"organization="))
    assert query_of(page)["res_format"] == [fmt]
    assert result_count(page) >= expected


def test_open_dataset_and_resource_from_the_list(page, screenshot):
    page.goto("/dataset")
    first = page.locator(".dataset-list > li h3 a").first
    title = first.inner_text().strip()
    first.click()
    expect(page).to_have_url(re.compile(r"/dataset/[^/?]+$"))
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".breadcrumb [aria-current=page]")).to_have_text(title)
    expect(page.locator("table.metadata")).to_be_visible()
    screenshot(page, "dataset-vi")

    resource = page.locator(".resource-list h3 a").first
    name = resource.inner_text().strip()
    resource.click()
    expect(page).to_have_url(re.compile(r"/dataset/[^/]+/resource/[^/?]+$"))
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator("main").get_by_role("link", name=title, exact=True)).to_have_count(2)  # breadcrumb and "part of"
    screenshot(page, "resource-vi")


def test_download_keeps_vietnamese_name_and_checksum(page, demo_facts, screenshot):
    page.goto(f"/dataset/{demo_facts['dataset_slug']}")
    page.locator(f'.resource-list h3 a[href$="/resource/{demo_facts["resource_id"]}"]').click()
    expect(page.locator("h1")).to_have_text(demo_facts["resource_name"])
    shown = page.locator("code.checksum-full").inner_text().strip()
    assert shown == demo_facts["resource_sha256"]
    expect(page.locator("table.metadata")).to_contain_text(demo_facts["resource_filename"])
    screenshot(page, "resource-file-vi")

    with page.expect_download() as info:
        page.locator("main a.button").first.click()
    download = info.value
    assert download.failure() is None
    assert download.suggested_filename == demo_facts["resource_filename"]
    data = Path(download.path()).read_bytes()
    assert hashlib.sha256(data).hexdigest() == shown

    # The download button on the dataset page gives the same file.
    page.goto(f"/dataset/{demo_facts['dataset_slug']}")
    button = page.locator(f'.resource-list a.button[href*="/resource/{demo_facts["resource_id"]}/download"]')
    with page.expect_download() as info:
        button.click()
    assert info.value.suggested_filename == demo_facts["resource_filename"]
    assert hashlib.sha256(Path(info.value.path()).read_bytes()).hexdigest() == shown


# --- Keyboard ---------------------------------------------------------------


def test_keyboard_only_reaches_the_search_box(page, demo_facts):
    page.goto("/")
    visited = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = active_element(page)
        visited.append(focused)
        if focused["id"] == "home-q":
            break
    else:
        pytest.fail("Tab never reached the home search box; focus went through:\n"
                    + "\n".join(map(str, visited)))
    assert "skip-link" in visited[0]["cls"]
    # Header links come before the search box, each with a visible focus indicator.
    assert any(v["href"].startswith("/lang/en") for v in visited)
    assert any(v["href"] == "/dataset" for v in visited)
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
    )
    assert style[0] != "none" or style[2] != "none", f"the focused search box shows no focus indicator: {style}"

    page.keyboard.type(demo_facts["search_word"])
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/dataset\?q="))
    assert result_count(page) > 0


# --- Accessibility (axe-core) -------------------------------------------------


AXE_PAGES = {
    "home": lambda facts: "/",
    "datasets": lambda facts: "/dataset",
    "dataset": lambda facts: f"/dataset/{facts['dataset_slug']}",
    "resource": lambda facts: f"/dataset/{facts['dataset_slug']}/resource/{facts['resource_id']}",
    "agencies": lambda facts: "/organization",
    "agency": lambda facts: f"/organization/{facts['organization_slug']}",
}


def format_violations(violations) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:10]:
            lines.append(f"    {' > '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1:]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", list(AXE_PAGES))
def test_axe_finds_no_serious_violations(page_factory, demo_facts, screenshot, name, lang):
    # CSP forbids inline scripts (rightly); this context lets axe in.
    page = page_factory(bypass_csp=True)
    path = AXE_PAGES[name](demo_facts)
    page.goto(f"/lang/{lang}?next={path}")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert urlsplit(page.url).path == path
    screenshot(page, f"{name}-{lang}")

    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("(tags) => axe.run(document, {runOnly: tags, resultTypes: ['violations']})", AXE_TAGS)
    violations = results["violations"]
    report_dir = ARTIFACTS / "axe"
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / f"{name}-{lang}.json").write_text(
        json.dumps([{k: v[k] for k in ("id", "impact", "help", "helpUrl", "nodes")} for v in violations],
                   ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    if violations:
        print(f"axe on {path} ({lang}):\n{format_violations(violations)}")
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe found serious/critical violations on {path} ({lang}):\n{format_violations(blocking)}"


# --- Without JavaScript; small screens -----------------------------------------


def test_pages_work_without_javascript(page_factory, demo_facts, screenshot):
    page = page_factory(java_script_enabled=False)
    slug = demo_facts["dataset_slug"]
    checks = [
        ("home", "/", "#home-q"),
        ("datasets", "/dataset", ".dataset-list > li"),
        ("dataset", f"/dataset/{slug}", ".resource-list > li"),
        ("resource", f"/dataset/{slug}/resource/{demo_facts['resource_id']}", "code.checksum-full"),
        ("agencies", "/organization", ".tile-grid a.tile"),
        ("agency", f"/organization/{demo_facts['organization_slug']}", ".dataset-list > li"),
        ("topics", "/group", "a[href^='/group/']"),
        ("licences", "/license", "a[href^='/license/']"),
        ("about", "/about", "p"),
    ]
    for name, path, selector in checks:
        response = page.goto(path)
        assert response.status == 200, f"{path}: HTTP {response.status}"
        expect(page.locator("main#content h1")).not_to_be_empty()
        expect(page.locator(f"main#content {selector}").first).to_be_visible()
        screenshot(page, f"nojs-{name}-vi")

    # Search and filters are plain forms and links.
    page.goto("/")
    page.locator("#home-q").fill(demo_facts["search_word"])
    page.locator(".hero-search button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/dataset\?q="))
    assert result_count(page) > 0
    page.locator('aside.filters a[href*="organization="]').first.click()
    expect(page).to_have_url(re.compile(r"organization="))
    page.locator("nav.lang-switch").get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert "organization" in query_of(page)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_mobile_layout_has_no_horizontal_scroll(page_factory, demo_facts, screenshot, lang):
    page = page_factory(viewport=MOBILE, is_mobile=True, has_touch=True)
    pages = {
        "home": "/",
        "datasets": "/dataset",
        "dataset": f"/dataset/{demo_facts['dataset_slug']}",
        "resource": f"/dataset/{demo_facts['dataset_slug']}/resource/{demo_facts['resource_id']}",
    }
    overflowing = []
    for name, path in pages.items():
        page.goto(f"/lang/{lang}?next={path}")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        screenshot(page, f"mobile-{name}-{lang}")
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        if widths[0] > widths[1]:
            wide = page.evaluate(
                """() => [...document.querySelectorAll('main *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))"""
            )
            overflowing.append(f"{path}: page {widths[0]}px wide in a {widths[1]}px viewport; widest: {wide}")
    assert not overflowing, "\n".join(overflowing)
