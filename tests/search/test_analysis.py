"""What visitors type becomes plain words; matched words are marked safely."""
from __future__ import annotations

import pytest

from opendata.search.analysis import (
    MAX_TERMS,
    edit_distance,
    highlight,
    parse_query,
    spelling_candidates,
    suggestion_text,
)
from opendata.vietnamese import collation_key, syllables


def test_terms_are_lowercased_and_folded_including_d_stroke():
    parsed = parse_query("ĐẤT Đai  Đường")
    assert [(t.exact, t.folded) for t in parsed.terms] == [("đất", "dat"), ("đai", "dai"), ("đường", "duong")]
    assert parsed.terms[0].has_diacritics
    assert not parse_query("du lich").terms[0].has_diacritics


def test_decomposed_input_is_the_same_as_composed():
    assert parse_query("Hà").terms == parse_query("Ha\u0300").terms


def test_quotes_make_phrases_even_when_unbalanced():
    parsed = parse_query('giá "đất ở" "nông thôn')
    assert [[t.exact for t in p] for p in parsed.phrases] == [["đất", "ở"], ["nông", "thôn"]]
    assert [t.exact for t in parsed.terms] == ["giá", "đất", "ở", "nông", "thôn"]


@pytest.mark.parametrize("raw, words", [
    ("du AND lịch OR x NOT y", ["du", "lịch", "x", "y"]),
    ("title:du (lịch) +a -b c* d? e~2 f^3", ["title", "du", "lịch", "a", "b", "c", "d", "e", "2", "f", "3"]),
    ("'; DROP TABLE dataset; --", ["drop", "table", "dataset"]),
    ("du\x00lịch\x1b", ["du", "lịch"]),
    ("<->:*&|!\\", []),
    ("snake_case", ["snake", "case"]),
])
def test_operators_and_control_characters_are_separators(raw, words):
    assert [t.exact for t in parse_query(raw).terms] == words


def test_long_queries_are_cut_and_say_so():
    parsed = parse_query("du lịch " * 5_000)
    assert len(parsed.terms) == MAX_TERMS and parsed.truncated
    assert len(parse_query("x" * 10_000).text) == 500
    assert not parse_query("du lịch").truncated


def test_edit_distance_gives_up_past_the_limit():
    assert edit_distance("duc", "duk") == 1
    assert edit_distance("dục", "duk") == 2
    assert edit_distance("abcdef", "uvwxyz") == 3


def test_corrections_keep_the_way_the_word_was_typed():
    vocabulary = [("duc", 10), ("dục", 10), ("dia", 40), ("đức", 2)]
    assert spelling_candidates("duk", vocabulary) == "duc"  # nearest wins over more frequent
    assert spelling_candidates("dụk", vocabulary) == "dục"
    assert spelling_candidates("xyzxyz", vocabulary) is None
    parsed = parse_query("giao duk")
    assert suggestion_text(parsed, {"duk": "duc"}) == "giao duc"
    assert suggestion_text(parsed, {}) is None


def test_highlight_marks_folded_matches_and_escapes_everything_else():
    html = str(highlight("<b>Đường</b> và đường sắt", parse_query("duong")))
    assert html == "&lt;b&gt;<mark>Đường</mark>&lt;/b&gt; và <mark>đường</mark> sắt"


def test_highlight_cuts_around_the_first_match():
    text = "Mở đầu " * 40 + "có số liệu du lịch ở giữa " + "kết thúc " * 40
    html = str(highlight(text, parse_query("du lịch"), length=80))
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>du</mark> <mark>lịch</mark>" in html
    assert len(html) < 140


def test_syllables_split_on_anything_but_letters_and_digits():
    assert syllables("Số liệu 2024/2025, TP.Long Xuyên") == ["số", "liệu", "2024", "2025", "tp", "long", "xuyên"]


def test_vietnamese_collation_order():
    titles = ["Đường", "Zalo", "Dân", "Ăn", "An", "Âm", "Ô nhiễm", "Ơn", "Ong", "Ưu", "Uống", "2024", "Hạ", "Hà", "Ha"]
    assert sorted(titles, key=collation_key) == [
        "2024", "An", "Ăn", "Âm", "Dân", "Đường", "Ha", "Hà", "Hạ", "Ong", "Ô nhiễm", "Ơn", "Uống", "Ưu", "Zalo",
    ]


def test_highlight_when_folding_changes_the_length_of_the_text():
    # "ﬁ" folds to two letters, so spans are found word by word.
    assert str(highlight("ﬁle Đường", parse_query("duong"))) == "ﬁle <mark>Đường</mark>"
    assert str(highlight("Đường đường", parse_query("duong đường"))) == "<mark>Đường</mark> <mark>đường</mark>"
