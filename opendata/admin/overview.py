"""The numbers on the administration dashboard."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Activity, AgencyType, Dataset, DatasetState, Licence, Organization, Topic, User


@dataclass(frozen=True)
class Overview:
    agencies: int
    agency_types: int
    topics: int
    licences: int
    users: int
    inactive_users: int
    datasets: dict[str, int]  # by state value
    recent: list[Activity]


def _count(column, *where) -> int:
    return db.session.scalar(select(func.count(column)).where(*where)) or 0


def overview(recent: int = 10) -> Overview:
    by_state = dict(db.session.execute(select(Dataset.state, func.count(Dataset.id)).group_by(Dataset.state)).all())
    return Overview(
        agencies=_count(Organization.id),
        agency_types=_count(AgencyType.id),
        topics=_count(Topic.id),
        licences=_count(Licence.id),
        users=_count(User.id),
        inactive_users=_count(User.id, User.active.is_(False)),
        datasets={state.value: by_state.get(state, 0) for state in DatasetState},
        recent=list(db.session.scalars(
            select(Activity).options(selectinload(Activity.user))
            .order_by(Activity.timestamp.desc(), Activity.id).limit(recent)
        )),
    )
