"""File downloads: headers, conditional and partial requests, and who gets a 404."""
from __future__ import annotations

import hashlib
from urllib.parse import quote, unquote

import pytest

from opendata.extensions import db
from opendata.models import Dataset, DatasetState, Resource, ResourceKind
from opendata.storage import get_storage
from tests import factories

FILENAME = "Danh sách trường học năm 2024 (Đợt 1).csv"
CONTENT = "Mã trường,Tên trường,Xã/phường\n".encode() + b"".join(
    f"{n},Trường Tiểu học số {n},Phường Mỹ Bình\n".encode() for n in range(1, 40)
)


def fetch(client, url: str, method: str = "GET", **kwargs):
    """The response with its body read and the file it streamed from closed."""
    with client.open(url, method=method, **kwargs) as response:
        response.get_data()
    return response


def download_url(dataset: Dataset, resource: Resource, filename: str | None = None) -> str:
    return f"/dataset/{dataset.slug}/resource/{resource.id}/download/{quote(filename or resource.filename)}"


@pytest.fixture
def published(app):
    org = factories.organization("Sở Giáo dục và Đào tạo", slug="so-giao-duc")
    dataset = factories.dataset(org, slug="truong-hoc", title="Danh sách trường học", resources=[(FILENAME, CONTENT)])
    return dataset, dataset.resources[0]


def test_file_is_sent_with_type_length_and_vietnamese_name(client, published):
    dataset, resource = published
    response = fetch(client, download_url(dataset, resource))
    assert response.status_code == 200
    assert response.data == CONTENT
    assert response.mimetype == "text/csv"
    assert response.content_length == len(CONTENT) == resource.size
    assert response.headers["X-Content-Type-Options"] == "nosniff"

    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    # RFC 6266 / RFC 5987: the exact UTF-8 name, plus a plain ASCII fallback.
    assert f"filename*=UTF-8''{quote(FILENAME)}" in disposition
    star = disposition.split("filename*=UTF-8''", 1)[1].split(";", 1)[0]
    assert unquote(star, encoding="utf-8") == FILENAME
    fallback = [part.strip() for part in disposition.split(";") if part.strip().startswith("filename=")]
    assert fallback and fallback[0].isascii()


def test_download_without_filename_in_url_works(client, published):
    dataset, resource = published
    response = fetch(client, f"/dataset/{dataset.slug}/resource/{resource.id}/download")
    assert response.status_code == 200 and response.data == CONTENT


def test_download_is_counted(client, published):
    dataset, resource = published
    fetch(client, download_url(dataset, resource))
    fetch(client, download_url(dataset, resource))
    db.session.expire_all()
    assert db.session.get(Resource, resource.id).download_count == 2


def test_etag_is_the_sha256_and_if_none_match_gives_304(client, published):
    dataset, resource = published
    sha256 = hashlib.sha256(CONTENT).hexdigest()
    assert resource.sha256 == sha256
    response = fetch(client, download_url(dataset, resource))
    etag, weak = response.get_etag()
    assert etag == sha256 and not weak
    assert response.last_modified is not None

    cached = fetch(client, download_url(dataset, resource), headers={"If-None-Match": f'"{sha256}"'})
    assert cached.status_code == 304
    assert cached.data == b""
    assert cached.get_etag()[0] == sha256

    stale = fetch(client, download_url(dataset, resource), headers={"If-None-Match": '"0000"'})
    assert stale.status_code == 200 and stale.data == CONTENT


def test_range_request_gives_206_with_the_right_bytes(client, published):
    dataset, resource = published
    response = fetch(client, download_url(dataset, resource), headers={"Range": "bytes=0-99"})
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes 0-99/{len(CONTENT)}"
    assert response.content_length == 100
    assert response.data == CONTENT[:100]
    assert response.headers["Accept-Ranges"] == "bytes"

    tail = fetch(client, download_url(dataset, resource), headers={"Range": "bytes=100-"})
    assert tail.status_code == 206 and tail.data == CONTENT[100:]

    unsatisfiable = fetch(client, download_url(dataset, resource), headers={"Range": f"bytes={len(CONTENT) + 10}-"})
    assert unsatisfiable.status_code == 416


def test_head_request_has_headers_and_no_body(client, published):
    dataset, resource = published
    response = fetch(client, download_url(dataset, resource), "HEAD")
    assert response.status_code == 200
    assert response.content_length == len(CONTENT)
    assert response.data == b""


def test_unknown_resource_or_dataset_is_404(client, published):
    dataset, resource = published
    assert fetch(client, f"/dataset/{dataset.slug}/resource/00000000-0000-0000-0000-000000000000/download/x.csv").status_code == 404
    assert fetch(client, f"/dataset/khong-ton-tai/resource/{resource.id}/download/x.csv").status_code == 404


@pytest.mark.parametrize("hidden", [
    {"state": DatasetState.DRAFT},
    {"private": True},
    {"state": DatasetState.WITHDRAWN, "withdrawn_reason": "Số liệu sai."},
])
def test_files_of_hidden_datasets_are_404_for_anonymous_visitors(client, app, hidden):
    dataset = factories.dataset(slug="an", title="Dữ liệu không công khai", resources=[(FILENAME, CONTENT)], **hidden)
    resource = dataset.resources[0]
    response = fetch(client, download_url(dataset, resource))
    assert response.status_code == 404
    assert CONTENT not in response.data
    assert fetch(client, f"/dataset/{dataset.slug}/resource/{resource.id}/download").status_code == 404
    db.session.expire_all()
    assert db.session.get(Resource, resource.id).download_count == 0


def test_resource_under_another_datasets_slug_is_404(client, published):
    _, resource = published
    other = factories.dataset(slug="du-toan", title="Dự toán ngân sách", resources=[("du-toan.csv", b"a,b\n1,2\n")])
    response = fetch(client, download_url(other, resource))
    assert response.status_code == 404
    assert CONTENT not in response.data


def test_file_missing_from_storage_is_404_not_500(client, published):
    dataset, resource = published
    get_storage().delete(resource.storage_key)
    response = fetch(client, download_url(dataset, resource))
    assert response.status_code == 404


def test_resource_without_stored_file_is_404(client, published):
    dataset, resource = published
    resource.storage_key = None
    db.session.commit()
    assert fetch(client, download_url(dataset, resource)).status_code == 404


def test_resource_with_a_corrupt_storage_key_is_404_not_500(client, published):
    """A key escaping the storage folder (bad import, manual edit) must not leak files or crash."""
    dataset, resource = published
    resource.storage_key = "../../../etc/passwd"
    db.session.commit()
    response = fetch(client, download_url(dataset, resource))
    assert response.status_code == 404


def test_link_resource_redirects_to_its_address(client, published):
    dataset, _ = published
    link = factories.dataset(slug="lien-ket", title="Liên kết", resources=[
        {"name": "Cổng API", "kind": ResourceKind.API, "url": "https://api.angiang.gov.vn/v1/truong-hoc", "format": "API"},
        {"name": "Không địa chỉ", "kind": ResourceKind.URL, "url": None, "format": "CSV"},
    ])
    api, empty = link.resources
    response = fetch(client, f"/dataset/{link.slug}/resource/{api.id}/download")
    assert response.status_code == 302
    assert response.location == "https://api.angiang.gov.vn/v1/truong-hoc"
    assert fetch(client, f"/dataset/{link.slug}/resource/{empty.id}/download").status_code == 404
