"""``flask opendata user ...``: accounts for operators, without the web pages.

Errors end with a message and exit code 1, never a traceback. Accounts made
here are confirmed: the operator vouches for the address.
"""
from __future__ import annotations

import click
from flask import g
from flask.cli import with_appcontext

from ..models import AccountKind, Role


def _english() -> None:
    """Messages from the capability in the operator's (English) console language."""
    g.forced_locale = "en"


def _errors(error) -> str:
    return "; ".join(f"{field}: {message}" for field, message in error.errors.items())


def _user(username: str):
    from .registration import find_by_username

    user = find_by_username(username)
    if user is None:
        raise click.ClickException(f"No user named {username!r}.")
    return user


def _new_password(value: str | None) -> str:
    if value is not None:
        return value
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@click.group("user")
def user_group():
    """Manage accounts: create, set passwords, grant roles."""


@user_group.command("create")
@click.argument("username")
@click.option("--email", required=True, help="E-mail address (treated as confirmed).")
@click.option("--full-name", default="", help="Full name; defaults to the username.")
@click.option("--password", default=None, help="Password; asked for (hidden) when left out.")
@click.option("--sysadmin", is_flag=True, help="Make the account a system administrator (the Department).")
@with_appcontext
def create_command(username, email, full_name, password, sysadmin):
    """Create a confirmed local account."""
    from .registration import AccountError, Registration, register

    _english()
    data = Registration(username=username, email=email, password=_new_password(password),
                        full_name=full_name or username, account_kind=AccountKind.INDIVIDUAL)
    try:
        user = register(data, confirmed=True, sysadmin=sysadmin, by_operator=True)
    except AccountError as error:
        raise click.ClickException(_errors(error)) from None
    click.echo(f"User {user.username} created{' as system administrator' if sysadmin else ''}.")


@user_group.command("set-password")
@click.argument("username")
@with_appcontext
def set_password_command(username):
    """Set a new password (asked for twice, hidden); other sessions end."""
    from .recovery import set_password_by_operator
    from .registration import AccountError

    _english()
    user = _user(username)
    try:
        set_password_by_operator(user, _new_password(None))
    except AccountError as error:
        raise click.ClickException(_errors(error)) from None
    click.echo(f"Password of {user.username} changed.")


@user_group.command("make-sysadmin")
@click.argument("username")
@click.option("--revoke", is_flag=True, help="Take the system administrator right away instead.")
@with_appcontext
def make_sysadmin_command(username, revoke):
    """Grant (or with --revoke, take away) the system administrator right."""
    from .roles import set_sysadmin

    user = _user(username)
    changed = set_sysadmin(user, not revoke)
    state = "no longer" if revoke else "now"
    click.echo(f"{user.username} is {state} a system administrator{'' if changed else ' (unchanged)'}.")


@user_group.command("add-member")
@click.argument("username")
@click.argument("organization_slug")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True, help="Role in the agency.")
@with_appcontext
def add_member_command(username, organization_slug, role):
    """Give a user a role in an agency (changes the role if already a member)."""
    from .roles import find_organization, set_membership

    user = _user(username)
    organization = find_organization(organization_slug)
    if organization is None:
        raise click.ClickException(f"No agency with the slug {organization_slug!r}.")
    previous = set_membership(user, organization, Role(role))
    before = f" (was {previous.value})" if previous and previous.value != role else ""
    click.echo(f"{user.username} is {role} of {organization.slug}{before}.")


def register(group) -> None:
    """Add this capability's subcommands to ``flask opendata``."""
    group.add_command(user_group)
