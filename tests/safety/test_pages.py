"""The safety pages: publishers and sysadmins see exact findings; only sysadmins override; others get 404."""
import re
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from opendata.extensions import db
from opendata.models import Activity, DatasetState, ReviewStatus, SafetyReview
from opendata.safety import latest_review, review_dataset
from tests.conftest import login_as, make_app

from .helpers import csv_bytes, dataset_with

PERSONAL = ("ho-so.csv", csv_bytes("STT,Họ và tên,Số CCCD\n1,Nguyễn Văn An,079203001234\n"))
REASON = "Đã xác minh với Sở: số liệu là số giả lập cho tập huấn."


@pytest.fixture
def flagged(agencies, people):
    dataset = dataset_with(agencies["own"], PERSONAL, slug="ho-so", state=DatasetState.PUBLISHED)
    review = review_dataset(dataset, people["editor"])
    db.session.commit()
    return dataset, review


def english(client):
    client.get("/lang/en")
    return client


def test_publisher_sees_where_each_finding_is_with_masked_excerpts(flagged, as_user):
    response = english(as_user("editor")).get("/dataset/ho-so/safety")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Publication is blocked." in page
    assert "row 2, column Số CCCD" in page
    assert "0792*****234" in page
    assert "079203001234" not in page
    assert "column Họ và tên" in page
    assert "ho-so" in page  # the resource
    assert "Allow publication" not in page  # the override is for sysadmins only


def test_page_renders_in_vietnamese_by_default(flagged, as_user):
    response = as_user("editor").get("/dataset/ho-so/safety")
    assert response.status_code == 200
    assert '<html lang="vi">' in response.get_data(as_text=True)
    assert "0792*****234" in response.get_data(as_text=True)


def test_sysadmin_sees_the_override_form(flagged, as_user):
    dataset, review = flagged
    page = english(as_user("sysadmin")).get("/dataset/ho-so/safety").get_data(as_text=True)
    assert f'action="/dataset/ho-so/safety/{review.id}/override"' in page
    assert "<textarea" in page


@pytest.mark.parametrize("role", ["member", "other_editor", "registered"])
def test_others_get_404(flagged, as_user, client, role):
    assert as_user(role).get("/dataset/ho-so/safety").status_code == 404
    assert client.get("/dataset/ho-so/safety").status_code == 404
    assert client.get("/dataset/khong-co/safety").status_code == 404


def test_unreviewed_dataset_says_so(agencies, as_user):
    dataset_with(agencies["own"], slug="moi")
    page = english(as_user("editor")).get("/dataset/moi/safety").get_data(as_text=True)
    assert "has not been checked yet" in page


def test_sysadmin_override_is_saved_and_logged(flagged, as_user, people):
    dataset, review = flagged
    client = as_user("sysadmin")
    response = client.post(f"/dataset/ho-so/safety/{review.id}/override", data={f"review-{review.id}-reason": REASON})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/dataset/ho-so/safety#review-{review.id}")
    db.session.expire_all()
    saved = db.session.get(SafetyReview, review.id)
    assert (saved.status, saved.reason, saved.reviewer_id) == (ReviewStatus.OVERRIDDEN, REASON, people["sysadmin"].id)
    assert db.session.scalar(select(Activity.summary).where(Activity.action == "safety.overridden")) == REASON
    page = english(client).get("/dataset/ho-so/safety").get_data(as_text=True)
    assert "Publication was allowed despite the findings" in page and REASON in page


def test_short_reason_is_refused_with_the_input_kept(flagged, as_user):
    dataset, review = flagged
    client = english(as_user("sysadmin"))
    response = client.post(f"/dataset/ho-so/safety/{review.id}/override", data={f"review-{review.id}-reason": "Được phép"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Được phép</textarea>" in page
    assert 'aria-invalid="true"' in page and "field-error" in page
    assert db.session.get(SafetyReview, review.id).status is ReviewStatus.FLAGGED


def test_override_of_a_superseded_review_explains_why(flagged, as_user, people):
    dataset, review = flagged
    review_dataset(dataset, people["editor"])
    db.session.commit()
    response = english(as_user("sysadmin")).post(
        f"/dataset/ho-so/safety/{review.id}/override", data={f"review-{review.id}-reason": REASON},
    )
    assert response.status_code == 422
    assert "checked again" in response.get_data(as_text=True)
    assert db.session.get(SafetyReview, review.id).status is ReviewStatus.FLAGGED


@pytest.mark.parametrize("role", ["admin", "editor"])
def test_publishers_cannot_override(flagged, as_user, role):
    dataset, review = flagged
    response = as_user(role).post(f"/dataset/ho-so/safety/{review.id}/override", data={f"review-{review.id}-reason": REASON})
    assert response.status_code == 404
    assert db.session.get(SafetyReview, review.id).status is ReviewStatus.FLAGGED


def test_review_of_another_dataset_is_404(flagged, agencies, as_user, people):
    dataset, review = flagged
    dataset_with(agencies["own"], slug="khac")
    response = as_user("sysadmin").post(f"/dataset/khac/safety/{review.id}/override", data={f"review-{review.id}-reason": REASON})
    assert response.status_code == 404


def test_csrf_token_is_required_and_rendered(flagged, app, people, tmp_path):
    dataset, review = flagged
    # Read what the test needs first: objects of this app's session must not load through the second app.
    sysadmin, field, url = SimpleNamespace(id=people["sysadmin"].id), f"review-{review.id}-reason", f"/dataset/ho-so/safety/{review.id}/override"
    guarded = make_app(tmp_path / "csrf", app.config["SQLALCHEMY_DATABASE_URI"], csrf=True)
    with guarded.app_context():
        client = guarded.test_client()
        login_as(client, sysadmin)
        assert client.post(url, data={field: REASON}).status_code == 400
        page = client.get("/dataset/ho-so/safety").get_data(as_text=True)
        name, token = re.search(r'name="(review-[^"]+csrf_token)"[^>]*value="([^"]+)"', page).groups()
        assert client.post(url, data={field: REASON, name: token}).status_code == 303
        db.session.remove()
        db.engine.dispose()  # the second app's connections must not outlive the test
    db.session.expire_all()
    assert db.session.get(SafetyReview, review.id).status is ReviewStatus.OVERRIDDEN


def test_publisher_can_check_again(agencies, as_user, people):
    dataset = dataset_with(agencies["own"], slug="sua", description="Liên hệ 0912345678")
    review_dataset(dataset, people["editor"])
    db.session.commit()
    dataset.description = "Số liệu dân số."
    db.session.commit()
    response = as_user("editor").post("/dataset/sua/safety/scan")
    assert response.status_code == 303
    db.session.expire_all()
    assert latest_review(dataset).status is ReviewStatus.CLEAR
    assert as_user("member").post("/dataset/sua/safety/scan").status_code == 404


def test_admin_list_shows_flagged_datasets_to_sysadmins_only(flagged, agencies, as_user, client):
    dataset, review = flagged
    clean = dataset_with(agencies["own"], slug="sach", title="Số liệu sạch")
    review_dataset(clean, None)
    db.session.commit()
    page = as_user("sysadmin").get("/admin/safety").get_data(as_text=True)
    assert 'href="/dataset/ho-so/safety"' in page
    assert "/dataset/sach/safety" not in page
    assert as_user("admin").get("/admin/safety").status_code == 404
    assert client.get("/admin/safety").status_code == 404
