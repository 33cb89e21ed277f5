"""Helpers shared by the account tests: the outbox, links in mails, sign-in forms."""
from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

from opendata.accounts.registration import Registration, register
from opendata.models import AccountKind
from tests.conftest import PASSWORD

LINK = re.compile(r"https?://\S+")


def outbox(app) -> list:
    """The messages written to the instance outbox, oldest first."""
    folder = Path(app.instance_path) / "outbox"
    if not folder.exists():
        return []
    files = sorted(p for p in folder.iterdir() if p.suffix == ".eml" and not p.name.startswith("."))
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default) for p in files]


def last_link(app, fragment: str) -> str:
    """The URL containing ``fragment`` in the newest mail."""
    messages = outbox(app)
    assert messages, "no mail was written"
    body = messages[-1].get_content()
    links = [link for link in LINK.findall(body) if fragment in link]
    assert links, body
    return links[-1]


def new_user(username="nguyenvana", email_address="nguyenvana@example.vn", password=PASSWORD, confirmed=True, **fields):
    data = Registration(username=username, email=email_address, password=password,
                        full_name=fields.pop("full_name", "Nguyễn Văn A"),
                        account_kind=fields.pop("account_kind", AccountKind.INDIVIDUAL), **fields)
    return register(data, confirmed=confirmed)


def login(client, identifier, password=PASSWORD, next_url=None, ip="10.0.0.1", **extra):
    return client.post("/account/login", query_string={"next": next_url} if next_url else None,
                       data={"login": identifier, "password": password, **extra}, environ_base={"REMOTE_ADDR": ip})
