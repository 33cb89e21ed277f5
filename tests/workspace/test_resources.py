"""Uploading, linking, replacing and removing resources through the pages."""
from __future__ import annotations

import hashlib
import io
from urllib.parse import quote

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from opendata.extensions import db
from opendata.models import Resource, ResourceKind
from opendata.storage import get_storage
from tests.workspace.conftest import CSV, PERSONAL_CSV, main, stored_files, vi, vi_plural

NEW = "/dataset/ban-nhap/resource/new"


def upload(client, url, content: bytes, filename: str, **fields):
    # Encoded in memory: the test client would otherwise spool big bodies to a file it never closes.
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(content), filename), **fields})
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def resources() -> list[Resource]:
    db.session.expire_all()
    return list(db.session.scalars(db.select(Resource).order_by(Resource.created, Resource.id)))


def test_upload_form_states_the_size_limit(app, as_user, draft):
    app.config["MAX_CONTENT_LENGTH"] = 25 * 1024 * 1024
    page = as_user("editor").get(NEW).get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page
    assert vi("Files up to %(size)s.", size="25 MB") in page


def test_upload_keeps_the_vietnamese_name_and_lists_it(as_user, draft):
    editor = as_user("editor")
    response = upload(editor, NEW, CSV, "Danh sách trường học 2024.csv", description="Năm học 2024-2025")
    assert response.status_code == 303
    res = resources()[-1]
    assert (res.filename, res.format, res.name, res.sha256) == (
        "Danh sách trường học 2024.csv", "CSV", "Danh sách trường học 2024", hashlib.sha256(CSV).hexdigest())
    page = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert vi("The file “%(name)s” was uploaded.", name="Danh sách trường học 2024.csv") in page
    assert "Danh sách trường học 2024.csv" in main(page)


def test_empty_file_is_refused_with_the_other_fields_kept(as_user, draft):
    before = stored_files()
    response = upload(as_user("editor"), NEW, b"", "rong.csv", name="Tên tôi đã gõ")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert vi("The file is empty.") in page and 'value="Tên tôi đã gõ"' in page
    assert stored_files() == before and len(resources()) == 1


def test_no_file_chosen(as_user, draft):
    response = as_user("editor").post(NEW, data={"name": "X"}, content_type="multipart/form-data")
    assert response.status_code == 422 and vi("Choose a file to upload.") in response.get_data(as_text=True)


def test_file_over_the_limit_is_refused_with_the_limit_stated(app, as_user, draft):
    app.config["MAX_CONTENT_LENGTH"] = 2048
    before = stored_files()
    response = upload(as_user("editor"), NEW, b"a,b\n" * 2000, "lon.csv")
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert vi("The file was not uploaded: the portal accepts files up to %(size)s. Nothing was saved.", size="2 KB") in page
    assert f'href="{NEW}"' in page
    assert stored_files() == before and len(resources()) == 1
    assert not any(name.startswith(".tmp/") for name in stored_files())


def test_file_over_the_limit_within_the_request_limit(app, as_user, draft, monkeypatch):
    """The capability's own streaming limit, for bodies that arrive without a length (chunked)."""
    from opendata.publishing import resources as capability

    monkeypatch.setattr(capability, "_max_upload", lambda: 1024 * 1024)
    before = stored_files()
    response = upload(as_user("editor"), NEW, b"a,b\n" * 300_000, "lon.csv")
    assert response.status_code == 422
    assert vi("The file is larger than %(size)s, the most the portal accepts.", size="1 MB") in response.get_data(as_text=True)
    assert stored_files() == before


def test_content_decides_the_format_with_a_notice(as_user, draft):
    editor = as_user("editor")
    response = upload(editor, NEW, b"%PDF-1.4\n%%EOF\n", "so-lieu.csv")
    assert response.status_code == 303
    assert resources()[-1].format == "PDF"
    page = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert vi("The file is named .%(claimed)s but its content is %(real)s; it is recorded as %(real)s.", claimed="csv", real="PDF") in page
    assert vi("%(format)s is not an open, machine-readable format. Please also publish the data as CSV, JSON or XLSX.", format="PDF") in page
    assert 'class="flash flash-warning" role="status"' in page


@pytest.mark.parametrize("sent, kept", [
    ("../../etc/passwd", "passwd"),
    ("Báo\x07cáo\x1b.csv", "Báocáo.csv"),
    ("x" * 400 + ".csv", "x" * 196 + ".csv"),
])
def test_unsafe_names_are_made_safe(as_user, draft, sent, kept):
    response = upload(as_user("editor"), NEW, CSV, sent)
    assert response.status_code == 303
    res = resources()[-1]
    assert res.filename == kept
    root = get_storage().root
    assert get_storage().path(res.storage_key).is_relative_to(root) and not (root.parent / "etc").exists()


def test_duplicate_uploads_are_both_kept_and_listed(as_user, draft):
    editor = as_user("editor")
    for _ in range(2):
        assert upload(editor, NEW, CSV, "trung-lap.csv").status_code == 303
    copies = [r for r in resources() if r.filename == "trung-lap.csv"]
    assert len(copies) == 2 and copies[0].storage_key != copies[1].storage_key
    page = editor.get("/dataset/manage/ban-nhap").get_data(as_text=True)
    listed = page.split('class="ws-resources"', 1)[1].split("</ul>", 1)[0]
    assert listed.count("<span>trung-lap.csv</span>") == 2


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_truncated_upload_leaves_nothing(as_user, draft):
    """A body cut off mid-file (the browser went away): werkzeug drops the whole form.

    Werkzeug leaves the part it was writing to its temporary file for the
    garbage collector, hence the ignored warning; nothing reaches storage.
    """
    before = stored_files()
    body = (b'--XYZ\r\nContent-Disposition: form-data; name="file"; filename="dang-do.csv"\r\n'
            b"Content-Type: text/csv\r\n\r\n" + b"a,b\n1,2\n" * 5000)
    response = as_user("editor").post(NEW, input_stream=io.BytesIO(body), content_type="multipart/form-data; boundary=XYZ",
                                      headers={"Content-Length": str(len(body) + 10_000)})
    assert response.status_code == 422
    assert stored_files() == before and len(resources()) == 1


def test_links_and_apis(as_user, draft):
    editor = as_user("editor")
    bad = editor.post(NEW + "?kind=url", data={"url": "javascript:alert(1)", "name": "Cổng thông tin", "format": "csv"})
    page = bad.get_data(as_text=True)
    assert bad.status_code == 422 and 'value="Cổng thông tin"' in page
    assert vi("Enter a full web address starting with https:// or http://.") in page
    assert editor.post(NEW + "?kind=url", data={"url": "https://syt.angiang.gov.vn/tram.csv", "name": "Trạm y tế", "format": "csv"}).status_code == 303
    assert editor.post(NEW + "?kind=api", data={"url": "https://api.angiang.gov.vn/v1/tram", "name": "API trạm y tế"}).status_code == 303
    link, api = resources()[-2:]
    assert (link.kind, link.format, api.kind, api.format) == (ResourceKind.URL, "CSV", ResourceKind.API, "API")


def test_edit_name_and_description(as_user, draft):
    editor = as_user("editor")
    url = f"/dataset/ban-nhap/resource/{draft.resources[0].id}/edit"
    empty = editor.post(url, data={"name": "  ", "description": "Giữ mô tả"})
    assert empty.status_code == 422 and "Giữ mô tả</textarea>" in empty.get_data(as_text=True)
    assert editor.post(url, data={"name": "Danh sách trường THPT", "description": "Cập nhật"}).status_code == 303
    assert resources()[0].name == "Danh sách trường THPT"


def test_replacing_keeps_the_previous_file_downloadable(client, as_user, published):
    editor = as_user("editor")
    res = published.resources[0]
    old_sha, edit_url = res.sha256, f"/dataset/cong-khai/resource/{res.id}/edit"
    new = "Tên trường,Xã\nTHPT Long Xuyên,Mỹ Bình\nTHPT Châu Đốc,Châu Phú A\n".encode()
    response = editor.post(f"/dataset/cong-khai/resource/{res.id}/replace",
                           data={"file": (io.BytesIO(new), "Danh sách 2025.csv")}, content_type="multipart/form-data")
    assert response.status_code == 303
    current = resources()[0]
    assert current.sha256 == hashlib.sha256(new).hexdigest() and current.filename == "Danh sách 2025.csv"
    page = client.get(f"/dataset/cong-khai/resource/{res.id}").get_data(as_text=True)
    assert old_sha in page and "Danh sách trạm y tế.csv" in page
    link = f"/dataset/cong-khai/resource/{res.id}/version/1/download/{quote('Danh sách trạm y tế.csv')}"
    assert link in page
    with client.get(link) as download:
        assert download.status_code == 200 and download.data == CSV
        assert download.headers["ETag"].strip('"') == old_sha
    with client.get(f"/dataset/cong-khai/resource/{res.id}/download") as latest:
        assert latest.data == new
    assert old_sha in editor.get(edit_url).get_data(as_text=True)
    manage = editor.get("/dataset/manage/cong-khai")
    assert manage.status_code == 200 and vi_plural("%(num)s earlier version", "%(num)s earlier versions", 1) in manage.get_data(as_text=True)


def test_replace_refuses_an_empty_file(as_user, published):
    res = published.resources[0]
    before = stored_files()
    response = as_user("editor").post(f"/dataset/cong-khai/resource/{res.id}/replace",
                                      data={"file": (io.BytesIO(b""), "rong.csv")}, content_type="multipart/form-data")
    assert response.status_code == 422 and vi("The file is empty.") in response.get_data(as_text=True)
    assert stored_files() == before and resources()[0].versions == []


def test_removing_a_resource_asks_first(as_user, draft):
    editor = as_user("editor")
    res = draft.resources[0]
    key = res.storage_key
    url = f"/dataset/ban-nhap/resource/{res.id}/delete"
    assert editor.get(url).status_code == 200 and len(resources()) == 1
    assert editor.post(url).status_code == 303
    assert resources() == [] and not get_storage().exists(key)


def test_a_file_with_personal_data_is_held_back_until_released(client, as_user, published):
    editor = as_user("editor")
    response = upload(editor, "/dataset/cong-khai/resource/new", PERSONAL_CSV, "can-bo.csv")
    assert response.status_code == 303
    held = resources()[-1]
    assert held.withheld
    page = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert vi("The safety check found possible personal data or secret markings in this file. It is kept hidden from the public until the findings are resolved.") in page
    assert "can-bo" not in main(client.get("/dataset/cong-khai").get_data(as_text=True))
    # Releasing re-checks: the findings are still there, so it stays held back.
    refused = editor.post(f"/dataset/cong-khai/resource/{held.id}/release")
    assert refused.status_code == 422 and vi("Publication was stopped by the safety check") in refused.get_data(as_text=True)
    assert resources()[-1].withheld
    # The public history does not name the held-back file either.
    assert "can-bo" not in client.get("/dataset/activity/cong-khai").get_data(as_text=True)


def test_a_cleared_file_can_be_released(client, as_user, published):
    res = published.resources[0]
    res.withheld = True
    db.session.commit()
    assert client.get(f"/dataset/cong-khai/resource/{res.id}").status_code == 404
    response = as_user("editor").post(f"/dataset/cong-khai/resource/{res.id}/release")
    assert response.status_code == 303 and not resources()[0].withheld
    assert client.get(f"/dataset/cong-khai/resource/{res.id}").status_code == 200
