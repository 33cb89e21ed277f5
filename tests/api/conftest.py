"""The application served on a real port, for real HTTP clients (``ckanapi``, its command line).

``live_url`` serves the test's ``app`` (so each test's data, on SQLite and
PostgreSQL) with a threaded werkzeug server on 127.0.0.1.
"""
from __future__ import annotations

import pytest

from tests.conftest import serve


@pytest.fixture
def live_url(app):
    with serve(app, "api-live-server") as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def ckan(live_url):
    """An anonymous ``ckanapi.RemoteCKAN`` on the served portal."""
    from ckanapi import RemoteCKAN

    with RemoteCKAN(live_url, user_agent="opendata-tests/1.0 (ckanapi)") as remote:
        yield remote
