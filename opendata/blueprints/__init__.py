"""HTTP layer: each blueprint parses the request, calls a capability, renders."""
from __future__ import annotations


def register_blueprints(app) -> None:
    from . import (
        account, admin, api, api_docs, bulk, datasets, dcat, feeds, home, licences, organizations, pages, safety,
        topics, workspace,
    )

    for module in (
        home, datasets, organizations, topics, licences, pages, account, workspace, bulk, safety, admin,
        api, api_docs, dcat, feeds,
    ):
        app.register_blueprint(module.bp)
