"""Scanning datasets and their files: exact locations, masked excerpts, no false alarms on statistics."""
import json

import pytest

from opendata.models import ResourceKind
from opendata.safety import BLOCK, MAX_PER_RULE, NOTICE, scan_dataset, scan_resource

from .helpers import by_rule, cp1258, csv_bytes, dataset_with, xlsx

CCCD_CSV = "STT,Họ và tên,Số CCCD,Xã\n1,Nguyễn Văn An,079203001234,Mỹ Bình\n2,Trần Thị Bích,089185004321,Mỹ Long\n"


def test_cccd_column_in_a_csv_is_found_with_row_and_column(agencies):
    dataset = dataset_with(agencies["own"], ("ho-so.csv", csv_bytes(CCCD_CSV)))
    findings = scan_dataset(dataset)
    numbers = by_rule(findings, "cccd")
    assert [(f.row, f.column, f.excerpt) for f in numbers] == [
        (2, "Số CCCD", "0792*****234"), (3, "Số CCCD", "0891*****321"),
    ]
    assert all(f.blocks and f.resource_id == dataset.resources[0].id and f.resource_name == "ho-so" for f in numbers)
    headers = by_rule(findings, "personal_column")
    assert {(f.key, f.row, f.column) for f in headers} == {("column.name", 1, "Họ và tên"), ("column.identity", 1, "Số CCCD")}


def test_no_finding_stores_a_whole_personal_number(agencies):
    dataset = dataset_with(agencies["own"], ("ho-so.csv", csv_bytes(CCCD_CSV + "3,Lê Văn C,0,0912345678 lienhe@gmail.com\n")))
    stored = json.dumps([f.to_dict() for f in scan_dataset(dataset)], ensure_ascii=False)
    for secret in ("079203001234", "089185004321", "0912345678", "lienhe@gmail.com"):
        assert secret not in stored


def test_where_names_the_place_in_words(agencies, english):
    dataset = dataset_with(agencies["own"], ("ho-so.csv", csv_bytes(CCCD_CSV)))
    finding = by_rule(scan_dataset(dataset), "cccd")[0]
    assert finding.where == "row 2, column Số CCCD"
    assert "citizen identity" in finding.message


def test_xlsx_with_name_and_birth_date_columns_is_flagged_below_title_rows(agencies):
    content = xlsx([
        ["DANH SÁCH HỘ NGHÈO NĂM 2024"],
        [],
        ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Điện thoại"],
        [1, "Nguyễn Văn An", "01/02/1990", 79203001234, 912345678],
    ], title="Hộ nghèo")
    dataset = dataset_with(agencies["own"], ("ho-ngheo.xlsx", content))
    findings = scan_dataset(dataset)
    headers = {(f.key, f.sheet, f.row, f.column) for f in by_rule(findings, "personal_column")}
    assert ("column.name", "Hộ nghèo", 3, "Họ và tên") in headers
    assert ("column.birth", "Hộ nghèo", 3, "Ngày sinh") in headers
    assert ("column.phone", "Hộ nghèo", 3, "Điện thoại") in headers  # with names: the people's phones
    assert [(f.row, f.excerpt) for f in by_rule(findings, "cccd")] == [(4, "0792*****234")]
    assert [(f.row, f.column) for f in by_rule(findings, "phone")] == [(4, "Điện thoại")]


def test_statistics_with_large_numbers_and_density_are_not_flagged(agencies):
    content = xlsx([
        ["Huyện", "Dân số", "Mật độ dân số (người/km2)", "GRDP (đồng)", "Mã huyện"],
        ["Long Xuyên", 272365, 1708.5, 123456789012, "883"],
        ["Châu Đốc", 161538, 1524.1, 98765432101, "884"],
        ["Tổng", 434987654, 999999999, 987654321098, ""],
    ])
    text = ("Huyện;Dân số;MẬT ĐỘ DÂN SỐ;Sản lượng mật ong (kg)\n"
            "Long Xuyên;272365123;1708,5;912345678\nChâu Đốc;161538;1524,1;123456789012\n")
    dataset = dataset_with(
        agencies["own"], ("dan-so.xlsx", content), ("mat-do.csv", csv_bytes(text)),
        title="Mật độ dân số các huyện", description="Mật độ dân số và sản lượng Mật ong năm 2024.",
    )
    assert scan_dataset(dataset) == []


def test_official_contact_fields_are_not_scanned_but_the_description_is(agencies):
    dataset = dataset_with(
        agencies["own"], contact_name="Văn phòng Sở", contact_email="nguyenvana@gmail.com", contact_phone="0912345678",
        description="Dữ liệu thuộc bí mật nhà nước, liên hệ 0987654321.",
    )
    findings = scan_dataset(dataset)
    assert {(f.rule, f.field) for f in findings} == {("state_secret", "description"), ("phone", "description")}
    assert all(f.resource_id is None for f in findings)


def test_top_secret_stamp_in_a_text_file_is_found_with_its_line(agencies):
    text = "UỶ BAN NHÂN DÂN TỈNH\n\nTUYỆT MẬT\n\nBáo cáo tình hình an ninh\n"
    dataset = dataset_with(agencies["own"], ("bao-cao.txt", csv_bytes(text)))
    [finding] = scan_dataset(dataset)
    assert (finding.rule, finding.key, finding.row, finding.excerpt, finding.blocks) == ("state_secret", "marking", 3, "TUYỆT MẬT", True)


def test_top_secret_stamp_in_a_csv_cell(agencies):
    text = "Mức độ,Nội dung\nTUYỆT MẬT,Kế hoạch\n"
    dataset = dataset_with(agencies["own"], ("ke-hoach.csv", csv_bytes(text)))
    [finding] = scan_dataset(dataset)
    assert (finding.rule, finding.row, finding.column) == ("state_secret", 2, "Mức độ")


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_delimiter_is_sniffed_so_columns_keep_their_roles(agencies, delimiter):
    text = delimiter.join(["Họ và tên", "Số CMND", "Ghi chú"]) + "\n" + delimiter.join(["Nguyễn Văn An", "024123456", '"1,5"']) + "\n"
    dataset = dataset_with(agencies["own"], ("cmnd.csv", csv_bytes(text)))
    assert [(f.row, f.column, f.excerpt) for f in by_rule(scan_dataset(dataset), "cmnd")] == [(2, "Số CMND", "024****56")]


def test_legacy_windows_encoding_is_read(agencies):
    text = "Họ và tên,Ghi chú\r\nNguyễn Văn An,TUYỆT MẬT\r\n"
    dataset = dataset_with(agencies["own"], ("cu.csv", cp1258(text)))
    assert {f.rule for f in scan_dataset(dataset)} == {"personal_column", "state_secret"}


def test_state_secret_phrase_in_the_description_blocks(agencies):
    dataset = dataset_with(agencies["own"], description="Tài liệu có nội dung bí mật nhà nước, không phổ biến.")
    [finding] = scan_dataset(dataset)
    assert (finding.rule, finding.field, finding.blocks) == ("state_secret", "description", True)


def test_resource_names_and_descriptions_are_scanned(agencies):
    dataset = dataset_with(agencies["own"], {"name": "Danh sách TUYỆT MẬT", "kind": ResourceKind.URL, "url": "https://example.org/a"})
    [finding] = scan_dataset(dataset)
    assert (finding.field, finding.resource_id) == ("resource.name", dataset.resources[0].id)


def test_json_records_and_geojson_properties(agencies):
    records = json.dumps([{"ho_ten": "Nguyễn Văn An", "so_cccd": "079203001234"}, {"ho_ten": "B", "so_cccd": "089185004321"}])
    geo = json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [105.1, 10.3]}, "properties": {"ten": "Trạm y tế", "sdt": "0912345678"}},
    ]})
    dataset = dataset_with(agencies["own"], ("nguoi.json", records.encode()), ("tram.geojson", geo.encode()))
    findings = scan_dataset(dataset)
    assert {(f.key, f.column) for f in by_rule(findings, "personal_column")} == {
        ("column.name", "ho_ten"), ("column.identity", "so_cccd"), ("column.phone_notice", "sdt"),
    }
    assert [(f.row, f.column) for f in by_rule(findings, "cccd")] == [(1, "so_cccd"), (2, "so_cccd")]
    assert [(f.resource_name, f.row, f.column) for f in by_rule(findings, "phone")] == [("tram", 1, "sdt")]


def test_large_json_is_scanned_as_text_with_line_numbers(agencies, monkeypatch):
    from opendata.safety import files

    monkeypatch.setattr(files, "JSON_LOAD_LIMIT", 100)
    monkeypatch.setattr(files, "CHUNK", 1000)
    lines = [json.dumps({"id": i, "ghi_chu": "bình thường"}) for i in range(300)]
    lines[250] = json.dumps({"id": 250, "ghi_chu": "liên hệ 0912345678"})
    dataset = dataset_with(agencies["own"], ("lon.json", ("[\n" + ",\n".join(lines) + "\n]").encode()))
    [finding] = scan_dataset(dataset)
    assert (finding.rule, finding.row) == ("phone", 252)


def test_text_split_across_chunks_is_still_found_once(agencies, monkeypatch):
    from opendata.safety import files

    monkeypatch.setattr(files, "CHUNK", 500)
    text = "".join(f"dòng {i} TUYỆT MẬT\n" if i % 37 == 0 else f"dòng {i} bình thường\n" for i in range(400))
    dataset = dataset_with(agencies["own"], ("dai.txt", text.encode()))
    findings = by_rule(scan_dataset(dataset), "state_secret")
    expected = [i + 1 for i in range(400) if i % 37 == 0]
    listed = [f.row for f in findings if f.key == "marking"]
    assert listed == expected[:MAX_PER_RULE]
    assert sum(f.params.get("num", 0) for f in findings if f.key == "more") == len(expected) - len(listed)


def test_findings_are_capped_per_rule_with_a_count_of_the_rest(agencies):
    rows = "".join(f"{i},079203{i:06d}\n" for i in range(1, 101))
    dataset = dataset_with(agencies["own"], ("nhieu.csv", csv_bytes("STT,Số CCCD\n" + rows)))
    findings = by_rule(scan_dataset(dataset), "cccd")
    assert len(findings) == MAX_PER_RULE + 1
    more = findings[-1]
    assert (more.key, more.params["num"], more.blocks) == ("more", 100 - MAX_PER_RULE, True)


def test_pdf_gets_an_informational_notice_only(agencies, english):
    dataset = dataset_with(agencies["own"], ("quyet-dinh.pdf", b"%PDF-1.4\nTUYET MAT\n%%EOF\n"))
    [finding] = scan_dataset(dataset)
    assert (finding.rule, finding.key, finding.severity) == ("not_inspected", "pdf", NOTICE)
    assert "PDF" in finding.message


@pytest.mark.parametrize("filename, content", [
    ("hong.xlsx", b"this is not a zip file at all"),
    ("hong2.xlsx", b"PK\x03\x04" + b"\x00" * 200),
    ("hong.csv", b'a,b\n"' + b"x" * 300_000 + b"\n"),  # one field larger than any table cell
    ("hong.json", b'{"a": [1, 2'),
])
def test_broken_files_give_a_notice_not_an_exception(agencies, filename, content, english):
    dataset = dataset_with(agencies["own"], (filename, content))
    findings = scan_dataset(dataset)
    assert [(f.key, f.severity) for f in findings] == [("unreadable", NOTICE)]
    assert "could not be read" in findings[0].message


def test_missing_file_and_unknown_format_are_notices(agencies):
    dataset = dataset_with(agencies["own"], ("anh.png", b"\x89PNG\r\n\x1a\n"), ("du-lieu.csv", b"a,b\n1,2\n"))
    from opendata.storage import get_storage

    get_storage().delete(dataset.resources[1].storage_key)
    assert [(f.key, f.severity) for f in scan_dataset(dataset)] == [("format", NOTICE), ("missing", NOTICE)]


def test_withheld_resources_are_left_to_their_own_review(agencies):
    dataset = dataset_with(agencies["own"], ("ho-so.csv", csv_bytes(CCCD_CSV)))
    resource = dataset.resources[0]
    resource.withheld = True
    assert scan_dataset(dataset) == []
    assert {f.rule for f in scan_resource(resource)} == {"cccd", "personal_column"}


def test_phone_column_without_names_is_a_notice_and_business_tax_codes_pass(agencies):
    text = "Tên doanh nghiệp,Mã số thuế,Số điện thoại\nCông ty A,0312345678,02963 852 123\n"
    dataset = dataset_with(agencies["own"], ("dn.csv", csv_bytes(text)))
    findings = scan_dataset(dataset)
    assert [(f.key, f.severity) for f in findings] == [("column.phone_notice", NOTICE)]
    assert all(f.severity == NOTICE for f in findings)


def test_personal_tax_codes_next_to_names_block(agencies):
    text = "Họ tên,MST\nNguyễn Văn An,8012345678\n"
    dataset = dataset_with(agencies["own"], ("thue.csv", csv_bytes(text)))
    assert [(f.row, f.column, f.excerpt) for f in by_rule(scan_dataset(dataset), "tax_code")] == [(2, "MST", "801*****78")]


def test_scan_is_repeatable(agencies):
    dataset = dataset_with(agencies["own"], ("ho-so.csv", csv_bytes(CCCD_CSV)))
    assert [f.to_dict() for f in scan_dataset(dataset)] == [f.to_dict() for f in scan_dataset(dataset)]
    assert all(f.severity in (BLOCK, NOTICE) for f in scan_dataset(dataset))
