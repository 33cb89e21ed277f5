"""Fixtures for the administration tests: a small directory to manage."""
from __future__ import annotations

import pytest

from opendata.extensions import db
from opendata.models import Activity, Licence
from tests import factories


@pytest.fixture
def directory(app, agencies, people):
    """Objects the admin pages act on, besides the two agencies and the role users."""
    unused_type = factories.agency_type("xa-phuong", "Xã, phường")
    empty_agency = factories.organization("Ban Quản lý dự án", slug="ban-qlda")
    topic = factories.topic("Kinh tế", slug="kinh-te")
    licence = Licence(id="test-licence", title="Giấy phép thử", position=99)
    db.session.add(licence)
    db.session.commit()
    return {"unused_type": unused_type, "empty_agency": empty_agency, "topic": topic, "licence": licence}


def activity_count() -> int:
    return db.session.scalar(db.select(db.func.count(Activity.id)))


def activities(action: str | None = None) -> list[Activity]:
    stmt = db.select(Activity).order_by(Activity.timestamp)
    if action:
        stmt = stmt.where(Activity.action == action)
    return list(db.session.scalars(stmt))
