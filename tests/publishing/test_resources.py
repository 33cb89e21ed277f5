"""Uploads that never lose data: streamed, typed from content, versioned, nothing half-written."""
import io

import pytest

from opendata import publishing
from opendata.extensions import db
from opendata.models import DatasetState, Resource, ResourceKind
from opendata.storage import get_storage
from tests import factories


def stored_files():
    root = get_storage().root
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def draft(app, agencies):
    return factories.dataset(agencies["own"], state=DatasetState.DRAFT)


def test_upload_keeps_the_vietnamese_name_hash_and_real_type(draft, people):
    content = "Tên trường,Xã\nTHPT Long Xuyên,Mỹ Bình\n".encode()
    result = publishing.add_file(people["editor"], draft, io.BytesIO(content), "Danh sách trường.csv")
    res = result.resource
    assert (res.filename, res.format, res.media_type, res.size) == ("Danh sách trường.csv", "CSV", "text/csv", len(content))
    assert get_storage().path(res.storage_key).read_bytes() == content
    assert result.notices == []


def test_wrong_extension_is_corrected_with_a_notice(draft, people, english):
    result = publishing.add_file(people["editor"], draft, io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "so-lieu.csv")
    assert result.resource.format == "PDF"
    messages = [str(n) for n in result.notices]
    assert any(".csv" in m and "PDF" in m for m in messages)
    assert any("not an open" in m for m in messages)  # R4: closed formats are flagged


@pytest.mark.parametrize("content, field_message", [(b"", "empty"), (b"MZ\x90\x00program", "Programs")])
def test_refused_files_leave_nothing(draft, people, content, field_message, english):
    before = stored_files()
    with pytest.raises(publishing.ValidationError) as error:
        publishing.add_file(people["editor"], draft, io.BytesIO(content), "x.csv")
    assert field_message in str(error.value.errors["file"][0])
    assert stored_files() == before
    assert db.session.scalar(db.select(db.func.count(Resource.id))) == 0


def test_file_over_the_limit_is_refused_while_streaming(app, draft, people, english):
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    before = stored_files()
    with pytest.raises(publishing.ValidationError) as error:
        publishing.add_file(people["editor"], draft, io.BytesIO(b"a,b\n" * 300_000), "lon.csv")
    assert "1 MB" in str(error.value.errors["file"][0])
    assert stored_files() == before


def test_interrupted_upload_leaves_nothing_behind(draft, people):
    class Broken(io.RawIOBase):
        sent = 0

        def readable(self):
            return True

        def read(self, size=-1):
            self.sent += 1
            if self.sent > 3:
                raise ConnectionResetError("client went away")
            return b"a,b\n" * 1000

    before = stored_files()
    with pytest.raises(ConnectionResetError):
        publishing.add_file(people["editor"], draft, Broken(), "dang-do.csv")
    assert stored_files() == before


def test_duplicate_uploads_are_two_resources(draft, people):
    for _ in range(2):
        publishing.add_file(people["editor"], draft, io.BytesIO(b"a,b\n1,2\n"), "trung.csv")
    keys = {r.storage_key for r in draft.resources}
    assert len(draft.resources) == 2 and len(keys) == 2
    assert len({r.sha256 for r in draft.resources}) == 1


def test_replacing_keeps_the_previous_version(draft, people):
    first = publishing.add_file(people["editor"], draft, io.BytesIO(b"a,b\n1,2\n"), "v1.csv").resource
    old_sha, old_key = first.sha256, first.storage_key
    publishing.replace_file(people["editor"], first, io.BytesIO(b"a,b\n1,2\n3,4\n"), "v2.csv")
    assert first.filename == "v2.csv" and first.sha256 != old_sha
    [version] = first.versions
    assert (version.number, version.sha256, version.filename) == (1, old_sha, "v1.csv")
    assert get_storage().exists(old_key)


def test_links_and_apis_need_a_real_address(draft, people):
    with pytest.raises(publishing.ValidationError):
        publishing.add_link(people["editor"], draft, "javascript:alert(1)", "Cổng")
    api = publishing.add_link(people["editor"], draft, "https://api.angiang.gov.vn/v1/gia-dat", "API giá đất", ResourceKind.API)
    assert api.format == "API" and api.kind is ResourceKind.API


def test_other_agencies_cannot_add_files(draft, people):
    with pytest.raises(publishing.PermissionDenied):
        publishing.add_file(people["other_editor"], draft, io.BytesIO(b"a\n"), "x.csv")
