"""Fixtures for the administration tests: a small directory to manage."""
from __future__ import annotations

import pytest
from flask import current_app
from flask_babel import force_locale, gettext, ngettext
from markupsafe import escape

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


def vi(message: str, **values) -> str:
    """``message`` as a Vietnamese page shows it (HTML-escaped).

    Until the lead translates a new message this is the English text, so the
    assertions hold before and after the translation.
    """
    with current_app.test_request_context("/"), force_locale("vi"):
        return str(escape(gettext(message, **values)))


def vi_plural(singular: str, plural: str, num: int, **values) -> str:
    with current_app.test_request_context("/"), force_locale("vi"):
        return str(escape(ngettext(singular, plural, num, **values)))
