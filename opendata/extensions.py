"""The Flask extensions, created unbound here and bound in ``create_app``."""
from __future__ import annotations

from flask import Response
from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names so Alembic migrations work the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Tables the PostgreSQL search backend owns (migration 0003): not models, so
# autogenerate must neither drop them nor compare them.
SEARCH_TABLES = frozenset({"search_document", "search_vocabulary"})


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return getattr(table, "name", None) not in SEARCH_TABLES


db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True, include_object=include_object)
babel = Babel()
login_manager = LoginManager()
csrf = CSRFProtect()


def _client_key() -> str:
    # Imported late: opendata.api needs this module. See opendata/api/limits.py.
    from .api.limits import client_key

    return client_key()


def _request_limit() -> str:
    from .api.limits import limit_for_request

    return limit_for_request()


class PortalLimiter(Limiter):
    """Flask-Limiter keeps the storage and some settings on the instance, not per app.

    Production builds one app per process; tests build many, one after the
    other. Each ``init_app`` therefore starts from a clean slate: the app's
    own storage URL, storage options and key prefix, and a live backend.
    """

    def init_app(self, app) -> None:
        self._storage_dead = False
        self._storage_options = {}
        self._key_prefix = ""
        super().init_app(app)


# One shared limit per client and kind of request (machine endpoints, or HTML
# pages when OPENDATA_PAGE_RATE_LIMIT is set); opendata.api.limits decides
# which. A broken storage (Redis down) never fails a request: the limiter falls
# back to counting in memory and logs the error.
limiter = PortalLimiter(
    _client_key,
    application_limits=[_request_limit],
    headers_enabled=True,
    swallow_errors=True,
    in_memory_fallback_enabled=True,
    strategy="fixed-window",
    retry_after="delta-seconds",
)


def init_app(app) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.config["MIGRATIONS_PATH"]))
    csrf.init_app(app)
    login_manager.init_app(app)
    # Registered before the limiter's own hook so that it runs after it (Flask
    # runs after-request hooks in reverse): Retry-After only on refusals.
    app.after_request(_retry_after_only_when_refused)
    from .api.limits import configure

    configure(app)
    limiter.init_app(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _sqlite_pragmas)


def _retry_after_only_when_refused(response: Response) -> Response:
    """Flask-Limiter writes Retry-After on every response it counted; it means something on 429/503 only."""
    if response.status_code not in (429, 503) and limiter.enabled and limiter.current_limit is not None:
        response.headers.pop("Retry-After", None)
    return response


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets readers run while a writer commits; SQLite leaves FKs off by default."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
