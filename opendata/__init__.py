"""Open data portal for Vietnamese provinces."""
from __future__ import annotations

import os
from typing import Any, Mapping

from flask import Flask

from .config import PROJECT_ROOT, load_config


def create_app(config: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> Flask:
    """Build the application. ``config`` overrides settings; ``environ`` replaces ``os.environ``."""
    settings = load_config(os.environ if environ is None else environ, config)
    settings.setdefault("MIGRATIONS_PATH", str(PROJECT_ROOT / "migrations"))
    app = Flask(__name__, instance_path=settings["INSTANCE_PATH"], instance_relative_config=False)
    app.config.update(settings)
    if app.config["PROXY_COUNT"]:
        # Trust X-Forwarded-For/-Proto from this many proxies, so throttling sees real client IPs.
        from werkzeug.middleware.proxy_fix import ProxyFix

        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)

    from . import cli, errors, extensions, feeds, i18n, search, storage, vocabularies
    from .api import limits
    from .auth import session as auth_session
    from .blueprints import register_blueprints
    from .plugins import manager as plugins
    from .web import init_app as init_web

    extensions.init_app(app)
    plugins.init_app(app)
    storage.init_app(app)
    search.init_app(app)
    i18n.init_app(app)
    auth_session.init_app(app)
    init_web(app)
    vocabularies.init_app(app)
    feeds.init_app(app)
    errors.init_app(app)
    register_blueprints(app)
    limits.init_app(app)  # rate-limit answers and CORS for the machine endpoints
    cli.init_app(app)
    return app
