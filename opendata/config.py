"""Settings, read from ``OPENDATA_*`` environment variables with embedded defaults.

Nothing here runs at import time: ``create_app`` calls :func:`load_config` with
the environment it is given, so tests build apps from plain dicts.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Mapping

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Setting name -> (environment variable, parser). Only what an operator may
# reasonably change is listed; everything else is an embedded default.
_INT = int


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


ENVIRONMENT = {
    "DATABASE_URL": ("OPENDATA_DATABASE_URL", str),
    "SECRET_KEY": ("OPENDATA_SECRET_KEY", str),
    "SITE_NAME": ("OPENDATA_SITE_NAME", str),
    "SITE_NAME_EN": ("OPENDATA_SITE_NAME_EN", str),
    "SITE_URL": ("OPENDATA_SITE_URL", str),
    "PROVINCE": ("OPENDATA_PROVINCE", str),
    "MAX_CONTENT_LENGTH": ("OPENDATA_MAX_UPLOAD_BYTES", _INT),
    "DATASETS_PER_PAGE": ("OPENDATA_DATASETS_PER_PAGE", _INT),
    "SESSION_COOKIE_SECURE": ("OPENDATA_SECURE_COOKIES", _bool),
    "PLUGINS_DISABLED": ("OPENDATA_PLUGINS_DISABLED", str),
    "PROXY_COUNT": ("OPENDATA_PROXY_COUNT", _INT),
    # "auto" (PostgreSQL full-text when the database is PostgreSQL, else Whoosh), "whoosh" or "postgresql".
    "SEARCH_BACKEND": ("OPENDATA_SEARCH_BACKEND", str),
    "SEARCH_INDEX_PATH": ("OPENDATA_SEARCH_INDEX_PATH", str),
    # Outgoing mail; without a host, messages go to <instance>/outbox/ as .eml files.
    "MAIL_SERVER": ("OPENDATA_SMTP_HOST", str),
    "MAIL_PORT": ("OPENDATA_SMTP_PORT", _INT),
    "MAIL_USERNAME": ("OPENDATA_SMTP_USER", str),
    "MAIL_PASSWORD": ("OPENDATA_SMTP_PASSWORD", str),
    "MAIL_USE_STARTTLS": ("OPENDATA_SMTP_STARTTLS", _bool),
    "MAIL_USE_SSL": ("OPENDATA_SMTP_SSL", _bool),
    "MAIL_FROM": ("OPENDATA_SMTP_FROM", str),
    # Rate limits (opendata/api/limits.py): "memory://" (per process) or "redis://host:6379/0" (shared).
    "RATELIMIT_ENABLED": ("OPENDATA_RATELIMIT_ENABLED", _bool),
    "RATELIMIT_STORAGE_URI": ("OPENDATA_RATELIMIT_STORAGE_URL", str),
    "RATELIMIT_KEY_PREFIX": ("OPENDATA_RATELIMIT_KEY_PREFIX", str),
    "API_RATE_LIMIT": ("OPENDATA_API_RATE_LIMIT", str),
    "API_TOKEN_RATE_LIMIT": ("OPENDATA_API_TOKEN_RATE_LIMIT", str),
    "PAGE_RATE_LIMIT": ("OPENDATA_PAGE_RATE_LIMIT", str),
}

DEFAULTS: dict[str, Any] = {
    "SITE_NAME": "Cổng dữ liệu mở tỉnh An Giang",
    "SITE_NAME_EN": "An Giang Province Open Data Portal",
    "SITE_URL": "",
    "PROVINCE": "An Giang",
    "MAX_CONTENT_LENGTH": 512 * 1024 * 1024,
    "DATASETS_PER_PAGE": 20,
    "MAX_PAGE": 10_000,
    "SESSION_COOKIE_SECURE": False,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "LANGUAGES": ("vi", "en"),
    "BABEL_DEFAULT_LOCALE": "vi",
    "BABEL_DEFAULT_TIMEZONE": "Asia/Ho_Chi_Minh",
    "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
    "LANGUAGE_COOKIE": "opendata_lang",
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "PLUGINS_DISABLED": (),
    "PROXY_COUNT": 0,
    "SEARCH_BACKEND": "auto",
    # Per client, over all machine endpoints; "" for PAGE_RATE_LIMIT leaves HTML pages unlimited.
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_KEY_PREFIX": "opendata",
    "API_RATE_LIMIT": "300 per minute;6000 per hour",
    "API_TOKEN_RATE_LIMIT": "1200 per minute;40000 per hour",
    "PAGE_RATE_LIMIT": "",
}


def load_config(environ: Mapping[str, str], overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Build the settings dict from ``environ`` and explicit ``overrides``.

    The instance folder is created, and the secret key is generated once and
    kept there so sessions survive restarts without the operator setting one.
    """
    config = dict(DEFAULTS)
    for key, (variable, parse) in ENVIRONMENT.items():
        if environ.get(variable):
            config[key] = parse(environ[variable])
    config.update(overrides or {})

    instance = Path(config.get("INSTANCE_PATH") or environ.get("OPENDATA_INSTANCE_PATH") or "instance")
    instance = instance.expanduser().resolve()
    instance.mkdir(parents=True, exist_ok=True)
    config["INSTANCE_PATH"] = str(instance)
    config.setdefault("STORAGE_PATH", str(instance / "files"))
    config.setdefault("SEARCH_INDEX_PATH", str(instance / "search-index"))

    url = config.pop("DATABASE_URL", None) or config.get("SQLALCHEMY_DATABASE_URI")
    config["SQLALCHEMY_DATABASE_URI"] = url or f"sqlite:///{instance / 'opendata.db'}"

    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = _instance_secret(instance / "secret_key")
    return config


def _instance_secret(path: Path) -> str:
    """Read the instance's secret key, creating it (mode 0600) on first use."""
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    key = secrets.token_hex(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another worker won the race: use its key
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
