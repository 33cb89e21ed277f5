"""Outgoing e-mail: SMTP when a server is configured, otherwise an outbox folder.

Without ``MAIL_SERVER`` every message is written as an ``.eml`` file into
``<instance>/outbox/`` (and logged), so a demo or a test machine works
offline and the links can be read from the files.
"""
from __future__ import annotations

import logging
import os
import smtplib
import ssl
import tempfile
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path

from flask import current_app

from ..models import utcnow

log = logging.getLogger(__name__)


DEFAULT_FROM = "no-reply@localhost"
TIMEOUT = 20


class MailError(Exception):
    """The message could not be handed to the mail server."""


def build_message(to: str, subject: str, body: str) -> EmailMessage:
    config = current_app.config
    message = EmailMessage()
    message["From"] = config.get("MAIL_FROM") or DEFAULT_FROM
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(utcnow())
    domain = parseaddr(message["From"])[1].rpartition("@")[2]
    message["Message-ID"] = make_msgid(domain=domain or "localhost")
    message.set_content(body)
    return message


def send_mail(to: str, subject: str, body: str) -> Path | None:
    """Send a plain-text message; returns the outbox file when no server is set."""
    message = build_message(to, subject, body)
    if current_app.config.get("MAIL_SERVER"):
        _send_smtp(message)
        log.info("mail %r sent to %s", subject, to)
        return None
    path = _write_outbox(message)
    log.info("mail %r to %s written to %s (no MAIL_SERVER set)", subject, to, path)
    return path


def _send_smtp(message: EmailMessage) -> None:
    config = current_app.config
    use_ssl = bool(config.get("MAIL_USE_SSL", False))
    starttls = bool(config.get("MAIL_USE_STARTTLS", not use_ssl))
    port = int(config.get("MAIL_PORT") or (465 if use_ssl else 587 if starttls else 25))
    context = ssl.create_default_context()
    try:
        if use_ssl:
            connection = smtplib.SMTP_SSL(config["MAIL_SERVER"], port, timeout=TIMEOUT, context=context)
        else:
            connection = smtplib.SMTP(config["MAIL_SERVER"], port, timeout=TIMEOUT)
        with connection:
            if starttls and not use_ssl:
                connection.starttls(context=context)
            if config.get("MAIL_USERNAME"):
                connection.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
            connection.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        log.error("mail to %s failed: %s", message["To"], exc)
        raise MailError(str(exc)) from exc


def outbox_path() -> Path:
    return Path(current_app.instance_path) / "outbox"


def _write_outbox(message: EmailMessage) -> Path:
    """Write to a temporary name, then rename: a reader never sees half a message."""
    folder = outbox_path()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
    fd, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".eml", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(message.as_bytes())
        final = folder / f"{stamp}-{Path(temporary).stem.removeprefix('.tmp-')}.eml"
        os.replace(temporary, final)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return final
