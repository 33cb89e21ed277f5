"""The Whoosh backend as several worker processes use it: one index folder, many backend instances.

Two :class:`WhooshBackend` instances on the same folder stand for two gunicorn
workers: each keeps its own reader open and must notice what the other wrote.
"""
from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from opendata.search.analysis import analyse
from opendata.search.base import FACETS
from opendata.search.whoosh_backend import WhooshBackend
from opendata.search.whoosh_schema import words
from tests.search.conftest import doc, query, titles


@pytest.fixture
def path(tmp_path):
    return tmp_path / "index"


@pytest.fixture
def workers(path):
    """Two backends on one folder, closed afterwards."""
    first, second = WhooshBackend(path), WhooshBackend(path)
    yield first, second
    first.close()
    second.close()


def generations(path) -> list[str]:
    return sorted(entry.name for entry in path.iterdir() if entry.is_dir())


def renamed(document, title):
    return dataclasses.replace(document, title=title)


def test_words_are_what_analyse_gives():
    for text in ("Đường Hùng Vương, ĐƯỜNG số 2", "List of hotels\nDanh sách khách sạn", "", "a_b c-d 2024", "Ẩm thực"):
        assert words(text) == analyse(text)


def test_the_constructor_touches_nothing_and_a_missing_folder_is_an_empty_index(path):
    backend = WhooshBackend(path / "not" / "yet")
    assert not path.exists()
    result = backend.search(query("du lich"))
    assert (result.ids, result.total) == ([], 0)
    assert backend.count() == 0 and backend.document_ids() == set()
    assert (path / "not" / "yet" / "CURRENT").exists()
    backend.close()


def test_count_before_any_search(path, workers):
    first, second = workers
    first.update([doc("Một"), doc("Hai")])
    assert WhooshBackend(path).count() == 2  # without building a view
    assert second.count() == 2


def test_an_update_by_one_worker_is_seen_by_the_other(workers):
    first, second = workers
    kept = doc("Danh sách chợ")
    first.update([kept])
    assert second.search(query("cho")).ids == [kept.id]  # the second worker now holds a reader
    added = doc("Danh sách bến xe")
    first.update([added, renamed(kept, "Danh sách trường học")])
    assert second.search(query("ben xe")).ids == [added.id]
    assert second.search(query("cho")).total == 0
    assert second.search(query("truong hoc")).ids == [kept.id]
    first.update([], delete=[added.id])
    assert second.search(query("ben xe")).total == 0
    assert second.document_ids() == {kept.id}


def test_a_rebuild_by_one_worker_is_seen_by_the_other_and_old_generations_go(path, workers):
    first, second = workers
    old = doc("Cũ")
    first.update([old])
    assert second.search(query("cu")).ids == [old.id]
    before = generations(path)
    fresh = [doc(f"Mới {n}") for n in range(3)]
    assert first.rebuild(fresh) == 3
    assert second.search(query("cu")).total == 0
    assert second.search(query("moi")).total == 3
    assert second.document_ids() == {d.id for d in fresh}
    after = generations(path)
    assert len(after) == 1 and after[0] not in before
    assert (path / "CURRENT").read_text().strip() == after[0]


def test_the_index_reopens_after_close(workers):
    first, second = workers
    document = doc("Giá đất")
    first.update([document])
    assert first.search(query("gia dat")).ids == [document.id]
    first.close()
    assert first.search(query("gia dat")).ids == [document.id]
    first.close()
    first.update([doc("Giá lúa")])
    assert first.search(query("gia")).total == 2
    assert second.search(query("gia")).total == 2


def test_updates_during_a_rebuild_are_kept(workers):
    first, second = workers
    doomed, edited = doc("Sẽ bị xoá"), doc("Tên cũ")
    first.update([doomed, edited])
    late = doc("Thêm trong lúc dựng lại")

    def documents():
        yield doomed
        yield edited  # the rebuild reads the old title...
        # ...while another worker changes things:
        second.update([late, renamed(edited, "Tên mới")], delete=[doomed.id])
        yield doc("Cuối cùng")

    assert first.rebuild(documents()) == 3
    for backend in workers:
        assert backend.search(query("them trong luc")).ids == [late.id]
        assert backend.search(query("ten moi")).ids == [edited.id]
        assert backend.search(query("ten cu")).total == 0
        assert backend.search(query("xoa")).total == 0
        assert backend.count() == 3


def test_a_failed_rebuild_leaves_the_index_as_it_was(path, workers):
    first, second = workers
    kept = doc("Còn nguyên")
    first.update([kept])
    before = generations(path)

    def broken():
        yield doc("Mới")
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        first.rebuild(broken())
    assert generations(path) == before
    assert not (path / "BUILDING").exists()
    assert second.search(query("con nguyen")).ids == [kept.id]
    assert first.document_ids() == {kept.id}


def test_many_small_updates_merge_without_losing_or_doubling_documents(workers):
    first, second = workers
    documents = {}
    for n in range(40):
        document = doc(f"Bộ số {n}", tags=(f"nhãn {n % 3}",))
        documents[document.id] = document
        first.update([document])
        if n % 4 == 3:  # replace one, delete another
            replaced = next(iter(documents.values()))
            documents[replaced.id] = renamed(replaced, f"{replaced.title} sửa")
            first.update([documents[replaced.id]])
            deleted = list(documents)[len(documents) // 2]
            del documents[deleted]
            first.update([], delete=[deleted])
        assert second.search(query("bo so", limit=100)).total == len(documents)
    assert second.document_ids() == set(documents)
    assert first.count() == second.count() == len(documents)
    result = second.search(query("", limit=100))
    assert sorted(result.ids) == sorted(documents)
    expected = Counter(tag for d in documents.values() for tag in d.tags)
    assert dict(result.facets["tag"]) == dict(expected)
    assert second.search(query("sua", limit=100)).total == sum("sửa" in d.title for d in documents.values())


def test_quoted_phrases_stay_inside_one_piece_of_text(workers):
    first, _ = workers
    docs = [
        doc("Giá đất nông nghiệp"),
        doc("Giá đất ở, đất nông nghiệp"),  # every pair, but not one run
        doc("Bảng giá đất", tags=("nông nghiệp",)),  # "đất" ends the title, "nông" starts a tag
        doc("Giá cả", description="Đất nông nghiệp"),
    ]
    first.update(docs)
    assert titles(first, docs, first.search(query('"gia dat nong nghiep"'))) == ["Giá đất nông nghiệp"]
    assert set(titles(first, docs, first.search(query('"dat nong"')))) == {
        "Giá đất nông nghiệp", "Giá đất ở, đất nông nghiệp", "Giá cả",
    }


def test_ties_are_broken_by_id_across_segments_and_pages(workers):
    first, second = workers
    same = [doc("Chợ nổi") for _ in range(7)]
    for document in reversed(same):  # one segment each, newest id first
        first.update([document])
    seen = []
    for offset in range(0, 7, 3):
        seen += second.search(query("cho noi", offset=offset, limit=3)).ids
    assert seen == sorted(d.id for d in same)


def test_sorting_merges_segments(workers):
    first, second = workers
    names = ["Zalo", "Ẩm thực", "An ninh", "Đường bộ", "Dân cư", "Bưu chính", "Ăn uống"]
    docs = [doc(name) for name in names]
    for document in docs:
        first.update([document])
    ordered = [second.search(query("", sort="title", offset=n, limit=2)).ids for n in range(0, 7, 2)]
    by_id = {d.id: d.title for d in docs}
    assert [by_id[i] for page in ordered for i in page] == [
        "An ninh", "Ăn uống", "Ẩm thực", "Bưu chính", "Dân cư", "Đường bộ", "Zalo",
    ]
    newest = second.search(query("", sort="newest", limit=3)).ids
    assert newest == [d.id for d in reversed(docs)][:3]


def test_facet_counts_agree_however_they_are_counted(workers):
    """Few values and many matches count with bitmaps; many values and few matches per document."""
    first, _ = workers
    docs = [
        doc(f"Số liệu {n}", organization=f"so-{n % 2}", tags=tuple(f"thẻ {m}" for m in range(n % 7)),
            formats=("CSV",) if n % 3 else ("CSV", "PDF"), topics=(f"chu-de-{n}",))
        for n in range(60)
    ]
    first.update(docs)
    for text in ("", "so lieu 7", "so lieu"):
        result = first.search(query(text, facet_limit=1000))
        matched = [d for d in docs if d.id in set(first.search(query(text, limit=100)).ids)]
        for facet in FACETS:
            expected = Counter(value for d in matched for value in d.facet_values(facet))
            assert dict(result.facets[facet]) == dict(expected), (text, facet)


def test_suggestions_ignore_words_only_deleted_or_private_documents_held(workers):
    first, second = workers
    secret = doc("Kế hoạch tuyệt mật")
    first.update([doc("Giáo dục"), secret])
    assert second.search(query("tuyet mar")).suggestion == "tuyet mat"
    first.update([dataclasses.replace(secret, labels=("org:a",))])
    assert second.search(query("tuyet mar")).suggestion is None
    assert second.search(query("tuyet mat", labels=None)).total == 1
    first.update([], delete=[secret.id])
    assert second.search(query("tuyet mat", labels=None)).total == 0
    assert second.search(query("giao duk")).suggestion == "giao duc"


def test_unknown_facets_and_odd_paging_do_not_raise(workers):
    first, _ = workers
    first.update([doc("Một")])
    result = first.search(query("mot", facets=("organization", "nope"), offset=-5, limit=-1, facet_limit=-3))
    assert result.total == 1 and result.ids == []
    assert result.facets == {"organization": [], "nope": []}


def test_a_forked_worker_opens_its_own_files(workers):
    first, _ = workers
    document = doc("Một")
    first.update([document])
    assert first.search(query("mot")).ids == [document.id]
    first._pid = -1  # as a worker forked from a process that had searched sees itself
    assert first.search(query("mot")).ids == [document.id]
