"""Who may read what, as a matrix of viewer x dataset state."""
import pytest
from flask_login import AnonymousUserMixin

from opendata.auth import can, document_labels, is_listed, listed_datasets, search_labels, visible_datasets
from opendata.extensions import db
from opendata.models import Dataset, DatasetState, Membership, Role, User
from tests import factories


def _user(name, org=None, role=Role.EDITOR, sysadmin=False):
    user = User(username=name, email=f"{name}@example.vn", is_sysadmin=sysadmin)
    if org is not None:
        user.memberships.append(Membership(organization=org, role=role))
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def world(app):
    own = factories.organization("Sở Y tế")
    other = factories.organization("Sở Xây dựng")
    datasets = {
        "published": factories.dataset(own, slug="published", resources=[("a.csv", b"x")]),
        "draft": factories.dataset(own, slug="draft", state=DatasetState.DRAFT, resources=[("b.csv", b"y")]),
        "private": factories.dataset(own, slug="private", private=True, resources=[("c.csv", b"z")]),
        "withdrawn": factories.dataset(own, slug="withdrawn", state=DatasetState.WITHDRAWN, withdrawn_reason="Sai số liệu", resources=[("d.csv", b"w")]),
    }
    viewers = {
        "anonymous": AnonymousUserMixin(),
        "member_own": _user("member", own, Role.MEMBER),
        "editor_other": _user("other", other),
        "sysadmin": _user("admin", sysadmin=True),
    }
    return datasets, viewers


# viewer -> datasets readable (dataset.read)
READ = {
    "anonymous": {"published", "withdrawn"},
    "member_own": {"published", "draft", "private", "withdrawn"},
    "editor_other": {"published", "withdrawn"},
    "sysadmin": {"published", "draft", "private", "withdrawn"},
}
# viewer -> datasets whose files may be downloaded
DOWNLOAD = {
    "anonymous": {"published"},
    "member_own": {"published", "draft", "private", "withdrawn"},
    "editor_other": {"published"},
    "sysadmin": {"published", "draft", "private", "withdrawn"},
}


@pytest.mark.parametrize("viewer", sorted(READ))
def test_read_and_download_matrix(world, viewer):
    datasets, viewers = world
    user = viewers[viewer]
    for name, dataset in datasets.items():
        assert can(user, "dataset.read", dataset) == (name in READ[viewer]), (viewer, name)
        assert can(user, "resource.download", dataset.resources[0]) == (name in DOWNLOAD[viewer]), (viewer, name)


@pytest.mark.parametrize("viewer", sorted(READ))
def test_sql_filter_agrees_with_can(world, viewer):
    datasets, viewers = world
    user = viewers[viewer]
    visible = set(db.session.scalars(db.select(Dataset.slug).where(visible_datasets(user))))
    assert visible == READ[viewer]
    listed = set(db.session.scalars(db.select(Dataset.slug).where(listed_datasets(user))))
    assert listed == READ[viewer] - {"withdrawn"}
    assert {name for name, dataset in datasets.items() if is_listed(user, dataset)} == listed


@pytest.mark.parametrize("viewer", sorted(READ))
def test_search_labels_agree_with_the_listing_rule(world, viewer):
    """The index's permission labels select exactly what ``listed_datasets`` lists."""
    datasets, viewers = world
    labels = search_labels(viewers[viewer])
    findable = {
        name for name, dataset in datasets.items()
        if (found := document_labels(dataset)) is not None and (labels is None or set(found) & labels)
    }
    assert findable == READ[viewer] - {"withdrawn"}


def test_unknown_actions_are_refused(world):
    datasets, viewers = world
    assert not can(viewers["anonymous"], "dataset.delete", datasets["published"])
    assert not can(viewers["editor_other"], "dataset.update", datasets["published"])
