"""``flask opendata token ...``: API tokens for operators (scripts, harvesters).

``create`` prints the secret on its own line (so ``$(...)`` captures it);
it is not stored and cannot be shown again.
"""
from __future__ import annotations

import click
from flask import g
from flask.cli import with_appcontext


def _user(username: str):
    from .registration import find_by_username

    user = find_by_username(username)
    if user is None:
        raise click.ClickException(f"No user named {username!r}.")
    return user


@click.group("token")
def token_group():
    """Manage API tokens: create, list, revoke."""


@token_group.command("create")
@click.argument("username")
@click.option("--name", default="command line", show_default=True, help="What the token is for.")
@with_appcontext
def create_command(username, name):
    """Make an API token for USERNAME and print it (shown only this once)."""
    from .api_tokens import TokenInputError, create_token

    g.forced_locale = "en"
    user = _user(username)
    if not user.active:
        raise click.ClickException(f"The account {user.username!r} is disabled.")
    try:
        made = create_token(user, name)
    except TokenInputError as error:
        raise click.ClickException("; ".join(f"{k}: {', '.join(str(m) for m in v)}" for k, v in error.errors.items())) from None
    click.echo(made.secret)
    click.echo(f"Token {made.token.id} ({made.token.name!r}) for {user.username}: keep it secret; it is not shown again.",
               err=True)


@token_group.command("list")
@click.argument("username")
@click.option("--all", "include_revoked", is_flag=True, help="Include revoked tokens.")
@with_appcontext
def list_command(username, include_revoked):
    """List USERNAME's tokens: id, start of the secret, name, created, last used."""
    from .api_tokens import list_tokens

    user = _user(username)
    tokens = list_tokens(user, include_revoked=include_revoked)
    if not tokens:
        click.echo(f"{user.username} has no API tokens.")
    for token in tokens:
        used = token.last_used_at.isoformat(timespec="seconds") if token.last_used_at else "never used"
        state = f"  revoked {token.revoked_at.isoformat(timespec='seconds')}" if token.revoked_at else ""
        click.echo(f"{token.id}  {token.prefix}…  {token.name}  created {token.created.isoformat(timespec='seconds')}"
                   f"  {used}{state}")


@token_group.command("revoke")
@click.argument("reference")
@with_appcontext
def revoke_command(reference):
    """Revoke a token, given its id (from `token list`), its shown start or the whole secret."""
    from .api_tokens import find_token, revoke_token

    token = find_token(reference.strip())
    if token is None:
        raise click.ClickException(f"No single API token matches {reference!r}.")
    changed = revoke_token(token)
    click.echo(f"Token {token.id} ({token.name!r}) of {token.user.username} "
               f"{'revoked' if changed else 'was already revoked'}.")


def register(group) -> None:
    """Add the token subcommands to ``flask opendata``."""
    group.add_command(token_group)
