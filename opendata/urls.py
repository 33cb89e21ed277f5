"""Absolute addresses of the portal for other systems (e-mails, API dicts, DCAT, feeds, OpenAPI).

The configured ``SITE_URL`` wins over the request's Host header, so a forged
Host cannot put another site's address into what mail readers, harvesters
and caches keep.
"""
from __future__ import annotations

from flask import current_app, request, url_for


def site_root() -> str:
    """The portal's address without a trailing slash: ``SITE_URL``, else as the caller reached it."""
    return (current_app.config.get("SITE_URL") or request.url_root).rstrip("/")


def absolute_url(endpoint: str, **values) -> str:
    """``url_for(endpoint, **values)`` as an absolute URL (works outside a request when ``SITE_URL`` is set)."""
    base = current_app.config.get("SITE_URL")
    if base:
        return base.rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)
