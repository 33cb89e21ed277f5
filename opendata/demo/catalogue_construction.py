"""Demo datasets on construction and transport (Sở Xây dựng, which took over transport in 2025)."""
from __future__ import annotations

from datetime import date

from .datasets import DatasetSpec
from .places import ROADS, WORDS, local_name, place_of
from .tables import PLACE_COLS, Table, cols, facilities, facility_table, months, per_place, quarters, vary

D = date


def _bridge(rng, i, place):
    road = rng.choice(ROADS[4:])
    length = round(rng.uniform(12, 180), 1)
    return (f"Cầu {rng.choice((local_name(rng, place), rng.choice(WORDS)))}", road,
            f"Km {rng.randint(0, 62)}+{rng.randint(0, 999):03d}", length, round(rng.choice((7.0, 8.0, 9.0, 12.0)) + rng.choice((0, 1.5)), 1),
            rng.choices(("HL93", "0,65HL93", "H30-XB80", "H13"), (40, 30, 20, 10))[0],
            rng.choice(("Bê tông cốt thép dự ứng lực", "Bê tông cốt thép", "Dầm thép liên hợp")),
            rng.randint(1978, 2025), rng.choices(("Tốt", "Trung bình", "Yếu, cần sửa chữa"), (55, 35, 10))[0])


ROUTES = [("01", "Long Xuyên - Châu Đốc", ["Long Xuyên", "Bình Đức", "An Châu", "Châu Phú", "Vĩnh Thạnh Trung", "Mỹ Đức", "Châu Đốc"]),
          ("02", "Long Xuyên - Tân Châu", ["Long Xuyên", "Mỹ Hòa Hưng", "Chợ Mới", "Phú An", "Phú Tân", "Tân Châu"]),
          ("03", "Long Xuyên - Tri Tôn", ["Long Xuyên", "Mỹ Thới", "Phú Hòa", "Thoại Sơn", "Óc Eo", "Cô Tô", "Tri Tôn"]),
          ("04", "Châu Đốc - Tịnh Biên - Tri Tôn", ["Châu Đốc", "Vĩnh Tế", "Thới Sơn", "Tịnh Biên", "Chi Lăng", "Núi Cấm", "Tri Tôn"]),
          ("05", "Châu Đốc - An Phú - Khánh Bình", ["Châu Đốc", "Châu Phong", "An Phú", "Vĩnh Hậu", "Khánh Bình"]),
          ("06", "Long Xuyên - Chợ Mới - Long Điền", ["Long Xuyên", "Mỹ Hòa Hưng", "Cù Lao Giêng", "Chợ Mới", "Long Điền"]),
          ("07", "Tri Tôn - Ba Chúc - Vĩnh Gia", ["Tri Tôn", "Ô Lâm", "Ba Chúc", "Vĩnh Gia"])]


def _stops(rng):
    """(route code, route name, order, stop name, place, lon, lat) along straight legs between towns."""
    for code, route, towns in ROUTES:
        order = 0
        for a, b in zip(towns, towns[1:]):
            start, end = place_of(a), place_of(b)
            for k in range(5):
                order += 1
                t = k / 5
                lon = round(start.lon + (end.lon - start.lon) * t + rng.uniform(-0.002, 0.002), 6)
                lat = round(start.lat + (end.lat - start.lat) * t + rng.uniform(-0.002, 0.002), 6)
                where = start if t < 0.5 else end
                label = f"Bến xe {where.name}" if k == 0 else f"{rng.choice(('Chợ', 'Trường THCS', 'UBND', 'Cầu', 'Ngã ba'))} {local_name(rng, where)}"
                yield code, route, order, label, where, lon, lat
        yield code, route, order + 1, f"Bến xe {towns[-1]}", place_of(towns[-1]), place_of(towns[-1]).lon, place_of(towns[-1]).lat


def _stop_rows(rng):
    for code, route, order, label, place, lon, lat in _stops(rng):
        for direction in ("Lượt đi", "Lượt về"):
            yield (f"XB{code}-{order:02d}-{'DI' if direction == 'Lượt đi' else 'VE'}", label, f"Tuyến số {code}: {route}", order, direction,
                   "Có" if rng.random() < 0.35 else "Không", place.full_name, lon, lat)


def _route_features(table, rng):
    """One LineString per route, then the stops as Points (a mixed FeatureCollection)."""
    stops = list(_stops(rng))
    for code, route, _ in ROUTES:
        line = [[lon, lat] for c, _, _, _, _, lon, lat in stops if c == code]
        yield {"type": "Feature", "geometry": {"type": "LineString", "coordinates": line},
               "properties": {"ma_tuyen": code, "ten_tuyen": f"Tuyến số {code}: {route}"}}
    for code, route, order, label, place, lon, lat in stops:
        yield {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
               "properties": {"ma_tuyen": code, "thu_tu": order, "ten_diem_dung": label, "xa_phuong": place.full_name}}


FERRIES = [("Bến phà Châu Giang", "Sông Hậu", 42000), ("Bến phà Năng Gù", "Sông Hậu", 30000), ("Bến phà Thuận Giang", "Sông Vàm Nao", 26000),
           ("Bến phà Vĩnh Xương", "Sông Tiền", 12000), ("Bến phà Tân Châu", "Sông Tiền", 38000), ("Bến phà Chợ Vàm", "Sông Tiền", 18000),
           ("Bến phà Mỹ Hòa Hưng", "Sông Hậu", 35000), ("Bến phà Ô Môi - Long Điền", "Sông Tiền", 9000),
           ("Bến đò Khánh An", "Sông Hậu", 6000), ("Bến đò Phú Hữu", "Sông Tiền", 5000), ("Bến đò Bình Thạnh", "Sông Hậu", 7000),
           ("Bến đò Cù Lao Giêng", "Sông Tiền", 8000)]


def _ferry_rows(rng):
    for i, period in enumerate(months("2023-01", "2026-09")):
        tet = 1.5 if period[5:] in ("01", "02") else 1.0
        for n, (name, river, people) in enumerate(FERRIES, start=1):
            passengers = vary(rng, people * tet * 0.997 ** i, 0.1)
            yield (period, f"BP{n:02d}", name, river, vary(rng, passengers / 25, 0.1), passengers,
                   vary(rng, passengers * 0.55, 0.1), vary(rng, passengers * 0.03, 0.2) if name.startswith("Bến phà") else 0)


def _permits(rng, place, i, quarter):
    new = vary(rng, place.population * (0.9 if place.kind == "Phường" else 0.35), 0.3)
    return new, vary(rng, new * 0.08, 0.5), vary(rng, new * 165, 0.15), round(rng.uniform(6, 14), 1), max(0, vary(rng, new * 0.02, 1))


MATERIALS = [("Xi măng PCB40", "bao 50 kg", "bao", 89000), ("Xi măng PCB30", "bao 50 kg", "bao", 84000),
             ("Thép cuộn phi 6-8", "CB240-T", "kg", 15100), ("Thép thanh vằn phi 10", "CB300-V", "kg", 15300),
             ("Thép thanh vằn phi 16-25", "CB400-V", "kg", 15200), ("Cát san lấp", "", "m³", 180000), ("Cát xây tô", "hạt mịn", "m³", 320000),
             ("Cát bê tông", "hạt vàng", "m³", 450000), ("Đá 1x2", "đá xanh", "m³", 420000), ("Đá 4x6", "", "m³", 380000),
             ("Đá 0x4 (cấp phối)", "", "m³", 330000), ("Gạch ống 8x8x18", "tuynel", "viên", 1300), ("Gạch thẻ 4x8x18", "tuynel", "viên", 1350),
             ("Gạch không nung 9x19x39", "bê tông", "viên", 6500), ("Gạch men 60x60", "loại 1", "m²", 185000),
             ("Ngói 22 viên/m²", "đất nung", "viên", 7200), ("Tôn lạnh 0,45 mm", "mạ màu", "m²", 115000),
             ("Bê tông thương phẩm M250", "độ sụt 10±2", "m³", 1250000), ("Bê tông thương phẩm M300", "độ sụt 10±2", "m³", 1320000),
             ("Nhựa đường 60/70", "phuy", "kg", 19500), ("Ống nhựa uPVC D90", "PN8", "m", 62000), ("Ống nhựa HDPE D110", "PN10", "m", 128000),
             ("Dây điện Cu/PVC 2,5 mm²", "", "m", 9800), ("Sơn nước nội thất", "thùng 18 lít", "thùng", 1350000),
             ("Sơn chống thấm", "thùng 18 lít", "thùng", 2100000), ("Cừ tràm", "dài 4,5 m, ngọn 4,2 cm", "cây", 26000),
             ("Cọc bê tông ly tâm D300", "PHC", "m", 310000), ("Cọc bê tông 250x250", "M300", "m", 285000),
             ("Kính cường lực 10 mm", "", "m²", 520000), ("Cửa nhôm hệ Xingfa", "kính 8 ly", "m²", 2350000)]


def _material_rows(rng):
    levels = {name: float(price) for name, _, _, price in MATERIALS}
    for period in months("2025-01", "2026-10"):
        for n, (name, spec, unit, _) in enumerate(MATERIALS, start=1):
            levels[name] *= rng.uniform(0.985, 1.02)
            price = levels[name]
            for area, factor in (("Khu vực phường", 1.0), ("Khu vực xã", 1.04)):
                yield period, f"VL{n:03d}", name, spec, unit, area, int(round(price * factor, -2 if price > 10000 else 1))


SPECS = [
    DatasetSpec(
        org="so-xay-dung", title="Danh sách cầu trên các tuyến đường tỉnh",
        title_en="Bridges on provincial roads", topics=("giao-thong-van-tai",), tags=("cầu", "đường tỉnh", "hạ tầng giao thông"),
        about="Các cầu trên tuyến đường tỉnh do Sở Xây dựng quản lý: lý trình, kích thước, tải trọng thiết kế, kết cấu, năm "
              "xây dựng và tình trạng kỹ thuật theo đợt kiểm tra gần nhất.",
        uses=("Lập kế hoạch bảo trì, sửa chữa cầu yếu.", "Doanh nghiệp vận tải chọn tuyến phù hợp tải trọng xe.",
              "Bản đồ hạ tầng giao thông."),
        table=facility_table("Danh sách cầu trên đường tỉnh",
                             ("Mã cầu|Mã quản lý", "Tên cầu|Tên cầu", "Tuyến đường|Đường tỉnh có cầu", "Lý trình|Vị trí theo km trên tuyến",
                              "Chiều dài|Chiều dài toàn cầu|m", "Bề rộng|Bề rộng mặt cầu|m", "Tải trọng|Tải trọng thiết kế",
                              "Kết cấu|Kết cấu nhịp chính", "Năm xây dựng|Năm đưa vào sử dụng", "Tình trạng|Đánh giá kỹ thuật"),
                             facilities(312, None, _bridge, "C", spread=0.04), "một cây cầu"),
        source="Cơ sở dữ liệu kết cấu hạ tầng giao thông đường bộ", method="field", formats=("CSV", "GEOJSON"),
        frequency="ANNUAL", temporal=(D(2025, 1, 1), D(2025, 12, 31)), licence="odc-odbl"),
    DatasetSpec(
        org="so-xay-dung", title="Tuyến xe buýt và điểm dừng đón trả khách",
        title_en="Bus routes and stops", topics=("giao-thong-van-tai",), tags=("xe buýt", "giao thông công cộng", "điểm dừng"),
        about="Các tuyến xe buýt nội tỉnh và điểm dừng đón trả khách theo thứ tự trên tuyến, cả lượt đi và lượt về.\n\n"
              "Tệp GeoJSON gồm đường đi của tuyến (LineString) và các điểm dừng (Point).",
        uses=("Ứng dụng tra cứu xe buýt.", "Quy hoạch bổ sung nhà chờ.", "Phân tích khả năng tiếp cận giao thông công cộng."),
        table=Table("Tuyến xe buýt và điểm dừng",
                    cols("Mã điểm dừng|Mã theo tuyến, thứ tự và chiều", "Tên điểm dừng|Tên gọi", "Tuyến|Số hiệu và tên tuyến",
                         "Thứ tự|Thứ tự trên tuyến", "Chiều|Lượt đi hoặc lượt về", "Nhà chờ|Có nhà chờ",
                         "Xã, phường|Nơi đặt điểm dừng", "Kinh độ|WGS 84|độ", "Vĩ độ|WGS 84|độ"),
                    _stop_rows, "một điểm dừng trên một chiều của tuyến", lonlat=(7, 8)),
        source="Phương án khai thác tuyến vận tải hành khách cố định bằng xe buýt", method="field",
        formats=("CSV", "GEOJSON"), features=_route_features, frequency="IRREG", temporal=(D(2025, 7, 1), D(2026, 6, 30)),
        licence="odc-odbl"),
    DatasetSpec(
        org="so-xay-dung", title="Lượt chuyến, hành khách và phương tiện qua các bến phà, bến đò hằng tháng",
        title_en="Monthly trips, passengers and vehicles at ferry crossings", topics=("giao-thong-van-tai",),
        tags=("bến phà", "đường thủy", "vận tải hành khách"),
        about="Số lượt chuyến, hành khách, xe máy và ô tô qua các bến phà, bến đò ngang trên sông Tiền, sông Hậu (tên bến "
              "mang tính minh họa). Lượng khách tăng mạnh dịp Tết Nguyên đán.",
        uses=("Đánh giá nhu cầu đầu tư cầu thay phà.", "Bố trí phương tiện dịp cao điểm."),
        table=Table("Lượt phương tiện qua bến phà bến đò",
                    cols("Tháng|Kỳ (YYYY-MM)", "Mã bến|Mã nội bộ", "Tên bến|Tên bến phà, bến đò", "Sông|Sông bến vượt qua",
                         "Lượt chuyến|Số chuyến|chuyến", "Hành khách|Lượt hành khách|lượt", "Xe máy|Lượt xe máy|lượt", "Ô tô|Lượt ô tô|lượt"),
                    _ferry_rows, "số liệu một bến trong một tháng"),
        source="Báo cáo của các đơn vị khai thác bến", formats=("CSV",), frequency="MONTHLY", temporal=(D(2023, 1, 1), D(2026, 9, 30))),
    DatasetSpec(
        org="so-xay-dung", title="Giấy phép xây dựng nhà ở riêng lẻ đã cấp theo xã, phường và quý",
        title_en="Building permits for individual houses by commune and quarter", topics=("quy-hoach-xay-dung-dat-dai",),
        tags=("giấy phép xây dựng", "nhà ở", "cải cách hành chính"),
        about="Số giấy phép xây dựng nhà ở riêng lẻ cấp mới, cấp điều chỉnh, tổng diện tích sàn và thời gian giải quyết "
              "bình quân. Từ 01/7/2025 UBND cấp xã cấp giấy phép; số liệu trước đó được quy đổi theo địa giới mới.",
        uses=("Theo dõi tốc độ đô thị hóa.", "Đánh giá thời gian giải quyết thủ tục của từng xã, phường."),
        table=Table("Giấy phép xây dựng nhà ở riêng lẻ theo quý",
                    (*PLACE_COLS("Quý|Kỳ (YYYY-Qn)"), *cols("Cấp mới|Giấy phép cấp mới|giấy phép", "Điều chỉnh|Giấy phép điều chỉnh, gia hạn|giấy phép",
                                                            "Diện tích sàn|Tổng diện tích sàn được phép|m²",
                                                            "Thời gian giải quyết|Bình quân|ngày", "Quá hạn|Hồ sơ giải quyết quá hạn|hồ sơ")),
                    per_place(quarters(2024, 2025), _permits), "số liệu một xã, phường trong một quý"),
        source="Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", method="register", formats=("CSV", "JSON"),
        frequency="QUARTERLY", temporal=(D(2024, 1, 1), D(2025, 12, 31))),
    DatasetSpec(
        org="so-xay-dung", title="Giá vật liệu xây dựng công bố hằng tháng",
        title_en="Monthly published construction material prices", topics=("quy-hoach-xay-dung-dat-dai", "kinh-te-tai-chinh"),
        tags=("vật liệu xây dựng", "giá cả", "công bố giá"),
        about="Giá vật liệu xây dựng chủ yếu (chưa gồm thuế giá trị gia tăng) tại khu vực phường và khu vực xã, làm cơ sở "
              "lập và quản lý chi phí đầu tư xây dựng.",
        uses=("Lập dự toán công trình sử dụng vốn nhà nước.", "Người dân tham khảo khi xây nhà."),
        table=Table("Giá vật liệu xây dựng hằng tháng",
                    cols("Tháng|Kỳ công bố (YYYY-MM)", "Mã vật liệu|Mã nội bộ", "Tên vật liệu|Tên", "Quy cách|Quy cách, tiêu chuẩn",
                         "Đơn vị tính|Đơn vị", "Khu vực|Khu vực áp dụng", "Giá chưa VAT|Giá đến chân công trình|đồng"),
                    _material_rows, "giá một vật liệu ở một khu vực trong một tháng"),
        source="Công bố giá vật liệu xây dựng hằng tháng của Sở Xây dựng", method="survey", formats=("CSV", "XLSX"),
        frequency="MONTHLY", temporal=(D(2025, 1, 1), D(2026, 10, 31)), licence="cc-zero"),
]
