"""The baseline for the API benchmark: a bare Flask endpoint returning fixed JSON.

``gunicorn bench.bare_app:app`` with ``BENCH_BARE_DIR`` naming a folder:
``/fixed/<name>`` answers with the bytes of ``<name>.json`` in it. The API
benchmark fills the folder with real ``package_search`` and ``package_show``
answers, so both servers send the same bytes and only the portal's own work
differs.
"""
from __future__ import annotations

import os

from flask import Flask, Response


def create_app(folder: str) -> Flask:
    app = Flask(__name__)
    bodies = {}
    for name in os.listdir(folder):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), "rb") as handle:
                bodies[name[:-5]] = handle.read()

    @app.get("/fixed/<name>")
    def fixed(name: str):
        return Response(bodies[name], mimetype="application/json")

    return app


app = create_app(os.environ["BENCH_BARE_DIR"]) if os.environ.get("BENCH_BARE_DIR") else None
