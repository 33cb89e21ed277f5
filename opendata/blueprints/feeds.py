"""sitemap.xml, robots.txt and the Atom feed: public, whoever asks (see docs/feeds.md)."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, stream_with_context
from flask_babel import get_locale
from flask_babel import gettext as _

from .. import feeds

bp = Blueprint("feeds", __name__)

CACHE = "public, max-age=300"

# Paths robots should not crawl: sign-in and editing pages (closed to them anyway),
# the language switch, the write-capable Action API, and query strings (every
# combination of filters, sorts and pages; the sitemap lists each page they reach).
DISALLOWED = (
    "/account", "/admin", "/workspace", "/lang/", "/dataset/new", "/dataset/edit/", "/dataset/manage/",
    "/dataset/publish/", "/dataset/*/safety", "/dataset/*/resource/new", "/dataset/*/resource/*/edit",
    "/organization/*/bulk", "/organization/*/edit", "/organization/*/members", "/organization/*/focal",
    "/organization/*/activity", "/api/3/action/", "/api/action/", "/*?",
)


def _public(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = CACHE
    return response


def _max_urls() -> int:
    return int(current_app.config.get("SITEMAP_MAX_URLS", feeds.MAX_URLS))


def _xml(chunks) -> Response:
    return _public(Response(stream_with_context(chunks), mimetype="application/xml"))


@bp.route("/sitemap.xml")
def sitemap():
    """One sitemap when the URLs fit in one file, else an index of numbered sitemaps."""
    fixed = feeds.fixed_urls()
    pages = feeds.page_count(len(fixed), _max_urls())
    if pages == 1:
        return _xml(feeds.urlset_xml(feeds.sitemap_urls(1, _max_urls(), fixed)))
    locations = [feeds.absolute_url(".sitemap_page", page=n) for n in range(1, pages + 1)]
    return _xml(feeds.sitemap_index_xml(locations))


@bp.route("/sitemap-<int:page>.xml")
def sitemap_page(page: int):
    fixed = feeds.fixed_urls()
    if not 1 <= page <= feeds.page_count(len(fixed), _max_urls()):
        abort(404)
    return _xml(feeds.urlset_xml(feeds.sitemap_urls(page, _max_urls(), fixed)))


@bp.route("/robots.txt")
def robots():
    # No "Allow: /": parsers that take the first matching rule (not the longest) would let it win.
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), ""]
    lines.append(f"Sitemap: {feeds.absolute_url('.sitemap')}")
    return _public(Response("\n".join(lines) + "\n", mimetype="text/plain"))


@bp.route("/feeds/datasets.atom")
def datasets_atom():
    site = feeds.site_name()
    body = feeds.atom_xml(
        feeds.recent_entries(),
        feed_id=feeds.absolute_url(".datasets_atom"),
        title=_("%(site)s: recently changed datasets", site=site),
        self_url=feeds.absolute_url(".datasets_atom"),
        alternate_url=feeds.absolute_url("datasets.index", sort="modified"),
        site_name=site,
        site_url=feeds.absolute_url("home.index"),
        language=str(get_locale()),
    )
    return _public(Response(body, mimetype="application/atom+xml"))
