"""What the portal publishes for search engines and feed readers: sitemaps, Atom, schema.org.

Everything here describes what an anonymous visitor may list, whoever asks.
"""
from .atom import FEED_SIZE, FeedEntry, atom_xml, recent_entries
from ..urls import absolute_url
from .common import PUBLIC, w3c_datetime
from .schema_org import dataset_schema, site_name
from .sitemap import MAX_URLS, SitemapUrl, fixed_urls, page_count, sitemap_index_xml, sitemap_urls, urlset_xml

__all__ = [
    "FEED_SIZE", "FeedEntry", "MAX_URLS", "PUBLIC", "SitemapUrl", "absolute_url", "atom_xml", "dataset_schema",
    "fixed_urls", "init_app", "page_count", "recent_entries", "site_name", "sitemap_index_xml", "sitemap_urls",
    "urlset_xml", "w3c_datetime",
]


def init_app(app) -> None:
    """Make ``dataset_jsonld(dataset)`` available to templates (feeds/_dataset_jsonld.html)."""
    app.jinja_env.globals["dataset_jsonld"] = dataset_schema
