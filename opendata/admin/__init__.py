"""The Department's administration as plain functions over the models.

Agencies, agency types, topics, licences, accounts, agency membership and
the audit log. Every change records its field-level before/after with
:mod:`opendata.history` in the same transaction. Nothing here reads the
request: callers pass plain values and the acting user, and deciding
*whether* the actor may act stays with :func:`opendata.auth.can`.
"""
from .common import Invalid

__all__ = ["Invalid"]
