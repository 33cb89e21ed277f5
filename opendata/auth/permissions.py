"""The one place that decides permissions: ``can(user, action, obj)``.

``visible_datasets(user)`` is the same rule for ``dataset.read`` written as
a SQL condition, so lists and counts filter inside the query instead of
post-filtering a page of results.
"""
from __future__ import annotations

from sqlalchemy import and_, or_, true

from ..models import Dataset, DatasetState, Resource

PUBLIC_ACTIONS = {"site.read", "organization.read", "topic.read", "licence.read"}


def _is_authenticated(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


def _member_org_ids(user, roles=None) -> set[str]:
    if not _is_authenticated(user):
        return set()
    return {m.organization_id for m in user.memberships if roles is None or m.role in roles}


def can(user, action: str, obj=None) -> bool:
    if action in PUBLIC_ACTIONS:
        return True
    if _is_authenticated(user) and user.is_sysadmin:
        return True
    if action in {"dataset.read", "resource.read", "resource.download"}:
        dataset = obj.dataset if isinstance(obj, Resource) else obj
        if dataset.is_public or dataset.organization_id in _member_org_ids(user):
            return True
        # Withdrawn datasets stay visible with their reason; their files do not.
        return dataset.state is DatasetState.WITHDRAWN and not dataset.private and action == "dataset.read"
    return False


def visible_datasets(user):
    """SQL condition selecting the datasets ``user`` may read (``dataset.read``)."""
    if _is_authenticated(user) and user.is_sysadmin:
        return true()
    public = and_(Dataset.private.is_(False), Dataset.state.in_([DatasetState.PUBLISHED, DatasetState.WITHDRAWN]))
    own = _member_org_ids(user)
    if not own:
        return public
    return or_(public, Dataset.organization_id.in_(own))


def listed_datasets(user):
    """Datasets shown in lists and counts: readable and not withdrawn."""
    return and_(visible_datasets(user), Dataset.state != DatasetState.WITHDRAWN)


