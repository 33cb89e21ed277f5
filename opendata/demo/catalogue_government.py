"""Demo datasets of the provincial office, one-stop centres and commune People's Committees."""
from __future__ import annotations

import math
from datetime import date

from .agencies import ORGANIZATIONS
from .datasets import FREQUENCY_VI, DatasetSpec, Link
from .places import HAMLETS, KHMER_HAMLETS, STREETS, place_of, point_near
from .tables import Table, cols, days, months, vary, years

D = date
ORG_NAMES = {o["slug"]: o["name"] for o in ORGANIZATIONS}

# -- Văn phòng UBND tỉnh and one-stop centres ----------------------------------------------


def _catalogue_rows(rng):
    from .datasets import all_specs  # the catalogue lists every demo dataset, this one included

    for n, spec in enumerate(all_specs(), start=1):
        due = spec.temporal[1] if spec.temporal[1] < D(2026, 12, 31) else D(2026, 12, 31)
        quarter = (due.month - 1) // 3 + 1
        yield (n, spec.title, ORG_NAMES[spec.org], FREQUENCY_VI[spec.frequency], ", ".join(spec.formats),
               f"Quý {'I II III IV'.split()[quarter - 1]}/{due.year}", "Đã công bố" if spec.state.value == "published" else "Đang xây dựng")


PROCEDURE_FIELDS = [
    ("Hộ tịch", "Xã", "Sở Tư pháp", "register", ("khai sinh", "kết hôn", "khai tử", "giám hộ", "nhận cha, mẹ, con")),
    ("Chứng thực", "Xã", "Sở Tư pháp", "certify", ("bản sao từ bản chính", "chữ ký", "hợp đồng, giao dịch", "chữ ký người dịch")),
    ("Đất đai", "Xã", "Sở Nông nghiệp và Môi trường", "register", ("biến động đất đai", "đất đai lần đầu", "thế chấp quyền sử dụng đất")),
    ("Đất đai", "Tỉnh", "Sở Nông nghiệp và Môi trường", "licence", ("giấy chứng nhận quyền sử dụng đất cho tổ chức", "quyết định giao đất, cho thuê đất")),
    ("Xây dựng", "Xã", "Sở Xây dựng", "licence", ("giấy phép xây dựng nhà ở riêng lẻ", "giấy phép sửa chữa, cải tạo công trình")),
    ("Xây dựng", "Tỉnh", "Sở Xây dựng", "licence", ("giấy phép xây dựng công trình cấp II", "chứng chỉ hành nghề hoạt động xây dựng hạng II, III")),
    ("Thành lập và hoạt động doanh nghiệp", "Tỉnh", "Sở Tài chính", "register", ("thành lập công ty TNHH", "thành lập công ty cổ phần", "hoạt động chi nhánh")),
    ("Hộ kinh doanh", "Xã", "Sở Tài chính", "register", ("hộ kinh doanh", "thay đổi nội dung hộ kinh doanh")),
    ("Khám bệnh, chữa bệnh", "Tỉnh", "Sở Y tế", "licence", ("giấy phép hoạt động phòng khám", "giấy phép hành nghề khám bệnh, chữa bệnh")),
    ("Dược phẩm", "Tỉnh", "Sở Y tế", "licence", ("giấy chứng nhận đủ điều kiện kinh doanh dược", "giấy xác nhận nội dung quảng cáo thuốc")),
    ("Giáo dục và Đào tạo", "Tỉnh", "Sở Giáo dục và Đào tạo", "licence", ("giấy phép hoạt động trung tâm ngoại ngữ, tin học", "văn bằng, chứng chỉ (bản sao)")),
    ("Du lịch", "Tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "licence", ("giấy phép kinh doanh dịch vụ lữ hành nội địa", "thẻ hướng dẫn viên du lịch")),
    ("Văn hóa", "Tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "licence", ("giấy phép tổ chức lễ hội", "giấy phép kinh doanh karaoke")),
    ("Việc làm", "Tỉnh", "Sở Nội vụ", "licence", ("giấy phép lao động cho người nước ngoài", "giấy phép hoạt động dịch vụ việc làm")),
    ("Bảo trợ xã hội", "Xã", "Sở Nội vụ", "decide", ("trợ cấp xã hội hằng tháng", "hỗ trợ chi phí mai táng", "trợ giúp xã hội khẩn cấp")),
    ("Lưu thông hàng hóa", "Tỉnh", "Sở Công Thương", "licence", ("giấy phép bán lẻ rượu", "giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu")),
    ("Đường bộ", "Tỉnh", "Sở Xây dựng", "licence", ("giấy phép lái xe", "phù hiệu xe kinh doanh vận tải")),
    ("Thủy sản", "Tỉnh", "Sở Nông nghiệp và Môi trường", "licence", ("giấy phép nuôi trồng thủy sản lồng bè", "mã số vùng trồng")),
    ("Môi trường", "Tỉnh", "Sở Nông nghiệp và Môi trường", "licence", ("giấy phép môi trường", "giấy phép khai thác nước mặt",
                                                                        "giấy phép xả nước thải vào nguồn nước")),
    ("Người có công", "Tỉnh", "Sở Nội vụ", "decide", ("trợ cấp ưu đãi người có công", "trợ cấp thờ cúng liệt sĩ",
                                                      "hỗ trợ cải thiện nhà ở người có công")),
    ("Nuôi con nuôi", "Xã", "Sở Tư pháp", "register", ("nuôi con nuôi trong nước", "chấm dứt việc nuôi con nuôi")),
    ("An toàn thực phẩm", "Tỉnh", "Sở Y tế", "licence", ("giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
                                                         "giấy xác nhận kiến thức an toàn thực phẩm")),
]
ACTIONS = {
    "register": ("Đăng ký", "Đăng ký lại", "Đăng ký thay đổi", "Đăng ký có yếu tố nước ngoài"),
    "certify": ("Chứng thực", "Chứng thực điện tử", "Sửa lỗi sai sót trong chứng thực"),
    "licence": ("Cấp", "Cấp lại", "Cấp điều chỉnh", "Gia hạn"),
    "decide": ("Giải quyết", "Điều chỉnh mức hưởng", "Thôi hưởng"),
}


FEES = {"Hộ tịch": (0, 0, 8000), "Chứng thực": (2000, 10000, 50000), "Bảo trợ xã hội": (0,), "Người có công": (0,),
        "Nuôi con nuôi": (400000,), "Hộ kinh doanh": (50000, 100000)}
OTHER_FEES = (0, 100000, 200000, 500000, 1000000)


def _procedure_rows(rng):
    n = 0
    for field, level, agency, action_kind, objects in PROCEDURE_FIELDS:
        for obj in objects:
            for action in ACTIONS[action_kind]:
                n += 1
                online = rng.choices(("Toàn trình", "Một phần", "Không"), (55, 35, 10))[0]
                fee = rng.choice(FEES.get(field, OTHER_FEES))
                yield (f"{1 + n % 2}.{1000 + n * 17:06d}", f"{action} {obj}", field, agency if level == "Tỉnh" else "UBND cấp xã",
                       "Cấp tỉnh" if level == "Tỉnh" else "Cấp xã", online, rng.choice((1, 3, 5, 7, 10, 15, 20, 30)), fee)


def _handling_rows(rng):
    agencies = [o for o in ORGANIZATIONS if o["type"] in ("so-ban-nganh", "ubnd-cap-xa")]
    for period in months("2025-01", "2026-10"):
        for org in agencies:
            received = vary(rng, 900 if org["type"] == "so-ban-nganh" else 1600, 0.5)
            online = int(received * rng.uniform(0.45, 0.9))
            done = int(received * rng.uniform(0.85, 0.99))
            late = int(done * rng.uniform(0, 0.04))
            yield period, org["name"], received, online, done, done - late, late, round(100 * (done - late) / max(done, 1), 2)


# -- communes ----------------------------------------------------------------------------------


def _lighting_rows(rng):
    ward = place_of("Long Xuyên")
    for i in range(1, 306):
        lon, lat = point_near(rng, ward, 0.025)
        length = rng.randint(120, 1400)
        poles = max(3, length // rng.randint(30, 40))
        led = rng.random() < 0.7
        yield (f"CS-LX-{i:04d}", rng.choice(STREETS), f"Đoạn {rng.randint(1, 5)}", length, poles, "LED" if led else "Cao áp sodium",
               rng.choice((100, 120, 150)) if led else rng.choice((150, 250)), rng.randint(2008, 2026),
               rng.choices(("Hoạt động tốt", "Hư hỏng một phần", "Cần thay thế"), (80, 15, 5))[0], lon, lat)


def _lighting_features(table, rng):
    """Each street segment as a LineString through its midpoint (bearing fixed by its code)."""
    keys = [c.key for c in table.columns]
    for row in table.rows(rng):
        lon, lat, length = row[-2], row[-1], row[3]
        bearing = math.radians(int(row[0][-4:]) * 37 % 180)
        half = length / 2 / 111000
        dx, dy = half * math.cos(bearing), half * math.sin(bearing)
        yield {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[round(lon - dx, 6), round(lat - dy, 6)],
                                                                                    [round(lon + dx, 6), round(lat + dy, 6)]]},
               "properties": dict(zip(keys[:-2], row[:-2]))}


WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
EVENTS = {D(2025, 1, 29): "Mùng 1 Tết Ất Tỵ", D(2025, 2, 12): "Rằm tháng Giêng", D(2025, 5, 20): "Vía Bà Chúa Xứ (23/4 âm lịch)",
          D(2025, 5, 21): "Vía Bà Chúa Xứ - lễ Tắm Bà", D(2025, 5, 22): "Lễ Túc yết, Xây chầu", D(2025, 5, 23): "Lễ Chánh tế",
          D(2025, 5, 24): "Lễ Hồi sắc", D(2025, 9, 2): "Quốc khánh"}


def _pilgrim_rows(rng):
    for day in days(D(2025, 1, 1), D(2025, 12, 31)):
        base = 6500 * (1.6 if day.weekday() >= 5 else 1.0)
        if D(2025, 1, 29) <= day <= D(2025, 5, 31):
            base *= 2.2  # the pilgrimage season, lunar January to April
        if day in EVENTS:
            base *= 6 if "Vía Bà" in EVENTS[day] or "Lễ" in EVENTS[day] else 3
        visitors = vary(rng, base, 0.15)
        yield (day, WEEKDAYS[day.weekday()], visitors, int(visitors * rng.uniform(0.08, 0.16)), int(visitors / rng.uniform(18, 26)),
               int(visitors / rng.uniform(180, 260)), EVENTS.get(day, ""))


KHOM_TAN_CHAU = ("Long Thạnh A", "Long Thạnh B", "Long Thạnh C", "Long Thạnh D", "Long Hưng 1", "Long Hưng 2", "Long Sơn",
                 "Long Quới A", "Long Quới B", "Long Châu", "Long Thị A", "Long Thị B", "Long Thị C", "Long Thị D", "Long Hòa",
                 "Long Phú A", "Long Phú B", "Long An A", "Long An B", "Long Thuận")
TRADES = [("Dệt lụa, thổ cẩm", 6, 4.0), ("Bán lẻ tạp hóa", 25, 1.5), ("Ăn uống", 18, 2.5), ("Sửa chữa xe máy", 6, 1.8),
          ("May mặc", 8, 2.0), ("Chế biến nông sản, thủy sản", 4, 3.5), ("Vận tải hàng hóa, hành khách", 5, 2.0),
          ("Dịch vụ lưu trú", 2, 3.0), ("Bán lẻ vải, quần áo", 7, 1.6), ("Cắt tóc, làm đẹp", 5, 1.4),
          ("Kinh doanh vật liệu xây dựng", 2, 3.2), ("Buôn bán nông sản", 6, 2.2)]


def _household_business_rows(rng):
    for khom in KHOM_TAN_CHAU:
        for trade, count, workers in TRADES:
            households = vary(rng, count, 0.5)
            yield 2025, f"Khóm {khom}", trade, households, int(households * workers * rng.uniform(0.8, 1.2)), vary(rng, 120 * workers, 0.4)


AP_OC_EO = ("Tân Hiệp A", "Tân Hiệp B", "Tân Thành", "Tân Đông", "Tân Trung", "Tân Huệ", "Tân Mỹ", "Tân Lợi", "Trung Sơn",
            "Sơn Tân", "Sơn Hiệp", "Sơn Lập")
CROPS_OC_EO = [("Lúa Đông Xuân", 480), ("Lúa Hè Thu", 450), ("Rau màu các loại", 35), ("Cây ăn trái", 18)]


def _oc_eo_rows(rng):
    for year in years(2021, 2025):
        for ap in AP_OC_EO:
            for crop, area in CROPS_OC_EO:
                land = vary(rng, area, 0.25, 1)
                per_ha = {"Lúa Đông Xuân": 7.2, "Lúa Hè Thu": 6.0, "Rau màu các loại": 18.0, "Cây ăn trái": 12.0}[crop]
                yield year, f"Ấp {ap}", crop, land, round(per_ha * rng.uniform(0.9, 1.1), 2), round(land * per_ha * rng.uniform(0.9, 1.1), 1)


def _canal_rows(rng):
    commune = place_of("Ba Chúc")
    for i in range(1, 212):
        ap = rng.choice(KHMER_HAMLETS + HAMLETS[:6])
        lon, lat = point_near(rng, commune, 0.03)
        yield (f"KM-BC-{i:03d}", f"Kênh nội đồng {ap} {rng.randint(1, 9)}", f"Ấp {ap}", rng.randint(300, 4200),
               round(rng.uniform(1.5, 6.0), 1), rng.randint(2012, 2026), rng.choices(("Tốt", "Bồi lắng", "Sạt lở"), (60, 32, 8))[0],
               round(rng.uniform(15, 260), 1), lon, lat)


AP_CHO_MOI = ("Thị 1", "Thị 2", "Long Hòa", "Long Định", "Long Bình", "Long Thạnh", "Long Hưng", "Long Phú", "Long Mỹ",
              "Kiến Quới", "Kiến Thuận", "Kiến Hưng", "Mỹ Hòa", "Mỹ Luông")
FRUITS = [("Xoài", 45, 14), ("Nhãn", 20, 10), ("Chuối", 15, 25), ("Bưởi", 12, 16), ("Mít", 10, 20), ("Sầu riêng", 6, 12)]


def _fruit_rows(rng):
    for year in (2023, 2024, 2025):
        for ap in AP_CHO_MOI:
            for fruit, area, per_ha in FRUITS:
                land = vary(rng, area, 0.4, 1)
                yield year, f"Ấp {ap}", fruit, land, round(land * rng.uniform(0.75, 0.95), 1), round(land * per_ha * rng.uniform(0.85, 1.1), 1)


ONE_STOP_FIELDS = [("Hộ tịch", 14), ("Chứng thực", 35), ("Đất đai", 9), ("Xây dựng", 3), ("Hộ kinh doanh", 4), ("Bảo trợ xã hội", 2)]


def _counter_rows(rng):
    for day in days(D(2025, 7, 1), D(2026, 10, 30)):
        if day.weekday() >= 5:
            continue
        for field, mean in ONE_STOP_FIELDS:
            received = max(0, vary(rng, mean, 0.5))
            done = max(0, received - rng.randint(0, 2))
            yield day, field, received, int(received * rng.uniform(0.3, 0.8)), done, done - (1 if done and rng.random() < 0.03 else 0)


def _spatial(slug: str) -> str:
    """"UBND phường Long Xuyên" -> "Phường Long Xuyên, tỉnh An Giang"."""
    unit = ORG_NAMES[slug].removeprefix("UBND ")
    return f"{unit[0].upper()}{unit[1:]}, tỉnh An Giang"


SPECS = [
    DatasetSpec(
        org="van-phong-ubnd-tinh", title="Danh mục dữ liệu mở của tỉnh An Giang",
        title_en="An Giang open data catalogue (list of open datasets)", topics=("chinh-quyen-hanh-chinh-cong",),
        tags=("danh mục dữ liệu mở", "dữ liệu mở", "chính quyền số"),
        about="Danh mục dữ liệu mở do Chủ tịch UBND tỉnh ban hành theo Luật Giao dịch điện tử 2023 và Nghị định "
              "47/2020/NĐ-CP: tên dữ liệu, cơ quan cung cấp, tần suất cập nhật, định dạng và thời hạn công bố.\n\n"
              "Bản PDF là phụ lục kèm quyết định; bảng tính dùng để theo dõi tiến độ công bố.",
        uses=("Người dân, doanh nghiệp biết dữ liệu nào sẽ được mở và khi nào.", "Theo dõi cơ quan chậm công bố dữ liệu."),
        table=Table("Danh mục dữ liệu mở của tỉnh An Giang",
                    cols("STT|Số thứ tự", "Tên dữ liệu|Tên bộ dữ liệu", "Cơ quan cung cấp|Cơ quan chịu trách nhiệm",
                         "Tần suất cập nhật|Chu kỳ cập nhật", "Định dạng|Định dạng tệp", "Thời hạn công bố|Quý phải công bố",
                         "Trạng thái|Tình trạng công bố"),
                    _catalogue_rows, "một dữ liệu trong danh mục"),
        source="Quyết định ban hành Danh mục dữ liệu mở của Chủ tịch UBND tỉnh", method="admin", formats=("XLSX", "PDF"),
        frequency="ANNUAL", temporal=(D(2025, 1, 1), D(2026, 12, 31)), licence="cc-zero", version="2025"),
    DatasetSpec(
        org="trung-tam-phuc-vu-hanh-chinh-cong-tinh", title="Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của cấp tỉnh và cấp xã",
        title_en="Administrative procedures handled at provincial and commune level", topics=("chinh-quyen-hanh-chinh-cong",),
        tags=("thủ tục hành chính", "dịch vụ công trực tuyến", "một cửa"),
        about="Các thủ tục hành chính được tiếp nhận tại bộ phận một cửa: lĩnh vực, cơ quan giải quyết, cấp thực hiện, mức "
              "độ dịch vụ công trực tuyến, thời hạn giải quyết và phí, lệ phí (danh mục rút gọn, minh họa).",
        uses=("Người dân biết thủ tục nào làm trực tuyến toàn trình.", "Rà soát, cắt giảm thời gian giải quyết."),
        table=Table("Danh mục thủ tục hành chính cấp tỉnh và cấp xã",
                    cols("Mã thủ tục|Mã trên Cơ sở dữ liệu quốc gia về TTHC (minh họa)", "Tên thủ tục|Tên thủ tục hành chính",
                         "Lĩnh vực|Lĩnh vực", "Cơ quan giải quyết|Cơ quan có thẩm quyền", "Cấp thực hiện|Cấp tỉnh hoặc cấp xã",
                         "Dịch vụ công trực tuyến|Toàn trình, một phần hoặc không", "Thời hạn|Thời hạn giải quyết|ngày làm việc",
                         "Phí, lệ phí|Mức thu|đồng"),
                    _procedure_rows, "một thủ tục hành chính"),
        source="Cơ sở dữ liệu quốc gia về thủ tục hành chính", method="admin", formats=("CSV", "XLSX"),
        links=(Link("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn", description="Nộp hồ sơ trực tuyến."),),
        frequency="MONTHLY", temporal=(D(2025, 7, 1), D(2026, 10, 31))),
    DatasetSpec(
        org="trung-tam-phuc-vu-hanh-chinh-cong-tinh", title="Kết quả giải quyết hồ sơ thủ tục hành chính theo cơ quan hằng tháng",
        title_en="Monthly administrative case handling results by agency", topics=("chinh-quyen-hanh-chinh-cong",),
        tags=("thủ tục hành chính", "cải cách hành chính", "hồ sơ trực tuyến"),
        about="Số hồ sơ tiếp nhận, nộp trực tuyến, đã giải quyết, đúng hạn, quá hạn và tỷ lệ đúng hạn của các sở, ngành và "
              "UBND xã, phường, trích từ Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
        uses=("Công khai kết quả phục vụ người dân, doanh nghiệp.", "Chấm điểm Bộ chỉ số phục vụ người dân."),
        table=Table("Kết quả giải quyết hồ sơ TTHC theo cơ quan",
                    cols("Tháng|Kỳ (YYYY-MM)", "Cơ quan|Cơ quan giải quyết", "Tiếp nhận|Hồ sơ tiếp nhận|hồ sơ",
                         "Trực tuyến|Hồ sơ nộp trực tuyến|hồ sơ", "Đã giải quyết|Hồ sơ có kết quả|hồ sơ", "Đúng hạn|Giải quyết đúng hạn|hồ sơ",
                         "Quá hạn|Giải quyết quá hạn|hồ sơ", "Tỷ lệ đúng hạn|Tỷ lệ|%"),
                    _handling_rows, "kết quả một cơ quan trong một tháng"),
        source="Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", method="admin", formats=("CSV", "JSON"),
        frequency="MONTHLY", temporal=(D(2025, 1, 1), D(2026, 10, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="ubnd-phuong-long-xuyen", title="Hệ thống chiếu sáng công cộng trên các tuyến đường phường Long Xuyên",
        title_en="Street lighting in Long Xuyen ward", topics=("quy-hoach-xay-dung-dat-dai", "nang-luong"),
        tags=("chiếu sáng công cộng", "đô thị", "đèn LED"),
        about="Các đoạn đường có chiếu sáng công cộng: chiều dài, số trụ đèn, loại đèn, công suất, năm lắp đặt và tình trạng. "
              "Tệp GeoJSON biểu diễn mỗi đoạn là một đường thẳng gần đúng.",
        uses=("Người dân báo hỏng đèn đúng vị trí.", "Lập kế hoạch thay đèn LED tiết kiệm điện."),
        table=Table("Chiếu sáng công cộng phường Long Xuyên",
                    cols("Mã đoạn|Mã quản lý", "Tên đường|Tuyến đường", "Đoạn|Đoạn", "Chiều dài|Chiều dài đoạn|m", "Số trụ đèn|Số trụ|trụ",
                         "Loại đèn|Công nghệ đèn", "Công suất|Công suất mỗi đèn|W", "Năm lắp đặt|Năm", "Tình trạng|Tình trạng hoạt động",
                         "Kinh độ|Điểm giữa đoạn, WGS 84|độ", "Vĩ độ|Điểm giữa đoạn, WGS 84|độ"),
                    _lighting_rows, "một đoạn đường có chiếu sáng", lonlat=(9, 10)),
        source="Sổ quản lý hệ thống chiếu sáng của phường", method="field", formats=("CSV", "GEOJSON"),
        features=_lighting_features, frequency="ANNUAL", spatial=_spatial("ubnd-phuong-long-xuyen"),
        temporal=(D(2025, 7, 1), D(2026, 6, 30)), licence="odc-odbl"),
    DatasetSpec(
        org="ubnd-phuong-chau-doc", title="Lượng khách hành hương, tham quan Khu du lịch quốc gia Núi Sam theo ngày năm 2025",
        title_en="Daily pilgrims and visitors at Sam Mountain national tourist area, 2025", topics=("van-hoa-du-lich-the-thao",),
        tags=("Núi Sam", "Vía Bà Chúa Xứ", "lễ hội", "lượt khách"),
        about="Lượt khách, khách lưu trú, ô tô và xe khách vào bãi theo từng ngày, ghi rõ các ngày lễ. Lễ hội Vía Bà Chúa Xứ "
              "Núi Sam là di sản văn hóa phi vật thể đại diện của nhân loại (UNESCO, 2024).",
        uses=("Điều tiết giao thông, bãi xe mùa lễ hội.", "Đánh giá sức chứa và an toàn khu du lịch."),
        table=Table("Lượng khách Khu du lịch quốc gia Núi Sam theo ngày năm 2025",
                    cols("Ngày|Ngày dương lịch", "Thứ|Ngày trong tuần", "Lượt khách|Tổng lượt khách|lượt", "Khách lưu trú|Có nghỉ qua đêm|lượt",
                         "Ô tô vào bãi|Lượt ô tô|lượt", "Xe khách|Lượt xe khách trên 29 chỗ|lượt", "Sự kiện|Ngày lễ, sự kiện"),
                    _pilgrim_rows, "số khách trong một ngày"),
        source="Ban Quản lý Khu du lịch quốc gia Núi Sam và bãi giữ xe", method="report", formats=("CSV", "JSON"),
        frequency="DAILY", spatial=_spatial("ubnd-phuong-chau-doc"), temporal=(D(2025, 1, 1), D(2025, 12, 31))),
    DatasetSpec(
        org="ubnd-phuong-tan-chau", title="Hộ kinh doanh cá thể theo ngành nghề và khóm phường Tân Châu năm 2025",
        title_en="Household businesses by trade and neighbourhood, Tan Chau ward, 2025", topics=("kinh-te-tai-chinh",),
        tags=("hộ kinh doanh", "làng nghề", "lụa Tân Châu"),
        about="Số hộ kinh doanh, lao động và vốn bình quân theo ngành nghề ở từng khóm, trong đó có nghề dệt lụa, thổ cẩm "
              "truyền thống Tân Châu.",
        uses=("Hỗ trợ hộ kinh doanh chuyển đổi số, lên doanh nghiệp.", "Bảo tồn làng nghề dệt lụa."),
        table=Table("Hộ kinh doanh cá thể phường Tân Châu năm 2025",
                    cols("Năm|Năm", "Khóm|Khóm", "Ngành nghề|Ngành nghề kinh doanh", "Số hộ|Hộ kinh doanh đã đăng ký|hộ",
                         "Lao động|Số lao động|người", "Vốn bình quân|Vốn kinh doanh bình quân mỗi hộ|triệu đồng"),
                    _household_business_rows, "một ngành nghề ở một khóm"),
        source="Sổ đăng ký hộ kinh doanh của phường", method="register", formats=("CSV",), frequency="ANNUAL",
        spatial=_spatial("ubnd-phuong-tan-chau"), temporal=(D(2025, 1, 1), D(2025, 12, 31))),
    DatasetSpec(
        org="ubnd-xa-oc-eo", title="Diện tích, năng suất, sản lượng cây trồng theo ấp xã Óc Eo giai đoạn 2021-2025",
        title_en="Crop area, yield and production by hamlet, Oc Eo commune, 2021-2025", topics=("nong-nghiep-thuy-san",),
        tags=("lúa gạo", "cây trồng", "xã Óc Eo"),
        about="Diện tích, năng suất, sản lượng lúa hai vụ, rau màu và cây ăn trái ở từng ấp của xã Óc Eo.",
        uses=("Xã lập kế hoạch sản xuất, phòng trừ dịch hại.", "Hợp tác xã tính sản lượng bao tiêu."),
        table=Table("Cây trồng theo ấp xã Óc Eo 2021-2025",
                    cols("Năm|Năm", "Ấp|Ấp", "Cây trồng|Loại cây, vụ", "Diện tích|Diện tích gieo trồng|ha", "Năng suất|Năng suất|tấn/ha",
                         "Sản lượng|Sản lượng|tấn"),
                    _oc_eo_rows, "một loại cây ở một ấp trong một năm"),
        source="Báo cáo của các ấp và tổ khuyến nông", formats=("CSV",), frequency="ANNUAL", spatial=_spatial("ubnd-xa-oc-eo"),
        temporal=(D(2021, 1, 1), D(2025, 12, 31)), licence=None),
    DatasetSpec(
        org="ubnd-xa-ba-chuc", title="Kênh mương thủy lợi nội đồng xã Ba Chúc",
        title_en="Irrigation canals in Ba Chuc commune", topics=("nong-nghiep-thuy-san", "tai-nguyen-moi-truong"),
        tags=("thủy lợi", "kênh mương", "xã Ba Chúc"),
        about="Các tuyến kênh mương nội đồng: chiều dài, bề rộng đáy, năm nạo vét gần nhất, tình trạng và diện tích phục vụ.",
        uses=("Lập kế hoạch nạo vét trước mùa khô.", "Người dân phản ánh kênh bồi lắng."),
        table=Table("Kênh mương thủy lợi nội đồng xã Ba Chúc",
                    cols("Mã kênh|Mã quản lý", "Tên kênh|Tên gọi", "Ấp|Ấp có kênh", "Chiều dài|Chiều dài|m", "Bề rộng đáy|Bề rộng đáy|m",
                         "Năm nạo vét|Năm nạo vét gần nhất", "Tình trạng|Tình trạng", "Diện tích phục vụ|Diện tích tưới tiêu|ha",
                         "Kinh độ|Điểm giữa kênh, WGS 84|độ", "Vĩ độ|Điểm giữa kênh, WGS 84|độ"),
                    _canal_rows, "một tuyến kênh", lonlat=(8, 9)),
        source="Sổ theo dõi công trình thủy lợi của xã", method="field", formats=("CSV", "GEOJSON"), frequency="ANNUAL",
        spatial=_spatial("ubnd-xa-ba-chuc"), temporal=(D(2025, 1, 1), D(2025, 12, 31))),
    DatasetSpec(
        org="ubnd-xa-cho-moi", title="Diện tích và sản lượng cây ăn trái theo ấp xã Chợ Mới",
        title_en="Fruit tree area and production by hamlet, Cho Moi commune", topics=("nong-nghiep-thuy-san",),
        tags=("cây ăn trái", "xoài", "xã Chợ Mới"),
        about="Diện tích trồng, diện tích cho trái và sản lượng xoài, nhãn, chuối, bưởi, mít, sầu riêng ở từng ấp trên cù lao "
              "Chợ Mới.",
        uses=("Kết nối tiêu thụ trái cây.", "Quy hoạch vùng trồng đăng ký mã số xuất khẩu."),
        table=Table("Cây ăn trái theo ấp xã Chợ Mới",
                    cols("Năm|Năm", "Ấp|Ấp", "Loại cây|Cây ăn trái", "Diện tích|Diện tích trồng|ha", "Cho trái|Diện tích cho trái|ha",
                         "Sản lượng|Sản lượng thu hoạch|tấn"),
                    _fruit_rows, "một loại cây ở một ấp trong một năm"),
        source="Báo cáo của các ấp", formats=("CSV", "XLSX"), frequency="ANNUAL", spatial=_spatial("ubnd-xa-cho-moi"),
        temporal=(D(2023, 1, 1), D(2025, 12, 31))),
    DatasetSpec(
        org="trung-tam-phuc-vu-hanh-chinh-cong-phuong-long-xuyen",
        title="Hồ sơ thủ tục hành chính tiếp nhận tại Trung tâm Phục vụ hành chính công phường Long Xuyên theo ngày",
        title_en="Daily cases at the Long Xuyen ward one-stop centre", topics=("chinh-quyen-hanh-chinh-cong",),
        tags=("một cửa", "thủ tục hành chính", "phường Long Xuyên"),
        about="Số hồ sơ tiếp nhận, nộp trực tuyến, trả kết quả và trả đúng hạn mỗi ngày làm việc theo lĩnh vực, từ khi trung "
              "tâm đi vào hoạt động ngày 01/7/2025.",
        uses=("Bố trí nhân sự tiếp nhận theo ngày cao điểm.", "Công khai kết quả phục vụ."),
        table=Table("Hồ sơ tiếp nhận tại Trung tâm PVHCC phường Long Xuyên",
                    cols("Ngày|Ngày làm việc", "Lĩnh vực|Lĩnh vực thủ tục", "Tiếp nhận|Hồ sơ tiếp nhận|hồ sơ", "Trực tuyến|Nộp trực tuyến|hồ sơ",
                         "Trả kết quả|Hồ sơ trả kết quả|hồ sơ", "Đúng hạn|Trả đúng hạn|hồ sơ"),
                    _counter_rows, "số hồ sơ một lĩnh vực trong một ngày"),
        source="Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", method="register", formats=("CSV",),
        frequency="DAILY", spatial=_spatial("ubnd-phuong-long-xuyen"), temporal=(D(2025, 7, 1), D(2026, 10, 30))),
]
