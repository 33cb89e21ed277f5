from opendata.text import plain_excerpt, render_markdown


def test_markdown_renders_lists_and_links():
    html = str(render_markdown("# Tiêu đề\n\n- một\n- hai\n\n[Nguồn](https://angiang.gov.vn)"))
    assert "<h2>Tiêu đề</h2>" in html  # the page title is the only h1
    assert "<li>một</li>" in html
    assert 'href="https://angiang.gov.vn"' in html and 'rel="noopener noreferrer nofollow"' in html


def test_markdown_strips_scripts_handlers_and_javascript_links():
    html = str(render_markdown('<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <b onclick="x()">b</b>'))
    # Raw HTML comes out as inert text; no live tag, handler or script link survives.
    assert "<script" not in html and "<img" not in html and "<b " not in html
    assert 'href="javascript' not in html


def test_excerpt_is_plain_text_and_cut_on_a_word():
    text = plain_excerpt("**Dữ liệu** & thống kê " + "dân số " * 100, length=40)
    assert text.startswith("Dữ liệu & thống kê")
    assert text.endswith("…") and len(text) <= 40
