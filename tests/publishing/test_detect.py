import io
import json
import zipfile

import openpyxl
import pytest

from opendata.publishing.detect import ForbiddenContent, detect


def xlsx_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["Tên", "Số lượng"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("content, name, expected", [
    ("Tên,Xã\nTrạm y tế,Mỹ Hòa\n".encode(), "a.csv", "CSV"),
    ("\ufeffTên;Xã\nA;B\nC;D\n".encode(), "a.csv", "CSV"),
    (b"a\tb\n1\t2\n", "a.tsv", "TSV"),
    (json.dumps([{"tên": "Hà"}], ensure_ascii=False).encode(), "a.json", "JSON"),
    (json.dumps({"type": "FeatureCollection", "features": []}).encode(), "a.json", "GEOJSON"),
    (b"%PDF-1.4\n...", "bao-cao.csv", "PDF"),
    (b"\x89PNG\r\n\x1a\n....", "x.png", "PNG"),
    (b"<?xml version='1.0'?><root/>", "a.xml", "XML"),
    (b"<rdf:RDF xmlns:rdf='x'></rdf:RDF>", "a.rdf", "RDF"),
    (b"\x00\x01\x02binary", "a.csv", "BIN"),
    ("just one line of text".encode(), "a.txt", "TXT"),
    (b"{not json", "a.json", "TXT"),
])
def test_detects_from_content_not_name(content, name, expected):
    assert detect(io.BytesIO(content), name).format == expected


def test_office_documents_inside_zip():
    assert detect(io.BytesIO(xlsx_bytes()), "bang.pdf").format == "XLSX"
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert detect(io.BytesIO(plain.getvalue()), "a.zip").format == "ZIP"


@pytest.mark.parametrize("content", [b"MZ\x90\x00", b"\x7fELF\x02\x01", b"#!/bin/sh\nrm -rf /\n"])
def test_programs_are_refused(content):
    with pytest.raises(ForbiddenContent):
        detect(io.BytesIO(content), "data.csv")
