"""robots.txt: crawl the public pages, not the sign-in, editing or API write paths; point to the sitemap."""
from __future__ import annotations

from urllib.robotparser import RobotFileParser


def rules(client) -> tuple[str, RobotFileParser]:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    text = response.get_data(as_text=True)
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return text, parser


def test_robots_names_the_absolute_sitemap(client):
    text, parser = rules(client)
    assert parser.site_maps() == ["http://localhost/sitemap.xml"]
    assert "Sitemap: http://localhost/sitemap.xml" in text.splitlines()


def test_robots_uses_the_configured_site_url(app, client):
    app.config["SITE_URL"] = "https://data.angiang.gov.vn"
    _, parser = rules(client)
    assert parser.site_maps() == ["https://data.angiang.gov.vn/sitemap.xml"]


def test_public_pages_may_be_crawled(client):
    _, parser = rules(client)
    for path in ("/", "/dataset", "/dataset/benh-vien", "/organization/so-y-te", "/group/y-te", "/license/cc-by-4.0",
                 "/about", "/feeds/datasets.atom", "/sitemap.xml", "/api", "/catalog.ttl"):
        assert parser.can_fetch("Googlebot", f"http://localhost{path}"), path


def test_private_and_write_paths_are_disallowed(client):
    text, parser = rules(client)
    for path in ("/workspace", "/admin", "/admin/users", "/account/login", "/lang/en", "/dataset/new",
                 "/dataset/edit/benh-vien", "/api/3/action/package_create", "/api/action/package_update"):
        assert not parser.can_fetch("Googlebot", f"http://localhost{path}"), path
    # Wildcards are outside Python's parser but read by Google and Bing (RFC 9309).
    lines = text.splitlines()
    for rule in ("Disallow: /organization/*/members", "Disallow: /dataset/*/resource/*/edit", "Disallow: /*?"):
        assert rule in lines
