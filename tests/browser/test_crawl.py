"""Every internal link and embedded file reachable from the main public pages answers.

Runs on the demo catalogue through the Flask test client (no browser needed):
starting from the home page, the dataset list, one dataset page, the agency
list and one agency page, follows internal ``href``/``src``/``action`` targets
to depth 2 (capped at ``MAX_URLS``) and reports any answer of 400 or more with
the page it was found on.

Within a depth, plain paths come before URLs with a query string, so the cap
is spent on distinct pages (datasets, resources, downloads) before filter,
sort and page variants of the lists.
"""
from __future__ import annotations

import heapq
import itertools
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

MAX_URLS = 400
MAX_DEPTH = 2
LINK_ATTRIBUTES = {"href", "src", "action", "poster", "data"}


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in LINK_ATTRIBUTES:
                self.links.append(value)
            elif name == "srcset":
                self.links.extend(part.strip().split(" ")[0] for part in value.split(",") if part.strip())

    handle_startendtag = handle_starttag


def internal_target(base: str, link: str, hosts: set[str]) -> str | None:
    """``link`` as a local path with query (fragment stripped), or None when it leaves the site."""
    link = link.strip()
    if not link or link.startswith("#"):
        return None
    parts = urlsplit(urljoin(base, link))
    if parts.scheme not in {"http", "https"} or parts.netloc not in hosts:
        return None
    return urlunsplit(("", "", parts.path or "/", parts.query, ""))


def test_no_broken_internal_links(demo_app, demo_facts):
    # No cookies: following /lang/en must not switch the rest of the crawl to English.
    client = demo_app.test_client(use_cookies=False)
    server = demo_app.config["SERVER_NAME"]
    hosts = {server, "localhost"}
    base = f"http://{server}/"

    starts = [
        "/",
        "/dataset",
        f"/dataset/{demo_facts['dataset_slug']}",
        "/organization",
        f"/organization/{demo_facts['organization_slug']}",
    ]
    found_on: dict[str, str] = {}  # every URL seen -> the first page linking to it
    queue: list[tuple[int, bool, int, str, str]] = []  # (depth, has query, sequence, url, referrer)
    sequence = itertools.count()

    def enqueue(url: str, depth: int, referrer: str) -> None:
        if url not in found_on:
            found_on[url] = referrer
            heapq.heappush(queue, (depth, "?" in url, next(sequence), url, referrer))

    for url in starts:
        enqueue(url, 0, "(start page)")
    checked: dict[str, int] = {}
    broken: list[str] = []

    while queue and len(checked) < MAX_URLS:
        depth, _, _, url, referrer = heapq.heappop(queue)
        if url in checked:
            continue
        is_download = "/download" in urlsplit(url).path
        # Downloads may be large: HEAD answers the same status without the bytes.
        response = client.head(url) if is_download else client.get(url)
        try:
            status = response.status_code
            checked[url] = status
            if status >= 400:
                broken.append(f"{status} {url}  (linked from {referrer})")
                continue
            if 300 <= status < 400:
                target = internal_target(urljoin(base, url), response.headers.get("Location", ""), hosts)
                if target:
                    enqueue(target, depth, url)
                continue
            if depth >= MAX_DEPTH or response.mimetype != "text/html":
                continue
            parser = LinkParser()
            parser.feed(response.get_data(as_text=True))
            for link in parser.links:
                target = internal_target(urljoin(base, url), link, hosts)
                if target:
                    enqueue(target, depth + 1, url)
        finally:
            response.close()

    kinds: dict[str, int] = {}
    for url in checked:
        path = urlsplit(url).path
        kind = "download" if "/download" in path else "resource" if "/resource/" in path else path.split("/")[1] or "home"
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"crawl: {len(checked)} URLs checked {kinds}, {len(found_on) - len(checked)} left over by the cap")
    assert len(checked) >= 50, f"the crawl reached only {len(checked)} URLs: {sorted(checked)}"
    assert any("/download" in url for url in checked), "no download link was checked"
    assert any(url.startswith("/static/") for url in checked), "no static file was checked"
    assert not broken, "broken internal links:\n" + "\n".join(broken)
