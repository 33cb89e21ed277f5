"""Every role x every action x own/other agency, answered by the one `can()`."""
import pytest
from flask_login import AnonymousUserMixin

from opendata.auth import ALL_ACTIONS, can
from opendata.models import DatasetState
from tests import factories

ROLES = ["anonymous", "registered", "member", "editor", "admin", "other_editor", "sysadmin"]

# Agency actions on the agency "own" (and its draft dataset): who may.
AGENCY = {
    "workspace.access": {"member", "editor", "admin", "sysadmin"},
    "dataset.read_unpublished": {"member", "editor", "admin", "sysadmin"},
    "dataset.create": {"editor", "admin", "sysadmin"},
    "dataset.update": {"editor", "admin", "sysadmin"},
    "dataset.publish": {"editor", "admin", "sysadmin"},
    "dataset.delete": {"editor", "admin", "sysadmin"},
    "dataset.bulk_import": {"editor", "admin", "sysadmin"},
    "resource.create": {"editor", "admin", "sysadmin"},
    "resource.update": {"editor", "admin", "sysadmin"},
    "resource.delete": {"editor", "admin", "sysadmin"},
    "organization.update": {"admin", "sysadmin"},
    "organization.members": {"admin", "sysadmin"},
}
DEPARTMENT = {
    "admin.access", "audit.read", "user.manage", "organization.create", "organization.delete",
    "agency_type.manage", "topic.manage", "licence.manage", "safety.override",
}
EVERYONE = {"site.read", "organization.read", "topic.read", "licence.read"}


@pytest.fixture
def world(app, people, agencies):
    viewers = dict(people, anonymous=AnonymousUserMixin())
    draft = factories.dataset(agencies["own"], state=DatasetState.DRAFT, resources=[("a.csv", b"a\n")])
    published = factories.dataset(agencies["own"], resources=[("b.csv", b"b\n")])
    return viewers, agencies, draft, published


def target(action, agencies, draft):
    if action.startswith(("dataset.", "resource.")) and action not in {"dataset.create", "dataset.bulk_import"}:
        return draft.resources[0] if action.startswith("resource.") else draft
    return agencies["own"]


@pytest.mark.parametrize("role", ROLES)
def test_agency_actions(world, role):
    viewers, agencies, draft, _ = world
    for action, allowed in AGENCY.items():
        assert can(viewers[role], action, target(action, agencies, draft)) == (role in allowed), (role, action)


@pytest.mark.parametrize("role", ROLES)
def test_agency_actions_on_the_other_agency(world, role):
    viewers, agencies, _, _ = world
    other_draft = factories.dataset(agencies["other"], state=DatasetState.DRAFT)
    for action in AGENCY:
        obj = other_draft if action.startswith("dataset.") and action not in {"dataset.create", "dataset.bulk_import"} else agencies["other"]
        if action.startswith("resource."):
            continue
        expected = role == "sysadmin" or (role == "other_editor" and action in AGENCY and "editor" in AGENCY[action])
        assert can(viewers[role], action, obj) == expected, (role, action)


@pytest.mark.parametrize("role", ROLES)
def test_department_and_public_actions(world, role):
    viewers, agencies, _, _ = world
    for action in DEPARTMENT:
        assert can(viewers[role], action, None) == (role == "sysadmin"), (role, action)
    for action in EVERYONE:
        assert can(viewers[role], action, agencies["own"])
    assert can(viewers[role], "account.read") == (role != "anonymous")


@pytest.mark.parametrize("role", ROLES)
def test_life_cycle_rules_bind_everyone(world, role):
    viewers, _, draft, published = world
    assert not can(viewers[role], "dataset.withdraw", draft)  # only published data is withdrawn
    assert not can(viewers[role], "dataset.delete", published)  # published data is never deleted
    assert not can(viewers[role], "dataset.publish", published)
    assert can(viewers[role], "dataset.withdraw", published) == (role in {"editor", "admin", "sysadmin"})


def test_the_matrix_covers_every_action():
    covered = set(AGENCY) | DEPARTMENT | EVERYONE | {"account.read", "dataset.withdraw"}
    covered |= {"dataset.read", "dataset.history", "resource.read", "resource.download"}  # tests/auth/test_permissions.py
    assert covered == ALL_ACTIONS


def test_unknown_actions_are_an_error(world):
    viewers, agencies, _, _ = world
    with pytest.raises(ValueError):
        can(viewers["sysadmin"], "dataset.updat", agencies["own"])
