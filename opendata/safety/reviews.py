"""Safety reviews: recording a scan, overriding it, and which datasets are held back.

A review covers either the whole dataset (``resource_id`` empty) or one
resource. What currently holds a dataset back is its latest whole-dataset
review plus the latest review of each resource, unless a later whole-dataset
review has scanned that resource again (it does not scan withheld ones).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from opendata.i18n import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from .. import history
from ..auth import can
from ..extensions import db
from ..models import Dataset, Resource, ReviewStatus, SafetyReview, utcnow
from .findings import blocking_count, findings_of
from .scan import scan_dataset, scan_resource

MIN_REASON = 20
MAX_REASON = 2000


class OverrideRefused(ValueError):
    """An override that may not be recorded; ``message`` is translated, ``field`` names the form field."""

    def __init__(self, message, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


class OverrideForbidden(PermissionError):
    """Only the Department's system administrators may override the gate."""


def _user_id(user) -> str | None:
    return getattr(user, "id", None) if getattr(user, "is_authenticated", False) else None


def review_dataset(dataset, user, resource=None) -> SafetyReview:
    """Scan the dataset (or only ``resource``) and add a review to the session, uncommitted."""
    if dataset.id is None or (resource is not None and resource.id is None):
        db.session.flush()  # new objects get their ids; the caller's transaction stays open
    previous = latest_review(dataset, resource)
    findings = scan_resource(resource) if resource is not None else scan_dataset(dataset)
    status = ReviewStatus.FLAGGED if any(f.blocks for f in findings) else ReviewStatus.CLEAR
    review = SafetyReview(
        dataset_id=dataset.id, resource_id=resource.id if resource is not None else None, created=utcnow(),
        status=status, findings=[f.to_dict() for f in findings], scanned_by_id=_user_id(user),
    )
    if status is ReviewStatus.FLAGGED and _override_covers(previous, review.findings):
        # A sysadmin's override covers exactly the findings they read, not new ones.
        review.status = ReviewStatus.OVERRIDDEN
        review.reviewer_id, review.reason, review.decided = previous.reviewer_id, previous.reason, previous.decided
    db.session.add(review)
    return review


def _override_covers(previous: SafetyReview | None, findings: list[dict]) -> bool:
    return (
        previous is not None
        and previous.status is ReviewStatus.OVERRIDDEN
        and _finding_keys(previous.findings) == _finding_keys(findings)
    )


def _finding_keys(findings) -> list:
    return sorted(sorted((k, str(v)) for k, v in f.items() if k != "message") for f in findings or [])


def rescan(dataset, user) -> SafetyReview:
    """A publisher's "check again" of the whole dataset: its own transaction."""
    if not can(user, "dataset.update", dataset):
        raise PermissionError("dataset.update")
    try:
        review = review_dataset(dataset, user)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    return review


def get_review(dataset, review_id: str) -> SafetyReview | None:
    """A review of ``dataset`` by id (None when it belongs to another dataset)."""
    review = db.session.get(SafetyReview, review_id)
    return review if review is not None and review.dataset_id == dataset.id else None


def latest_review(dataset, resource=None) -> SafetyReview | None:
    """The newest review of the whole dataset, or of ``resource`` when given."""
    stmt = select(SafetyReview).where(SafetyReview.dataset_id == dataset.id)
    if resource is None:
        stmt = stmt.where(SafetyReview.resource_id.is_(None))
    else:
        stmt = stmt.where(SafetyReview.resource_id == resource.id)
    return db.session.scalars(stmt.order_by(SafetyReview.created.desc(), SafetyReview.id.desc()).limit(1)).first()


def override_review(review: SafetyReview, user, reason: str, *, commit: bool = True) -> SafetyReview:
    """A sysadmin allows publication despite the findings, with a written reason.

    Commits (it is a user action of its own) unless ``commit=False``, for a
    caller that releases the data in the same transaction. Raises
    OverrideForbidden for anyone else and OverrideRefused for a missing reason
    or a review that is not the newest blocking one.
    """
    dataset = db.session.get(Dataset, review.dataset_id)
    if dataset is None or not can(user, "safety.override", dataset):
        raise OverrideForbidden()
    reason = (reason or "").strip()
    if review.status is not ReviewStatus.FLAGGED:
        raise OverrideRefused(_l("Only a safety check that blocks publication can be overridden."))
    resource = db.session.get(Resource, review.resource_id) if review.resource_id else None
    newest = latest_review(dataset, resource)
    if newest is not None and newest.id != review.id:
        raise OverrideRefused(_l("The data has been checked again since this result. Review the newest result instead."))
    if len(reason) < MIN_REASON:
        raise OverrideRefused(
            _l("Explain in at least %(num)s characters why the data may be published despite the findings.", num=MIN_REASON),
            field="reason",
        )
    if len(reason) > MAX_REASON:
        raise OverrideRefused(_l("Keep the reason under %(num)s characters.", num=MAX_REASON), field="reason")
    try:
        review.status = ReviewStatus.OVERRIDDEN
        review.reviewer_id = user.id
        review.reason = reason
        review.decided = utcnow()
        changes = {"status": [ReviewStatus.FLAGGED.value, ReviewStatus.OVERRIDDEN.value]}
        if resource is not None:
            changes["resource"] = [None, resource.name]
        history.record("safety.overridden", dataset, user, changes, summary=reason)
        if commit:
            db.session.commit()
    except BaseException:
        if commit:
            db.session.rollback()
        raise
    return review


# -- what holds datasets back ------------------------------------------------


def _counts(review_created: datetime, resource_withheld: bool | None, whole_created: datetime | None) -> bool:
    """Does a resource's latest review still count, next to the latest whole-dataset review?"""
    return bool(resource_withheld) or whole_created is None or review_created > whole_created


def current_reviews(dataset) -> list[SafetyReview]:
    """The reviews that decide the dataset's state now: whole dataset first, then per resource."""
    reviews = db.session.scalars(
        select(SafetyReview).where(SafetyReview.dataset_id == dataset.id)
        .options(selectinload(SafetyReview.reviewer))
        .order_by(SafetyReview.created.desc(), SafetyReview.id.desc())
    ).all()
    return _pick_current(reviews, {r.id: r for r in dataset.resources})


def _pick_current(reviews, resources: dict) -> list[SafetyReview]:
    latest: dict[str | None, SafetyReview] = {}
    for review in reviews:  # newest first
        latest.setdefault(review.resource_id, review)
    whole = latest.pop(None, None)
    whole_created = whole.created if whole else None
    parts = [
        review for resource_id, review in latest.items()
        if resource_id in resources and _counts(review.created, resources[resource_id].withheld, whole_created)
    ]
    parts.sort(key=lambda r: (resources[r.resource_id].position, r.resource_id))
    return ([whole] if whole else []) + parts


def flagged_dataset_ids(organization_ids=None) -> set[str]:
    """Datasets held back by a blocking review (for the agency dashboard); optionally of some agencies."""
    rank = func.row_number().over(
        partition_by=(SafetyReview.dataset_id, SafetyReview.resource_id),
        order_by=(SafetyReview.created.desc(), SafetyReview.id.desc()),
    ).label("rank")
    latest = select(
        SafetyReview.dataset_id, SafetyReview.resource_id, SafetyReview.status, SafetyReview.created, rank
    ).subquery()
    stmt = (
        select(latest.c.dataset_id, latest.c.resource_id, latest.c.status, latest.c.created, Resource.withheld)
        .outerjoin(Resource, Resource.id == latest.c.resource_id)
        .where(latest.c.rank == 1)
    )
    if organization_ids is not None:
        stmt = stmt.join(Dataset, Dataset.id == latest.c.dataset_id).where(Dataset.organization_id.in_(list(organization_ids)))
    whole: dict[str, tuple] = {}
    parts: dict[str, list[tuple]] = {}
    for dataset_id, resource_id, status, created, withheld in db.session.execute(stmt):
        if resource_id is None:
            whole[dataset_id] = (status, created)
        else:
            parts.setdefault(dataset_id, []).append((status, created, withheld))
    flagged = {dataset_id for dataset_id, (status, _) in whole.items() if status is ReviewStatus.FLAGGED}
    for dataset_id, items in parts.items():
        whole_created = whole.get(dataset_id, (None, None))[1]
        if any(
            status is ReviewStatus.FLAGGED and _counts(created, withheld, whole_created)
            for status, created, withheld in items
        ):
            flagged.add(dataset_id)
    return flagged


@dataclass(frozen=True)
class FlaggedDataset:
    dataset: Dataset
    reviews: list  # the current blocking reviews
    since: datetime  # when the oldest of them was made
    blocking: int  # blocking findings listed in them


def flagged_datasets(organization_ids=None) -> list[FlaggedDataset]:
    """The flagged datasets with their blocking reviews, most recently flagged first."""
    ids = flagged_dataset_ids(organization_ids)
    if not ids:
        return []
    datasets = db.session.scalars(
        select(Dataset).where(Dataset.id.in_(ids))
        .options(selectinload(Dataset.organization), selectinload(Dataset.resources))
    ).all()
    reviews_by_dataset: dict[str, list] = {}
    for review in db.session.scalars(
        select(SafetyReview).where(SafetyReview.dataset_id.in_(ids))
        .order_by(SafetyReview.created.desc(), SafetyReview.id.desc())
    ):
        reviews_by_dataset.setdefault(review.dataset_id, []).append(review)
    result = []
    for dataset in datasets:
        current = _pick_current(reviews_by_dataset.get(dataset.id, []), {r.id: r for r in dataset.resources})
        blocking = [r for r in current if r.status is ReviewStatus.FLAGGED]
        if not blocking:
            continue
        result.append(FlaggedDataset(
            dataset=dataset, reviews=blocking, since=min(r.created for r in blocking),
            blocking=sum(blocking_count(findings_of(r)) for r in blocking),
        ))
    return sorted(result, key=lambda item: item.since, reverse=True)
