"""What a demo dataset is made of, and the Markdown description built from it.

The catalogue entries themselves live in the ``catalogue_*`` modules, one per
group of agencies; :func:`all_specs` collects them in a fixed order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..models import DatasetState
from .tables import Table

DEFAULT_TERMS = "vn-open-data-default"


@dataclass(frozen=True)
class Link:
    """A resource published elsewhere (kind "url") or an online service (kind "api")."""

    name: str
    url: str
    kind: str = "url"
    format: str = "HTML"
    description: str = ""


@dataclass(frozen=True)
class DatasetSpec:
    org: str  # organization slug
    title: str
    title_en: str
    topics: tuple[str, ...]
    tags: tuple[str, ...]
    about: str  # opening paragraphs (Markdown)
    uses: tuple[str, ...]
    table: Table
    source: str  # the system or report the numbers come from
    temporal: tuple[date, date]
    formats: tuple[str, ...] = ("CSV",)  # CSV, XLSX, JSON, GEOJSON, PDF: renderings of ``table``
    frequency: str = "ANNUAL"
    method: str = "report"  # a key of METHODS or a sentence of its own
    spatial: str = "Tỉnh An Giang"
    licence: str | None = DEFAULT_TERMS  # None: the statutory default terms apply implicitly
    links: tuple[Link, ...] = ()
    features: object = None  # callable(table, rows_rng) -> GeoJSON features, instead of the table's points
    json_meta: bool = False  # JSON as an object with metadata rather than a bare array
    quality: str = ""
    version: str = "1.0"
    state: DatasetState = DatasetState.PUBLISHED
    private: bool = False
    withdrawn_reason: str | None = None
    extras: dict = field(default_factory=dict)


METHODS = {
    "report": ("Số liệu do UBND các xã, phường và các đơn vị trực thuộc báo cáo định kỳ qua Hệ thống thông tin "
               "báo cáo của tỉnh. {abbr} kiểm tra tính đầy đủ, đối chiếu với kỳ trước và tổng hợp trước khi công bố."),
    "admin": ("Dữ liệu được trích xuất từ cơ sở dữ liệu chuyên ngành do {abbr} quản lý, cập nhật khi có quyết định "
              "cấp phép, công nhận hoặc thay đổi thông tin. Bản trên cổng là ảnh chụp tại thời điểm công bố."),
    "survey": ("Số liệu được thu thập qua điều tra, khảo sát theo phương án thống kê, kết hợp với dữ liệu hành chính "
               "của các sở, ngành. Số liệu kỳ gần nhất là sơ bộ và có thể được điều chỉnh ở lần công bố sau."),
    "monitor": ("Dữ liệu được ghi tại các trạm quan trắc (tự động và thủ công), truyền về trung tâm điều hành; "
                "giá trị bất thường được kiểm tra lại trước khi công bố."),
    "register": ("Dữ liệu được tổng hợp từ hồ sơ đăng ký, cấp phép trên Hệ thống thông tin giải quyết thủ tục hành "
                 "chính của tỉnh. Chỉ công bố thông tin công khai của tổ chức, không có dữ liệu cá nhân."),
    "field": ("Cán bộ chuyên môn khảo sát thực địa, định vị bằng thiết bị GPS cầm tay và ứng dụng di động; "
              "tọa độ có sai số khoảng 10-30 m."),
}

QUALITY = {
    "report": "Số liệu kỳ gần nhất là số liệu sơ bộ. Các xã, phường sáp nhập từ 01/7/2025 được quy đổi theo địa giới mới cho cả các năm trước.",
    "admin": "Dữ liệu được đối soát với hồ sơ gốc hằng quý; một số địa chỉ cũ chưa cập nhật theo địa giới hành chính mới.",
    "survey": "Sai số chọn mẫu dưới 5% ở cấp tỉnh; số liệu cấp xã chỉ mang tính tham khảo.",
    "monitor": "Một số ngày trạm mất tín hiệu được để trống; giá trị đã qua kiểm tra sơ bộ, chưa hiệu chỉnh chính thức.",
    "register": "Chỉ gồm hồ sơ đã có kết quả; hồ sơ đang xử lý không được tính.",
    "field": "Tọa độ gần đúng, phục vụ tra cứu và hiển thị bản đồ, không dùng cho mục đích đo đạc.",
}

FREQUENCY_VI = {
    "UPDATE_CONT": "liên tục", "DAILY": "hằng ngày", "WEEKLY": "hằng tuần", "MONTHLY": "hằng tháng",
    "QUARTERLY": "hằng quý", "ANNUAL_2": "6 tháng một lần", "ANNUAL": "hằng năm", "IRREG": "không định kỳ",
    "NEVER": "không cập nhật (dữ liệu lịch sử)",
}
FREQUENCY_EN = {
    "UPDATE_CONT": "continuously", "DAILY": "daily", "WEEKLY": "weekly", "MONTHLY": "monthly",
    "QUARTERLY": "quarterly", "ANNUAL_2": "twice a year", "ANNUAL": "yearly", "IRREG": "irregularly",
    "NEVER": "never (historical data)",
}

# Catalogue decisions the datasets were listed under (numbers are fictional).
DECISION_2024 = ("Quyết định số 1587/QĐ-UBND ngày 12/7/2024 của Chủ tịch UBND tỉnh An Giang "
                 "ban hành Danh mục dữ liệu mở của tỉnh An Giang năm 2024")
DECISION_2025 = ("Quyết định số 2140/QĐ-UBND ngày 26/9/2025 của Chủ tịch UBND tỉnh An Giang "
                 "ban hành Danh mục dữ liệu mở của tỉnh An Giang (cập nhật sau sắp xếp đơn vị hành chính)")


def vi_number(value: int) -> str:
    """12345 -> "12.345" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


def legal_basis(issued: date) -> str:
    return DECISION_2025 if issued >= date(2025, 9, 26) else DECISION_2024


def describe(spec: DatasetSpec, org_name: str, abbreviation: str, rows: int) -> str:
    """The multi-paragraph Markdown description shown on the dataset page."""
    method = METHODS.get(spec.method, spec.method).format(abbr=abbreviation)
    table = "\n".join(f"| {c.name} | {c.doc} | {c.unit} |" for c in spec.table.columns)
    parts = [
        spec.about.strip(),
        "## Nguồn dữ liệu",
        f"{spec.source}. Đơn vị chịu trách nhiệm cung cấp và cập nhật: **{org_name}**; "
        f"tần suất cập nhật: {FREQUENCY_VI[spec.frequency]}.",
        "## Phương pháp thu thập",
        method,
        "## Cấu trúc dữ liệu",
        f"Bảng dữ liệu gồm {vi_number(rows)} dòng (không kể dòng tiêu đề); mỗi dòng là {spec.table.row_meaning}.",
        "| Cột | Ý nghĩa | Đơn vị |\n| --- | --- | --- |\n" + table,
        "## Ứng dụng",
        "\n".join(f"- {use}" for use in spec.uses),
    ]
    if "CSV" in spec.formats:
        parts += ["## Định dạng",
                  "Tệp CSV mã hóa UTF-8 có BOM (mở trực tiếp bằng Excel không lỗi phông), phân cách bằng dấu phẩy, "
                  "số thập phân dùng dấu chấm, ngày theo dạng YYYY-MM-DD."]
    return "\n\n".join(parts) + "\n"


def describe_en(spec: DatasetSpec, org_name_en: str, rows: int) -> str:
    """A short English summary; the Vietnamese description is the reference."""
    names = ", ".join(c.name for c in spec.table.columns)
    return (f"{spec.title_en}. Published by {org_name_en}; updated {FREQUENCY_EN[spec.frequency]}.\n\n"
            f"The table has {rows:,} rows with Vietnamese column names: {names}.\n")


CATALOGUE_MODULES = ("catalogue_economy", "catalogue_statistics", "catalogue_health_education",
                     "catalogue_environment", "catalogue_construction",
                     "catalogue_tourism_tech", "catalogue_society",
                     "catalogue_government")


def all_specs() -> list[DatasetSpec]:
    import importlib

    specs: list[DatasetSpec] = []
    for name in CATALOGUE_MODULES:
        specs.extend(importlib.import_module(f"{__package__}.{name}").SPECS)
    return specs
