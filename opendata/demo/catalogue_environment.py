"""Demo datasets on agriculture, environment and hydrology (Sở Nông nghiệp và Môi trường, Đài KTTV)."""
from __future__ import annotations

import math
from datetime import date

from ..models import DatasetState
from .datasets import DatasetSpec, Link
from .places import LAT_MAX, LAT_MIN, LON_MAX, LON_MIN, PLACES, STREETS, WARDS, WORDS, hamlet, point_near
from .tables import PLACE_COLS, Table, cols, days, facilities, facility_table, months, vary, years

D = date

SEASONS = [("Đông Xuân", 65.0, 0.42), ("Hè Thu", 55.0, 0.40), ("Thu Đông", 50.0, 0.18)]


def _rice(rng, place, i, period):
    year, season = period
    name, yield_base, share = season
    land = place.population * (0.4 if place.kind == "Phường" else 3.6) * share * rng.uniform(0.9, 1.1) * 10
    harvest = round(yield_base * rng.uniform(0.92, 1.08) * (1 + 0.006 * i), 1)
    return name, round(land, 1), harvest, round(land * harvest / 10), round(rng.uniform(55, 92), 1)


def _rice_rows(rng):
    for i, year in enumerate(years(2021, 2025)):
        for place in PLACES:
            for season in SEASONS:
                yield (year, place.code, place.full_name, *_rice(rng, place, i, (year, season)))


SPECIES = [("Cá tra", "Ao", 24000, 28000), ("Cá lóc", "Ao", 2600, 52000), ("Cá rô phi", "Ao, ruộng", 1100, 32000),
           ("Cá điêu hồng", "Bè", 1500, 45000), ("Tôm càng xanh", "Ruộng lúa, ao", 380, 230000),
           ("Lươn", "Bể lót bạt", 300, 110000), ("Ếch", "Vèo, bể", 420, 38000)]


def _fish_rows(rng):
    for i, period in enumerate(months("2022-01", "2026-09")):
        for name, system, tonnes, price in SPECIES:
            flood = 1.2 if int(period[5:]) in (10, 11, 12) and name in ("Tôm càng xanh", "Cá rô phi") else 1.0
            yield (period, name, system, vary(rng, tonnes * 1.004 ** i * flood, 0.12), vary(rng, price * 1.003 ** i, 0.08) // 100 * 100)


def river_near(place, second: bool = False) -> str:
    """The main river or canal next to ``place`` (roughly: Tiền in the north-east, canals in the west and south)."""
    if place.lon < 105.05:
        return "Kênh Vĩnh Tế" if place.lat > 10.55 else "Kênh Tri Tôn"
    if place.lat < 10.34:
        return "Kênh Thoại Hà" if not second else "Kênh Mặc Cần Dưng"
    if (place.lon >= 105.22 and place.lat >= 10.62) or (place.lon >= 105.45 and place.lat >= 10.45):
        return "Sông Tiền" if not second else "Sông Vàm Nao"
    return "Sông Hậu" if not second else "Rạch Long Xuyên"


STATIONS = [(f"NM{n:02d}", f"{river_near(p, n % 3 == 0)} tại {p.in_text}", river_near(p, n % 3 == 0), p)
            for n, p in enumerate(PLACES[::2], start=1)]


def _water_quality_rows(rng):
    for period in months("2024-01", "2025-12"):
        dry = int(period[5:]) in (2, 3, 4, 5)
        for code, name, river, place in STATIONS:
            dirty = 1.5 if place.kind == "Phường" else 1.0
            bod = round(rng.uniform(2, 6) * dirty * (1.2 if dry else 1), 1)
            coliform = int(rng.uniform(800, 9000) * dirty)
            wqi = max(20, min(100, round(100 - bod * 6 - coliform / 400 + rng.uniform(-5, 5))))
            level = "Rất tốt" if wqi >= 91 else "Tốt" if wqi >= 76 else "Trung bình" if wqi >= 51 else "Kém"
            yield (period, code, name, river, round(rng.uniform(6.6, 7.6), 2), round(rng.uniform(3.8, 6.5), 2), bod,
                   round(bod * rng.uniform(1.8, 2.6), 1), int(rng.uniform(20, 160) * (1.4 if not dry else 1)),
                   round(rng.uniform(0.05, 0.6) * dirty, 2), coliform, wqi, level)


def _station_features(table, rng):
    for code, name, river, place in STATIONS:
        lon, lat = point_near(rng, place, 0.01)
        yield {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
               "properties": {"ma_diem": code, "ten_diem": name, "song_kenh": river, "xa_phuong": place.full_name}}


def _erosion(rng, i, place):
    river = river_near(place, rng.random() < 0.3)
    level = rng.choices(("Đặc biệt nguy hiểm", "Nguy hiểm", "Bình thường"), (10, 35, 55))[0]
    households = rng.randint(0, 60) if level != "Bình thường" else rng.randint(0, 8)
    return (f"Bờ {rng.choice(('trái', 'phải'))} {river[0].lower()}{river[1:]}", river, rng.randint(15, 450), level, households,
            int(households * rng.uniform(0.1, 0.7)) if level == "Đặc biệt nguy hiểm" else 0,
            date(rng.randint(2019, 2026), rng.randint(1, 10), rng.randint(1, 28)),
            rng.choice(("Cắm biển cảnh báo, theo dõi", "Đã có kè bảo vệ", "Đang thi công kè", "Di dời dân khẩn cấp")))


VARIETIES = ("OM 18", "Đài Thơm 8", "Jasmine 85", "ST25", "OM 5451", "IR 50404", "An Giang 5")


def _zone(rng, i, place):
    area = round(rng.uniform(50, 1200), 1)
    return (f"Cánh đồng lớn {hamlet(rng, place)}", rng.choice(VARIETIES), area, f"Công ty {rng.choice(('TNHH', 'cổ phần'))} {rng.choice(WORDS)}",
            int(area / rng.uniform(1.2, 3.5)), rng.choices(("VietGAP", "GlobalG.A.P.", "Hữu cơ", "Chưa có"), (30, 10, 5, 55))[0])


def _zone_features(table, rng):
    """Hexagons around each zone's centre, sized from its area (1 ha = 10 000 m²)."""
    keys = [c.key for c in table.columns]
    for row in table.rows(rng):
        lon, lat, area = row[-2], row[-1], row[3]
        radius = math.sqrt(area * 10000 / 2.6) / 111000  # hexagon area = 2.6 r², degrees at this latitude ≈ 111 km
        ring = [[round(min(max(lon + radius * math.cos(math.radians(a)), LON_MIN), LON_MAX), 6),
                 round(min(max(lat + radius * math.sin(math.radians(a)), LAT_MIN), LAT_MAX), 6)]
                for a in range(0, 360, 60)]  # clipped to the province box, like every demo geometry
        ring.append(ring[0])
        yield {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
               "properties": dict(zip(keys[:-2], row[:-2]))}


def _land_price_rows(rng):
    for place in WARDS + tuple(p for p in PLACES if p.kind == "Xã")[:12]:
        streets = rng.sample(STREETS, 24 if place.kind == "Phường" else 8)
        for street in streets:
            base = rng.uniform(3500, 28000) if place.kind == "Phường" else rng.uniform(800, 4500)
            for part in range(rng.randint(1, 4)):
                vt1 = base * rng.uniform(0.7, 1.2)
                yield (place.code, place.full_name, street, f"Đoạn {part + 1}" if part else "Đầu tuyến",
                       rng.choice(STREETS) if part == 0 else f"Cầu {rng.choice(WORDS)}", rng.choice(("Loại 1", "Loại 2", "Loại 3", "Loại 4")),
                       *(int(round(vt1 * k, -1)) for k in (1, 0.55, 0.35, 0.2)))


def _growing_area(rng, i, place):
    crop = rng.choice(("Xoài", "Sầu riêng", "Chuối", "Bưởi da xanh", "Nhãn", "Mít Thái", "Lúa gạo"))
    market = rng.choice(("Trung Quốc", "Hoa Kỳ", "Úc", "Liên minh châu Âu", "Nhật Bản", "Hàn Quốc"))
    area = round(rng.uniform(10, 150), 1)
    return (f"VN-AGOR-{i:04d}", crop, market, area, int(area / rng.uniform(0.8, 2.5)), round(area * rng.uniform(8, 25)),
            date(rng.randint(2021, 2026), rng.randint(1, 10), rng.randint(1, 28)))


DISTRICTS = [("Thành phố Long Xuyên", 165), ("Thành phố Châu Đốc", 95), ("Thị xã Tân Châu", 55), ("Thị xã Tịnh Biên", 45),
             ("Huyện An Phú", 55), ("Huyện Phú Tân", 65), ("Huyện Châu Phú", 75), ("Huyện Châu Thành", 60),
             ("Huyện Chợ Mới", 95), ("Huyện Thoại Sơn", 60), ("Huyện Tri Tôn", 45)]


def _district_waste_rows(rng):
    for period in months("2023-01", "2024-12"):
        for name, tonnes in DISTRICTS:
            produced = vary(rng, tonnes * 30, 0.06)
            collected = int(produced * rng.uniform(0.72, 0.96))
            yield period, name, produced, collected, round(100 * collected / produced, 1)


GAUGES = [("TC", "Tân Châu", "Sông Tiền", 350, 60), ("CD", "Châu Đốc", "Sông Hậu", 300, 40), ("LX", "Long Xuyên", "Sông Hậu", 200, 0),
          ("VN", "Vàm Nao", "Sông Vàm Nao", 260, 20), ("XT", "Xuân Tô", "Kênh Vĩnh Tế", 310, 80)]


def _water_level_rows(rng):
    for day in days(D(2025, 1, 1), D(2025, 12, 31)):
        yday = day.timetuple().tm_yday
        flood = math.sin(math.pi * (yday - 200) / 150) if 200 <= yday <= 350 else 0.0  # August to mid-December
        for code, name, river, alarm1, low in GAUGES:
            mean = low + 90 + (alarm1 + 40 - low - 90) * flood + rng.uniform(-6, 6)
            tide = 70 * (1 - flood * 0.6) + rng.uniform(-8, 8)
            peak = round(mean + tide / 2)
            alert = 3 if peak >= alarm1 + 100 else 2 if peak >= alarm1 + 50 else 1 if peak >= alarm1 else 0
            yield day, f"TV-{code}", name, river, peak, round(mean - tide / 2), round(mean), alert


RAIN_STATIONS = [p for p in PLACES[::4]]


def _rain_rows(rng):
    normals = [5, 3, 12, 60, 150, 170, 190, 200, 250, 260, 120, 35]
    for period in months("2016-01", "2025-12"):
        normal = normals[int(period[5:]) - 1]
        for n, place in enumerate(RAIN_STATIONS, start=1):
            total = round(max(0.0, normal * rng.uniform(0.4, 1.6) * (1.2 if place.lon < 105.05 else 1)), 1)
            rainy = min(28, int(total / 9 + rng.uniform(0, 3))) if total else 0
            yield period, f"M{n:02d}", f"Điểm đo mưa {place.name}", place.full_name, total, rainy, round(min(total, total * rng.uniform(0.15, 0.5)), 1)


_LEVEL_COLS = cols("Ngày|Ngày quan trắc", "Mã trạm|Mã trạm thủy văn", "Trạm|Tên trạm", "Sông|Sông, kênh đặt trạm",
                   "Mực nước cao nhất|Đỉnh triều trong ngày, hệ cao độ quốc gia|cm", "Mực nước thấp nhất|Chân triều|cm",
                   "Mực nước trung bình|Trung bình ngày|cm", "Cấp báo động|0: dưới báo động 1; 1, 2, 3: báo động I, II, III")

SPECS = [
    DatasetSpec(
        org="so-nong-nghiep-va-moi-truong", title="Diện tích, năng suất, sản lượng lúa theo vụ và theo xã, phường",
        title_en="Rice area, yield and production by season and commune", topics=("nong-nghiep-thuy-san",),
        tags=("lúa gạo", "sản lượng lúa", "vụ Đông Xuân", "nông nghiệp"),
        about="Diện tích gieo trồng, năng suất, sản lượng lúa ba vụ Đông Xuân, Hè Thu, Thu Đông và tỷ lệ diện tích lúa chất "
              "lượng cao ở từng xã, phường từ 2021.\n\nAn Giang là một trong những tỉnh sản xuất lúa lớn nhất cả nước.",
        uses=("Dự báo sản lượng lúa phục vụ xuất khẩu gạo.", "Phân bổ hỗ trợ giống, phân bón theo vùng.",
              "Nghiên cứu tác động của lũ và hạn mặn đến năng suất."),
        table=Table("Diện tích năng suất sản lượng lúa theo vụ",
                    (*PLACE_COLS(), *cols("Vụ|Đông Xuân, Hè Thu hoặc Thu Đông", "Diện tích gieo trồng|Diện tích|ha",
                                           "Năng suất|Năng suất bình quân|tạ/ha", "Sản lượng|Sản lượng thu hoạch|tấn",
                                           "Lúa chất lượng cao|Tỷ lệ diện tích giống chất lượng cao|%")),
                    _rice_rows, "kết quả một vụ lúa ở một xã, phường trong một năm"),
        source="Báo cáo kết quả sản xuất của các xã, phường và điều tra năng suất cây trồng", method="report",
        formats=("CSV", "XLSX"), frequency="ANNUAL", temporal=(D(2021, 1, 1), D(2025, 12, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="so-nong-nghiep-va-moi-truong", title="Sản lượng thủy sản nuôi trồng theo đối tượng nuôi hằng tháng",
        title_en="Monthly aquaculture production by species", topics=("nong-nghiep-thuy-san",),
        tags=("thủy sản", "cá tra", "nuôi trồng thủy sản"),
        about="Sản lượng thu hoạch và giá bán bình quân tại ao của các đối tượng nuôi chủ lực: cá tra, cá lóc, cá điêu hồng "
              "nuôi bè, tôm càng xanh trên ruộng lúa mùa lũ, lươn, ếch.",
        uses=("Theo dõi cung cầu nguyên liệu cho nhà máy chế biến.", "Cảnh báo giá cá tra giảm để điều chỉnh thả nuôi."),
        table=Table("Sản lượng thủy sản nuôi trồng theo tháng",
                    cols("Tháng|Kỳ báo cáo (YYYY-MM)", "Đối tượng nuôi|Loài", "Hình thức nuôi|Ao, bè, ruộng...",
                         "Sản lượng|Sản lượng thu hoạch|tấn", "Giá tại ao|Giá bán bình quân tại nơi nuôi|đồng/kg"),
                    _fish_rows, "sản lượng một đối tượng nuôi trong một tháng"),
        source="Báo cáo thống kê thủy sản của các xã, phường", formats=("CSV",), frequency="MONTHLY",
        temporal=(D(2022, 1, 1), D(2026, 9, 30))),
    DatasetSpec(
        org="so-nong-nghiep-va-moi-truong", title="Kết quả quan trắc chất lượng nước mặt sông Tiền, sông Hậu và kênh rạch",
        title_en="Surface water quality monitoring on the Tien and Hau rivers and canals", topics=("tai-nguyen-moi-truong",),
        tags=("quan trắc môi trường", "chất lượng nước", "WQI", "sông Hậu"),
        about="Kết quả quan trắc định kỳ hằng tháng tại các điểm trên sông Tiền, sông Hậu, sông Vàm Nao và các kênh chính: "
              "các thông số hóa lý, vi sinh và chỉ số chất lượng nước VN_WQI.\n\nTệp GeoJSON chứa vị trí các điểm quan trắc.",
        uses=("Cảnh báo nguồn nước cho nuôi trồng thủy sản và cấp nước sinh hoạt.", "Đánh giá hiện trạng môi trường hằng năm."),
        table=Table("Quan trắc chất lượng nước mặt",
                    cols("Tháng|Kỳ quan trắc (YYYY-MM)", "Mã điểm|Mã điểm quan trắc", "Tên điểm|Mô tả vị trí", "Sông, kênh|Thủy vực",
                         "pH|Độ pH", "DO|Oxy hòa tan|mg/L", "BOD5|Nhu cầu oxy sinh hóa|mg/L", "COD|Nhu cầu oxy hóa học|mg/L",
                         "TSS|Chất rắn lơ lửng|mg/L", "Amoni|N-NH4+|mg/L", "Coliform|Tổng Coliform|MPN/100 mL",
                         "VN_WQI|Chỉ số chất lượng nước (Quyết định 1460/QĐ-TCMT)", "Đánh giá|Mức chất lượng theo VN_WQI"),
                    _water_quality_rows, "kết quả một lần quan trắc tại một điểm"),
        source="Chương trình quan trắc môi trường tỉnh An Giang", method="monitor", formats=("CSV", "GEOJSON"),
        features=_station_features, frequency="MONTHLY", temporal=(D(2024, 1, 1), D(2025, 12, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="so-nong-nghiep-va-moi-truong", title="Điểm sạt lở bờ sông, kênh rạch trên địa bàn tỉnh",
        title_en="Riverbank erosion sites", topics=("tai-nguyen-moi-truong", "quy-hoach-xay-dung-dat-dai"),
        tags=("sạt lở", "phòng chống thiên tai", "bờ sông"),
        about="Các điểm sạt lở và có nguy cơ sạt lở bờ sông, kênh rạch đã được ghi nhận: chiều dài, mức độ cảnh báo, số hộ bị "
              "ảnh hưởng và biện pháp xử lý.",
        uses=("Bản đồ cảnh báo sạt lở cho người dân ven sông.", "Ưu tiên vốn xây dựng kè.", "Quy hoạch bố trí dân cư."),
        table=facility_table("Điểm sạt lở bờ sông kênh rạch",
                             ("Mã điểm|Mã điểm sạt lở", "Vị trí|Mô tả vị trí", "Sông, kênh|Thủy vực", "Chiều dài|Chiều dài đoạn sạt lở|m",
                              "Mức độ|Mức cảnh báo", "Hộ ảnh hưởng|Số hộ trong vùng nguy hiểm|hộ", "Hộ di dời|Số hộ phải di dời khẩn cấp|hộ",
                              "Ngày ghi nhận|Ngày phát hiện", "Biện pháp|Biện pháp đã áp dụng"),
                             facilities(232, None, _erosion, "SL"),
                             "một điểm sạt lở"),
        source="Báo cáo của UBND các xã, phường và Chi cục Thủy lợi", method="field", formats=("CSV", "GEOJSON"),
        frequency="IRREG", temporal=(D(2019, 1, 1), D(2026, 10, 31)), licence="odc-odbl"),
    DatasetSpec(
        org="so-nong-nghiep-va-moi-truong", title="Vùng sản xuất lúa chất lượng cao liên kết tiêu thụ",
        title_en="High-quality rice production zones with offtake contracts", topics=("nong-nghiep-thuy-san", "quy-hoach-xay-dung-dat-dai"),
        tags=("cánh đồng lớn", "lúa chất lượng cao", "liên kết sản xuất", "bản đồ"),
        about="Các vùng (cánh đồng lớn) sản xuất lúa chất lượng cao có hợp đồng liên kết tiêu thụ với doanh nghiệp, thuộc Đề "
              "án 1 triệu ha lúa chất lượng cao, phát thải thấp vùng Đồng bằng sông Cửu Long.\n\n"
              "Ranh giới trong tệp GeoJSON là hình lục giác gần đúng quanh tâm vùng, chỉ để minh họa.",
        uses=("Doanh nghiệp tìm vùng nguyên liệu.", "Theo dõi tiến độ Đề án 1 triệu ha."),
        table=facility_table("Vùng sản xuất lúa chất lượng cao",
                             ("Mã vùng|Mã vùng sản xuất", "Tên vùng|Tên gọi", "Giống lúa|Giống chủ lực", "Diện tích|Diện tích vùng|ha",
                              "Doanh nghiệp liên kết|Đơn vị bao tiêu", "Số hộ|Số hộ tham gia|hộ", "Chứng nhận|Tiêu chuẩn được chứng nhận"),
                             facilities(214, None, _zone, "VL", spread=0.03),
                             "một vùng sản xuất"),
        source="Cơ sở dữ liệu vùng sản xuất của Chi cục Trồng trọt và Bảo vệ thực vật", method="field",
        formats=("CSV", "GEOJSON"), features=_zone_features, frequency="ANNUAL", temporal=(D(2024, 1, 1), D(2025, 12, 31)),
        licence="odc-odbl"),
    DatasetSpec(
        org="so-nong-nghiep-va-moi-truong", title="Bảng giá đất ở theo tuyến đường năm 2025",
        title_en="Residential land prices by street, 2025", topics=("quy-hoach-xay-dung-dat-dai",),
        tags=("giá đất", "bảng giá đất", "đất đai"),
        about="Giá đất ở theo tuyến đường, đoạn đường và vị trí thửa đất (vị trí 1 đến 4) tại các phường và trung tâm xã, "
              "ban hành kèm quyết định của UBND tỉnh theo Luật Đất đai 2024.",
        uses=("Tính tiền sử dụng đất, thuế, phí và bồi thường khi Nhà nước thu hồi đất.", "Tham khảo khi giao dịch bất động sản."),
        table=Table("Bảng giá đất ở theo tuyến đường năm 2025",
                    cols("Mã ĐVHC|Mã xã, phường (minh họa)", "Xã, phường|Đơn vị hành chính", "Tên đường|Tuyến đường",
                         "Đoạn từ|Điểm đầu đoạn", "Đến|Điểm cuối đoạn", "Loại đường|Phân loại đường",
                         "Vị trí 1|Giá đất vị trí 1 (mặt tiền)|nghìn đồng/m²", "Vị trí 2|Giá vị trí 2|nghìn đồng/m²",
                         "Vị trí 3|Giá vị trí 3|nghìn đồng/m²", "Vị trí 4|Giá vị trí 4|nghìn đồng/m²"),
                    _land_price_rows, "giá đất một đoạn đường"),
        source="Quyết định ban hành bảng giá đất của UBND tỉnh An Giang", method="admin", formats=("CSV", "XLSX"),
        frequency="ANNUAL", temporal=(D(2025, 1, 1), D(2025, 12, 31)), licence=None),
    DatasetSpec(
        org="so-nong-nghiep-va-moi-truong", title="Mã số vùng trồng phục vụ xuất khẩu đã được cấp",
        title_en="Registered export growing-area codes", topics=("nong-nghiep-thuy-san", "thuong-mai-bien-gioi-hop-tac"),
        tags=("mã số vùng trồng", "xuất khẩu", "cây ăn trái"),
        about="Các mã số vùng trồng đã được cấp cho cây ăn trái và lúa gạo phục vụ xuất khẩu: cây trồng, thị trường, diện "
              "tích, số hộ và sản lượng dự kiến.",
        uses=("Doanh nghiệp xuất khẩu truy xuất nguồn gốc.", "Quản lý, giám sát vùng trồng theo yêu cầu nước nhập khẩu."),
        table=facility_table("Mã số vùng trồng xuất khẩu",
                             ("Mã quản lý|Mã nội bộ", "Mã số vùng trồng|Mã được cấp (minh họa)", "Cây trồng|Loại cây",
                              "Thị trường|Thị trường xuất khẩu", "Diện tích|Diện tích vùng trồng|ha", "Số hộ|Số hộ tham gia|hộ",
                              "Sản lượng dự kiến|Sản lượng mỗi năm|tấn", "Ngày cấp|Ngày cấp mã"),
                             facilities(262, None, _growing_area, "VT"),
                             "một vùng trồng được cấp mã"),
        source="Hệ thống quản lý mã số vùng trồng của Cục Bảo vệ thực vật", method="register", formats=("CSV", "JSON"),
        frequency="IRREG", temporal=(D(2021, 1, 1), D(2026, 10, 31))),
    DatasetSpec(
        org="so-nong-nghiep-va-moi-truong", title="Khối lượng chất thải rắn sinh hoạt thu gom theo huyện năm 2023-2024",
        title_en="Household solid waste collected by district, 2023-2024", topics=("tai-nguyen-moi-truong",),
        tags=("chất thải rắn", "rác thải sinh hoạt", "thu gom"),
        about="Khối lượng chất thải rắn sinh hoạt phát sinh và được thu gom hằng tháng theo huyện, thị xã, thành phố.",
        uses=("Tham khảo lịch sử thu gom chất thải trước khi sắp xếp đơn vị hành chính.",),
        table=Table("Chất thải rắn sinh hoạt thu gom theo huyện",
                    cols("Tháng|Kỳ báo cáo (YYYY-MM)", "Huyện, thị xã, thành phố|Đơn vị hành chính cấp huyện (trước 01/7/2025)",
                         "Phát sinh|Khối lượng ước tính phát sinh|tấn", "Thu gom|Khối lượng được thu gom|tấn", "Tỷ lệ thu gom|Tỷ lệ|%"),
                    _district_waste_rows, "khối lượng của một huyện trong một tháng"),
        source="Báo cáo công tác bảo vệ môi trường của UBND cấp huyện", formats=("CSV",), frequency="NEVER",
        temporal=(D(2023, 1, 1), D(2024, 12, 31)), state=DatasetState.WITHDRAWN,
        withdrawn_reason="Dữ liệu tổng hợp theo cấp huyện, cấp hành chính không còn từ ngày 01/7/2025. Số liệu đang được "
                         "tính lại theo 102 xã, phường mới và sẽ công bố thành bộ dữ liệu khác."),
    DatasetSpec(
        org="dai-khi-tuong-thuy-van-an-giang", title="Mực nước hằng ngày tại các trạm thủy văn trên sông Tiền, sông Hậu năm 2025",
        title_en="Daily water levels at hydrological stations on the Tien and Hau rivers, 2025",
        topics=("tai-nguyen-moi-truong", "nong-nghiep-thuy-san"), tags=("mực nước", "lũ", "thủy văn", "báo động lũ"),
        about="Mực nước cao nhất, thấp nhất, trung bình ngày và cấp báo động lũ tại các trạm Tân Châu, Châu Đốc, Long Xuyên, "
              "Vàm Nao và Xuân Tô. Mùa lũ thường từ tháng 8 đến tháng 11.\n\n"
              "Số liệu thời gian thực lấy qua dịch vụ API của Đài (địa chỉ trong tài nguyên API là minh họa).",
        uses=("Cảnh báo lũ, lịch thời vụ xuống giống vụ Thu Đông.", "Vận hành cống, đê bao.", "Nghiên cứu biến đổi chế độ dòng chảy."),
        table=Table("Mực nước hằng ngày tại các trạm thủy văn năm 2025", _LEVEL_COLS, _water_level_rows,
                    "mực nước của một trạm trong một ngày"),
        source="Mạng lưới trạm khí tượng thủy văn quốc gia trên địa bàn tỉnh", method="monitor", formats=("CSV", "JSON"),
        links=(Link("Dịch vụ API mực nước thời gian thực", "https://kttv.angiang.gov.vn/api/v1/muc-nuoc", "api", "API",
                    "Trả về JSON mực nước 15 phút/lần của các trạm; địa chỉ minh họa cho bản demo."),),
        frequency="DAILY", temporal=(D(2025, 1, 1), D(2025, 12, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="dai-khi-tuong-thuy-van-an-giang", title="Lượng mưa tháng tại các điểm đo mưa giai đoạn 2016-2025",
        title_en="Monthly rainfall at rain gauges, 2016-2025", topics=("tai-nguyen-moi-truong",),
        tags=("lượng mưa", "khí tượng", "thời tiết"),
        about="Tổng lượng mưa tháng, số ngày mưa và lượng mưa ngày lớn nhất tại các điểm đo mưa. Mùa mưa từ tháng 5 đến "
              "tháng 11; vùng Bảy Núi (Tịnh Biên, Tri Tôn) mưa nhiều hơn đồng bằng.",
        uses=("Lập lịch thời vụ và tưới tiêu.", "Nghiên cứu biến đổi khí hậu.", "Đối chiếu với số ca sốt xuất huyết."),
        table=Table("Lượng mưa tháng tại các điểm đo mưa",
                    cols("Tháng|Kỳ (YYYY-MM)", "Mã điểm|Mã điểm đo", "Tên điểm|Tên điểm đo mưa", "Xã, phường|Nơi đặt điểm đo",
                         "Lượng mưa|Tổng lượng mưa tháng|mm", "Số ngày mưa|Số ngày có mưa từ 0,1 mm|ngày",
                         "Mưa ngày lớn nhất|Lượng mưa ngày lớn nhất|mm"),
                    _rain_rows, "lượng mưa của một điểm đo trong một tháng"),
        source="Mạng lưới điểm đo mưa nhân dân và trạm khí tượng", method="monitor", formats=("CSV",), frequency="MONTHLY",
        temporal=(D(2016, 1, 1), D(2025, 12, 31)), licence="cc-zero"),
]
