"""Creating and editing a dataset through its form, and its life cycle buttons."""
from __future__ import annotations

import re
from datetime import date

import pytest

from opendata.extensions import db
from opendata.models import Dataset, DatasetState
from opendata.storage import get_storage
from tests import factories
from tests.workspace.conftest import PERSONAL_CSV, hidden_value, main, vi

FULL = {
    "organization": "so-y-te", "title": "Danh sách trạm y tế xã", "title_en": "Commune health stations",
    "description": "Các **trạm y tế** của 102 xã, phường.", "description_en": "Health stations.",
    "licence_id": "cc-by-4.0", "topics": ["y-te"], "tags": "y tế, trạm y tế", "spatial": "Tỉnh An Giang",
    "temporal_start": "2024-01-01", "temporal_end": "2024-12-31", "frequency": "ANNUAL", "issued": "2025-01-15",
    "version": "2025.1", "language": "vi", "contact_name": "Nguyễn Thị Lan", "contact_email": "lan@syt.angiang.gov.vn",
    "contact_phone": "0296 3852 000", "quality_notes": "Đối soát với sổ sách.", "legal_basis": "Quyết định 123/QĐ-UBND",
    "identifier": "", "slug": "",
}


def by_slug(slug: str) -> Dataset | None:
    db.session.expire_all()
    return db.session.scalar(db.select(Dataset).where(Dataset.slug == slug))


def test_create_saves_every_field_as_a_draft(app, as_user, agencies):
    factories.topic("Y tế", slug="y-te")
    editor = as_user("editor")
    form = editor.get("/dataset/new?organization=so-y-te").get_data(as_text=True)
    assert '<option selected value="so-y-te">' in form and 'type="date"' in form and "Markdown" in form
    assert vi("Default open data terms (Art. 43 Law on Electronic Transactions)") in form
    response = editor.post("/dataset/new", data=FULL)
    assert response.status_code == 303
    dataset = by_slug("danh-sach-tram-y-te-xa")
    assert response.headers["Location"].endswith("/dataset/manage/danh-sach-tram-y-te-xa")
    assert dataset.state is DatasetState.DRAFT and dataset.organization.slug == "so-y-te"
    assert (dataset.licence_id, dataset.frequency, dataset.contact_email) == ("cc-by-4.0", "ANNUAL", "lan@syt.angiang.gov.vn")
    assert (dataset.temporal_start, dataset.temporal_end, dataset.issued) == (date(2024, 1, 1), date(2024, 12, 31), date(2025, 1, 15))
    assert [t.slug for t in dataset.topics] == ["y-te"] and sorted(t.name for t in dataset.tags) == ["trạm y tế", "y tế"]
    assert dataset.identifier.endswith("danh-sach-tram-y-te-xa")
    page = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert 'role="status"' in page and "Danh sách trạm y tế xã" in page
    # A draft stays out of sight of visitors.
    assert app.test_client().get("/dataset/danh-sach-tram-y-te-xa").status_code == 404


def test_empty_licence_means_the_default_terms(as_user, agencies):
    factories.topic("Y tế", slug="y-te")
    response = as_user("editor").post("/dataset/new", data={**FULL, "licence_id": ""})
    assert response.status_code == 303
    assert by_slug("danh-sach-tram-y-te-xa").licence_id is None


def test_bad_input_is_kept_with_a_message_by_each_field(app, as_user, agencies):
    factories.topic("Y tế", slug="y-te")
    editor = as_user("editor")
    data = {**FULL, "title": "", "contact_email": "khong-phai-email", "temporal_start": "2024-12-31",
            "temporal_end": "2024-01-01", "description": "Mô tả <giữ nguyên> & đầy đủ"}
    response = editor.post("/dataset/new", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert db.session.scalar(db.select(db.func.count(Dataset.id))) == 0
    assert "Mô tả &lt;giữ nguyên&gt; &amp; đầy đủ</textarea>" in page
    assert 'value="khong-phai-email"' in page and 'value="y tế, trạm y tế"' in page
    for field, message in [
        ("title", "A dataset needs a title."),
        ("contact_email", "Enter a valid e-mail address, for example ten@so.angiang.gov.vn."),
        ("temporal_end", "The end of the period must not be before its start."),
    ]:
        block = re.search(rf'<p class="field-error" id="{field}-error">(.*?)</p>', page, re.S)
        assert block and vi(message) in block.group(1), field
        assert re.search(rf'<(input|textarea)[^>]*aria-describedby="[^"]*{field}-error[^"]*"[^>]*aria-invalid="true"', page) \
            or re.search(rf'aria-invalid="true"[^>]*id="{field}"', page) or re.search(rf'id="{field}"[^>]*aria-invalid="true"', page), field
    assert 'class="error-summary" role="alert"' in page
    assert '<html lang="vi">' in page


def test_slug_and_organization_are_checked(as_user, agencies, published):
    factories.topic("Y tế", slug="y-te")
    editor = as_user("editor")
    taken = editor.post("/dataset/new", data={**FULL, "slug": "cong-khai"})
    assert taken.status_code == 422 and vi("Another dataset already uses this web address.") in taken.get_data(as_text=True)
    reserved = editor.post("/dataset/new", data={**FULL, "slug": "new"})
    assert reserved.status_code == 422
    other = editor.post("/dataset/new", data={**FULL, "organization": "so-xay-dung"})
    assert other.status_code == 422 and vi("Choose one of the agencies you publish for.") in other.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Dataset.id))) == 1


def test_edit_records_the_change_and_keeps_the_published_address(as_user, published):
    editor = as_user("editor")
    form = editor.get("/dataset/edit/cong-khai").get_data(as_text=True)
    assert "readonly" in form and vi("The web address of a published dataset cannot change: links to it must keep working.") in form
    data = {"title": "Danh sách trạm y tế (cập nhật)", "description": "Các trạm y tế xã.", "language": "vi",
            "slug": "doi-dia-chi", "lock_version": hidden_value(form, "lock_version"), "loaded_at": hidden_value(form, "loaded_at")}
    response = editor.post("/dataset/edit/cong-khai", data=data)
    assert response.status_code == 303
    dataset = by_slug("cong-khai")
    assert dataset.title == "Danh sách trạm y tế (cập nhật)"
    history = editor.get("/dataset/activity/cong-khai").get_data(as_text=True)
    assert "Danh sách trạm y tế (cập nhật)" in history and "Người dùng editor" in history


def test_a_stale_form_is_refused_with_the_input_kept(app, as_user, published, people):
    editor, admin = as_user("editor"), as_user("admin")
    mine = editor.get("/dataset/edit/cong-khai").get_data(as_text=True)
    theirs = admin.get("/dataset/edit/cong-khai").get_data(as_text=True)
    saved = admin.post("/dataset/edit/cong-khai", data={
        "title": "Tên do quản trị viên đặt", "description": "Các trạm y tế xã.", "language": "vi",
        "lock_version": hidden_value(theirs, "lock_version"), "loaded_at": hidden_value(theirs, "loaded_at")})
    assert saved.status_code == 303
    late = {"title": "Tên do biên tập viên đặt", "description": "Mô tả mới của biên tập viên.", "language": "vi",
            "lock_version": hidden_value(mine, "lock_version"), "loaded_at": hidden_value(mine, "loaded_at")}
    response = editor.post("/dataset/edit/cong-khai", data=late)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert by_slug("cong-khai").title == "Tên do quản trị viên đặt"  # nothing overwritten
    assert 'value="Tên do biên tập viên đặt"' in page and "Mô tả mới của biên tập viên.</textarea>" in page
    conflict = page.split('class="notice warning conflict"', 1)[1].split("</section>", 1)[0]
    assert "Tên do quản trị viên đặt" in conflict and "Người dùng admin" in conflict
    # Saving again from the re-displayed form is a deliberate overwrite.
    again = editor.post("/dataset/edit/cong-khai", data={**late, "lock_version": hidden_value(page, "lock_version"),
                                                          "loaded_at": hidden_value(page, "loaded_at")})
    assert again.status_code == 303
    assert by_slug("cong-khai").title == "Tên do biên tập viên đặt"


@pytest.mark.parametrize("loaded_at", ["", "hôm qua", "2020-01-01T00:00:00"])
def test_a_conflict_with_an_odd_opening_time_still_explains(as_user, published, people, loaded_at):
    from opendata import publishing

    stale = str(published.lock_version)
    publishing.update_dataset(people["admin"], published, {"title": "Tên mới"}, published.lock_version)
    response = as_user("editor").post("/dataset/edit/cong-khai", data={
        "title": "Tên của tôi", "language": "vi", "lock_version": stale, "loaded_at": loaded_at})
    assert response.status_code == 409 and "Tên mới" in response.get_data(as_text=True)


def test_a_form_without_its_version_is_a_bad_request(as_user, published):
    response = as_user("editor").post("/dataset/edit/cong-khai", data={"title": "X", "lock_version": "abc"})
    assert response.status_code == 400
    assert by_slug("cong-khai").title == "Danh sách trạm y tế"


def test_publish_makes_the_draft_public(client, as_user, draft):
    editor = as_user("editor")
    assert client.get("/dataset/ban-nhap").status_code == 404
    manage = editor.get("/dataset/manage/ban-nhap").get_data(as_text=True)
    assert 'action="/dataset/publish/ban-nhap"' in manage
    response = editor.post("/dataset/publish/ban-nhap")
    assert response.status_code == 303
    assert by_slug("ban-nhap").state is DatasetState.PUBLISHED
    assert client.get("/dataset/ban-nhap").status_code == 200
    assert "Danh sách trường (bản nháp)" in client.get("/dataset").get_data(as_text=True)
    again = editor.post("/dataset/publish/ban-nhap")  # a second click
    assert again.status_code == 303 and by_slug("ban-nhap").state is DatasetState.PUBLISHED


def test_publish_needs_a_description_and_a_resource(app, as_user, agencies):
    factories.dataset(agencies["own"], slug="trong", title="Chưa có gì", state=DatasetState.DRAFT)
    response = as_user("editor").post("/dataset/publish/trong")
    page = main(response.get_data(as_text=True))
    assert response.status_code == 422
    assert vi("Describe the data before publishing it.") in page
    assert vi("Add at least one file, link or API before publishing.") in page
    assert by_slug("trong").state is DatasetState.DRAFT


def test_publish_blocked_by_the_safety_check_shows_the_findings(app, client, as_user, agencies):
    factories.dataset(agencies["own"], slug="nhan-su", title="Danh sách cán bộ", state=DatasetState.DRAFT,
                      description="Danh sách cán bộ phụ trách.", resources=[("can-bo.csv", PERSONAL_CSV)])
    response = as_user("editor").post("/dataset/publish/nhan-su")
    page = main(response.get_data(as_text=True))
    assert response.status_code == 422
    assert vi("Publication was stopped by the safety check") in page
    assert "Số CCCD" in page and "can-bo" in page
    assert 'href="/dataset/nhan-su/safety"' in page
    assert "079203001234" not in page  # the finding itself must not repeat the personal data
    assert by_slug("nhan-su").state is DatasetState.DRAFT
    assert client.get("/dataset/nhan-su").status_code == 404
    # The workspace lists it as needing attention.
    workspace = as_user("editor").get("/workspace?tab=attention").get_data(as_text=True)
    assert "Danh sách cán bộ" in workspace


def test_withdraw_needs_a_reason_which_is_then_public(client, as_user, published):
    editor = as_user("editor")
    short = editor.post("/dataset/withdraw/cong-khai", data={"reason": "sai"})
    assert short.status_code == 422 and "sai</textarea>" in short.get_data(as_text=True)
    assert by_slug("cong-khai").state is DatasetState.PUBLISHED
    reason = "Số liệu năm 2024 bị nhập sai; đã thay bằng bộ dữ liệu mới."
    assert editor.post("/dataset/withdraw/cong-khai", data={"reason": reason}).status_code == 303
    assert by_slug("cong-khai").state is DatasetState.WITHDRAWN
    public = client.get("/dataset/cong-khai").get_data(as_text=True)
    assert reason in public
    assert "Danh sách trạm y tế" not in client.get("/dataset").get_data(as_text=True)
    # Withdrawing twice is explained, not an error page.
    assert editor.get("/dataset/withdraw/cong-khai").status_code == 303


def test_delete_draft_asks_first_and_removes_the_files(as_user, draft, published):
    editor = as_user("editor")
    key = draft.resources[0].storage_key
    confirm = editor.get("/dataset/delete/ban-nhap")
    assert confirm.status_code == 200 and by_slug("ban-nhap") is not None
    response = editor.post("/dataset/delete/ban-nhap")
    assert response.status_code == 303 and response.headers["Location"].endswith("/workspace")
    assert by_slug("ban-nhap") is None
    assert not get_storage().exists(key)
    # Published data is withdrawn, never deleted.
    assert editor.post("/dataset/delete/cong-khai").status_code == 303
    assert by_slug("cong-khai") is not None


def test_private_toggle_hides_from_visitors(client, as_user, published):
    editor = as_user("editor")
    assert editor.post("/dataset/private/cong-khai", data={"private": "1"}).status_code == 303
    assert by_slug("cong-khai").private is True
    assert client.get("/dataset/cong-khai").status_code == 404
    assert editor.get("/dataset/cong-khai").status_code == 200
    assert editor.post("/dataset/private/cong-khai", data={"private": "0"}).status_code == 303
    assert client.get("/dataset/cong-khai").status_code == 200


@pytest.fixture
def csrf_client(tmp_path, sqlite_template):
    """A client of an app that checks CSRF tokens, signed in as an editor with one draft."""
    import shutil

    from opendata.models import Membership, Role, User
    from tests.conftest import login_as, make_app

    instance = tmp_path / "csrf"
    instance.mkdir()
    shutil.copy(sqlite_template, instance / "opendata.db")
    app = make_app(instance, csrf=True)
    with app.app_context():
        organization = factories.organization("Sở Y tế", slug="so-y-te")
        user = User(username="bien-tap", email="bt@example.gov.vn", full_name="Biên tập")
        user.memberships.append(Membership(organization=organization, role=Role.EDITOR))
        db.session.add(user)
        db.session.commit()
        factories.dataset(organization, slug="ban-nhap", title="Bản nháp", state=DatasetState.DRAFT,
                          description="Mô tả", resources=[("a.csv", b"a,b\n1,2\n")])
        client = app.test_client()
        login_as(client, user)
        yield client
        db.session.remove()
        db.engine.dispose()


@pytest.mark.parametrize("url, data", [
    ("/dataset/new", FULL),
    ("/dataset/publish/ban-nhap", {}),
    ("/dataset/delete/ban-nhap", {}),
])
def test_forms_without_a_csrf_token_are_refused(csrf_client, url, data):
    response = csrf_client.post(url, data=data)
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count(Dataset.id))) == 1
    assert by_slug("ban-nhap").state is DatasetState.DRAFT


def test_an_expired_dataset_form_comes_back_with_the_input(csrf_client):
    page = csrf_client.get("/dataset/edit/ban-nhap").get_data(as_text=True)
    typed = {"title": "Tiêu đề gõ rất lâu", "description": "Một mô tả dài đã gõ trong hai giờ.", "language": "vi",
             "lock_version": hidden_value(page, "lock_version"), "loaded_at": hidden_value(page, "loaded_at")}
    expired = csrf_client.post("/dataset/edit/ban-nhap", data={**typed, "csrf_token": "het-han"})
    again = expired.get_data(as_text=True)
    assert expired.status_code == 400
    assert 'value="Tiêu đề gõ rất lâu"' in again and "Một mô tả dài đã gõ trong hai giờ.</textarea>" in again
    assert vi("This form has expired. Please submit it again.") in again
    assert by_slug("ban-nhap").title == "Bản nháp"
    saved = csrf_client.post("/dataset/edit/ban-nhap", data={**typed, "csrf_token": hidden_value(again, "csrf_token")})
    assert saved.status_code == 303 and by_slug("ban-nhap").title == "Tiêu đề gõ rất lâu"
