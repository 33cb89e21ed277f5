"""Built-in licence set: the statutory default terms and the common open licences."""
from __future__ import annotations

from .manager import hookimpl

DEFAULT_TERMS_ID = "vn-open-data-default"


@hookimpl
def opendata_licences():
    return [
        {
            "id": DEFAULT_TERMS_ID,
            "title": "Điều khoản sử dụng dữ liệu mở mặc định (Điều 43 Luật Giao dịch điện tử 2023, Điều 18 Nghị định 47/2020/NĐ-CP)",
            "title_en": "Default open data terms (Art. 43 Law on Electronic Transactions 2023, Art. 18 Decree 47/2020/ND-CP)",
            "url": None,  # the terms are quoted in full on the portal's own licence page
            "summary": (
                "Dữ liệu mở được truy cập, sử dụng, chia sẻ, sao chép, sửa đổi, kết hợp, "
                "phân phối tự do, không phải trả phí, miễn là ghi rõ nguồn dữ liệu, không làm "
                "sai lệch dữ liệu và không sử dụng dữ liệu vào mục đích vi phạm pháp luật."
            ),
            "summary_en": (
                "Open data may be freely accessed, used, shared, copied, modified, combined and "
                "distributed at no charge, provided the source is cited, the data is not "
                "falsified and it is not used for unlawful purposes."
            ),
            "od_conformant": True,
            "is_default": True,
            "position": 0,
        },
        {
            "id": "cc-by-4.0",
            "title": "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
            "title_en": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
            "url": "https://creativecommons.org/licenses/by/4.0/",
            "summary": "Được sao chép, phân phối, chỉnh sửa và sử dụng cho mọi mục đích, kể cả thương mại, với điều kiện ghi công tác giả.",
            "summary_en": "Copy, redistribute, adapt and use for any purpose, even commercially, provided attribution is given.",
            "od_conformant": True,
            "is_default": False,
            "position": 10,
        },
        {
            "id": "cc-zero",
            "title": "Creative Commons CC0 1.0 (dành cho công cộng)",
            "title_en": "Creative Commons CC0 1.0 Universal (public domain dedication)",
            "url": "https://creativecommons.org/publicdomain/zero/1.0/",
            "summary": "Từ bỏ mọi quyền đối với dữ liệu trong phạm vi pháp luật cho phép; được sử dụng không điều kiện.",
            "summary_en": "All rights waived to the extent allowed by law; use without conditions.",
            "od_conformant": True,
            "is_default": False,
            "position": 20,
        },
        {
            "id": "odc-odbl",
            "title": "Giấy phép Cơ sở dữ liệu mở (ODbL 1.0)",
            "title_en": "Open Data Commons Open Database License (ODbL 1.0)",
            "url": "https://opendatacommons.org/licenses/odbl/1-0/",
            "summary": "Được chia sẻ, tạo sản phẩm và chỉnh sửa cơ sở dữ liệu, với điều kiện ghi công, chia sẻ tương tự và giữ cơ sở dữ liệu mở.",
            "summary_en": "Share, create and adapt the database, provided you attribute, share alike and keep it open.",
            "od_conformant": True,
            "is_default": False,
            "position": 30,
        },
    ]
