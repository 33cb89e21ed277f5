"""HTTP layer: each blueprint parses the request, calls a capability, renders."""
from __future__ import annotations


def register_blueprints(app) -> None:
    from . import datasets, home, licences, organizations, pages, topics

    for module in (home, datasets, organizations, topics, licences, pages):
        app.register_blueprint(module.bp)
