"""The one place that decides permissions: ``can(user, action, obj)``.

Every page, form, download, search, feed and API call asks here. Roles are
per agency (admin > editor > member); the sysadmin flag is the Department.
``visible_datasets(user)`` is the ``dataset.read`` rule written as a SQL
condition, so lists and counts filter inside the query instead of
post-filtering a page of results.
"""
from __future__ import annotations

from sqlalchemy import and_, or_, true

from ..models import Dataset, DatasetState, Organization, Resource, Role

# Anyone, signed in or not (open data may not require identification).
PUBLIC_ACTIONS = {"site.read", "organization.read", "topic.read", "licence.read"}

# Actions on the Department's own objects: sysadmins only.
SYSADMIN_ACTIONS = {
    "admin.access", "audit.read", "user.manage", "organization.create", "organization.delete",
    "agency_type.manage", "topic.manage", "licence.manage", "safety.override",
}

# Actions inside one agency and the lowest role that may take them.
AGENCY_ACTIONS = {
    "workspace.access": Role.MEMBER,
    "dataset.read_unpublished": Role.MEMBER,
    "dataset.create": Role.EDITOR,
    "dataset.update": Role.EDITOR,
    "dataset.publish": Role.EDITOR,
    "dataset.withdraw": Role.EDITOR,
    "dataset.delete": Role.EDITOR,
    "dataset.bulk_import": Role.EDITOR,
    "resource.create": Role.EDITOR,
    "resource.update": Role.EDITOR,
    "resource.delete": Role.EDITOR,
    "organization.update": Role.ADMIN,
    "organization.members": Role.ADMIN,
}

_RANK = {Role.MEMBER: 1, Role.EDITOR: 2, Role.ADMIN: 3}

READ_ACTIONS = {"dataset.read", "dataset.history", "resource.read", "resource.download"}

ALL_ACTIONS = PUBLIC_ACTIONS | SYSADMIN_ACTIONS | set(AGENCY_ACTIONS) | READ_ACTIONS | {"account.read"}


def _is_authenticated(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


def is_sysadmin(user) -> bool:
    return _is_authenticated(user) and bool(user.is_sysadmin)


def role_in(user, organization_id: str | None) -> Role | None:
    if not _is_authenticated(user) or organization_id is None:
        return None
    return user.role_in(organization_id)


def _organization_id(obj) -> str | None:
    if isinstance(obj, Organization):
        return obj.id
    if isinstance(obj, Dataset):
        return obj.organization_id
    if isinstance(obj, Resource):
        return obj.dataset.organization_id
    return None


def _dataset(obj) -> Dataset | None:
    if isinstance(obj, Resource):
        return obj.dataset
    return obj if isinstance(obj, Dataset) else None


def _has_role(user, obj, minimum: Role) -> bool:
    role = role_in(user, _organization_id(obj))
    return role is not None and _RANK[role] >= _RANK[minimum]


def can(user, action: str, obj=None) -> bool:
    if action not in ALL_ACTIONS:
        raise ValueError(f"unknown action {action!r}")  # a typo must not quietly deny (or allow)
    if action in PUBLIC_ACTIONS:
        return True
    if action == "account.read":
        return _is_authenticated(user)
    if action in READ_ACTIONS:
        return _can_read(user, action, obj)
    if not _state_allows(action, obj):
        return False
    if is_sysadmin(user):
        return True
    if action in SYSADMIN_ACTIONS:
        return False
    if action == "workspace.access" and obj is None:
        return _is_authenticated(user) and bool(user.memberships)
    return _has_role(user, obj, AGENCY_ACTIONS[action])


def _can_read(user, action: str, obj) -> bool:
    dataset = _dataset(obj)
    if is_sysadmin(user) or _has_role(user, dataset, Role.MEMBER):
        return True
    if isinstance(obj, Resource) and obj.withheld:
        return False  # held back by the safety gate
    if dataset.is_public:
        return True
    # Withdrawn public datasets stay readable with their reason; their files do not.
    return (
        dataset.state is DatasetState.WITHDRAWN
        and not dataset.private
        and action in {"dataset.read", "dataset.history"}
    )


def _state_allows(action: str, obj) -> bool:
    """Rules of the dataset life cycle that bind every role, sysadmins included."""
    dataset = _dataset(obj)
    if dataset is None:
        return True
    if action == "dataset.delete":
        return dataset.state is DatasetState.DRAFT  # published data is withdrawn, never deleted
    if action == "dataset.publish":
        return dataset.state is not DatasetState.PUBLISHED
    if action == "dataset.withdraw":
        return dataset.state is DatasetState.PUBLISHED
    return True


def visible_datasets(user):
    """SQL condition selecting the datasets ``user`` may read (``dataset.read``)."""
    if is_sysadmin(user):
        return true()
    public = and_(Dataset.private.is_(False), Dataset.state.in_([DatasetState.PUBLISHED, DatasetState.WITHDRAWN]))
    own = [m.organization_id for m in user.memberships] if _is_authenticated(user) else []
    if not own:
        return public
    return or_(public, Dataset.organization_id.in_(own))


def listed_datasets(user):
    """Datasets shown in lists and counts: readable and not withdrawn."""
    return and_(visible_datasets(user), Dataset.state != DatasetState.WITHDRAWN)


def is_listed(user, dataset: Dataset) -> bool:
    """``listed_datasets`` for one loaded dataset."""
    return dataset.state is not DatasetState.WITHDRAWN and can(user, "dataset.read", dataset)


def search_labels(user) -> frozenset[str] | None:
    """Permission labels of the index documents ``user`` may find; None means all (sysadmins).

    The search filters by these inside the query (CKAN's approach), so counts
    and facets never include what the viewer may not list.
    """
    if is_sysadmin(user):
        return None
    own = [m.organization_id for m in user.memberships] if _is_authenticated(user) else []
    return frozenset({"public", *(f"org:{organization_id}" for organization_id in own)})


def document_labels(dataset: Dataset) -> tuple[str, ...] | None:
    """Who may find ``dataset`` in lists and search (``listed_datasets`` as labels); None: nobody."""
    if dataset.state is DatasetState.WITHDRAWN:
        return None
    if dataset.is_public:
        return ("public",)
    return (f"org:{dataset.organization_id}",)


def visible_resources(user):
    """SQL condition on Resource: withheld files only for their agency and sysadmins."""
    if is_sysadmin(user):
        return true()
    own = [m.organization_id for m in user.memberships] if _is_authenticated(user) else []
    if not own:
        return Resource.withheld.is_(False)
    return or_(Resource.withheld.is_(False), Resource.dataset.has(Dataset.organization_id.in_(own)))
