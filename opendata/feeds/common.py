"""What the sitemap, the Atom feed and the schema.org data share: the public viewer, dates, XML-safe text."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone


# Sitemaps, robots.txt, feeds and structured data are for the public: they list
# what an anonymous visitor may list, whoever asks (a signed-in editor's crawler
# must not publish drafts). ``None`` is the anonymous user for opendata.auth.
PUBLIC = None

# Characters XML 1.0 forbids even when escaped; a pasted description may carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def w3c_datetime(value: datetime | date) -> str:
    """W3C Datetime / RFC 3339 in UTC (``2025-03-05T08:15:00Z``), as sitemaps and Atom require."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def xml_text(value: str | None) -> str:
    """``value`` without the control characters XML cannot carry."""
    return _NOT_XML.sub("", value or "")
