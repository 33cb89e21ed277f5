"""A search backend per test: Whoosh in a temporary folder, then PostgreSQL on the test schema."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine

from opendata.search.base import SearchDocument, SearchQuery
from opendata.search.analysis import parse_query
from opendata.vietnamese import collation_key

BACKENDS = ["whoosh", pytest.param("postgresql", marks=pytest.mark.postgres)]
EPOCH = datetime(2025, 1, 1, tzinfo=timezone.utc)


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path):
    if request.param == "whoosh":
        from opendata.search.whoosh_backend import WhooshBackend

        instance = WhooshBackend(tmp_path / "search-index")
        yield instance
        instance.close()
    else:
        from opendata.search.postgres_backend import PostgresBackend, truncate_search_tables

        engine = create_engine(request.getfixturevalue("postgres_url"))
        with engine.begin() as connection:
            truncate_search_tables(connection)
        instance = PostgresBackend(engine)
        yield instance
        instance.close()
        engine.dispose()


_counter = iter(range(1, 10**9))


def doc(title: str, **fields) -> SearchDocument:
    """A public document; ``n`` orders creation and modification times."""
    n = next(_counter)
    values = dict(
        id=f"00000000-0000-0000-0000-{n:012d}", slug=f"ds-{n}", title=title, description="", tags=(),
        resources=(), labels=("public",), organization="so-tai-chinh", agency_type="so-ban-nganh", topics=(),
        formats=(), licence="", frequency="", created=EPOCH + timedelta(days=n), modified=EPOCH + timedelta(days=n),
        title_key=collation_key(title),
    )
    values.update(fields)
    return SearchDocument(**values)


def query(text: str = "", labels=frozenset({"public"}), **options) -> SearchQuery:
    return SearchQuery(parsed=parse_query(text), labels=labels, **options)


def titles(backend, docs, result) -> list[str]:
    by_id = {d.id: d.title for d in docs}
    return [by_id[i] for i in result.ids]
