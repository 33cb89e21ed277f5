"""Markdown to safe HTML: publishers write Markdown, visitors get sanitised HTML."""
from __future__ import annotations

import html as html_lib
import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr",
}


def render_markdown(source: str | None) -> Markup:
    """Render Markdown and strip everything but a small set of harmless tags.

    Raw HTML is off in the parser and nh3 cleans the result again, so stored
    descriptions can never carry script, event handlers or ``javascript:`` links.
    Headings start at h2 because the page title is the h1.
    """
    html = _markdown.render(source or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes={"a": {"href", "title"}, "th": {"align"}, "td": {"align"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)


# What Markdown (CommonMark with tables, raw HTML off) could turn into markup or drop:
# escapes, code, emphasis, links, tags, entities, tables, fences, control characters,
# and at the start of a line headings, quotes, list markers and rules. Text without
# any of them renders as itself, paragraphs and line breaks aside.
_MARKUP = re.compile(r"[\\`*_\[\]<>&|~\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|(?:^|\r)[ \t]*(?:[#=+-]|\d{1,9}[.)])", re.M)


@lru_cache(maxsize=4096)
def plain_text(source: str | None) -> str:
    """The words of a Markdown text without its markup, on one line (for search and excerpts).

    Rendering Markdown costs about 0.1 ms per description and a list page shows
    twenty, so descriptions written without markup (most of them) skip it, and
    results are kept.
    """
    source = source or ""
    if _MARKUP.search(source):
        source = html_lib.unescape(nh3.clean(_markdown.render(source), tags=set()))
    return " ".join(source.split())


def plain_excerpt(source: str | None, length: int = 220) -> str:
    """First ``length`` characters of the rendered text, for lists and meta tags."""
    text = plain_text(source)
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"
