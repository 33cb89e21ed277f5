"""``flask --app wsgi opendata reindex``: rebuild the search index from the database."""
from __future__ import annotations

import sys
import time

import click
from flask.cli import with_appcontext


@click.command("reindex")
@click.option("--if-missing", is_flag=True, help="Only build when the index is empty and datasets exist (first start, upgrades).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@with_appcontext
def reindex_command(if_missing: bool, quiet: bool):
    """Rebuild the search index aside and swap it in; search stays online meanwhile."""
    from . import dataset_count, get_backend, index_needs_building, reindex

    if if_missing and not index_needs_building():
        return
    total = dataset_count()
    started = time.monotonic()
    backend = get_backend().name
    if quiet:
        count = reindex()
    else:
        with click.progressbar(length=total, label=f"Indexing {total} datasets ({backend})", file=sys.stderr) as bar:
            count = reindex(progress=bar.update)
    click.echo(f"Indexed {count} listed datasets of {total} in {time.monotonic() - started:.1f} s ({backend}).")


def register(group) -> None:
    group.add_command(reindex_command)
