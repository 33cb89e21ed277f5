"""``flask --app wsgi opendata reindex`` rebuilds the index from the database."""
from __future__ import annotations

from opendata import search
from opendata.models import DatasetState
from tests import factories


def test_reindex_rebuilds_from_the_database(app):
    public = factories.dataset(title="Đường tỉnh 941")
    factories.dataset(title="Đường nháp", state=DatasetState.DRAFT)
    factories.dataset(title="Đường cũ", state=DatasetState.WITHDRAWN)
    backend = search.get_backend()
    backend.rebuild(iter(()))  # an index that lost everything
    assert backend.count() == 0
    assert search.index_needs_building()

    result = app.test_cli_runner().invoke(args=["opendata", "reindex"])
    assert result.exit_code == 0, result.output
    assert "Indexed 2 listed datasets of 3" in result.output
    _parsed, found = search.search_datasets(None, "duong")
    assert found.ids == [public.id]
    assert not search.index_needs_building()


def test_reindex_if_missing_does_nothing_when_the_index_is_built(app):
    factories.dataset(title="Kênh thủy lợi")
    result = app.test_cli_runner().invoke(args=["opendata", "reindex", "--if-missing"])
    assert result.exit_code == 0 and result.output == ""


def test_reindex_if_missing_builds_an_empty_index(app):
    dataset = factories.dataset(title="Kênh thủy lợi")
    search.get_backend().rebuild(iter(()))
    result = app.test_cli_runner().invoke(args=["opendata", "reindex", "--if-missing", "--quiet"])
    assert result.exit_code == 0 and "Indexed 1 listed datasets" in result.output
    assert search.search_datasets(None, "kenh")[1].ids == [dataset.id]
