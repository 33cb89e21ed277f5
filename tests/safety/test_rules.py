"""The detection rules on plain strings: precise on personal numbers and stamps, quiet on statistics."""
import pytest

from opendata.safety.rules import (
    BLOCK, NOTICE, column_value, header_kind, header_roles, is_cccd, mask_digits, mask_email, mask_text, normalize,
    scan_text,
)


def rules(text):
    return [(hit.rule, hit.severity) for hit in scan_text(normalize(text))]


@pytest.mark.parametrize("number", ["079203001234", "001099012345", "089185004321"])
def test_structured_cccd_numbers_are_found_anywhere_in_text(number):
    hits = scan_text(f"Công dân số {number} đã đăng ký")
    assert [(h.rule, h.severity) for h in hits] == [("cccd", BLOCK)]
    assert number not in hits[0].excerpt and hits[0].excerpt.startswith(number[:4])


@pytest.mark.parametrize("number", [
    "123456789012",  # no leading zero: a statistic
    "003203001234",  # 003 is no province code
    "079403001234",  # born in the 22nd century
    "079299001234",  # born in 2099
    "0792030012345",  # 13 digits
    "1,079203001234",  # the fraction of a decimal number
])
def test_numbers_without_the_cccd_structure_are_not_flagged(number):
    assert rules(number) == []


def test_is_cccd_accepts_birth_years_up_to_this_year():
    from datetime import date

    assert is_cccd("079225001234", today=date(2025, 6, 1))
    assert not is_cccd("079226001234", today=date(2025, 6, 1))


@pytest.mark.parametrize("text", ["0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "+84912345678", "Gọi 0387654321 nhé"])
def test_vietnamese_mobile_numbers_are_found(text):
    assert rules(text) == [("phone", BLOCK)]


@pytest.mark.parametrize("text", [
    "0.912345678",  # a decimal
    "02963 852 123",  # a landline of the provincial office
    "1912345678",  # no leading zero
    "09123456789",  # 11 digits
    "Tổng 912.345.678 đồng",
])
def test_other_numbers_are_not_phones(text):
    assert rules(text) == []


def test_personal_emails_are_flagged_but_official_gov_vn_addresses_are_not():
    assert rules("Liên hệ nguyenvana@gmail.com") == [("email", BLOCK)]
    assert rules("Liên hệ vanphong@stttt.angiang.gov.vn hoặc info@gov.vn") == []
    assert mask_email("nguyenvana@gmail.com") == "ng***@gmail.com"


@pytest.mark.parametrize("text, key", [
    ("TUYỆT MẬT", "marking"),
    ("TỐI MẬT", "marking"),
    ("MẬT", "marking"),
    ("Tài liệu MẬT\nSố: 12/QĐ", "marking"),
    ("Độ mật: Tối mật", "secrecy_level"),
    ("ĐỘ MẬT: MẬT", "secrecy_level"),
    ("Thông tin thuộc bí mật nhà nước", "phrase"),
    ("BÍ MẬT NHÀ NƯỚC", "phrase"),
])
def test_secret_markings_block(text, key):
    hits = scan_text(normalize(text))
    assert [(h.rule, h.key, h.severity) for h in hits] == [("state_secret", key, BLOCK)]


@pytest.mark.parametrize("text", [
    "Mật độ dân số (người/km2)",
    "MẬT ĐỘ DÂN SỐ",
    "Sản lượng mật ong",
    "Mật ong rừng U Minh",
    "MẬT ONG",
    "Bảo mật thông tin",
    "BÍ MẬT",
    "mật khẩu",
])
def test_ordinary_words_with_mat_are_not_markings(text):
    assert rules(text) == []


def test_decomposed_unicode_is_matched_like_composed():
    import unicodedata

    assert rules(unicodedata.normalize("NFD", "TUYỆT MẬT")) == [("state_secret", BLOCK)]


def test_a_statement_that_data_is_not_secret_is_only_a_notice():
    hits = scan_text("Dữ liệu không thuộc danh mục bí mật nhà nước.")
    assert [(h.key, h.severity) for h in hits] == [("phrase.negated", NOTICE)]


@pytest.mark.parametrize("header, kind", [
    ("Họ và tên", "name"), ("HO TEN", "name"), ("ho_ten", "name"), ("hoTen", "name"),
    ("Ngày sinh", "birth"), ("NGAY SINH", "birth"),
    ("Số CCCD", "identity"), ("CMND", "identity"), ("Số định danh cá nhân", "identity"),
    ("Địa chỉ thường trú", "residence"),
    ("Số điện thoại", "phone"), ("SĐT", "phone"),
    ("Dân số", None), ("Mật độ dân số", None), ("Tên trường", None), ("Địa chỉ", None), ("Năm", None),
])
def test_headers_naming_personal_data(header, kind):
    assert header_kind(header) == kind


def test_cmnd_and_tax_codes_count_only_in_columns_that_name_them():
    identity, population = header_roles("Số CMND"), header_roles("Dân số")
    assert column_value("024123456", identity, False).rule == "cmnd"
    assert column_value("024123456", population, False) is None
    assert column_value(123456789, population, False) is None
    tax = header_roles("Mã số thuế")
    assert column_value("0312345678", tax, person_table=False) is None  # a business
    assert column_value("0312345678", tax, person_table=True).rule == "tax_code"
    assert column_value("8012345678", header_roles("Mã số thuế cá nhân"), False).rule == "tax_code"


def test_excel_numbers_that_lost_their_leading_zero_are_recognised_in_their_column():
    assert column_value(79203001234, header_roles("Số CCCD"), False).excerpt == "0792*****234"
    assert column_value(912345678, header_roles("Điện thoại"), False).rule == "phone"
    assert column_value(912345678, header_roles("Dân số"), False) is None


def test_masking_never_keeps_the_whole_number():
    assert mask_digits("079203001234") == "0792*****234"
    assert mask_digits("024123456") == "024****56"
    assert "912345678" not in mask_text("gọi 0912345678 hoặc a.b@gmail.com")
    assert "a.b@" not in mask_text("gọi 0912345678 hoặc a.b@gmail.com")
