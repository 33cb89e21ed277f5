"""A large file scans in bounded memory: rows stream, findings are capped."""
import time
import tracemalloc

import pytest

from opendata.models import Resource, ResourceKind
from opendata.safety import MAX_PER_RULE, scan_resource
from opendata.storage import get_storage
from tests.conftest import make_app

SIZE = 20 * 1024 * 1024
PEAK_LIMIT = 8 * 1024 * 1024  # far below the file size: it is never held whole


@pytest.fixture
def storage_app(tmp_path):
    """Only storage is needed: one run instead of one per database."""
    from opendata.extensions import db

    app = make_app(tmp_path)
    with app.app_context():
        yield app
        db.engine.dispose()


def _rows():
    yield "STT,Xã,Dân số,Mật độ dân số,Số CCCD,Ghi chú\n".encode()
    written, number = 0, 0
    while written < SIZE:
        lines = []
        for _ in range(1000):
            number += 1
            cccd = f"079203{number:06d}" if number % 5000 == 0 else ""
            lines.append(f"{number},Xã Mỹ Bình {number % 97},{272365 + number},1708.5,{cccd},Ghi chú bình thường số {number}\n")
        chunk = "".join(lines).encode()
        written += len(chunk)
        yield chunk


def test_a_20_mb_csv_scans_in_bounded_memory(storage_app):
    stored = get_storage().save(_rows())
    assert stored.size >= SIZE
    resource = Resource(id="r-large", name="lon", kind=ResourceKind.FILE, format="CSV", storage_key=stored.key, filename="lon.csv")
    tracemalloc.start()
    started = time.monotonic()
    try:
        findings = scan_resource(resource)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    elapsed = time.monotonic() - started
    cccd = [f for f in findings if f.rule == "cccd"]
    assert len(cccd) == MAX_PER_RULE + 1 and cccd[-1].key == "more" and cccd[-1].params["num"] > 0
    assert peak < PEAK_LIMIT, f"peak {peak / 2**20:.1f} MiB"
    assert elapsed < 120
