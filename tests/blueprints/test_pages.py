"""Home, guidance and error pages."""
import pytest

from tests import factories


def test_home_shows_counts_topics_newest_and_agencies(client, app):
    org = factories.organization("Sở Công Thương", slug="so-cong-thuong")
    topic = factories.topic("Công nghiệp", slug="cong-nghiep")
    factories.dataset(org, title="Giá cả thị trường", topics=[topic], resources=[("gia.csv", b"a\n")])
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="vi">' in page
    for text in ("Giá cả thị trường", "Công nghiệp", "Sở Công Thương", 'action="/dataset"', 'href="#content"', 'id="content"'):
        assert text in page, text


@pytest.mark.parametrize("path", ["/about", "/guide", "/terms", "/api", "/api/guide"])
def test_guidance_pages_render(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "<h1" in response.get_data(as_text=True)


def test_the_first_api_page_address_leads_to_the_api_guide(client):
    response = client.get("/api-guide")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/api/guide")


def test_terms_quote_the_regulation_and_default_terms(client):
    page = client.get("/terms").get_data(as_text=True)
    assert "Điều 43 Luật Giao dịch điện tử" in page
    assert "/license/vn-open-data-default" in page


@pytest.mark.parametrize("path, status", [
    ("/khong-co-trang-nay", 404),
    ("/dataset/%ff%fe", 404),
    ("/dataset?q=" + "a" * 600, 200),  # search words are cleaned and cut, never refused
    ("/dataset?q=%01", 200),
    ("/lang/fr", 404),
    ("/dataset?page=1e9", 400),
])
def test_bad_urls_get_friendly_error_pages(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert '<html lang="vi">' in page and "/dataset" in page  # full layout with a way back


def test_unexpected_errors_get_the_friendly_500_page(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.route("/boom")
    def boom():
        raise RuntimeError("unexpected")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert '<html lang="vi">' in response.get_data(as_text=True)


def test_security_headers(client):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
