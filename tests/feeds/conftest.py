"""A small catalogue with every state a dataset can be in, all in the editor's agency."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest

from opendata.models import Dataset, DatasetState
from tests import factories

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=timezone.utc)


@dataclass
class Catalogue:
    public: list[Dataset]  # published and public: the only ones feeds may show
    hidden: list[Dataset]  # draft, private, withdrawn, private draft

    @property
    def public_slugs(self) -> set[str]:
        return {d.slug for d in self.public}


@pytest.fixture
def catalogue(app, agencies, people):
    own = agencies["own"]
    health = factories.topic("Y tế", slug="y-te", name_en="Health")
    public = [
        factories.dataset(own, title="Danh sách bệnh viện", slug="benh-vien", topics=[health],
                          tags=["bệnh viện"],
                          description="Danh sách **bệnh viện** công lập và tư nhân trên địa bàn tỉnh, kèm địa chỉ.",
                          metadata_modified=T0),
        factories.dataset(agencies["other"], title="Giấy phép xây dựng", slug="giay-phep-xay-dung",
                          metadata_modified=T0 + timedelta(days=1)),
    ]
    hidden = [
        factories.dataset(own, title="Bản nháp bí mật", slug="ban-nhap", state=DatasetState.DRAFT,
                          topics=[health], metadata_modified=T0 + timedelta(days=5)),
        factories.dataset(own, title="Dữ liệu nội bộ", slug="noi-bo", private=True,
                          metadata_modified=T0 + timedelta(days=6)),
        factories.dataset(own, title="Đã rút", slug="da-rut", state=DatasetState.WITHDRAWN,
                          withdrawn_reason="Sai số liệu", metadata_modified=T0 + timedelta(days=7)),
        factories.dataset(own, title="Nháp nội bộ", slug="nhap-noi-bo", state=DatasetState.DRAFT,
                          private=True, metadata_modified=T0 + timedelta(days=8)),
    ]
    return Catalogue(public=public, hidden=hidden)


# Who asks must not matter: feeds are for the public.
VIEWERS = [None, "editor", "admin", "sysadmin"]


@pytest.fixture(params=VIEWERS, ids=lambda v: v or "anonymous")
def viewer(request, app, people, as_user):
    return app.test_client() if request.param is None else as_user(request.param)
