"""``flask --app wsgi opendata ...``: operator commands."""
from __future__ import annotations

import click
from flask.cli import AppGroup, with_appcontext

opendata_cli = AppGroup("opendata", help="Open data portal commands.")


@opendata_cli.group("licences")
def licences_group():
    """Manage the licence list."""


@licences_group.command("sync")
@with_appcontext
def licences_sync():
    """Add the licences that plugins provide and the portal does not have yet."""
    from .catalogue.licences import sync_licences

    count = sync_licences()
    click.echo(f"{count} licences added.")


@opendata_cli.command("demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already holds datasets.")
@with_appcontext
def demo_command(if_empty: bool):
    """Load the demo provincial catalogue (agencies, licences, topics, datasets, files)."""
    from .demo import load_demo

    load_demo(if_empty=if_empty, echo=click.echo)


# Modules that add their own subcommands with ``register(group)``.
COMMAND_MODULES = ("opendata.accounts.commands", "opendata.accounts.token_commands", "opendata.integrity.commands", "opendata.search.commands")


def init_app(app) -> None:
    import importlib

    from .plugins import get_plugin_manager

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(opendata_cli)
    get_plugin_manager(app).hook.opendata_register_commands(cli=opendata_cli)
    app.cli.add_command(opendata_cli)
