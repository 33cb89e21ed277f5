"""Model rules that protect data: append-only history, unique slugs, aware timestamps."""
import pytest
from sqlalchemy.exc import IntegrityError

from opendata.extensions import db
from opendata.models import Activity, Dataset
from tests import factories


def test_activity_is_append_only(app):
    dataset = factories.dataset()
    entry = Activity(action="dataset.created", object_type="dataset", object_id=dataset.id, dataset_id=dataset.id)
    db.session.add(entry)
    db.session.commit()
    entry.summary = "rewritten history"
    with pytest.raises(ValueError, match="append-only"):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.get(Activity, entry.id))
    with pytest.raises(ValueError, match="append-only"):
        db.session.commit()
    db.session.rollback()


def test_dataset_slugs_are_unique(app):
    factories.dataset(slug="dan-so")
    with pytest.raises(IntegrityError):
        factories.dataset(slug="dan-so")
    db.session.rollback()


def test_ids_are_uuids_and_timestamps_are_aware(app):
    dataset = factories.dataset()
    db.session.expire_all()
    dataset = db.session.get(Dataset, dataset.id)
    assert len(dataset.id) == 36 and dataset.id.count("-") == 4
    assert dataset.created.tzinfo is not None and dataset.metadata_modified.tzinfo is not None


def test_deleting_a_dataset_removes_its_resources_but_not_its_agency(app):
    dataset = factories.dataset(resources=[("a.csv", b"1")])
    org_id = dataset.organization_id
    db.session.delete(dataset)
    db.session.commit()
    from opendata.models import Organization, Resource

    assert db.session.scalar(db.select(db.func.count(Resource.id))) == 0
    assert db.session.get(Organization, org_id) is not None
