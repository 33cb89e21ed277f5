"""The workspace list: datasets by state, what needs attention, who sees which agency."""
from __future__ import annotations

import re

import pytest

from opendata.extensions import db
from opendata.models import DatasetState, ReviewStatus, SafetyReview
from tests import factories
from tests.workspace.conftest import CSV, main, vi


@pytest.fixture
def catalogue(app, agencies):
    own, other = agencies["own"], agencies["other"]
    described = {"description": "Có mô tả."}
    made = {
        "draft": factories.dataset(own, slug="nhap", title="Bản nháp chưa mô tả", state=DatasetState.DRAFT),
        "public": factories.dataset(own, slug="cong-khai", title="Dữ liệu công khai", resources=[("a.csv", CSV)], **described),
        "private": factories.dataset(own, slug="rieng", title="Dữ liệu riêng", private=True, resources=[("b.csv", CSV)], **described),
        "withdrawn": factories.dataset(own, slug="thu-hoi", title="Dữ liệu đã thu hồi", state=DatasetState.WITHDRAWN,
                                       withdrawn_reason="Số liệu sai.", **described),
        "pdf_only": factories.dataset(own, slug="chi-pdf", title="Chỉ có PDF", resources=[("bao-cao.pdf", b"%PDF-1.4\n")], **described),
        "withheld": factories.dataset(own, slug="giu-lai", title="Có tệp bị giữ lại",
                                      resources=[{"name": "Tệp giữ lại", "format": "CSV", "withheld": True}], **described),
        "flagged": factories.dataset(own, slug="bi-gan-co", title="Bị cổng kiểm tra gắn cờ", state=DatasetState.DRAFT,
                                     resources=[("c.csv", CSV)], **described),
        "foreign": factories.dataset(other, slug="co-quan-khac", title="Dữ liệu của cơ quan khác", **described),
    }
    db.session.add(SafetyReview(dataset_id=made["flagged"].id, status=ReviewStatus.FLAGGED,
                                findings=[{"rule": "cccd", "key": "cccd", "column": "Số CCCD", "row": 2}]))
    db.session.commit()
    return made


def titles(page: str) -> set[str]:
    table = page.split('class="ws-table"', 1)[1].split("</table>", 1)[0] if 'class="ws-table"' in page else ""
    return set(re.findall(r'<a href="/dataset/[^"]+">([^<]+)</a>', table))


def counts(page: str) -> dict[str, int]:
    nav = page.split('class="tabs"', 1)[1].split("</nav>", 1)[0]
    return {tab or "all": int(n) for tab, n in re.findall(r'href="/workspace(?:\?tab=(\w+))?"[^>]*>[^<]*<span class="tab-count">\((\d+)\)', nav)}


def test_tabs_sort_the_agency_datasets_by_state(as_user, catalogue):
    editor = as_user("editor")
    page = editor.get("/workspace").get_data(as_text=True)
    assert counts(page) == {"all": 7, "attention": 4, "draft": 2, "published": 3, "private": 1, "withdrawn": 1}
    assert "Dữ liệu của cơ quan khác" not in page
    expected = {
        "draft": {"Bản nháp chưa mô tả", "Bị cổng kiểm tra gắn cờ"},
        "published": {"Dữ liệu công khai", "Chỉ có PDF", "Có tệp bị giữ lại"},
        "private": {"Dữ liệu riêng"},
        "withdrawn": {"Dữ liệu đã thu hồi"},
        "attention": {"Bản nháp chưa mô tả", "Chỉ có PDF", "Có tệp bị giữ lại", "Bị cổng kiểm tra gắn cờ"},
    }
    for tab, names in expected.items():
        assert titles(editor.get(f"/workspace?tab={tab}").get_data(as_text=True)) == names, tab


def test_attention_says_why(as_user, catalogue):
    page = main(as_user("editor").get("/workspace?tab=attention").get_data(as_text=True))
    rows = {title: row for row in page.split("<tr>")[2:] for title in titles('class="ws-table"' + row + "</table>")}
    assert vi("The dataset has no description.") in rows["Bản nháp chưa mô tả"]
    assert vi("No resource is in an open, machine-readable format such as CSV, JSON or XLSX.") in rows["Chỉ có PDF"]
    assert vi("A file is held back from the public by the safety check.") in rows["Có tệp bị giữ lại"]
    assert vi("The safety check found possible personal data or secret markings.") in rows["Bị cổng kiểm tra gắn cờ"]


def test_members_see_the_list_but_no_edit_links(as_user, catalogue):
    page = as_user("member").get("/workspace").get_data(as_text=True)
    assert "Dữ liệu riêng" in page
    assert "/dataset/edit/" not in page and "/dataset/new" not in page
    assert 'href="/dataset/rieng"' in page  # the dataset page, which members may read


def test_sysadmins_see_every_agency_and_can_filter(as_user, catalogue):
    admin = as_user("sysadmin")
    everything = admin.get("/workspace").get_data(as_text=True)
    assert counts(everything)["all"] == 8 and "Dữ liệu của cơ quan khác" in everything
    only_other = admin.get("/workspace?organization=so-xay-dung").get_data(as_text=True)
    assert titles(only_other) == {"Dữ liệu của cơ quan khác"}
    assert '<option value="so-xay-dung" selected>' in only_other


def test_no_peeking_into_another_agency(as_user, catalogue):
    assert as_user("editor").get("/workspace?organization=so-xay-dung").status_code == 404
    assert as_user("editor").get("/workspace?tab=secret").status_code == 400
    assert as_user("editor").get("/workspace?page=9").status_code == 404


@pytest.mark.parametrize("who, explanation", [
    ("anonymous", "Officers of provincial agencies publish and update their datasets here. Please sign in with the account your agency gave you."),
    ("registered", "Your account is not a member of any agency yet. Ask the open data focal officer or the administrator of your agency to add you, then sign in again."),
])
def test_people_without_an_agency_are_told_why(client, as_user, catalogue, who, explanation):
    response = (client if who == "anonymous" else as_user(who)).get("/workspace")
    page = response.get_data(as_text=True)
    assert response.status_code == 403
    assert vi(explanation) in page
    assert "Dữ liệu riêng" not in page and "Bản nháp chưa mô tả" not in page


def test_new_dataset_link_keeps_the_chosen_agency(as_user, catalogue):
    page = as_user("sysadmin").get("/workspace?organization=so-xay-dung").get_data(as_text=True)
    assert 'href="/dataset/new?organization=so-xay-dung"' in page
