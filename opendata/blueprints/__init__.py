"""HTTP layer: each blueprint parses the request, calls a capability, renders."""
from __future__ import annotations


def register_blueprints(app) -> None:
    from . import account, admin, bulk, datasets, home, licences, organizations, pages, safety, topics, workspace

    for module in (home, datasets, organizations, topics, licences, pages, account, workspace, bulk, safety, admin):
        app.register_blueprint(module.bp)
