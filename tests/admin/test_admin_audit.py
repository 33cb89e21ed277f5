"""The audit log (filters, paging, before/after) and an agency's own activity page."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from opendata.extensions import db
from opendata.history import record
from opendata.models import Activity
from tests.admin.conftest import vi, vi_plural

VN = timezone(timedelta(hours=7))


def _entry(action, obj, user, when, changes=None):
    entry = record(action, obj, user, changes or {}, summary=getattr(obj, "name", "") or "")
    entry.timestamp = when
    db.session.commit()
    return entry


@pytest.fixture
def log(people, agencies):
    own, other = agencies["own"], agencies["other"]
    return [
        _entry("organization.updated", own, people["admin"], datetime(2025, 3, 14, 16, 59, tzinfo=timezone.utc),
               {"phone": ["0296 1", "0296 2"]}),  # 23:59 on 14/03 in Vietnam
        _entry("organization.updated", own, people["admin"], datetime(2025, 3, 14, 17, 1, tzinfo=timezone.utc),
               {"email": [None, "syt@angiang.gov.vn"]}),  # 00:01 on 15/03 in Vietnam
        _entry("organization.member_added", other, people["sysadmin"], datetime(2025, 3, 20, 3, 0, tzinfo=timezone.utc),
               {"member:registered": [None, "editor"]}),
    ]


def _rows(page: str) -> int:
    return page.count('<td class="nowrap">')


def test_audit_shows_field_level_before_and_after(as_user, log):
    page = as_user("sysadmin").get("/admin/audit").get_data(as_text=True)
    assert vi_plural("%(num)s recorded change", "%(num)s recorded changes", 3) in page
    assert '<td class="before">0296 1</td><td class="after">0296 2</td>' in page
    assert "<code>member:registered</code>" in page
    assert vi("Agency updated") in page and vi("Member added") in page  # labels, not raw verbs


@pytest.mark.parametrize("query, expected", [
    ("user=admin", 2),
    ("user=sysadmin", 1),
    ("user=khong-co", 0),
    ("action=organization.member_added", 1),
    ("organization=so-y-te", 2),
    ("organization=so-xay-dung", 1),
    ("date_from=2025-03-15", 2),  # Vietnamese calendar days
    ("date_to=2025-03-14", 1),
    ("date_from=2025-03-15&date_to=2025-03-15", 1),
    ("user=admin&date_from=2025-03-16", 0),
])
def test_audit_filters(as_user, log, query, expected):
    response = as_user("sysadmin").get(f"/admin/audit?{query}")
    assert response.status_code == 200
    assert _rows(response.get_data(as_text=True)) == expected


def test_audit_bad_dates_are_explained(as_user, log):
    response = as_user("sysadmin").get("/admin/audit?date_from=15/03/2025")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert vi("Enter a date such as 2025-03-15.") in page and 'value="15/03/2025"' in page
    response = as_user("sysadmin").get("/admin/audit?date_from=2025-03-20&date_to=2025-03-01")
    assert response.status_code == 400
    assert vi("The end date must not be before the start date.") in response.get_data(as_text=True)


def test_audit_paging(as_user, people, agencies):
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    for n in range(55):
        _entry("organization.updated", agencies["own"], people["admin"], start + timedelta(minutes=n), {"phone": [str(n), str(n + 1)]})
    client = as_user("sysadmin")
    first = client.get("/admin/audit").get_data(as_text=True)
    assert _rows(first) == 50 and ">54</td>" in first  # newest first
    second = client.get("/admin/audit?page=2").get_data(as_text=True)
    assert _rows(second) == 5 and '<td class="before">0</td>' in second
    assert client.get("/admin/audit?page=3").status_code == 404


def test_agency_activity_shows_only_that_agency(as_user, log):
    page = as_user("member").get("/organization/so-y-te/activity").get_data(as_text=True)
    assert _rows(page) == 2
    assert "syt@angiang.gov.vn" in page and "member:registered" not in page


def test_changes_made_in_the_pages_reach_the_audit(as_user, people):
    admin = as_user("admin")
    admin.post("/organization/so-y-te/edit", data={"phone": "0296 3852 123"})
    page = as_user("sysadmin").get("/admin/audit?user=admin").get_data(as_text=True)
    assert '<td class="after">0296 3852 123</td>' in page
    assert db.session.scalar(db.select(db.func.count(Activity.id))) == 1
