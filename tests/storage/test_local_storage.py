import hashlib

import pytest

from opendata.storage import LocalStorage, StorageError, TooLarge


def test_save_streams_hashes_and_moves_into_place(tmp_path):
    storage = LocalStorage(tmp_path)
    stored = storage.save([b"a,b\n", "Hà Nội,1\n".encode()])
    content = "a,b\nHà Nội,1\n".encode()
    assert stored.size == len(content)
    assert stored.sha256 == hashlib.sha256(content).hexdigest()
    assert storage.path(stored.key).read_bytes() == content
    assert list((tmp_path / ".tmp").iterdir()) == []


def test_failed_write_leaves_nothing_behind(tmp_path):
    storage = LocalStorage(tmp_path)

    def broken():
        yield b"x" * 1000
        raise ConnectionResetError("client went away")

    with pytest.raises(ConnectionResetError):
        storage.save(broken())
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_size_limit_is_enforced_while_streaming(tmp_path):
    storage = LocalStorage(tmp_path)
    with pytest.raises(TooLarge):
        storage.save([b"x" * 600, b"y" * 600], max_size=1000)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_keys_cannot_escape_the_root(tmp_path):
    storage = LocalStorage(tmp_path / "files")
    with pytest.raises(StorageError):
        storage.path("../../etc/passwd")
