"""Settings: embedded defaults, OPENDATA_* variables, the instance folder and SQLite pragmas."""
from __future__ import annotations

import stat
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from opendata import create_app
from opendata.extensions import db


@contextmanager
def built(config=None, environ=None):
    """An app from ``create_app`` whose engine is disposed afterwards (no unclosed SQLite files)."""
    app = create_app(config, environ={} if environ is None else environ)
    try:
        yield app
    finally:
        with app.app_context():
            db.engine.dispose()


def pragma(app, name: str):
    with app.app_context():
        with db.engine.connect() as connection:
            return connection.execute(text(f"PRAGMA {name}")).scalar()


def test_defaults_use_an_instance_folder_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with built() as app:
        instance = (tmp_path / "instance").resolve()
        assert instance.is_dir()
        assert app.instance_path == str(instance)
        assert app.config["INSTANCE_PATH"] == str(instance)
        assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance / 'opendata.db'}"
        assert app.config["STORAGE_PATH"] == str(instance / "files")
        assert app.config["SEARCH_INDEX_PATH"] == str(instance / "search-index")
        assert app.config["BABEL_DEFAULT_LOCALE"] == "vi"
        assert app.config["BABEL_DEFAULT_TIMEZONE"] == "Asia/Ho_Chi_Minh"
        assert app.config["SESSION_COOKIE_HTTPONLY"] is True
        assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
        assert app.config["DATASETS_PER_PAGE"] == 20
        assert not app.config["PLUGINS_DISABLED"]


def test_secret_key_is_generated_once_private_and_reused(tmp_path):
    environ = {"OPENDATA_INSTANCE_PATH": str(tmp_path / "inst")}
    with built(environ=environ) as first:
        key = first.config["SECRET_KEY"]
    key_file = tmp_path / "inst" / "secret_key"
    assert len(key) >= 32
    assert key_file.read_text(encoding="ascii").strip() == key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600

    with built(environ=environ) as second:
        assert second.config["SECRET_KEY"] == key
    with built(environ={"OPENDATA_INSTANCE_PATH": str(tmp_path / "other")}) as other:
        assert other.config["SECRET_KEY"] != key


def test_environment_variables_are_honoured(tmp_path):
    database = tmp_path / "elsewhere" / "portal.db"
    database.parent.mkdir()
    environ = {
        "OPENDATA_INSTANCE_PATH": str(tmp_path / "inst"),
        "OPENDATA_SECRET_KEY": "s3cret-from-env",
        "OPENDATA_DATABASE_URL": f"sqlite:///{database}",
        "OPENDATA_DATASETS_PER_PAGE": "50",
        "OPENDATA_SECURE_COOKIES": "true",
        "OPENDATA_SITE_NAME": "Cổng dữ liệu mở tỉnh Thử Nghiệm",
    }
    with built(environ=environ) as app:
        assert app.instance_path == str((tmp_path / "inst").resolve())
        assert app.config["SECRET_KEY"] == "s3cret-from-env"
        assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{database}"
        assert app.config["DATASETS_PER_PAGE"] == 50
        assert app.config["SESSION_COOKIE_SECURE"] is True
        assert app.config["SITE_NAME"] == "Cổng dữ liệu mở tỉnh Thử Nghiệm"
        with app.app_context():
            assert Path(db.engine.url.database) == database
    # A key from the environment is used as is: nothing is written to the instance.
    assert not (tmp_path / "inst" / "secret_key").exists()


def test_environ_argument_replaces_os_environ(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENDATA_SECRET_KEY", "from-the-process")
    monkeypatch.setenv("OPENDATA_SITE_NAME", "from the process")
    with built(environ={"OPENDATA_INSTANCE_PATH": str(tmp_path / "inst")}) as app:
        assert app.config["SECRET_KEY"] != "from-the-process"
        assert app.config["SITE_NAME"] != "from the process"


def test_explicit_config_overrides_the_environment(tmp_path):
    environ = {"OPENDATA_INSTANCE_PATH": str(tmp_path / "env-inst"), "OPENDATA_DATASETS_PER_PAGE": "50"}
    with built({"INSTANCE_PATH": str(tmp_path / "cfg-inst"), "DATASETS_PER_PAGE": 7}, environ) as app:
        assert app.instance_path == str((tmp_path / "cfg-inst").resolve())
        assert app.config["DATASETS_PER_PAGE"] == 7
    assert not (tmp_path / "env-inst").exists()


@pytest.mark.parametrize("value", ["not-a-number", "12.5"])
def test_malformed_numbers_fail_at_start_up(tmp_path, value):
    with pytest.raises(ValueError):
        create_app(environ={"OPENDATA_INSTANCE_PATH": str(tmp_path), "OPENDATA_DATASETS_PER_PAGE": value})


def test_sqlite_uses_wal_and_enforces_foreign_keys(tmp_path):
    with built(environ={"OPENDATA_INSTANCE_PATH": str(tmp_path / "inst")}) as app:
        assert pragma(app, "journal_mode") == "wal"
        assert pragma(app, "foreign_keys") == 1
        assert pragma(app, "busy_timeout") == 5000
    assert (tmp_path / "inst" / "opendata.db").exists()


def test_sqlite_rejects_rows_that_break_a_foreign_key(tmp_path):
    with built(environ={"OPENDATA_INSTANCE_PATH": str(tmp_path / "inst")}) as app:
        with app.app_context():
            with db.engine.begin() as connection:
                connection.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY)"))
                connection.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id))"))
            with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"):
                with db.engine.begin() as connection:
                    connection.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 42)"))


def test_proxy_count_makes_the_client_address_the_forwarded_one(tmp_path):
    from flask import request

    from opendata import create_app

    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x"}, environ={"OPENDATA_PROXY_COUNT": "1"})

    @app.route("/ip")
    def ip():
        return request.remote_addr

    response = app.test_client().get("/ip", headers={"X-Forwarded-For": "203.0.113.7"})
    assert response.get_data(as_text=True) == "203.0.113.7"
