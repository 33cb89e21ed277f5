import random

import pytest

from opendata.text import plain_excerpt, plain_text, render_markdown


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


def _rendered_plain_text(source: str) -> str:
    """plain_text as it was before the shortcut: always through the Markdown renderer."""
    import html

    import nh3

    from opendata.text import _markdown

    return " ".join(html.unescape(nh3.clean(_markdown.render(source), tags=set())).split())


TRICKY = [
    "", "  ", "Dữ liệu dân số năm 2024.", "Dòng một\nDòng hai\r\nDòng ba\rDòng bốn", "a  \nb", "a\n\n\nb",
    "1. Mục một\n2) Mục hai", "2024. Năm", "Năm\n2024. Năm", "- gạch\n+ cộng\n* sao", "Tiêu đề\n===", "Tiêu đề\n---",
    "# Đầu mục", "> trích dẫn", "    mã thụt lề", "\tthụt tab", "**đậm** _nghiêng_", "`mã`", "[liên kết](https://x.vn)",
    "<b>thẻ</b>", "&amp; &lt;", "a | b\n--|--\n1 | 2", "~~~\nrào\n~~~", "\\*thoát", "100%", "giá: 1.500.000 đồng (2024)",
    "https://angiang.gov.vn", "a@b.vn", "x\x00y", "x\x0cy", "x\x1fy", "x\x85y", "x\u00a0y", "x\u2028y", "x\u200by",
    "x\ufeffy", "ǅ ﬁ e\u0301", "Năm\r- gạch", "a\r\n1. b", "!", "'nháy' \"kép\"",
]


@pytest.mark.parametrize("source", TRICKY)
def test_plain_text_is_what_the_markdown_renders(source):
    assert plain_text.__wrapped__(source) == _rendered_plain_text(source)


def test_plain_text_agrees_with_the_renderer_on_random_text():
    rng = random.Random(62)
    pieces = list("ađờ 19.)(!;:'\"%@/?,-+=#>*_`[]<&|~\\\n\r\t\u00a0\u2028\x85\x0c") + ["\n\n", "  \n", "1. ", "- ", "    "]
    for _ in range(3000):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        assert plain_text.__wrapped__(source) == _rendered_plain_text(source), repr(source)


def test_text_without_markup_is_not_rendered(monkeypatch):
    """The common case (descriptions in plain sentences) skips the Markdown renderer."""

    class Refuses:
        def render(self, source):
            raise AssertionError(f"rendered {source!r}")

    monkeypatch.setattr("opendata.text._markdown", Refuses())
    text = "Số liệu dân số tỉnh An Giang năm 2024, do Cục Thống kê cập nhật.\nHằng năm (1.500 hộ)."
    assert plain_text.__wrapped__(text) == " ".join(text.split())
