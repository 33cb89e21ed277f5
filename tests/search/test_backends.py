"""Behaviour every search backend shares: Vietnamese folding, ranking, facets, labels, sorting."""
from __future__ import annotations

import pytest

from tests.search.conftest import doc, query, titles


@pytest.fixture
def index(backend):
    """Fill ``backend`` with ``docs`` and return them."""

    def fill(*docs):
        backend.update(list(docs))
        return list(docs)

    return fill


@pytest.mark.parametrize(
    "typed, title",
    [
        ("duong", "Danh mục Đường giao thông nông thôn"),
        ("du lich", "Điểm Du lịch cộng đồng"),
        ("ĐẤT ĐAI", "Bảng giá đất đai năm 2025"),
        ("đất đai", "BẢNG GIÁ ĐẤT ĐAI"),
        ("Duong", "đường thủy nội địa"),
        ("giáo dục", "Trường học và giao duc mầm non"),
    ],
)
def test_case_and_diacritics_are_folded_including_d_stroke(backend, index, typed, title):
    docs = index(doc(title), doc("Dân số theo huyện"))
    result = backend.search(query(typed))
    assert titles(backend, docs, result) == [title]
    assert result.total == 1


def test_every_word_must_match_in_some_field(backend, index):
    docs = index(
        doc("Du lịch sinh thái", tags=("an giang",)),
        doc("Du lịch biển"),
        doc("Sinh thái rừng tràm", description="Khu du lịch Trà Sư"),
    )
    result = backend.search(query("du lich sinh thai"))
    assert set(titles(backend, docs, result)) == {"Du lịch sinh thái", "Sinh thái rừng tràm"}


def test_exact_diacritics_rank_first(backend, index):
    docs = index(doc("Hạ tầng kỹ thuật đô thị"), doc("Hà Tiên: bến tàu"), doc("Hạ nguồn sông Hậu"))
    result = backend.search(query("Hà"))
    assert titles(backend, docs, result)[0] == "Hà Tiên: bến tàu"
    assert result.total == 3
    result = backend.search(query("Hạ"))
    assert set(titles(backend, docs, result)[:2]) == {"Hạ tầng kỹ thuật đô thị", "Hạ nguồn sông Hậu"}


def test_consecutive_syllables_rank_above_scattered_ones(backend, index):
    docs = index(
        doc("Lịch tiêm chủng và du khách nước ngoài"),  # both syllables, apart and reversed
        doc("Khách du lịch đến tỉnh năm 2024"),  # the phrase
        doc("Lịch thi đấu thể thao và du thuyền"),
    )
    result = backend.search(query("du lịch"))
    assert titles(backend, docs, result)[0] == "Khách du lịch đến tỉnh năm 2024"
    assert result.total == 3


def test_quoted_phrase_must_match_as_a_phrase(backend, index):
    docs = index(doc("Lịch tiêm chủng và du khách"), doc("Khách du lịch"))
    result = backend.search(query('"du lich"'))
    assert titles(backend, docs, result) == ["Khách du lịch"]


def test_field_weights_title_then_tags_then_description_then_resources(backend, index):
    docs = index(
        doc("Danh sách A", resources=("Bảng thủy lợi",)),
        doc("Danh sách B", description="Số liệu thủy lợi của tỉnh"),
        doc("Danh sách C", tags=("thủy lợi",)),
        doc("Công trình thủy lợi"),
    )
    result = backend.search(query("thuy loi"))
    assert titles(backend, docs, result) == ["Công trình thủy lợi", "Danh sách C", "Danh sách B", "Danh sách A"]


def test_empty_query_lists_everything_newest_change_first(backend, index):
    docs = index(doc("Một"), doc("Hai"), doc("Ba"))
    result = backend.search(query(""))
    assert result.total == 3
    assert titles(backend, docs, result) == ["Ba", "Hai", "Một"]


def test_sort_by_title_follows_vietnamese_alphabet(backend, index):
    docs = index(doc("Đường bộ"), doc("Dân cư"), doc("Ẩm thực"), doc("An ninh"), doc("Zalo"), doc("Bưu chính"))
    result = backend.search(query("", sort="title"))
    assert titles(backend, docs, result) == ["An ninh", "Ẩm thực", "Bưu chính", "Dân cư", "Đường bộ", "Zalo"]


def test_sort_newest_and_modified(backend, index):
    from datetime import timedelta

    first, second = doc("Cũ"), doc("Mới")
    first = type(first)(**{**first.__dict__, "modified": second.modified + timedelta(days=5)})
    docs = index(first, second)
    assert titles(backend, docs, backend.search(query("", sort="newest"))) == ["Mới", "Cũ"]
    assert titles(backend, docs, backend.search(query("", sort="modified"))) == ["Cũ", "Mới"]
    assert titles(backend, docs, backend.search(query("", sort="relevance"))) == ["Cũ", "Mới"]


def test_pagination(backend, index):
    docs = index(*[doc(f"Bộ dữ liệu số {n}") for n in range(7)])
    seen = []
    for offset in (0, 3, 6):
        result = backend.search(query("bo du lieu", sort="title", offset=offset, limit=3))
        assert result.total == 7
        seen += titles(backend, docs, result)
    assert len(seen) == 7 and len(set(seen)) == 7
    assert backend.search(query("bo du lieu", offset=50, limit=3)).ids == []


def test_facets_count_matching_documents(backend, index):
    index(
        doc("Giá đất", organization="so-tnmt", agency_type="so", topics=("dat-dai", "kinh-te"), formats=("CSV", "XLSX"),
            licence="cc-by-4.0", tags=("giá đất",), frequency="ANNUAL"),
        doc("Bản đồ đất", organization="so-tnmt", agency_type="so", topics=("dat-dai",), formats=("GEOJSON",),
            licence="odc-odbl", tags=("bản đồ", "giá đất"), frequency="ANNUAL"),
        doc("Đất công", organization="ubnd-long-xuyen", agency_type="huyen", formats=("CSV",), frequency="MONTHLY"),
        doc("Dân số", organization="cuc-thong-ke", agency_type="so", formats=("CSV",)),
    )
    result = backend.search(query("dat"))
    assert result.total == 3
    assert result.facets["organization"] == [("so-tnmt", 2), ("ubnd-long-xuyen", 1)]
    assert result.facets["agency_type"] == [("so", 2), ("huyen", 1)]
    assert result.facets["topic"] == [("dat-dai", 2), ("kinh-te", 1)]
    assert result.facets["format"] == [("CSV", 2), ("GEOJSON", 1), ("XLSX", 1)]
    assert result.facets["licence"] == [("cc-by-4.0", 1), ("odc-odbl", 1)]
    assert result.facets["tag"] == [("giá đất", 2), ("bản đồ", 1)]
    assert result.facets["frequency"] == [("ANNUAL", 2), ("MONTHLY", 1)]


def test_filters_narrow_results_and_facets(backend, index):
    docs = index(
        doc("Giá đất", organization="so-tnmt", formats=("CSV", "XLSX"), tags=("giá đất",)),
        doc("Bản đồ đất", organization="so-tnmt", formats=("GEOJSON",), tags=("giá đất",)),
        doc("Đất công", organization="ubnd", formats=("CSV",)),
    )
    result = backend.search(query("", filters=(("format", "CSV"),)))
    assert set(titles(backend, docs, result)) == {"Giá đất", "Đất công"}
    assert result.facets["organization"] == [("so-tnmt", 1), ("ubnd", 1)]
    result = backend.search(query("dat", filters=(("organization", "so-tnmt"), ("tag", "giá đất"))))
    assert set(titles(backend, docs, result)) == {"Giá đất", "Bản đồ đất"}
    result = backend.search(query("", filters=(("format", "CSV"), ("format", "XLSX"))))
    assert titles(backend, docs, result) == ["Giá đất"]
    assert backend.search(query("", filters=(("organization", "khong-co"),))).total == 0


def test_facet_limit(backend, index):
    index(*[doc(f"Tập {n}", tags=(f"nhãn {n}",)) for n in range(6)])
    result = backend.search(query("", facet_limit=4))
    assert len(result.facets["tag"]) == 4
    assert result.total == 6


def test_labels_filter_inside_the_query(backend, index):
    docs = index(
        doc("Công khai: dân số"),
        doc("Bản nháp: dân số", labels=("org:a",), organization="so-a", formats=("CSV",), tags=("bí mật",)),
        doc("Riêng tư: dân số", labels=("org:b",), organization="so-b", formats=("PDF",)),
    )
    anonymous = backend.search(query("dan so"))
    assert titles(backend, docs, anonymous) == ["Công khai: dân số"]
    assert anonymous.total == 1
    assert anonymous.facets["organization"] == [("so-tai-chinh", 1)]
    assert anonymous.facets["format"] == [] and anonymous.facets["tag"] == []
    member = backend.search(query("dan so", labels=frozenset({"public", "org:a"})))
    assert set(titles(backend, docs, member)) == {"Công khai: dân số", "Bản nháp: dân số"}
    assert ("so-b", 1) not in member.facets["organization"]
    everyone = backend.search(query("dan so", labels=None))
    assert everyone.total == 3
    assert backend.search(query("", labels=frozenset())).total == 0


def test_update_replaces_and_deletes(backend, index):
    first = doc("Danh sách chợ")
    index(first, doc("Danh sách trường"))
    renamed = type(first)(**{**first.__dict__, "title": "Danh sách bến xe"})
    backend.update([renamed])
    assert backend.search(query("cho")).total == 0
    assert backend.search(query("ben xe")).ids == [first.id]
    backend.update([], delete=[first.id])
    assert backend.search(query("ben xe")).total == 0
    assert backend.count() == 1


def test_rebuild_swaps_in_a_complete_index(backend, index):
    index(doc("Cũ sẽ biến mất"))
    fresh = [doc(f"Mới {n}") for n in range(5)]
    progress = []
    assert backend.rebuild(iter(fresh), progress=progress.append) == 5
    assert sum(progress) == 5
    assert backend.document_ids() == {d.id for d in fresh}
    assert backend.search(query("bien mat")).total == 0
    assert backend.search(query("moi")).total == 5


def test_searches_during_a_rebuild_use_the_old_index(backend, index):
    old = index(doc("Cũ còn tìm được"))

    def slow_documents():
        yield doc("Mới một")
        # Half-way through the build, the old index still answers.
        assert backend.search(query("con tim duoc")).ids == [old[0].id]
        assert backend.search(query("moi mot")).total == 0
        yield doc("Mới hai")

    backend.rebuild(slow_documents())
    assert backend.search(query("moi")).total == 2


def test_suggestion_for_a_misspelled_word(backend, index):
    index(doc("Giáo dục mầm non"), doc("Giáo dục thường xuyên"), doc("Giao thông"))
    result = backend.search(query("giao duk"))
    assert result.total == 0
    assert result.suggestion == "giao duc"
    result = backend.search(query("giáo dụk"))
    assert result.suggestion == "giáo dục"
    assert backend.search(query("giao duc")).suggestion is None


def test_suggestions_come_only_from_public_documents(backend, index):
    index(doc("Giáo dục"), doc("Kế hoạch tuyệt mật", labels=("org:a",)))
    assert backend.search(query("tuyet mat", labels=frozenset({"public"}))).total == 0
    assert backend.search(query("tuyet mar")).suggestion is None


@pytest.mark.parametrize(
    "typed",
    [
        '"du lịch', 'du lịch"', '"""', "AND OR NOT", "du* lịch? ~2 ^3", "title:du", "(du lich", "du -lich +x",
        "'; DROP TABLE dataset; --", "\\", "' OR 1=1 --", "du\x00lịch\x1b", "a" * 10_000, "du lịch " * 2_000,
        "%_%", "<script>", "!@#$%^&*()", "🙂 du lịch", "&", "|", "<->", ":*",
    ],
)
def test_bad_queries_give_results_not_errors(backend, index, typed):
    index(doc("Du lịch cộng đồng"), doc("Khác"))
    result = backend.search(query(typed))
    assert result.total >= 0
    assert all(isinstance(i, str) for i in result.ids)


def test_operators_and_punctuation_are_separators(backend, index):
    docs = index(doc("Du lịch cộng đồng"), doc("Khác"))
    for typed in ('"du lịch', "du* lịch?", "(du lich", "du AND lich", "du:lich"):
        assert titles(backend, docs, backend.search(query(typed))) == ["Du lịch cộng đồng"], typed


def test_english_title_is_searchable(backend, index):
    docs = index(doc("Danh sách khách sạn\nList of hotels"), doc("Khác"))
    assert titles(backend, docs, backend.search(query("hotels"))) == ["Danh sách khách sạn\nList of hotels"]
