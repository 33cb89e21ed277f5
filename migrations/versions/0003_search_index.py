"""search index tables (PostgreSQL only)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

The PostgreSQL search backend keeps its index in these tables; on SQLite the
Whoosh index lives on disk, so this revision does nothing there. The tables
are not in the models' metadata (``include_object`` in
``opendata.extensions`` keeps them out of autogenerate); their definition in
``opendata.search.postgres_tables`` must match this one (a test checks).
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def _postgresql() -> bool:
    return op.get_context().dialect.name == "postgresql"  # also in offline (--sql) mode


def upgrade():
    if not _postgresql():
        return
    # levenshtein_less_equal() for spelling suggestions; a trusted extension, so the
    # database owner may create it (CI creates it beforehand as the superuser).
    op.execute("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch")
    op.create_table(
        'search_document',
        sa.Column('id', sa.Text(collation='C'), nullable=False),
        sa.Column('slug', sa.Text(), nullable=False),
        sa.Column('labels', postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column('is_public', sa.Boolean(), nullable=False),
        sa.Column('facets', postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column('title_key', sa.Text(collation='C'), nullable=False),
        sa.Column('created', sa.DateTime(timezone=True), nullable=False),
        sa.Column('modified', sa.DateTime(timezone=True), nullable=False),
        sa.Column('tsv', postgresql.TSVECTOR(), nullable=False),
        sa.Column('rank_tsv', postgresql.TSVECTOR(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_search_document'),
    )
    # Narrow rows: searches read the row of every match; only the full vector leaves it.
    in_row = ("id", "slug", "labels", "facets", "title_key", "rank_tsv")
    op.execute(
        "ALTER TABLE search_document SET (toast_tuple_target = 1024)"
        + "".join(f", ALTER COLUMN {column} SET STORAGE MAIN" for column in in_row)
    )
    op.create_index('ix_search_document_tsv', 'search_document', ['tsv'], postgresql_using='gin')
    op.create_index('ix_search_document_labels', 'search_document', ['labels'], postgresql_using='gin')
    op.create_index('ix_search_document_facets', 'search_document', ['facets'], postgresql_using='gin')
    op.create_index('ix_search_document_modified', 'search_document', [sa.text('modified DESC'), 'id'])
    op.create_index('ix_search_document_created', 'search_document', [sa.text('created DESC'), 'id'])
    op.create_index('ix_search_document_title_key', 'search_document', ['title_key', 'id'])
    # Bumped after each committed index change: app servers cache the unfiltered list's counts per value.
    op.execute("CREATE SEQUENCE search_version")
    op.create_table(
        'search_vocabulary',
        sa.Column('word', sa.Text(collation='C'), nullable=False),
        sa.Column('plain', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('word', name='pk_search_vocabulary'),
    )


def downgrade():
    if not _postgresql():
        return
    # The extension stays: other objects may use it, and dropping it needs its owner.
    op.execute("DROP SEQUENCE search_version")
    op.drop_table('search_vocabulary')
    op.drop_table('search_document')
