"""Machine access: the CKAN-compatible Action API (``/api/3/action/<verb>``).

Verbs are plain functions registered with :func:`.actions.action`; the
blueprint (:mod:`opendata.blueprints.api`) parses the request, calls
:func:`.actions.call` and wraps the result in CKAN's envelope. Pages and the
API share the capability modules (catalogue, search, publishing), so the
same permission checks decide what each caller sees.
"""
