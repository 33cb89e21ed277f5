"""The application factory: no import-time work, independent apps, plugins, the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

import opendata.plugins.licences
from opendata.config import PROJECT_ROOT
from opendata.extensions import db as _db
from opendata.models import Licence, Tag
from opendata.plugins import get_plugin_manager
from tests.conftest import make_app, migrate


def clean_environ(**extra: str) -> dict[str, str]:
    """This process's environment without OPENDATA_* settings, warnings as errors like the suite."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("OPENDATA_")}
    env["PYTHONWARNINGS"] = "error"
    env.update(extra)
    return env


def dispose(*apps) -> None:
    for application in apps:
        with application.app_context():
            _db.session.remove()
            _db.engine.dispose()


def test_importing_the_package_does_no_work(tmp_path):
    """Every module imports without creating an instance folder, files or an app."""
    code = (
        "import pkgutil, importlib, opendata\n"
        "for info in pkgutil.walk_packages(opendata.__path__, 'opendata.'):\n"
        "    importlib.import_module(info.name)\n"
        "from flask import current_app\n"
        "assert not current_app, 'an app context was pushed at import time'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=clean_environ(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == [], "importing opendata wrote to the working directory"


def test_two_apps_with_different_instances_are_independent(tmp_path):
    first = make_app(tmp_path / "a", SITE_NAME="Tỉnh A")
    second = make_app(tmp_path / "b", SITE_NAME="Tỉnh B")
    try:
        migrate(first)
        migrate(second)
        with first.app_context():
            _db.session.add(Tag(name="nông nghiệp"))
            _db.session.commit()
        with second.app_context():
            assert _db.session.scalar(select(func.count()).select_from(Tag)) == 0
            assert Path(_db.engine.url.database) == tmp_path / "b" / "opendata.db"
        with first.app_context():
            assert _db.session.scalars(select(Tag.name)).all() == ["nông nghiệp"]
            assert Path(_db.engine.url.database) == tmp_path / "a" / "opendata.db"
        assert (first.config["SITE_NAME"], second.config["SITE_NAME"]) == ("Tỉnh A", "Tỉnh B")
        assert first.instance_path != second.instance_path
        assert get_plugin_manager(first) is not get_plugin_manager(second)
    finally:
        dispose(first, second)


def test_generated_secret_keys_differ_between_instances(tmp_path):
    from opendata import create_app

    first = create_app(environ={"OPENDATA_INSTANCE_PATH": str(tmp_path / "a")})
    second = create_app(environ={"OPENDATA_INSTANCE_PATH": str(tmp_path / "b")})
    try:
        assert first.secret_key != second.secret_key
    finally:
        dispose(first, second)


def licence_ids(app) -> list[str]:
    return [entry["id"] for batch in get_plugin_manager(app).hook.opendata_licences() for entry in batch]


def test_builtin_licences_plugin_is_registered(tmp_path):
    app = make_app(tmp_path / "instance")
    manager = get_plugin_manager(app)
    assert manager.get_plugin("licences") is opendata.plugins.licences
    assert not manager.is_blocked("licences")
    assert "cc-by-4.0" in licence_ids(app)
    assert opendata.plugins.licences.DEFAULT_TERMS_ID in licence_ids(app)


@pytest.mark.parametrize("disabled", [["licences"], ("licences",), "licences", " other , licences "])
def test_disabled_plugins_are_blocked(tmp_path, disabled):
    app = make_app(tmp_path / "instance", PLUGINS_DISABLED=disabled)
    manager = get_plugin_manager(app)
    assert manager.is_blocked("licences")
    assert manager.get_plugin("licences") is None
    assert licence_ids(app) == []


def test_a_disabled_licence_plugin_syncs_no_licences(tmp_path):
    app = make_app(tmp_path / "instance", PLUGINS_DISABLED=["licences"])
    try:
        migrate(app)  # runs sync_licences
        with app.app_context():
            assert _db.session.scalar(select(func.count()).select_from(Licence)) == 0
    finally:
        dispose(app)


@pytest.mark.parametrize("round_", [1, 2])
def test_each_test_starts_on_a_clean_migrated_database(app, db, round_):
    """Run twice per database: the second run sees nothing of the first (truncated or copied)."""
    expected_dialect = "postgresql" if "postgresql" in app.config["SQLALCHEMY_DATABASE_URI"] else "sqlite"
    assert db.engine.dialect.name == expected_dialect
    assert db.session.scalar(select(func.count()).select_from(Tag)) == 0
    assert db.session.get(Licence, "cc-by-4.0") is not None  # licences synchronised
    tag = Tag(name="dữ liệu mở")
    db.session.add(tag)
    db.session.commit()
    assert tag.id == 1  # identities restart too


def test_flask_cli_lists_the_opendata_commands(tmp_path):
    flask = Path(sys.executable).with_name("flask")
    command = [str(flask)] if flask.exists() else [sys.executable, "-m", "flask"]
    result = subprocess.run(
        [*command, "--app", "wsgi", "opendata", "--help"],
        cwd=PROJECT_ROOT,
        env=clean_environ(OPENDATA_INSTANCE_PATH=str(tmp_path / "instance")),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Open data portal commands." in result.stdout
    for command_name in ("demo", "licences"):
        assert command_name in result.stdout
    assert (tmp_path / "instance" / "secret_key").exists()  # it honoured OPENDATA_INSTANCE_PATH
