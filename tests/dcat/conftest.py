"""A realistic public catalogue (and what must never leak) for the DCAT-AP tests."""
from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph

from opendata.extensions import db
from opendata.models import DatasetState, Licence, ResourceKind
from tests import factories

SHAPES_PATH = Path(__file__).resolve().parent.parent / "data" / "dcat-ap-3.0.0-SHACL.ttl"
CSV = "mã_xã,tên_xã,số_hộ\n30280,Phường Mỹ Bình,5120\n30283,Phường Mỹ Long,4310\n".encode()


@pytest.fixture(scope="session")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


@pytest.fixture
def catalogue(app, agencies):
    """Public datasets with and without optional fields, plus drafts, private and withdrawn ones."""
    own, other = agencies["own"], agencies["other"]
    own.name_en = "Department of Health"
    own.focal_name, own.focal_email, own.focal_phone = "Nguyễn Thị Lan", "lan@syt.angiang.gov.vn", "0296 3852 000"
    own.website = "https://soyte.angiang.gov.vn"
    health = factories.topic("Y tế - Sức khỏe", slug="y-te", name_en="Health", eu_theme="HEAL")
    local = factories.topic("Chuyển đổi số", slug="chuyen-doi-so")  # no EU theme chosen
    cc_by = db.session.get(Licence, "cc-by-4.0")
    full = factories.dataset(
        own, title="Danh sách cơ sở khám chữa bệnh", slug="co-so-kham-chua-benh",
        title_en="Health facilities", description="Danh sách **bệnh viện**, trạm y tế xã và phòng khám.",
        description_en="Hospitals, commune health stations and clinics.", licence=cc_by,
        spatial="Tỉnh An Giang", temporal_start=date(2020, 1, 1), temporal_end=date(2024, 12, 31),
        frequency="MONTHLY", issued=date(2024, 3, 1), version="2.1", contact_name="Phòng Kế hoạch",
        contact_email="khth@syt.angiang.gov.vn", contact_phone="+84 296 3852 111",
        tags=("bệnh viện", "y tế"), topics=(health, local),
        resources=(
            ("co-so-y-te.csv", CSV),
            ("bao-cao.pdf", b"%PDF-1.4 demo report"),
            {"name": "Bảng tính trên cổng Sở", "kind": ResourceKind.URL, "url": "https://soyte.angiang.gov.vn/co-so.xlsx",
             "format": "XLSX", "media_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
            {"name": "API tra cứu", "kind": ResourceKind.API, "url": "https://api.angiang.gov.vn/y-te/co-so",
             "format": "API", "description": "Tra cứu theo mã xã."},
            {"name": "Tuyến xe cấp cứu", "kind": ResourceKind.URL, "url": "https://soyte.angiang.gov.vn/tuyen.gpx",
             "format": "GPX", "media_type": "application/gpx+xml"},
        ),
    )
    minimal = factories.dataset(other, title="Giấy phép xây dựng đã cấp", slug="giay-phep-xay-dung")
    english_only_start = factories.dataset(
        other, title="Giá vật liệu xây dựng", slug="gia-vat-lieu", title_en="Construction material prices",
        description="Giá công bố hằng quý.", temporal_start=date(2023, 1, 1), frequency="QUARTERLY",
        resources=(("gia.csv", "vật_liệu,giá\nxi măng,90000\n".encode()),),
    )
    withheld = factories.dataset(own, title="Số ca bệnh theo xã", slug="so-ca-benh", description="Thống kê.",
                                 resources=(("so-ca.csv", CSV), ("danh-sach-benh-nhan.csv", CSV)))
    withheld.resources[1].withheld = True
    db.session.commit()
    hidden = {
        "draft": factories.dataset(own, title="Bản nháp hồ sơ bệnh án", slug="ban-nhap", state=DatasetState.DRAFT),
        "private": factories.dataset(own, title="Dữ liệu nội bộ Sở Y tế", slug="noi-bo", private=True),
        "other_private": factories.dataset(other, title="Dữ liệu nội bộ Sở Xây dựng", slug="noi-bo-xd", private=True),
        "withdrawn": factories.dataset(own, title="Dữ liệu đã rút", slug="da-rut", state=DatasetState.WITHDRAWN,
                                       withdrawn_reason="Sai số liệu."),
    }
    return {
        "full": full, "minimal": minimal, "partial": english_only_start, "withheld": withheld,
        "public": [full, minimal, english_only_start, withheld], "hidden": hidden,
    }


def parse(response, syntax: str = "turtle") -> Graph:
    assert response.status_code == 200, response.get_data(as_text=True)
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally.
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return Graph().parse(data=response.get_data(), format=syntax)
