"""Demo sign-ins: a sysadmin ``quantri`` and an editor per demo agency.

Passwords are random for every load (never in the code) and written with
the usernames to ``<instance>/demo-accounts.txt``, readable by its owner
only. Demo data only: production paths never call this.
"""
from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path
from typing import Callable

from flask import current_app
from sqlalchemy import select

from ..accounts.registration import Registration, find_by_username, register
from ..extensions import db
from ..models import AccountKind, Membership, Organization, Role
from .agencies import ORGANIZATIONS

SYSADMIN = "quantri"
EDITOR_PREFIX = "bientap-"
FILENAME = "demo-accounts.txt"
EMAIL_DOMAIN = "demo.invalid"  # reserved: no demo message can reach a real mailbox


def _password() -> str:
    return secrets.token_urlsafe(12)


def create_demo_accounts(echo: Callable[[str], object] = print) -> Path | None:
    """Create the accounts that do not exist yet and list them in the instance folder."""
    rows: list[tuple[str, str, str, str]] = []

    def add(username: str, full_name: str, organization: Organization | None, role: str) -> None:
        if find_by_username(username) is not None:
            echo(f"  account {username} already exists; left unchanged")
            return
        password = _password()
        user = register(Registration(username=username, email=f"{username}@{EMAIL_DOMAIN}", password=password,
                                     full_name=full_name, account_kind=AccountKind.INDIVIDUAL),
                        confirmed=True, sysadmin=organization is None, by_operator=True, commit=False)
        if organization is not None:
            user.memberships.append(Membership(organization=organization, role=Role(role)))
        rows.append((username, password, organization.name if organization else "-", role))

    add(SYSADMIN, "Quản trị hệ thống (demo)", None, "sysadmin")
    slugs = [entry["slug"] for entry in ORGANIZATIONS]
    for organization in db.session.scalars(select(Organization).where(Organization.slug.in_(slugs)).order_by(Organization.name)):
        add(EDITOR_PREFIX + organization.slug, f"Biên tập viên {organization.name} (demo)", organization, Role.EDITOR.value)
    if not rows:
        return None
    path = Path(current_app.instance_path) / FILENAME
    _write_private(path, rows)
    try:
        db.session.commit()
    except BaseException:
        db.session.rollback()
        path.unlink(missing_ok=True)
        raise
    echo(f"  {len(rows)} demo accounts; usernames and passwords in {path} (readable by you only)")
    return path


def _write_private(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    """Write atomically with mode 0600: the passwords are never readable by others, even briefly."""
    lines = [
        "# Demo accounts of the open data portal. Keep this file private; passwords change on every demo load.",
        "# username\tpassword\tagency\trole",
        *("\t".join(row) for row in rows),
    ]
    fd, temporary = tempfile.mkstemp(prefix=".demo-accounts-", dir=path.parent)  # mkstemp creates 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
