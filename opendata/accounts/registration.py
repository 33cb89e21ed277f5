"""Creating accounts and confirming their e-mail addresses.

Usernames and e-mail addresses are stored in lower case and looked up case
insensitively, so ``NguyenVanA`` and ``nguyenvana`` are one account. The same
checks serve the registration page, the operator command and the demo.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Callable

from opendata.i18n import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from .. import history
from ..extensions import db
from ..models import AccountKind, User, utcnow
from . import messages, throttle, tokens
from .mail import MailError
from .passwords import hash_password, password_problem

log = logging.getLogger(__name__)

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,99}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
PHONE = re.compile(r"^\+?[0-9 ().-]{6,40}$")
MAX_NAME = 200
MAX_ORGANIZATION = 300

LinkFor = Callable[[str], str]  # token -> absolute URL of the page that takes it


class AccountError(Exception):
    """Input that cannot be accepted: ``errors`` maps a field name to a translated message."""

    def __init__(self, errors: dict):
        super().__init__(", ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = errors


@dataclass
class Registration:
    username: str
    email: str
    password: str
    full_name: str
    account_kind: AccountKind = AccountKind.INDIVIDUAL
    organization_name: str = ""
    phone: str = ""


def normalise_username(value: str) -> str:
    return (value or "").strip().lower()


def normalise_email(value: str) -> str:
    return (value or "").strip().lower()


def find_by_username(username: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.username) == normalise_username(username)))


def find_by_email(email: str) -> User | None:
    address = normalise_email(email)
    return db.session.scalar(select(User).where(func.lower(User.email) == address)) if address else None


def check_registration(data: Registration) -> dict:
    """Every problem with ``data``, field by field (empty when it can be saved)."""
    errors: dict = {}
    username, email = normalise_username(data.username), normalise_email(data.email)
    if not username:
        errors["username"] = _l("Enter a username.")
    elif not USERNAME.match(username):
        errors["username"] = _l("A username has 3 to 100 characters: letters a-z without accents, digits, dots, hyphens or underscores.")
    elif find_by_username(username):
        errors["username"] = _l("This username is already taken. Please choose another one.")
    if not email:
        errors["email"] = _l("Enter your e-mail address.")
    elif len(email) > 254 or not EMAIL.match(email):
        errors["email"] = _l("Enter a valid e-mail address, for example nguyenvana@gmail.com.")
    elif find_by_email(email):
        errors["email"] = _l("An account with this e-mail address already exists. Sign in, or reset your password if you have forgotten it.")
    full_name = (data.full_name or "").strip()
    if not full_name:
        errors["full_name"] = _l("Enter your full name.")
    elif len(full_name) > MAX_NAME:
        errors["full_name"] = _l("The name must be at most %(num)s characters long.", num=MAX_NAME)
    if not isinstance(data.account_kind, AccountKind):
        errors["account_kind"] = _l("Choose whether you register as an individual or as an organisation.")
    organization = (data.organization_name or "").strip()
    if data.account_kind is AccountKind.ORGANIZATION and not organization:
        errors["organization_name"] = _l("Enter the name of your organisation.")
    elif len(organization) > MAX_ORGANIZATION:
        errors["organization_name"] = _l("The name must be at most %(num)s characters long.", num=MAX_ORGANIZATION)
    phone = (data.phone or "").strip()
    if phone and not PHONE.match(phone):
        errors["phone"] = _l("Enter a valid phone number: digits, spaces and the signs + ( ) - only.")
    problem = password_problem(data.password or "", username, email)
    if problem:
        errors["password"] = problem
    return errors


def register(data: Registration, confirmed: bool = False, sysadmin: bool = False, by_operator: bool = False,
             commit: bool = True) -> User:
    """Create the account, or raise :class:`AccountError` and save nothing.

    ``by_operator``: created from the command line (or the demo), so the
    history names no user as the author.
    """
    errors = check_registration(data)
    if errors:
        raise AccountError(errors)
    is_organization = data.account_kind is AccountKind.ORGANIZATION
    user = User(
        username=normalise_username(data.username), email=normalise_email(data.email),
        full_name=data.full_name.strip(), account_kind=data.account_kind,
        organization_name=data.organization_name.strip() if is_organization else None,
        phone=(data.phone or "").strip() or None, password_hash=hash_password(data.password),
        is_sysadmin=sysadmin, email_confirmed_at=utcnow() if confirmed else None,
    )
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError:  # someone took the name between the check and the insert
        db.session.rollback()
        raise AccountError(check_registration(data) or {"username": _l("This username is already taken. Please choose another one.")}) from None
    summary = f"account {user.username} ({user.account_kind.value})"
    summary += " created by an operator" if by_operator else " registered"
    history.record("user.created", user, user=None if by_operator else user,
                   summary=summary + (" as system administrator" if sysadmin else ""))
    if commit:
        db.session.commit()
    return user


def send_confirmation(user: User, link_for: LinkFor) -> None:
    """Mail the confirmation link; raises :class:`MailError` when it cannot be sent."""
    messages.send_confirmation(user, link_for(tokens.make_token(user, tokens.CONFIRM)))


def confirm_email(token: str) -> User:
    """Mark the address confirmed; raises :class:`tokens.TokenError` for a bad, old or used link."""
    user = tokens.read_token(token, tokens.CONFIRM)
    user.email_confirmed_at = utcnow()
    history.record("user.email_confirmed", user, user=user, summary=f"e-mail address of {user.username} confirmed")
    db.session.commit()
    return user


def resend_confirmation(email: str, ip: str, link_for: LinkFor) -> None:
    """Send a new link if an unconfirmed account uses ``email``; silent either way."""
    user = find_by_email(email)
    if user is None or not user.active or user.email_confirmed_at is not None:
        return
    if not throttle.mail_allowed(user.email, ip):
        log.warning("confirmation mail to %s not sent: too many requests", user.email)
        return
    db.session.commit()
    try:
        send_confirmation(user, link_for)
    except MailError:
        pass  # logged by the mail module; telling the visitor would reveal the account
