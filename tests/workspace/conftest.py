"""Datasets of agency "own" in each state, and helpers to read pages as a Vietnamese user would."""
from __future__ import annotations

import html
import re

import pytest
from flask import current_app
from flask_babel import force_locale, gettext, ngettext
from markupsafe import escape

from opendata.models import DatasetState
from opendata.storage import get_storage
from tests import factories

CSV = "Tên trường,Xã\nTHPT Long Xuyên,Mỹ Bình\n".encode()
PERSONAL_CSV = "Họ và tên,Số CCCD\nNguyễn Văn An,079203001234\n".encode()


@pytest.fixture
def draft(app, agencies):
    return factories.dataset(
        agencies["own"], slug="ban-nhap", title="Danh sách trường (bản nháp)", state=DatasetState.DRAFT,
        description="Các trường học trong tỉnh.", resources=[("truong.csv", CSV)],
    )


@pytest.fixture
def published(app, agencies):
    return factories.dataset(
        agencies["own"], slug="cong-khai", title="Danh sách trạm y tế", description="Các trạm y tế xã.",
        resources=[("Danh sách trạm y tế.csv", CSV)],
    )


def vi(message: str, **values) -> str:
    """``message`` as the Vietnamese catalogue renders it, HTML-escaped as in a page.

    Until the lead translates a new string this is the English msgid, so the
    tests state the behaviour (the catalogue's message, in place) either way.
    """
    with current_app.test_request_context("/"), force_locale("vi"):
        return str(escape(gettext(message, **values)))


def vi_plural(singular: str, plural: str, num: int) -> str:
    with current_app.test_request_context("/"), force_locale("vi"):
        return str(escape(ngettext(singular, plural, num)))


def stored_files() -> list:
    """Every file under the storage folder, temporary ones included."""
    root = get_storage().root
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def hidden_value(page: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page) or re.search(
        rf'<input[^>]*value="([^"]*)"[^>]*name="{name}"', page)
    assert match, f"no input {name}"
    return html.unescape(match.group(1))


def field_value(page: str, name: str) -> str:
    return hidden_value(page, name)


def main(page: str) -> str:
    """The page's <main> element: what a reader sees, without the site header and footer."""
    return page.split("<main", 1)[1].split("</main>", 1)[0]
