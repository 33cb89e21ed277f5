"""The verb registry and CKAN's error types.

Each verb is ``function(context, data) -> result``: ``context`` carries the
caller (``context.user``, an anonymous user when no token was sent) and the
uploaded files; ``data`` is the merged request parameters (query string,
JSON body or form fields), as CKAN's ``data_dict``. A verb raises one of the
errors below; the blueprint turns them into CKAN's error envelope and status.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from werkzeug.datastructures import FileStorage

Verb = Callable[["Context", dict[str, Any]], Any]


@dataclass(frozen=True)
class Action:
    name: str
    function: Verb
    write: bool  # needs POST and a signed-in caller (an API token)
    summary: str  # one line, English: shown in the OpenAPI document and in help


_ACTIONS: dict[str, Action] = {}


def action(name: str, *, write: bool = False):
    """Register the decorated function as the verb ``name`` (its docstring's first line is the summary)."""

    def register(function: Verb) -> Verb:
        if name in _ACTIONS:
            raise ValueError(f"verb {name!r} registered twice")
        summary = (function.__doc__ or "").strip().splitlines()[0] if function.__doc__ else name
        _ACTIONS[name] = Action(name, function, write, summary)
        return function

    return register


def actions() -> dict[str, Action]:
    """Every registered verb, by name (the verb modules are imported by :func:`load_verbs`)."""
    load_verbs()
    return dict(_ACTIONS)


def get_action(name: str) -> Action | None:
    load_verbs()
    return _ACTIONS.get(name)


# Modules whose import registers verbs (each holds one family of verbs).
VERB_MODULES = ("opendata.api.read", "opendata.api.write", "opendata.api.activity")


def load_verbs() -> None:
    import importlib
    import importlib.util

    for module in VERB_MODULES:
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)


@dataclass
class Context:
    user: Any
    files: dict[str, FileStorage] = field(default_factory=dict)


class ActionError(Exception):
    """An error CKAN clients understand: ``__type`` names it, ``status`` is the HTTP code.

    ``prefix`` is the fixed start of CKAN's message ("Not found", "Access
    denied"); the detail given here follows it after ": ", as CKAN writes it
    (ckanapi splits on that separator to recover the detail).
    """

    ckan_type = "Internal Error"
    status = 500
    prefix = ""

    def __init__(self, message: str = "", **fields: Any):
        super().__init__(message)
        self.message = message
        self.fields = fields  # extra keys of the error dict (field errors for Validation Error)

    def as_dict(self) -> dict[str, Any]:
        error: dict[str, Any] = {"__type": self.ckan_type}
        message = ": ".join(part for part in (self.prefix, self.message) if part)
        if message:
            error["message"] = message
        error.update(self.fields)
        return error


class NotFound(ActionError):
    ckan_type = "Not Found Error"
    status = 404
    prefix = "Not found"


class ValidationError(ActionError):
    """``fields`` maps each bad parameter to a list of messages, as CKAN does.

    CKAN's validation error dict has no ``message``: the field errors are the
    message, e.g. ``{"__type": "Validation Error", "rows": ["Invalid integer"]}``.
    """

    ckan_type = "Validation Error"
    status = 409


class NotAuthorized(ActionError):
    ckan_type = "Authorization Error"
    status = 403
    prefix = "Access denied"


class BadRequest(ActionError):
    ckan_type = "Bad request - JSON Error"
    status = 400


class SearchQueryError(ActionError):
    """A ``q``/``fq``/``sort`` the search cannot run (CKAN's Solr syntax error); ckanapi raises its own SearchQueryError."""

    ckan_type = "Search Query Error"
    status = 400
    prefix = "Search Query is invalid"


class UnknownAction(ActionError):
    ckan_type = "Bad request - Action name not known"
    status = 400


def call(name: str, context: Context, data: dict[str, Any]) -> Any:
    """Run verb ``name``; unknown verbs are CKAN's 400 "Bad request - Action name not known"."""
    found = get_action(name)
    if found is None:
        raise UnknownAction(f"Action name not known: {name}")
    for key, value in data.items():
        if _holds_nul(key) or _holds_nul(value):
            raise ValidationError(**{str(key).replace("\x00", ""): ["Must not contain NUL characters"]})
    return found.function(context, data)


def _holds_nul(value: Any) -> bool:
    """NUL anywhere in a value: no database column can hold it (PostgreSQL refuses it outright)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_holds_nul(item) for item in value)
    return False
