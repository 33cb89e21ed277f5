"""The application served on a real port, for real HTTP clients (``ckanapi``, its command line).

``live_url`` serves the test's ``app`` (so each test's data, on SQLite and
PostgreSQL) with a threaded werkzeug server on 127.0.0.1.
"""
from __future__ import annotations

import threading

import pytest
from werkzeug.serving import WSGIRequestHandler, make_server


class QuietHandler(WSGIRequestHandler):
    def log_request(self, code="-", size="-") -> None:
        pass


@pytest.fixture
def live_url(app):
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="api-live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def ckan(live_url):
    """An anonymous ``ckanapi.RemoteCKAN`` on the served portal."""
    from ckanapi import RemoteCKAN

    with RemoteCKAN(live_url, user_agent="opendata-tests/1.0 (ckanapi)") as remote:
        yield remote
