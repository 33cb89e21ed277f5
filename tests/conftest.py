"""Shared fixtures: an app per test on a migrated database, clients, users.

Each test gets a fresh database built by the real Alembic migrations: the
SQLite variant copies a migrated template file; the PostgreSQL variant (when
``OPENDATA_TEST_POSTGRES_URL`` is set) migrates a schema private to this test
run once and truncates its tables per test.
"""
from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import threading
import weakref
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from flask.testing import FlaskClient
from werkzeug.serving import WSGIRequestHandler, make_server

from opendata import create_app
from opendata.extensions import db as _db

REQUIRE_SERVICES = os.environ.get("OPENDATA_REQUIRE_SERVICES") == "1"
POSTGRES_URL = os.environ.get("OPENDATA_TEST_POSTGRES_URL", "")


def service_missing(reason: str):
    """Skip, or fail when CI promised every service is there."""
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


class RequestClient(FlaskClient):
    """Runs each request in its own app context, as a real server does.

    The ``app`` fixture keeps a context open for the test body; without this
    every request would share its ``g`` (cached locale, logged-in user) and
    its database session.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


def make_app(instance: Path, database_url: str | None = None, **overrides):
    config = {
        "INSTANCE_PATH": str(instance), "TESTING": True, "SECRET_KEY": "test", "SERVER_NAME": "localhost",
        "SEARCH_RAISE_ERRORS": True,
    }
    config["WTF_CSRF_ENABLED"] = overrides.pop("csrf", False)
    if database_url:
        config["SQLALCHEMY_DATABASE_URI"] = database_url
    config.update(overrides)
    application = create_app(config, environ={})
    application.test_client_class = RequestClient
    _APPS.add(application)
    return application


_APPS: "weakref.WeakSet" = weakref.WeakSet()


def _close_search_backends() -> None:
    from opendata.search import close_backend

    for application in list(_APPS):
        close_backend(application)  # reopened on next use (session-wide apps)


@pytest.fixture(autouse=True)
def _close_search_indexes():
    """Close the search index files of every app after each test (unclosed files are errors here)."""
    yield
    _close_search_backends()


@pytest.fixture(scope="session", autouse=True)
def _close_search_indexes_at_exit():
    yield
    _close_search_backends()


def migrate(app) -> None:
    from flask_migrate import upgrade

    with app.app_context():
        upgrade(directory=app.config["MIGRATIONS_PATH"])
        from opendata.catalogue.licences import sync_licences

        sync_licences()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A database migrated once; each test copies it (much faster than migrating)."""
    instance = tmp_path_factory.mktemp("template")
    app = make_app(instance)
    migrate(app)
    with app.app_context():
        _db.engine.dispose()
    return instance / "opendata.db"


def postgres_schema_url(base_url: str, schema: str) -> str:
    """``base_url`` with ``schema`` first on the search path.

    ``public`` stays second so extensions installed there by the CI script
    (``unaccent``) remain usable; new tables, the Alembic version table and
    reflection all use ``schema``.
    """
    url = make_url(base_url).update_query_dict({"options": f"-csearch_path={schema},public"})
    return url.render_as_string(hide_password=False)


_SCHEMA_COMMENT = re.compile(r"^opendata test schema: host=(?P<host>\S+) pid=(?P<pid>\d+)$")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def postgres_schema(label: str = "s"):
    """A new, empty schema in the test database, dropped afterwards; yields its URL.

    Every pytest process works in schemas of its own, so two test runs (or a
    developer and CI) sharing one database cannot wipe each other's tables.
    Schemas left behind by killed runs on this host are dropped first.
    """
    if not POSTGRES_URL:
        service_missing("PostgreSQL: set OPENDATA_TEST_POSTGRES_URL (see .ci/run)")
    host = socket.gethostname()
    schema = f"pytest_{os.getpid()}_{label}_{secrets.token_hex(3)}"
    engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 10, "options": "-c lock_timeout=10s"})
    try:
        unreachable = None
        try:
            connection = engine.connect()
        except DBAPIError as exc:
            unreachable = f"PostgreSQL at {make_url(POSTGRES_URL).render_as_string()} unreachable: {exc.orig}"
        if unreachable:  # outside the except block: no chained driver traceback
            service_missing(unreachable)
        with connection:
            _drop_stale_schemas(connection, host)
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            comment = f"opendata test schema: host={host} pid={os.getpid()}"
            connection.execute(text(f"COMMENT ON SCHEMA \"{schema}\" IS '{comment}'"))
            connection.commit()
        yield postgres_schema_url(POSTGRES_URL, schema)
        with engine.connect() as connection:
            # A connection leaked by a test would block the drop forever; the
            # lock timeout gives up instead (the next run drops it as stale).
            try:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                connection.commit()
            except DBAPIError:
                connection.rollback()
    finally:
        engine.dispose()


def _drop_stale_schemas(connection, host: str) -> None:
    rows = connection.execute(
        text(
            "SELECT nspname, obj_description(oid, 'pg_namespace') FROM pg_namespace"
            " WHERE nspname LIKE 'pytest\\_%' AND pg_get_userbyid(nspowner) = current_user"
        )
    ).all()
    for name, comment in rows:
        match = _SCHEMA_COMMENT.match(comment or "")
        if match and match["host"] == host and not _process_alive(int(match["pid"])):
            try:
                connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
                connection.commit()
            except DBAPIError:  # still locked: try again next run
                connection.rollback()


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory) -> str:
    """A PostgreSQL URL whose (private) schema is migrated to head once per session."""
    with postgres_schema("session") as url:
        migrate_app = make_app(tmp_path_factory.mktemp("pg-migrate"), url)
        migrate(migrate_app)
        with migrate_app.app_context():
            _db.engine.dispose()
        yield url


@pytest.fixture
def empty_postgres_url() -> str:
    """A PostgreSQL URL on a fresh, empty schema (for migration tests)."""
    with postgres_schema("empty") as url:
        yield url


DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=DATABASES)
def app(request, tmp_path, sqlite_template):
    """The application on a fresh, migrated database (SQLite, then PostgreSQL)."""
    instance = tmp_path / "instance"
    instance.mkdir()
    if request.param == "sqlite":
        shutil.copy(sqlite_template, instance / "opendata.db")
        application = make_app(instance)
    else:
        url = request.getfixturevalue("postgres_url")
        application = make_app(instance, url)
        with application.app_context():
            _truncate_all()
            from opendata.catalogue.licences import sync_licences

            sync_licences()
    with application.app_context():
        yield application
        _db.session.remove()
        _db.engine.dispose()


def _truncate_all() -> None:
    tables = [t.name for t in _db.metadata.sorted_tables]
    if _db.engine.dialect.name == "postgresql":
        from opendata.search.postgres_backend import SEARCH_TABLES

        tables += SEARCH_TABLES  # the search index follows the datasets
    names = ", ".join(f'"{name}"' for name in tables)
    _db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    _db.session.commit()


@pytest.fixture
def db(app):
    return _db


@pytest.fixture
def client(app):
    return app.test_client()


# -- people ---------------------------------------------------------------
# Two agencies and one user per role; `people["editor"]` edits agency "own",
# `people["other_editor"]` edits agency "other".
ROLE_USERS = {
    "sysadmin": (None, None),
    "admin": ("own", "admin"),
    "editor": ("own", "editor"),
    "member": ("own", "member"),
    "other_editor": ("other", "editor"),
    "registered": (None, None),  # signed in, no agency
}
PASSWORD = "Mật-khẩu-đủ-dài-2025"


@pytest.fixture
def agencies(app):
    from tests import factories

    return {
        "own": factories.organization("Sở Y tế", slug="so-y-te"),
        "other": factories.organization("Sở Xây dựng", slug="so-xay-dung"),
    }


@pytest.fixture
def people(app, agencies):
    """A user per role, with a known password (``tests.conftest.PASSWORD``)."""
    from werkzeug.security import generate_password_hash

    from opendata.models import Membership, Role, User, utcnow

    password_hash = generate_password_hash(PASSWORD)
    users = {}
    for name, (agency, role) in ROLE_USERS.items():
        user = User(
            username=name, email=f"{name}@example.gov.vn", full_name=f"Người dùng {name}",
            password_hash=password_hash, is_sysadmin=name == "sysadmin", email_confirmed_at=utcnow(),
        )
        if agency:
            user.memberships.append(Membership(organization=agencies[agency], role=Role(role)))
        _db.session.add(user)
        users[name] = user
    _db.session.commit()
    return users


def login_as(client, user) -> None:
    """Sign ``user`` in on ``client`` the way Flask-Login's session does."""
    with client.session_transaction() as session:
        session["_user_id"] = user.id
        session["_fresh"] = True


@pytest.fixture
def as_user(app, people):
    """``as_user("editor")`` -> a test client signed in as that role's user."""

    def make(name: str):
        client = app.test_client()
        login_as(client, people[name])
        return client

    return make


@pytest.fixture
def english(app):
    """Messages rendered outside a request (capability errors) come out in English."""
    from flask import g
    from flask_babel import refresh

    g.forced_locale = "en"
    refresh()
    yield
    g.pop("forced_locale", None)
    refresh()


class QuietHandler(WSGIRequestHandler):
    """No access log on stderr (failures are reported by the tests)."""

    def log_request(self, code="-", size="-") -> None:
        pass


@contextmanager
def serve(app, name: str = "live-server"):
    """``app`` served by a threaded werkzeug server on 127.0.0.1: yields the server's port."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
