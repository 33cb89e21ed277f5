"""Shared fixtures: an app per test on a migrated database, clients, users.

Each test gets a fresh database built by the real Alembic migrations: the
SQLite variant copies a migrated template file; the PostgreSQL variant (when
``OPENDATA_TEST_POSTGRES_URL`` is set) migrates once and truncates per test.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from opendata import create_app
from opendata.extensions import db as _db

REQUIRE_SERVICES = os.environ.get("OPENDATA_REQUIRE_SERVICES") == "1"
POSTGRES_URL = os.environ.get("OPENDATA_TEST_POSTGRES_URL", "")


def service_missing(reason: str):
    """Skip, or fail when CI promised every service is there."""
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


def make_app(instance: Path, database_url: str | None = None, **overrides):
    config = {"INSTANCE_PATH": str(instance), "TESTING": True, "SECRET_KEY": "test", "SERVER_NAME": "localhost"}
    config["WTF_CSRF_ENABLED"] = overrides.pop("csrf", False)
    if database_url:
        config["SQLALCHEMY_DATABASE_URI"] = database_url
    config.update(overrides)
    return create_app(config, environ={})


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


@pytest.fixture(scope="session")
def postgres_url() -> str:
    if not POSTGRES_URL:
        service_missing("PostgreSQL: set OPENDATA_TEST_POSTGRES_URL (see .ci/run)")
    instance_app = make_app(Path(os.environ.get("TMPDIR", "/tmp")) / "opendata-pg-migrate", POSTGRES_URL)
    with instance_app.app_context():
        _db.session.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        _db.session.commit()
    migrate(instance_app)
    with instance_app.app_context():
        _db.engine.dispose()
    return POSTGRES_URL


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
    names = ", ".join(f'"{t.name}"' for t in _db.metadata.sorted_tables)
    _db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    _db.session.commit()


@pytest.fixture
def db(app):
    return _db


@pytest.fixture
def client(app):
    return app.test_client()
