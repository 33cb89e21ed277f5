import unicodedata

import pytest

from opendata.publishing.filenames import FALLBACK, extension, safe_filename


@pytest.mark.parametrize("given, expected", [
    ("Danh sách trường học 2024.csv", "Danh sách trường học 2024.csv"),
    ("../../etc/passwd", "passwd"),
    ("..\\..\\windows\\system32\\cmd.exe", "cmd.exe"),
    ("Báo\x00 cáo\x1b[31m.csv", "Báo cáo[31m.csv"),
    ("tên\u202eexe.csv", "tênexe.csv"),  # right-to-left override hides the real extension
    ("   ...  ", FALLBACK),
    ("", FALLBACK),
    (unicodedata.normalize("NFD", "Dữ liệu.csv"), "Dữ liệu.csv"),  # macOS sends decomposed names
])
def test_safe_filename(given, expected):
    assert safe_filename(given) == expected


def test_long_names_keep_their_extension():
    name = safe_filename("Dữ liệu " * 60 + ".xlsx")
    assert len(name) <= 200 and name.endswith(".xlsx")


def test_extension():
    assert extension("a.b.CSV") == "CSV"
    assert extension(".bashrc") == "" and extension("README") == ""
