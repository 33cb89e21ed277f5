"""search facet keys as a tsvector (PostgreSQL only)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

The facet counts of a search are taken by ``ts_stat()`` over the matching
documents' ``facets`` vectors (one pass in C) instead of unnesting an array
of keys and grouping them; filters match the keys through the same GIN
index. Every vector also holds the key ``*`` (facet keys all hold a colon),
whose count is the number of results. Existing rows are converted in place,
so no reindex is needed. On SQLite this revision does nothing (the Whoosh
index lives on disk).
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def _postgresql() -> bool:
    return op.get_context().dialect.name == "postgresql"


def upgrade():
    if not _postgresql():
        return
    # The GIN index is rebuilt with the column, with tsvector's default operator class;
    # a new type brings its own storage, so the column is kept in the row again.
    op.execute(
        "ALTER TABLE search_document ALTER COLUMN facets TYPE tsvector USING array_to_tsvector(facets || '{*}'::text[]),"
        " ALTER COLUMN facets SET STORAGE MAIN"
    )


def downgrade():
    if not _postgresql():
        return
    op.execute(
        "ALTER TABLE search_document ALTER COLUMN facets TYPE text[] USING array_remove(tsvector_to_array(facets), '*'),"
        " ALTER COLUMN facets SET STORAGE MAIN"
    )
