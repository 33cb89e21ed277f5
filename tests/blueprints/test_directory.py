"""Agency, topic and licence pages."""
from opendata.models import DatasetState
from tests import factories


def test_agency_list_groups_by_type_and_counts_public_datasets(client, app):
    org = factories.organization("Sở Giáo dục và Đào tạo", slug="so-gd-dt")
    factories.dataset(org, title="Trường học")
    factories.dataset(org, title="Nháp", state=DatasetState.DRAFT)
    page = client.get("/organization").get_data(as_text=True)
    assert "Sở, ban, ngành" in page and "Sở Giáo dục và Đào tạo" in page
    assert "1 dataset" in page or "1 bộ dữ liệu" in page


def test_agency_page_shows_focal_officer_and_datasets(client, app):
    org = factories.organization(
        "Sở Du lịch", slug="so-du-lich", focal_name="Trần Văn Minh", focal_title="Chuyên viên",
        focal_email="minh@sdl.angiang.gov.vn", focal_phone="0296 3852 000",
    )
    factories.dataset(org, title="Lượt khách du lịch")
    page = client.get("/organization/so-du-lich").get_data(as_text=True)
    for text in ("Trần Văn Minh", "minh@sdl.angiang.gov.vn", "0296 3852 000", "Lượt khách du lịch"):
        assert text in page
    assert client.get("/organization/khong-ton-tai").status_code == 404


def test_agency_without_focal_officer_says_so(client, app):
    factories.organization("UBND xã Mỹ Hòa Hưng", slug="xa-my-hoa-hung")
    page = client.get("/organization/xa-my-hoa-hung").get_data(as_text=True)
    assert "focal officer yet" in page or "chưa" in page


def test_topic_pages(client, app):
    topic = factories.topic("Du lịch", slug="du-lich", description="Dữ liệu về du lịch.")
    factories.dataset(title="Điểm du lịch", topics=[topic])
    factories.dataset(title="Khác")
    assert "Du lịch" in client.get("/group").get_data(as_text=True)
    page = client.get("/group/du-lich").get_data(as_text=True)
    assert "Điểm du lịch" in page and "Khác" not in page
    assert client.get("/group/nope").status_code == 404


def test_licence_pages(client, app):
    factories.dataset(title="Dữ liệu CC0", licence_id="cc-zero")
    listing = client.get("/license").get_data(as_text=True)
    for licence_id in ("vn-open-data-default", "cc-by-4.0", "cc-zero", "odc-odbl"):
        assert f"/license/{licence_id}" in listing
    page = client.get("/license/cc-zero").get_data(as_text=True)
    assert "Dữ liệu CC0" in page and "creativecommons.org/publicdomain/zero" in page
    assert client.get("/license/proprietary").status_code == 404


def test_agency_page_offers_management_links_by_role(app, as_user, client, agencies):
    page = lambda c: c.get("/organization/so-y-te").get_data(as_text=True)  # noqa: E731
    assert "/organization/so-y-te/bulk" not in page(client)
    editor = page(as_user("editor"))
    assert "/organization/so-y-te/bulk" in editor and "/dataset/new?organization=so-y-te" in editor
    assert "/organization/so-y-te/members" not in editor
    admin = page(as_user("admin"))
    assert "/organization/so-y-te/members" in admin and "/organization/so-y-te/focal" in admin
    assert "/organization/so-y-te/bulk" not in page(as_user("other_editor"))
