"""The Alembic migrations, on SQLite and on PostgreSQL.

From an empty database they build exactly the schema the models describe (no
pending autogenerate diff), and every step downgrades and upgrades again.
"""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import to_tuple
from flask import current_app
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from tests.conftest import DATABASES, make_app
from opendata.config import PROJECT_ROOT
from opendata.extensions import SEARCH_TABLES, db


@pytest.fixture(params=DATABASES)
def empty_app(request, tmp_path):
    """An app on an empty database, in an app context (SQLite file, or a fresh PostgreSQL schema)."""
    instance = tmp_path / "instance"
    url = request.getfixturevalue("empty_postgres_url") if request.param == "postgresql" else None
    app = make_app(instance, url)
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


def migrations_dir() -> str:
    return current_app.config["MIGRATIONS_PATH"]


def script() -> ScriptDirectory:
    return ScriptDirectory(migrations_dir())


def current_heads() -> set[str]:
    with db.engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def current_revision() -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def model_diff() -> list:
    """What `flask db migrate` would write now: empty when models and migrations agree."""
    configure_args = current_app.extensions["migrate"].configure_args
    with db.engine.connect() as connection:
        # The options `flask db migrate` uses (compare_type=True among them).
        context = MigrationContext.configure(connection, opts=dict(configure_args))
        return compare_metadata(context, db.metadata)


def tables() -> set[str]:
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def expected_tables() -> set[str]:
    """The models' tables, plus the search index's on PostgreSQL (not models: see migration 0003)."""
    return set(db.metadata.tables) | (SEARCH_TABLES if db.engine.dialect.name == "postgresql" else set())


def leftover_postgres_objects() -> list:
    """Types and sequences a downgrade forgot (PostgreSQL keeps them apart from tables)."""
    if db.engine.dialect.name != "postgresql":
        return []
    with db.engine.connect() as connection:
        return connection.execute(
            text(
                "SELECT t.typname FROM pg_type t WHERE t.typnamespace = current_schema()::regnamespace"
                " AND t.typtype IN ('e', 'd', 'c') AND NOT EXISTS"
                " (SELECT FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')"
                " UNION ALL SELECT c.relname FROM pg_class c"
                " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S'"
            )
        ).scalars().all()


def test_migrations_form_a_single_line():
    heads = ScriptDirectory(str(PROJECT_ROOT / "migrations")).get_heads()
    assert len(heads) == 1, f"several migration heads, merge them: {heads}"


def test_upgrade_from_empty_builds_the_models_schema(empty_app):
    assert tables() == set()
    assert current_revision() is None

    upgrade(directory=migrations_dir())

    assert current_revision() == script().get_current_head()
    assert tables() == expected_tables()
    assert model_diff() == [], "models and migrations differ: run `flask --app wsgi db migrate`"
    runner = empty_app.test_cli_runner()
    result = runner.invoke(args=["db", "check"])
    assert result.exit_code == 0, result.output


def test_downgrade_to_base_and_upgrade_again(empty_app):
    upgrade(directory=migrations_dir())
    downgrade(directory=migrations_dir(), revision="base")

    assert current_revision() is None
    assert tables() == set()
    assert leftover_postgres_objects() == []

    upgrade(directory=migrations_dir())
    assert current_revision() == script().get_current_head()
    assert model_diff() == []


def test_every_step_downgrades_and_upgrades_again(empty_app):
    """The 'stairway': each revision applies, reverts and applies again on top of its parent."""
    revisions = list(reversed(list(script().walk_revisions("base", "heads"))))
    for revision in revisions:
        upgrade(directory=migrations_dir(), revision=revision.revision)
        downgrade(directory=migrations_dir(), revision="-1")
        assert current_heads() == set(to_tuple(revision.down_revision, default=()))
        upgrade(directory=migrations_dir(), revision=revision.revision)
        assert current_revision() == revision.revision
    assert model_diff() == []
