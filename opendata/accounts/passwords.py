"""Password rules, hashing and checking.

Hashes use Werkzeug's current default (scrypt). Checking always runs one
hash computation, even for unknown users, so response times do not tell a
guesser which usernames exist.
"""
from __future__ import annotations

from functools import lru_cache

from opendata.i18n import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash

from ..models import User, utcnow

MIN_LENGTH = 10
MAX_LENGTH = 200  # hashing megabytes of "password" would be a cheap denial of service
CURRENT_METHOD = "scrypt"


def password_problem(password: str, username: str = "", email: str = ""):
    """Why ``password`` may not be used (a translated message), or ``None``."""
    if len(password) < MIN_LENGTH:
        return _l("The password must be at least %(num)s characters long.", num=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _l("The password must be at most %(num)s characters long.", num=MAX_LENGTH)
    if password.isdigit():
        return _l("The password must not consist of digits only; add letters or other characters.")
    lowered = password.strip().lower()
    if lowered and lowered in {username.strip().lower(), email.strip().lower()}:
        return _l("The password must differ from your username and e-mail address.")
    return None


def hash_password(password: str) -> str:
    return generate_password_hash(password)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return generate_password_hash("not a password anyone has")


def verify_password(user: User | None, password: str) -> bool:
    """True when ``password`` is ``user``'s; costs the same with no user or no password."""
    stored = user.password_hash if user is not None else None
    if not stored or len(password) > MAX_LENGTH:
        check_password_hash(_dummy_hash(), password[:MAX_LENGTH])
        return False
    return check_password_hash(stored, password)


def needs_rehash(user: User) -> bool:
    """Hashes made with an older method are replaced at the next sign-in."""
    return bool(user.password_hash) and not user.password_hash.startswith(CURRENT_METHOD + ":")


def set_password(user: User, password: str) -> None:
    """Store a new password; the new stamp ends other sessions and used reset links."""
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
