"""Reviews: recorded with the caller's change, overridden only by sysadmins with a reason, listed when flagged."""
import pytest
from sqlalchemy import select

from opendata.extensions import db
from opendata.models import Activity, DatasetState, ReviewStatus, SafetyReview
from opendata.safety import (
    Finding, OverrideForbidden, OverrideRefused, flagged_dataset_ids, flagged_datasets, latest_review,
    override_review, review_dataset,
)
from tests import factories

from .helpers import csv_bytes, dataset_with

PERSONAL = ("ho-so.csv", csv_bytes("Họ và tên,Số CCCD\nNguyễn Văn An,079203001234\n"))
CLEAN = ("dan-so.csv", csv_bytes("Huyện,Dân số\nLong Xuyên,272365\n"))
REASON = "Số CCCD là số giả lập dùng để thử nghiệm, đã xác minh với Sở."


def count(model):
    return db.session.scalar(select(db.func.count()).select_from(model))


def test_review_is_added_to_the_session_without_committing(agencies, people):
    dataset = dataset_with(agencies["own"], PERSONAL)
    review = review_dataset(dataset, people["editor"])
    assert review.status is ReviewStatus.FLAGGED and review.resource_id is None
    assert review.scanned_by_id == people["editor"].id
    assert {Finding.from_dict(f).rule for f in review.findings} == {"cccd", "personal_column"}
    db.session.rollback()  # the caller decides: nothing was committed
    assert count(SafetyReview) == 0


def test_clean_data_and_notices_only_are_clear(agencies, people):
    dataset = dataset_with(agencies["own"], CLEAN, ("quyet-dinh.pdf", b"%PDF-1.4\n%%EOF\n"))
    review = review_dataset(dataset, people["editor"])
    db.session.commit()
    assert review.status is ReviewStatus.CLEAR
    assert [f["key"] for f in review.findings] == ["pdf"]


def test_review_of_one_resource_and_latest_review(agencies, people):
    dataset = dataset_with(agencies["own"], CLEAN, PERSONAL)
    clean, personal = dataset.resources
    whole = review_dataset(dataset, people["editor"])
    one = review_dataset(dataset, people["editor"], resource=personal)
    db.session.commit()
    assert one.resource_id == personal.id and one.status is ReviewStatus.FLAGGED
    assert {f["resource_id"] for f in one.findings} == {personal.id}
    assert latest_review(dataset) == whole
    assert latest_review(dataset, personal) == one
    assert latest_review(dataset, clean) is None
    again = review_dataset(dataset, people["editor"])
    db.session.commit()
    assert latest_review(dataset) == again


def test_review_of_a_dataset_not_yet_flushed(agencies, people):
    from opendata.models import Dataset

    dataset = Dataset(slug="moi", identifier="MOI-1", title="TUYỆT MẬT", organization=agencies["own"], state=DatasetState.DRAFT)
    db.session.add(dataset)
    review = review_dataset(dataset, people["editor"])
    db.session.commit()
    assert review.dataset_id == dataset.id and review.status is ReviewStatus.FLAGGED


def flagged_review(agencies, people, *files, org="own"):
    dataset = dataset_with(agencies[org], *(files or (PERSONAL,)))
    review = review_dataset(dataset, people["editor"])
    db.session.commit()
    return dataset, review


def test_sysadmin_overrides_with_a_reason_and_it_is_logged(agencies, people):
    dataset, review = flagged_review(agencies, people)
    override_review(review, people["sysadmin"], f"  {REASON}  ")
    db.session.expire_all()
    review = db.session.get(SafetyReview, review.id)
    assert review.status is ReviewStatus.OVERRIDDEN
    assert (review.reviewer_id, review.reason) == (people["sysadmin"].id, REASON)
    assert review.decided is not None
    [entry] = db.session.scalars(select(Activity).where(Activity.action == "safety.overridden")).all()
    assert (entry.dataset_id, entry.user_id, entry.summary) == (dataset.id, people["sysadmin"].id, REASON)
    assert entry.changes == {"status": ["flagged", "overridden"]}


@pytest.mark.parametrize("role", ["admin", "editor", "member", "other_editor", "registered"])
def test_only_sysadmins_may_override(agencies, people, role):
    _, review = flagged_review(agencies, people)
    with pytest.raises(OverrideForbidden):
        override_review(review, people[role], REASON)
    assert review.status is ReviewStatus.FLAGGED
    assert count(Activity) == 0


@pytest.mark.parametrize("reason", ["", "   ", "Đã kiểm tra.", "x" * 19])
def test_override_needs_a_real_reason(agencies, people, reason, english):
    _, review = flagged_review(agencies, people)
    with pytest.raises(OverrideRefused) as refused:
        override_review(review, people["sysadmin"], reason)
    assert refused.value.field == "reason"
    assert "at least 20 characters" in str(refused.value.message)
    db.session.rollback()
    assert db.session.get(SafetyReview, review.id).status is ReviewStatus.FLAGGED
    assert count(Activity) == 0


def test_only_the_newest_blocking_review_can_be_overridden(agencies, people, english):
    dataset, old = flagged_review(agencies, people)
    review_dataset(dataset, people["editor"])
    db.session.commit()
    with pytest.raises(OverrideRefused, match="checked again"):
        override_review(old, people["sysadmin"], REASON)
    clean_dataset, clear = flagged_review(agencies, people, CLEAN)
    assert clear.status is ReviewStatus.CLEAR
    with pytest.raises(OverrideRefused, match="blocks publication"):
        override_review(clear, people["sysadmin"], REASON)


def test_flagged_dataset_ids_follow_the_latest_review(agencies, people):
    flagged, _ = flagged_review(agencies, people)
    other, _ = flagged_review(agencies, people, org="other")
    clean, _ = flagged_review(agencies, people, CLEAN)
    factories.dataset(agencies["own"])  # never reviewed
    assert flagged_dataset_ids() == {flagged.id, other.id}
    assert flagged_dataset_ids([agencies["own"].id]) == {flagged.id}
    assert flagged_dataset_ids([]) == set()

    override_review(latest_review(other), people["sysadmin"], REASON)
    assert flagged_dataset_ids() == {flagged.id}

    flagged.resources[0].withheld = True  # held back: the whole-dataset scan skips it
    review_dataset(flagged, people["editor"])
    db.session.commit()
    assert flagged_dataset_ids() == set()


def test_a_flagged_resource_review_keeps_its_dataset_listed_while_withheld(agencies, people):
    dataset = dataset_with(agencies["own"], CLEAN, PERSONAL)
    review_dataset(dataset, people["editor"])  # older whole-dataset review, flagged too
    personal = dataset.resources[1]
    db.session.commit()
    personal.withheld = True
    review_dataset(dataset, people["editor"], resource=personal)
    db.session.commit()
    review_dataset(dataset, people["editor"])  # newer whole-dataset review: clear (the file is withheld)
    db.session.commit()
    assert latest_review(dataset).status is ReviewStatus.CLEAR
    assert flagged_dataset_ids() == {dataset.id}
    [item] = flagged_datasets()
    assert item.dataset == dataset and item.blocking == 3  # two personal columns, one CCCD
    assert [r.resource_id for r in item.reviews] == [personal.id]

    personal.withheld = False  # released: a later whole-dataset review scans it again
    review_dataset(dataset, people["editor"])
    db.session.commit()
    assert flagged_dataset_ids() == {dataset.id}  # ... and finds it
