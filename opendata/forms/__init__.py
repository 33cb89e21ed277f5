"""Flask-WTF forms of the portal's HTML pages.

Forms parse, keep and re-display what a person typed, and carry the CSRF
token. The rules live in the capabilities (one place for the form, the bulk
import and the API); :func:`show_errors` puts a capability's field messages
back next to the fields they are about.
"""
from __future__ import annotations

from opendata.i18n import lazy_gettext as _l

EXPIRED = _l("This form has expired. Please submit it again.")

try:  # WTForms 3.3 deprecates (value, label) tuples for select choices
    from wtforms.fields.choices import SelectChoice as _SelectChoice
except ImportError:  # pragma: no cover - older WTForms
    def _SelectChoice(value, label):  # noqa: N802
        return (value, label)


def choice(value: str, label):
    """One option of a select or checkbox list."""
    return _SelectChoice(value, label)


def show_errors(form, errors: dict) -> list:
    """Attach ``{field: [messages]}`` to the form's fields; return the messages for the whole form."""
    general = []
    for name, messages in errors.items():
        field = form._fields.get(name) if name else None
        if field is None:
            general.extend(messages)
        else:
            field.errors = list(field.errors or []) + list(messages)
    return general


def form_problems(form) -> list:
    """Problems of the request itself (a missing or stale CSRF token)."""
    token = form._fields.get("csrf_token")
    if token is not None and token.errors:
        token.errors = []
        return [EXPIRED]
    return []
