"""Capability pieces behind the workspace pages: history as read, reserved slugs, interrupted replacements."""
from __future__ import annotations

import io
from datetime import timedelta

import pytest

from opendata import publishing
from opendata.extensions import db
from opendata.models import DatasetState, utcnow
from opendata.publishing import timeline
from opendata.publishing import workspace as ws
from opendata.storage import get_storage
from tests import factories


def stored_files():
    root = get_storage().root
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def test_the_word_new_is_never_a_dataset_address(app, people, agencies):
    dataset = publishing.create_dataset(people["editor"], agencies["own"], {"title": "New"})
    assert dataset.slug == "new-2"
    with pytest.raises(publishing.ValidationError) as error:
        publishing.create_dataset(people["editor"], agencies["own"], {"title": "Mới", "slug": "new"})
    assert set(error.value.errors) == {"slug"}


def test_history_hides_names_from_outside_the_agency(app, people, agencies, english):
    dataset = factories.dataset(agencies["own"], title="Giá đất")
    publishing.update_dataset(people["editor"], dataset, {"title": "Bảng giá đất", "frequency": "ANNUAL"}, dataset.lock_version)
    publishing.set_private(people["sysadmin"], dataset, False)  # no change, no entry
    publishing.withdraw_dataset(people["sysadmin"], dataset, "Bảng giá đã hết hiệu lực từ năm 2025.")
    inside = timeline.dataset_history(people["member"], dataset)
    outside = timeline.dataset_history(people["other_editor"], dataset)
    assert [e.actor for e in inside] == ["Người dùng sysadmin", "Người dùng editor"]
    assert [e.actor for e in outside] == ["Portal administrator", "Sở Y tế"]
    edit = outside[1]
    assert edit.action == "Edited the metadata"
    assert [(c.label, c.before, c.after) for c in edit.changes] == [
        ("Title", "Giá đất", "Bảng giá đất"), ("Update frequency", "—", "Annual")]


def test_changes_since_lists_only_what_came_later(app, people, agencies):
    dataset = factories.dataset(agencies["own"], title="Dân số")
    publishing.update_dataset(people["editor"], dataset, {"title": "Dân số 2024"}, dataset.lock_version)
    loaded = utcnow()
    publishing.update_dataset(people["admin"], dataset, {"title": "Dân số 2025"}, dataset.lock_version)
    since = timeline.changes_since(people["editor"], dataset, loaded)
    assert [(e.actor, e.changes[0].after) for e in since] == [("Người dùng admin", "Dân số 2025")]
    # Without a usable time, the latest change is shown.
    assert len(timeline.changes_since(people["editor"], dataset, None)) == 2
    assert len(timeline.changes_since(people["editor"], dataset, utcnow() + timedelta(hours=1))) == 1


def test_long_values_are_shortened_in_the_history(app):
    assert timeline.format_value("description", "a " * 1000).endswith("…")
    assert len(timeline.format_value("description", "a " * 1000)) == timeline.LONG_TEXT
    assert timeline.format_value("size", 2048) == "2 KB"
    assert timeline.format_value("tag_names", ["a", "b"]) == "a, b"


def test_interrupted_replacement_keeps_the_current_file(app, people, agencies):
    dataset = factories.dataset(agencies["own"], state=DatasetState.DRAFT, resources=[("v1.csv", b"a,b\n1,2\n")])
    resource = dataset.resources[0]
    before_files, before_key = stored_files(), resource.storage_key

    class Broken(io.RawIOBase):
        calls = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            self.calls += 1
            if self.calls > 2:
                raise ConnectionResetError("client went away")
            buffer[:4] = b"x,y\n"
            return 4

    with pytest.raises(ConnectionResetError):
        publishing.replace_file(people["editor"], resource, io.BufferedReader(Broken()), "v2.csv")
    db.session.expire_all()
    assert stored_files() == before_files
    assert (resource.storage_key, resource.filename, resource.versions) == (before_key, "v1.csv", [])


def test_attention_rules_agree_in_sql_and_python(app, people, agencies):
    """The tab counts (SQL) and the reasons shown per row (Python) must name the same datasets."""
    own = agencies["own"]
    factories.dataset(own, slug="a", state=DatasetState.DRAFT)
    factories.dataset(own, slug="b", description="x", resources=[("b.pdf", b"%PDF-1.4\n")])
    factories.dataset(own, slug="c", description="x", resources=[("c.csv", b"a\n1\n"), ("c.pdf", b"%PDF-1.4\n")])
    factories.dataset(own, slug="d", description="x", resources=[{"name": "api", "kind": "api", "format": "API", "url": "https://x.vn"}])
    factories.dataset(own, slug="e", state=DatasetState.WITHDRAWN)
    overview = ws.overview(people["editor"], tab="all")
    flagged = set()
    by_python = {d.slug for d in overview.items if ws.attention_reasons(d, flagged)}
    by_sql = {d.slug for d in ws.overview(people["editor"], tab="attention").items}
    assert by_python == by_sql == {"a", "b"}
    with pytest.raises(ws.NoWorkspace):
        ws.overview(people["registered"])
