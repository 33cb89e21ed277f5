"""What only the PostgreSQL backend has: its tables and migration, lexeme quoting, shared state, the swap."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text

from opendata.extensions import SEARCH_TABLES, db
from opendata.search import postgres_text as pt
from opendata.search.analysis import parse_query
from tests.search.conftest import doc, query
from tests.test_migrations import empty_app, migrations_dir  # noqa: F401 (a fixture)

# Lexemes no word can hold today, but the quoting must survive anyway.
AWKWARD = ["it's", "back\\slash", "\\'", ":*", "a b", "&|!<->()", "'; DROP TABLE search_document; --", "Đường"]


# -- text built in Python ------------------------------------------------------


def test_quote_doubles_quotes_and_escapes_backslashes():
    assert pt.quote("it's") == "'it''s'"
    assert pt.quote("a\\b") == "'a\\\\b'"


def test_document_vector_weights_fields_and_keeps_exact_forms_at_the_same_position():
    document = doc("Đường bộ", tags=("giao thông",), description="Mô tả", resources=("Bảng",))
    vector, _, words = pt.document_vectors(document)
    entries = dict(entry.split(":") for entry in vector.split(" "))
    assert entries["'duong'"] == entries["'đường'"] == "1A"
    tag, resource, description = (int(entries[w][:-1]) for w in ("'giao'", "'bang'", "'mo'"))
    assert entries["'giao'"].endswith("B") and entries["'bang'"].endswith("D") and entries["'mo'"].endswith("C")
    assert 2 + pt.FIELD_GAP <= tag < resource < description  # fields apart, description last
    assert {"duong", "đường", "giao", "thông", "thong", "bang", "bảng"} <= words


def test_query_text_comes_from_terms_only():
    parsed = parse_query('Hà "du lịch" \'; DROP TABLE x; -- \\ :* <->')
    assert pt.match_query(parsed) == "'ha' & 'du' & 'lich' & 'drop' & 'table' & 'x' & ('du' <-> 'lich')"
    assert pt.exact_query(parsed) == "'hà' | 'lịch'"
    assert pt.phrase_query(parse_query("du")) is None
    assert pt.match_query(parse_query("'\\:*&|")) is None


def test_very_long_words_are_cut_alike_in_documents_and_queries():
    word = "a" * 5000
    vector, _, _ = pt.document_vectors(doc(word))
    assert vector == f"'{'a' * pt.MAX_WORD}':1A"
    assert pt.match_query(parse_query(word)) == f"'{'a' * pt.MAX_WORD}'"


def test_the_rank_vector_keeps_the_first_words_of_each_field():
    description = " ".join(f"w{n}" for n in range(200))
    vector, rank_vector, _ = pt.document_vectors(doc("Tiêu đề", description=description))
    assert "'w199'" in vector and "'w199'" not in rank_vector
    assert "'w0'" in rank_vector and "'tiêu'" in rank_vector and "'tieu'" in rank_vector


# -- on PostgreSQL ---------------------------------------------------------------


@pytest.fixture
def engine(postgres_url):
    engine = create_engine(postgres_url)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_backend(engine):
    from opendata.search.postgres_backend import PostgresBackend, truncate_search_tables

    with engine.begin() as connection:
        truncate_search_tables(connection)
    return PostgresBackend(engine)


@pytest.mark.postgres
def test_quoted_lexemes_read_back_unchanged(engine):
    with engine.connect() as connection:
        for lexeme in AWKWARD:
            stored = connection.execute(
                text("SELECT tsvector_to_array(CAST(:v AS tsvector)), CAST(:v AS tsvector) @@ CAST(:q AS tsquery)"),
                {"v": pt.quote(lexeme) + ":1A", "q": pt.quote(lexeme)},
            ).one()
            assert tuple(stored) == ([lexeme], True), lexeme


@pytest.mark.postgres
def test_awkward_vocabulary_words_do_not_break_suggestions(pg_backend):
    with pg_backend._engine.begin() as connection:
        connection.execute(
            text("INSERT INTO search_vocabulary (word, plain) VALUES ('it''s', true), ('i\\s', true), ('it:*', true)")
        )
    pg_backend.update([doc("Giáo dục")])
    assert pg_backend.search(query("its giao")).suggestion is None  # none of them is in a document


@pytest.mark.postgres
def test_two_backends_on_one_database_see_each_others_writes(postgres_url, pg_backend):
    from opendata.search.postgres_backend import PostgresBackend

    other_engine = create_engine(postgres_url)  # another app server: its own pool
    other = PostgresBackend(other_engine)
    try:
        first = doc("Danh sách chợ")
        pg_backend.update([first])
        assert other.search(query("cho")).ids == [first.id]
        other.update([], delete=[first.id])
        assert pg_backend.count() == 0
        fresh = doc("Bến xe khách")
        other.rebuild([fresh])
        assert pg_backend.search(query("ben xe")).ids == [fresh.id]
    finally:
        other_engine.dispose()


# Rows keep what searches read ("m": main); only the full vector may leave them ("x": extended).
STORAGE = (
    ["toast_tuple_target=1024"],
    {
        "id": "m", "slug": "m", "labels": "m", "is_public": "p", "facets": "m", "title_key": "m",
        "created": "p", "modified": "p", "tsv": "x", "rank_tsv": "m",
    },
)


def _storage(engine):
    """The document table's storage options and each column's storage."""
    with engine.connect() as connection:
        options = connection.execute(
            text("SELECT reloptions FROM pg_class WHERE oid = CAST('search_document' AS regclass)")
        ).scalar_one()
        columns = dict(connection.execute(text(
            "SELECT attname, attstorage FROM pg_attribute"
            " WHERE attrelid = CAST('search_document' AS regclass) AND attnum > 0 AND NOT attisdropped"
        )).all())
    return options, columns


def _index_names(connection) -> set[str]:
    return set(connection.execute(text(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename LIKE 'search\\_%'"
    )).scalars())


@pytest.mark.postgres
def test_rebuild_swap_leaves_only_the_new_documents_and_the_usual_names(pg_backend):
    from opendata.search.postgres_backend import metadata

    pg_backend.update([doc("Cũ một"), doc("Cũ hai", description="tuyệt vời")])
    fresh = [doc(f"Mới {n}", labels=("public",) if n else ("org:a",)) for n in range(3)]
    assert pg_backend.rebuild(fresh) == 3
    assert pg_backend.document_ids() == {d.id for d in fresh}
    with pg_backend._engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) >= set(SEARCH_TABLES)
        assert not {name for name in inspect(connection).get_table_names() if name.endswith("_next")}
        expected = {index.name for table in metadata.tables.values() for index in table.indexes}
        expected |= {table.primary_key.name for table in metadata.tables.values()}
        assert _index_names(connection) == expected
        vocabulary = set(connection.execute(text("SELECT word FROM search_vocabulary")).scalars())
    assert vocabulary == {"moi", "mới", "1", "2"}  # public documents of the new index only
    assert _storage(pg_backend._engine) == STORAGE  # as migration 0003 made it
    pg_backend.rebuild([doc("Lần hai")])  # the renamed tables rebuild again
    assert pg_backend.search(query("lan hai")).total == 1


@pytest.mark.postgres
def test_a_failed_rebuild_keeps_the_old_index(pg_backend):
    old = doc("Cũ còn nguyên")
    pg_backend.update([old])

    def broken():
        yield doc("Mới")
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        pg_backend.rebuild(broken())
    assert pg_backend.document_ids() == {old.id}
    assert pg_backend.rebuild([doc("Mới")]) == 1  # nothing half-built left in the way


@pytest.mark.postgres
def test_awkward_text_in_documents_is_indexed_and_found(pg_backend):
    odd = doc("O'Brien \\ back\\slash: it's «Đà Nẵng» ½", description="x" * 50_000 + " cuối")
    pg_backend.update([odd, doc("Khác")])
    for typed in ("o brien", "it s", "da nang", "Đà Nẵng", "slash", "cuoi"):
        assert pg_backend.search(query(typed)).ids == [odd.id], typed


@pytest.mark.postgres
def test_a_document_too_big_for_one_vector_is_indexed_up_to_a_budget(pg_backend):
    huge = doc("Văn bản rất dài", description=" ".join(f"t{n}" for n in range(300_000)))
    pg_backend.update([huge])
    assert pg_backend.search(query("t1")).ids == [huge.id]
    assert pg_backend.search(query("t299999")).total == 0  # past the budget


@pytest.mark.postgres
def test_words_of_documents_no_longer_public_are_not_suggested(pg_backend):
    secret = doc("Kế hoạch tuyệt mật")
    pg_backend.update([secret, doc("Giáo dục")])
    assert pg_backend.search(query("tuyet mar")).suggestion == "tuyet mat"
    pg_backend.update([doc(secret.title, id=secret.id, labels=("org:a",))])
    assert pg_backend.search(query("tuyet mar")).suggestion is None


@pytest.mark.postgres
def test_only_the_asked_facets_are_counted(pg_backend):
    pg_backend.update([doc("Giá đất", formats=("CSV",), tags=("đất",))])
    result = pg_backend.search(query("dat", facets=("format",)))
    assert result.facets == {"format": [("CSV", 1)]}
    assert pg_backend.search(query("dat", facets=(), limit=0)).total == 1


@pytest.mark.postgres
def test_labels_without_public_see_only_their_own(pg_backend):
    mine, theirs = doc("Nháp của tôi", labels=("org:a",)), doc("Nháp của họ", labels=("org:b",))
    pg_backend.update([mine, theirs, doc("Công khai")])
    assert pg_backend.search(query("", labels=frozenset({"org:a"}))).ids == [mine.id]
    assert pg_backend.search(query("nhap", labels=frozenset({"org:a", "org:b"}))).total == 2
    assert pg_backend.search(query("nhap")).total == 0


@pytest.mark.postgres
def test_awkward_facet_values_are_counted_and_filtered(pg_backend):
    pg_backend.update([doc("Một", tags=tuple(AWKWARD)), doc("Hai", tags=(AWKWARD[0],))])
    result = pg_backend.search(query("", facets=("tag",)))
    assert result.total == 2
    assert dict(result.facets["tag"]) == {tag: 2 if tag == AWKWARD[0] else 1 for tag in AWKWARD}
    for tag in AWKWARD:
        assert pg_backend.search(query("mot", filters=(("tag", tag),))).total == 1, tag


@pytest.mark.postgres
def test_an_unknown_filter_matches_nothing(pg_backend):
    pg_backend.update([doc("Giá đất")])
    assert pg_backend.search(query("", filters=(("nope", "x"),))).total == 0


# -- the migration -----------------------------------------------------------------


def test_autogenerate_leaves_out_exactly_the_backends_tables():
    from opendata.search import postgres_backend

    assert SEARCH_TABLES == set(postgres_backend.SEARCH_TABLES) == set(postgres_backend.metadata.tables)


def _search_diff() -> list:
    """Differences between migration 0003's tables and the backend's definition of them."""
    from opendata.search.postgres_backend import metadata

    def only_search(obj, name, type_, reflected, compare_to):
        table = obj if type_ == "table" else getattr(obj, "table", None)
        return getattr(table, "name", None) in SEARCH_TABLES

    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": only_search}
        )
        return compare_metadata(context, metadata)


def test_migration_creates_search_tables_on_postgresql_only(empty_app):  # noqa: F811
    upgrade(directory=migrations_dir())
    present = set(inspect(db.engine).get_table_names()) & set(SEARCH_TABLES)
    if db.engine.dialect.name != "postgresql":
        assert present == set()
        return
    assert present == set(SEARCH_TABLES)
    assert _search_diff() == []
    assert _storage(db.engine) == STORAGE
    from opendata.search.postgres_backend import PostgresBackend

    backend = PostgresBackend(db.engine)
    backend.rebuild([doc("Trước khi hạ cấp")])  # a swapped-in index must still downgrade
    downgrade(directory=migrations_dir(), revision="0002")
    assert set(inspect(db.engine).get_table_names()) & set(SEARCH_TABLES) == set()
    upgrade(directory=migrations_dir())
    assert backend.count() == 0 and _search_diff() == []


@pytest.mark.postgres
@pytest.mark.parametrize("empty_app", ["postgresql"], indirect=True)
def test_migration_0004_turns_indexed_facet_arrays_into_vectors_and_back(empty_app):  # noqa: F811
    upgrade(directory=migrations_dir(), revision="0003")
    facets = ["organization:so-y-te", "format:CSV", "tag:it's a \\ tag"]
    row = {"id": "d1", "labels": ["public"], "facets": facets, "tsv": "'benh':1A 'vien':2A"}
    insert = text(
        "INSERT INTO search_document (id, slug, labels, is_public, facets, title_key, created, modified, tsv, rank_tsv)"
        " VALUES (:id, 'benh-vien', :labels, true, :facets, 'b', now(), now(), CAST(:tsv AS tsvector),"
        " CAST(:tsv AS tsvector))"
    )
    with db.engine.begin() as connection:
        connection.execute(insert, row)
    upgrade(directory=migrations_dir())
    from opendata.search.postgres_backend import PostgresBackend

    backend = PostgresBackend(db.engine)
    try:
        result = backend.search(query("benh vien"))
        assert result.total == 1 and result.facets["tag"] == [("it's a \\ tag", 1)]
        assert backend.search(query("", filters=(("format", "CSV"),))).ids == ["d1"]
    finally:
        backend.close()
    downgrade(directory=migrations_dir(), revision="0003")
    with db.engine.connect() as connection:
        kept = connection.execute(text("SELECT facets FROM search_document")).scalar_one()
    assert sorted(kept) == sorted(facets)


@pytest.mark.postgres
def test_the_unfiltered_list_counts_are_reused_only_while_no_server_changed_the_index(postgres_url, pg_backend):
    from opendata.search.postgres_backend import PostgresBackend

    other_engine = create_engine(postgres_url)  # another app server
    other = PostgresBackend(other_engine)
    try:
        pg_backend.update([doc("Chợ nổi", formats=("CSV",)), doc("Bến đò", labels=("org:a",))])
        listing = pg_backend.search(query(""))
        assert listing.total == 1 and listing.facets["format"] == [("CSV", 1)]
        assert pg_backend.search(query("", labels=frozenset({"public", "org:a"}))).total == 2
        added = doc("Cầu treo", formats=("JSON",))
        other.update([added])
        listing = pg_backend.search(query(""))
        assert listing.total == 2 and ("JSON", 1) in listing.facets["format"]
        assert listing.ids[0] == added.id  # newest change first, read along the index
        other.rebuild(iter([doc("Chỉ còn một")]))
        assert pg_backend.search(query("")).total == 1
        assert pg_backend.search(query("", sort="title", offset=1)).ids == []
    finally:
        other_engine.dispose()
