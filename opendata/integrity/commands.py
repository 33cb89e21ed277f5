"""flask opendata subcommands of this capability."""
from __future__ import annotations

import json
import sys

import click
from flask.cli import with_appcontext

PROBLEM_TEXT = {
    "missing": "MISSING",
    "changed": "CHANGED",
    "no_checksum": "NO CHECKSUM",
}


def _describe(problem) -> str:
    item = problem.item
    what = "resource" if item.kind == "resource" else "earlier version of resource"
    line = f"{PROBLEM_TEXT[problem.problem]}: {item.storage_key} ({what} {item.resource_id}, dataset {item.dataset_slug})"
    if problem.problem == "changed":
        line += f"\n  recorded sha256 {item.sha256}\n  actual   sha256 {problem.actual_sha256}"
    return line


@click.command("verify-files")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (for monitoring) instead of text.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@with_appcontext
def verify_files_command(as_json: bool, quiet: bool):
    """Re-hash every stored file and report missing or changed files (exit code 1 if any)."""
    from . import stored_files, verify_files

    items = stored_files()
    total = sum(item.size or 0 for item in items)
    if quiet or as_json:
        report = verify_files(items)
    else:
        with click.progressbar(length=total, label=f"Checking {len(items)} files", file=sys.stderr) as bar:
            report = verify_files(items, progress=bar.update)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        for problem in report.problems:
            click.echo(_describe(problem))
        click.echo(
            f"{report.checked} files checked ({report.bytes_read} bytes read): "
            f"{len(report.missing)} missing, {len(report.changed)} changed, "
            f"{len(report.unchecked)} without a recorded checksum."
        )
    click.get_current_context().exit(0 if report.ok else 1)


def register(group) -> None:
    """Add this capability's subcommands to ``flask opendata``."""
    group.add_command(verify_files_command)
