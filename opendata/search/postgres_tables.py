"""The PostgreSQL search tables: their definition (as migration 0003 creates them), the
staging copies a rebuild fills and swaps in, and the version sequence app servers watch.

They are not models: the index is derived data, on PostgreSQL only.
"""
from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Index, MetaData, PrimaryKeyConstraint, Table, Text, text
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR

DOCUMENTS = "search_document"
VOCABULARY = "search_vocabulary"
SEARCH_TABLES = (DOCUMENTS, VOCABULARY)
STAGING_SUFFIX = "_next"


def define_tables(metadata: MetaData, suffix: str = "") -> tuple[Table, Table]:
    """The search tables; with ``suffix`` the staging copies a rebuild fills (names must not clash)."""
    documents = Table(
        DOCUMENTS + suffix, metadata,
        Column("id", Text(collation="C"), nullable=False),  # no foreign key: the index is derived data
        Column("slug", Text, nullable=False),
        Column("labels", ARRAY(Text), nullable=False),
        Column("is_public", Boolean, nullable=False),  # "public" in labels: the common case, checked cheaply
        # "facet:value" of every facet value, as lexemes: filters match them through the
        # index, and ts_stat() counts them over the matches in one pass (see postgres_backend).
        Column("facets", TSVECTOR, nullable=False),
        Column("title_key", Text(collation="C"), nullable=False),
        Column("created", DateTime(timezone=True), nullable=False),
        Column("modified", DateTime(timezone=True), nullable=False),
        Column("tsv", TSVECTOR, nullable=False),  # every word, for matching (through the index)
        Column("rank_tsv", TSVECTOR, nullable=False),  # the first words of each field, for ranking
        PrimaryKeyConstraint("id", name=f"pk_{DOCUMENTS}{suffix}"),
        Index(f"ix_{DOCUMENTS}{suffix}_tsv", "tsv", postgresql_using="gin"),
        Index(f"ix_{DOCUMENTS}{suffix}_labels", "labels", postgresql_using="gin"),
        Index(f"ix_{DOCUMENTS}{suffix}_facets", "facets", postgresql_using="gin"),
    )
    # The list without words is read in these orders, a page at a time (see _ORDER).
    Index(f"ix_{DOCUMENTS}{suffix}_modified", documents.c.modified.desc(), documents.c.id)
    Index(f"ix_{DOCUMENTS}{suffix}_created", documents.c.created.desc(), documents.c.id)
    Index(f"ix_{DOCUMENTS}{suffix}_title_key", documents.c.title_key, documents.c.id)
    vocabulary = Table(
        VOCABULARY + suffix, metadata,
        Column("word", Text(collation="C"), nullable=False),  # exact and folded forms, public documents only
        Column("plain", Boolean, nullable=False),  # the word has no diacritics
        PrimaryKeyConstraint("word", name=f"pk_{VOCABULARY}{suffix}"),
    )
    return documents, vocabulary


metadata = MetaData()
document_table, vocabulary_table = define_tables(metadata)


def storage_statement(table: str) -> str:
    """Keep document rows narrow: the full vector is the only column moved out of a long row.

    Searches read the row of every matching document (labels, facets, rank
    vector) but never the full vector (the index answers for it), so a row
    over PostgreSQL's 2 kB threshold sheds the full vector down to 1 kB, and
    the columns searches read stay in the row. Migration 0003 runs the same.
    """
    in_row = ("id", "slug", "labels", "facets", "title_key", "rank_tsv")
    return f"ALTER TABLE {table} SET (toast_tuple_target = 1024)" + "".join(
        f", ALTER COLUMN {column} SET STORAGE MAIN" for column in in_row
    )


# Bumped after every committed change to the index. Sequences are not
# transactional and every app server reads the same one, so a cached count is
# used only while the index has not changed anywhere.
VERSION_SEQUENCE = "search_version"
READ_VERSION = text(f"SELECT last_value, is_called FROM {VERSION_SEQUENCE}")
BUMP_VERSION = text(f"SELECT nextval('{VERSION_SEQUENCE}')")


def truncate_search_tables(connection) -> None:
    """Empty the index (tests)."""
    connection.execute(text(f"TRUNCATE {DOCUMENTS}, {VOCABULARY}"))
    connection.execute(BUMP_VERSION)


def swap(connection, staging: tuple[Table, Table]) -> None:
    """Replace the live tables by the staging ones, renaming every index back to its usual name."""
    live = define_tables(MetaData())
    connection.execute(text(f"LOCK TABLE {', '.join(t.name for t in live)} IN ACCESS EXCLUSIVE MODE"))
    connection.execute(text(f"DROP TABLE {', '.join(t.name for t in live)}"))
    for new, old in zip(staging, live):
        connection.execute(text(f"ALTER TABLE {new.name} RENAME TO {old.name}"))
        connection.execute(
            text(f"ALTER TABLE {old.name} RENAME CONSTRAINT {new.primary_key.name} TO {old.primary_key.name}")
        )
        for index in new.indexes:
            connection.execute(text(f"ALTER INDEX {index.name} RENAME TO {index.name.replace(new.name, old.name)}"))
