"""Search as visitors use it: the list, agency and topic pages in both languages."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from opendata.models import DatasetState
from tests import factories


@pytest.fixture
def catalogue(app, agencies):
    tourism = factories.topic("Du lịch", slug="du-lich")
    own, other = agencies["own"], agencies["other"]
    factories.dataset(own, slug="duong", title="Danh mục Đường giao thông nông thôn", tags=["giao thông"],
                      frequency="ANNUAL", resources=[{"name": "Đường huyện", "format": "CSV", "url": "https://x.vn/a.csv"}])
    factories.dataset(other, slug="du-lich", title="Điểm du lịch cộng đồng", topics=[tourism], frequency="MONTHLY",
                      description="Các điểm **du lịch** sinh thái ở Tri Tôn và Tịnh Biên.",
                      resources=[{"name": "Bảng", "format": "XLSX", "url": "https://x.vn/b.xlsx"}])
    factories.dataset(other, slug="ha-tien", title="Hà Tiên: bến tàu khách")
    factories.dataset(other, slug="ha-tang", title="Hạ tầng kỹ thuật đô thị")
    factories.dataset(own, slug="nhap", title="Kế hoạch du lịch nội bộ chưa công bố", state=DatasetState.DRAFT,
                      tags=["nội bộ"], resources=[{"name": "Nháp", "format": "PDF", "url": "https://x.vn/c.pdf"}])
    factories.dataset(own, slug="rieng", title="Du lịch riêng tư", private=True)
    return tourism


def text(response) -> str:
    assert response.status_code == 200
    return response.get_data(as_text=True)


def count(page: str) -> int:
    return int(re.search(r'id="results-title"[^>]*>\s*([\d.]+)', page).group(1).replace(".", ""))


@pytest.mark.parametrize("typed, expected", [
    ("duong", "Danh mục"), ("DUONG", "Danh mục"), ("du lich", "Điểm"), ("ĐIỂM DU LỊCH", "Điểm"),
    ("tri ton", "Điểm"), ("duong huyen", "Danh mục"),
])
def test_search_folds_case_and_diacritics(client, catalogue, typed, expected):
    page = text(client.get(f"/dataset?q={quote(typed)}"))
    assert count(page) == 1
    assert expected in page


def test_matched_words_are_marked_in_titles_and_snippets(client, catalogue):
    page = text(client.get("/dataset?q=sinh+thai"))
    assert "<mark>sinh</mark> <mark>thái</mark>" in page
    page = text(client.get("/dataset?q=duong"))
    assert "<mark>Đường</mark> giao thông" in page


def test_exact_diacritics_first(client, catalogue):
    page = text(client.get("/dataset?q=H%C3%A0"))  # "Hà"
    assert page.index("Tiên: bến tàu") < page.index("tầng kỹ thuật")
    page = text(client.get("/dataset?q=H%E1%BA%A1"))  # "Hạ"
    assert page.index("tầng kỹ thuật") < page.index("Tiên: bến tàu")


def test_misspelled_query_gets_a_suggestion_in_vietnamese_and_english(client, catalogue):
    page = text(client.get("/dataset?q=du+lihc"))
    assert count(page) == 0
    assert "Có phải bạn muốn tìm" in page
    assert 'q=du+lich' in page
    client.set_cookie("opendata_lang", "en")
    assert "Did you mean" in text(client.get("/dataset?q=du+lihc"))


def test_suggestions_never_come_from_drafts(client, as_user, catalogue):
    # "hoạch" is only in a draft's title: no one is offered it, not even its agency.
    assert 'class="suggestion"' not in text(client.get("/dataset?q=hoachh"))
    assert 'class="suggestion"' not in text(as_user("member").get("/dataset?q=hoachh"))


def test_drafts_and_private_datasets_never_reach_anonymous_results_or_counts(client, catalogue):
    page = text(client.get("/dataset?q=du+lich"))
    assert count(page) == 1
    for hidden in ("chưa công bố", "riêng tư", "nội bộ", "PDF"):
        assert hidden not in page
    assert count(text(client.get("/dataset?res_format=PDF"))) == 0
    assert count(text(client.get("/dataset?tags=n%E1%BB%99i+b%E1%BB%99"))) == 0


def test_agency_members_find_their_drafts_others_do_not(as_user, catalogue):
    page = text(as_user("member").get("/dataset?q=du+lich"))
    assert count(page) == 3 and "chưa công bố" in page and "riêng tư" in page
    page = text(as_user("other_editor").get("/dataset?q=du+lich"))
    assert count(page) == 1 and "chưa công bố" not in page
    assert count(text(as_user("sysadmin").get("/dataset?q=du+lich"))) == 3


def test_facets_for_every_dimension_with_labels(client, catalogue):
    page = text(client.get("/dataset"))
    for heading in ("Cơ quan", "Loại cơ quan", "Chủ đề", "Định dạng", "Giấy phép", "Từ khóa", "Tần suất cập nhật"):
        assert heading in page, heading
    assert "Sở Xây dựng" in page and "Hằng năm" in page and "giao thông" in page
    page = text(client.get("/dataset?frequency=MONTHLY"))
    assert count(page) == 1 and "Điểm du lịch" in page
    page = text(client.get("/dataset?agency_type=so-ban-nganh&tags=giao+th%C3%B4ng"))
    assert count(page) == 1 and "Danh mục" in page


def test_sort_by_title_puts_d_stroke_after_d(client, catalogue):
    factories.dataset(title="Dân số trung bình")
    page = text(client.get("/dataset?sort=title"))
    # Letters first, tones only break ties: "Hạ tầng" before "Hà Tiên".
    order = [page.index(t) for t in ("Danh mục Đường", "Dân số trung bình", "Điểm du lịch", "Hạ tầng", "Hà Tiên")]
    assert order == sorted(order)


def test_agency_and_topic_pages_search_within(client, catalogue, agencies):
    page = text(client.get("/organization/so-xay-dung?q=du+lich"))
    assert count(page) == 1 and "cộng đồng" in page
    assert count(text(client.get("/organization/so-y-te?q=du+lich"))) == 0
    page = text(client.get("/group/du-lich?q=cong+dong"))
    assert count(page) == 1


def test_empty_query_lists_everything(client, catalogue):
    assert count(text(client.get("/dataset?q="))) == 4


@pytest.mark.parametrize("typed", [
    '"du lịch', 'du lịch"', "AND OR", "du* ?lịch", "title:du", "(du", "-du +lịch", "'; DROP TABLE dataset; --",
    "\\", "du\x00lịch\x1b\x7f", "a" * 10_000, "du lịch " * 1_500, "%", "<script>alert(1)</script>", "🙂",
    "<->", ":*", "!", "&|", "\u202e",
])
def test_bad_queries_get_a_page_not_an_error(client, catalogue, typed):
    response = client.get("/dataset", query_string={"q": typed})
    page = text(response)
    assert "<script>alert(1)</script>" not in page


def test_a_very_long_query_says_it_was_shortened(client, catalogue):
    page = text(client.get("/dataset", query_string={"q": "du lịch " * 100}))
    assert "chỉ dùng" in page
    client.set_cookie("opendata_lang", "en")
    page = text(client.get("/dataset", query_string={"q": "du lịch " * 100}))
    assert "only its first 16 words were used" in page


def test_unknown_sort_is_a_bad_request(client, catalogue):
    assert client.get("/dataset?sort=views").status_code == 400
