"""Demo datasets on culture, tourism, science and digital services (Sở VHTTDL, Sở KH&CN, Trung tâm Chuyển đổi số)."""
from __future__ import annotations

from datetime import date

from ..models import DatasetState
from .datasets import DatasetSpec, Link
from .places import PLACES, WORDS, local_name, place_of
from .tables import (PLACE_COLS, Table, cols, days, facilities, facility_table, month_of, months, pick_places, relocate,
                     vary)

D = date

# -- Sở Văn hóa, Thể thao và Du lịch ----------------------------------------------------

SEGMENTS = [("Khách quốc tế", 28000, 2.6), ("Khách nội địa ngoài tỉnh", 420000, 1.6), ("Khách nội tỉnh", 210000, 0.9)]


def _tourism_rows(rng):
    for i, period in enumerate(months("2019-01", "2026-10")):
        year, month = int(period[:4]), month_of(period)
        covid = {2020: 0.45, 2021: 0.25}.get(year, 1.0) if not (year == 2020 and month <= 2) else 1.0
        peak = 1.8 if month in (1, 2, 5) else 1.0  # Tết and the Vía Bà Chúa Xứ festival
        for name, visitors, spend in SEGMENTS:
            total = vary(rng, visitors * 1.006 ** i * covid * peak * (0.2 if name == "Khách quốc tế" and year == 2021 else 1), 0.08)
            staying = int(total * rng.uniform(0.18, 0.3))
            nights = int(staying * rng.uniform(1.3, 1.9))
            yield period, name, total, staying, nights, round(total * spend * rng.uniform(0.9, 1.1) / 10, 1)


def _lodging(rng, i, place):
    kind = rng.choices(("Khách sạn", "Nhà nghỉ du lịch", "Homestay", "Căn hộ du lịch"), (30, 45, 20, 5))[0]
    stars = rng.choices(("1 sao", "2 sao", "3 sao", "4 sao", "5 sao"), (30, 35, 25, 8, 2))[0] if kind == "Khách sạn" else "Đạt tiêu chuẩn"
    rooms = {"Khách sạn": rng.randint(15, 180), "Nhà nghỉ du lịch": rng.randint(6, 25), "Homestay": rng.randint(2, 8),
             "Căn hộ du lịch": rng.randint(5, 40)}[kind]
    return kind, stars, rooms, int(rooms * rng.uniform(1.3, 2.2)), rng.randint(2005, 2026)


def _lodging_rows(rng):
    hubs = [place_of(n) for n in ("Châu Đốc", "Vĩnh Tế", "Long Xuyên", "Núi Cấm", "Tịnh Biên", "Tân Châu")]
    for i, row in enumerate(facilities(465, None, _lodging, "LT")(rng), start=1):
        if i % 3:  # two thirds around the tourist hubs
            row = relocate(rng, row, hubs[i % len(hubs)])
        kind = row[1]
        name = f"{kind} {rng.choice(WORDS)}" if kind != "Homestay" else f"Homestay {local_name(rng, place_of(row[-3].split(' ', 1)[1]))}"
        yield (row[0], name, *row[1:])


HERITAGE = [
    ("Khu di tích khảo cổ Óc Eo - Ba Thê", "Khảo cổ", "Quốc gia đặc biệt", 2012, "Óc Eo"),
    ("Khu lưu niệm Chủ tịch Tôn Đức Thắng", "Lịch sử", "Quốc gia đặc biệt", 2012, "Mỹ Hòa Hưng"),
    ("Miếu Bà Chúa Xứ Núi Sam", "Kiến trúc nghệ thuật", "Quốc gia", 2000, "Vĩnh Tế"),
    ("Lăng Thoại Ngọc Hầu", "Lịch sử", "Quốc gia", 1997, "Vĩnh Tế"), ("Chùa Tây An", "Kiến trúc nghệ thuật", "Quốc gia", 1980, "Vĩnh Tế"),
    ("Danh thắng Núi Sam", "Danh lam thắng cảnh", "Quốc gia", 1980, "Vĩnh Tế"), ("Nhà mồ Ba Chúc", "Lịch sử", "Quốc gia", 1980, "Ba Chúc"),
    ("Đình Châu Phú", "Kiến trúc nghệ thuật", "Quốc gia", 2009, "Châu Đốc"), ("Đồi Tức Dụp", "Lịch sử", "Quốc gia", 1999, "An Cư"),
    ("Chùa Xà Tón", "Kiến trúc nghệ thuật", "Quốc gia", 1990, "Tri Tôn"), ("Đình Mỹ Phước", "Kiến trúc nghệ thuật", "Quốc gia", 1992, "Long Xuyên"),
    ("Rừng tràm Trà Sư", "Danh lam thắng cảnh", "Quốc gia", 2005, "Thới Sơn"), ("Danh thắng Núi Cấm", "Danh lam thắng cảnh", "Cấp tỉnh", 2009, "Núi Cấm"),
    ("Thánh đường Mubarak", "Kiến trúc nghệ thuật", "Cấp tỉnh", 2004, "Châu Phong"), ("Chùa Hang (Phước Điền tự)", "Kiến trúc nghệ thuật", "Cấp tỉnh", 2003, "Vĩnh Tế"),
]


def _heritage_rows(rng):
    for i in range(1, 216):
        if i <= len(HERITAGE):
            name, kind, rank, year, where = HERITAGE[i - 1]
            place = place_of(where)
        else:
            place = pick_places(rng, 1)[0]
            khmer = place.lon < 105.05 and rng.random() < 0.6
            name = (f"Chùa {rng.choice(('Sà Lôn', 'Tà Miệt', 'Soài Chek', 'Ô Tà Sóc', 'Phnôm Pi', 'Tà Pạ', 'Svay Sor'))}" if khmer
                    else f"{rng.choice(('Đình', 'Chùa', 'Miếu', 'Nhà thờ họ', 'Bia tưởng niệm', 'Địa điểm chiến thắng'))} {local_name(rng, place)}")
            kind = rng.choices(("Lịch sử", "Kiến trúc nghệ thuật", "Khảo cổ", "Danh lam thắng cảnh"), (45, 45, 4, 6))[0]
            rank, year = "Cấp tỉnh", rng.randint(2001, 2025)
        row = (f"DT{i:04d}", name, kind, rank, year, "", "", 0.0, 0.0)
        yield relocate(rng, row, place)


SITES = [("Khu du lịch quốc gia Núi Sam", "Vĩnh Tế", 260000), ("Khu du lịch Núi Cấm", "Núi Cấm", 110000),
         ("Rừng tràm Trà Sư", "Thới Sơn", 42000), ("Khu di tích Óc Eo - Ba Thê", "Óc Eo", 21000),
         ("Khu lưu niệm Chủ tịch Tôn Đức Thắng", "Mỹ Hòa Hưng", 26000), ("Làng Chăm Châu Giang", "Châu Phong", 9000),
         ("Chợ nổi Long Xuyên", "Long Xuyên", 14000), ("Đồi Tức Dụp", "An Cư", 12000), ("Hồ Soài So", "Cô Tô", 11000),
         ("Làng dệt thổ cẩm Văn Giáo", "Tịnh Biên", 5000), ("Cù lao Ông Hổ", "Mỹ Hòa Hưng", 7000), ("Làng lụa Tân Châu", "Tân Châu", 6000)]


def _site_rows(rng):
    for period in months("2023-01", "2026-10"):
        for n, (name, where, visitors) in enumerate(SITES, start=1):
            festival = 2.4 if n <= 2 and month_of(period) in (1, 2, 5) else 1.0
            yield period, f"DL{n:02d}", name, place_of(where).full_name, vary(rng, visitors * festival, 0.15), vary(rng, visitors * festival * 0.06, 0.2)


FACILITY_KINDS = [("Trung tâm Văn hóa - Thể thao xã, phường", 1, 2500), ("Nhà văn hóa ấp, khóm", 9, 300),
                  ("Sân bóng đá", 3, 5000), ("Sân bóng chuyền, cầu lông", 7, 250), ("Thư viện, tủ sách cộng đồng", 4, 60)]


def _culture_rows(rng):
    for place in PLACES:
        for name, count, area in FACILITY_KINDS:
            number = max(1 if count == 1 else 0, vary(rng, count * place.population / 40, 0.4)) if count > 1 else 1
            standard = int(number * rng.uniform(0.4, 1.0))
            yield 2025, place.code, place.full_name, name, number, standard, vary(rng, area, 0.3), round(rng.uniform(40, 95), 1)


# -- Sở Khoa học và Công nghệ -------------------------------------------------------------

UNIVERSITY = "Trường Đại học An Giang"
RESEARCH = [
    ("Nông nghiệp", "Nghiên cứu tuyển chọn giống lúa {x} chịu mặn, phát thải thấp cho vùng {p}", ("OM 18", "Đài Thơm 8", "An Giang 5", "thơm mùa lũ"),
     ("Viện Lúa Đồng bằng sông Cửu Long", UNIVERSITY)),
    ("Nông nghiệp", "Xây dựng mô hình nuôi {x} theo hướng tuần hoàn tại {p}", ("cá tra", "lươn không bùn", "tôm càng xanh", "ếch Thái Lan"),
     (UNIVERSITY, "Hội Nông dân tỉnh")),
    ("Y dược", "Đánh giá thực trạng bệnh {x} ở người dân {p} và đề xuất giải pháp", ("đái tháo đường", "tăng huyết áp", "sốt xuất huyết"),
     ("Trung tâm Kiểm soát bệnh tật tỉnh", "Bệnh viện Đa khoa Trung tâm An Giang")),
    ("Khoa học xã hội", "Bảo tồn và phát huy giá trị {x} của đồng bào Khmer vùng Bảy Núi", ("lễ hội Dolta", "nghệ thuật Dù kê", "nghề dệt thổ cẩm", "chữ viết Khmer"),
     (UNIVERSITY, "Bảo tàng tỉnh")),
    ("Kỹ thuật và công nghệ", "Ứng dụng IoT giám sát {x} tại {p}", ("chất lượng nước ao nuôi", "mực nước đồng ruộng", "độ mặn kênh nội đồng"),
     ("Trung tâm Chuyển đổi số tỉnh", UNIVERSITY)),
    ("Môi trường", "Đánh giá nguy cơ sạt lở bờ {x} và giải pháp ứng phó", ("sông Hậu", "sông Tiền", "sông Vàm Nao", "kênh Vĩnh Tế"),
     ("Sở Nông nghiệp và Môi trường", UNIVERSITY)),
    ("Chuyển đổi số", "Xây dựng nền tảng {x} cho tỉnh An Giang", ("du lịch thông minh", "truy xuất nguồn gốc nông sản", "bản đồ số dùng chung"),
     ("Trung tâm Chuyển đổi số tỉnh", "Công ty cổ phần Công nghệ Mê Kông")),
]


def _research_rows(rng):
    for i in range(1, 231):
        field, pattern, words, hosts = rng.choice(RESEARCH)
        start = rng.randint(2016, 2025)
        status = rng.choices(("Xuất sắc", "Khá", "Đạt"), (15, 50, 35))[0] if start <= 2023 else "Đang thực hiện"
        yield (f"KHCN-{start}-{i:03d}", pattern.format(x=rng.choice(words), p=rng.choice(PLACES).in_text), field,
               rng.choice(("Đề tài", "Đề tài", "Dự án sản xuất thử nghiệm", "Đề án khoa học")), rng.choice(hosts),
               start, start + rng.randint(1, 3), int(round(rng.uniform(250, 3200), -1)), status)


OPERATORS = [("Viettel", 0.42), ("VNPT-VinaPhone", 0.30), ("MobiFone", 0.23), ("Vietnamobile", 0.05)]


def _bts_rows(rng):
    for year in (2024, 2025):
        for place in PLACES:
            for operator, share in OPERATORS:
                sites = vary(rng, place.population * 0.55 * share, 0.2)
                five_g = int(sites * rng.uniform(0.05, 0.2) * (2.2 if year == 2025 else 1)) if place.kind == "Phường" or year == 2025 else 0
                yield year, place.code, place.full_name, operator, sites, five_g, round(min(100, rng.uniform(92, 100)), 1)


def _wifi(rng, i, place):
    kind = rng.choice(("Chợ", "Trụ sở UBND", "Công viên, quảng trường", "Bến xe, bến phà", "Điểm du lịch", "Bệnh viện, trạm y tế"))
    return (f"{kind.split(',')[0]} {local_name(rng, place)}", kind, "AnGiang-Free-WiFi",
            rng.choice((50, 100, 150, 200)), rng.choice(("Viettel An Giang", "VNPT An Giang", "MobiFone An Giang")))


PILLARS = ("Chính quyền số", "Kinh tế số", "Xã hội số", "Tổng hợp")


def _dti_rows(rng):
    for year in (2023, 2024, 2025):
        scores = {}
        for place in PLACES:
            base = rng.uniform(0.35, 0.8) + (0.1 if place.kind == "Phường" else 0) + 0.05 * (year - 2023)
            scores[place.code] = [round(min(1.0, base + rng.uniform(-0.1, 0.1)), 3) for _ in range(3)]
            scores[place.code].append(round(sum(scores[place.code]) / 3, 3))
        ranking = sorted(scores, key=lambda c: -scores[c][3])
        for place in PLACES:
            for k, pillar in enumerate(PILLARS):
                yield year, place.code, place.full_name, pillar, scores[place.code][k], 1.0, ranking.index(place.code) + 1


def _visit_rows(rng):
    for day in days(D(2025, 1, 1), D(2026, 10, 31)):
        weekday = day.weekday() < 5
        for portal, visits in (("Cổng thông tin điện tử tỉnh", 42000), ("Cổng dữ liệu mở tỉnh", 1800)):
            count = vary(rng, visits * (1.0 if weekday else 0.45), 0.2)
            users = int(count * rng.uniform(0.55, 0.7))
            yield day, portal, count, users, int(count * rng.uniform(2.2, 3.8)), round(rng.uniform(58, 74), 1)


SERVICES = ("Tra cứu hồ sơ thủ tục hành chính", "Tra cứu thông tin doanh nghiệp", "Đồng bộ dữ liệu hộ tịch", "Tra cứu thông tin đất đai",
            "Đồng bộ danh mục dùng chung", "Tra cứu bảo hiểm xã hội", "Xác thực công dân qua VNeID", "Thanh toán trực tuyến",
            "Đồng bộ kết quả học tập", "Tra cứu giấy phép xây dựng", "Báo cáo kinh tế - xã hội", "Chia sẻ dữ liệu quan trắc môi trường")
SYSTEMS = ("Hệ thống thông tin giải quyết TTHC tỉnh", "Cơ sở dữ liệu quốc gia về dân cư", "Nền tảng NDXP quốc gia",
           "Hệ thống quản lý văn bản và điều hành", "Cơ sở dữ liệu đất đai", "Hệ thống báo cáo của tỉnh", "Cổng dữ liệu mở tỉnh")


def _service_rows(rng):
    for i in range(1, 212):
        provider, consumer = rng.sample(SYSTEMS, 2)
        yield (f"LGSP-{i:04d}", f"{rng.choice(SERVICES)} (phiên bản {rng.randint(1, 3)})", provider, consumer,
               rng.choice(("REST/JSON", "REST/JSON", "SOAP/XML")), vary(rng, 20000, 0.9), rng.choice(("Đang hoạt động", "Đang hoạt động", "Thử nghiệm")))


SPECS = [
    DatasetSpec(
        org="so-van-hoa-the-thao-va-du-lich", title="Lượt khách du lịch và doanh thu du lịch hằng tháng",
        title_en="Monthly tourist arrivals and tourism revenue", topics=("van-hoa-du-lich-the-thao", "kinh-te-tai-chinh"),
        tags=("du lịch", "lượt khách", "doanh thu du lịch"),
        about="Tổng lượt khách, khách lưu trú, ngày khách và doanh thu du lịch theo nhóm khách từ 2019, thấy rõ giai đoạn "
              "dịch COVID-19 và mùa cao điểm dịp Tết, Lễ hội Vía Bà Chúa Xứ Núi Sam.",
        uses=("Đánh giá phục hồi du lịch sau dịch.", "Doanh nghiệp lập kế hoạch kinh doanh mùa cao điểm."),
        table=Table("Lượt khách và doanh thu du lịch hằng tháng",
                    cols("Tháng|Kỳ báo cáo (YYYY-MM)", "Nhóm khách|Phân loại khách", "Lượt khách|Tổng lượt khách|lượt",
                         "Khách lưu trú|Lượt khách có nghỉ qua đêm|lượt", "Ngày khách|Tổng số ngày khách lưu trú|ngày",
                         "Doanh thu|Doanh thu du lịch ước tính|triệu đồng"),
                    _tourism_rows, "số liệu một nhóm khách trong một tháng"),
        source="Báo cáo của cơ sở lưu trú, điểm du lịch và điều tra chi tiêu của khách", method="report",
        formats=("CSV", "XLSX"), frequency="MONTHLY", temporal=(D(2019, 1, 1), D(2026, 10, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="so-van-hoa-the-thao-va-du-lich", title="Danh sách cơ sở lưu trú du lịch",
        title_en="Tourist accommodation establishments", topics=("van-hoa-du-lich-the-thao",),
        tags=("cơ sở lưu trú", "khách sạn", "homestay", "du lịch"),
        about="Khách sạn, nhà nghỉ du lịch, homestay và căn hộ du lịch đã thông báo đủ điều kiện kinh doanh hoặc được "
              "công nhận hạng sao, tập trung ở Châu Đốc, Núi Sam, Núi Cấm và Long Xuyên.",
        uses=("Du khách tìm chỗ nghỉ.", "Dự báo công suất phòng mùa lễ hội.", "Bản đồ du lịch số."),
        table=facility_table("Danh sách cơ sở lưu trú du lịch",
                             ("Mã cơ sở|Mã quản lý", "Tên cơ sở|Tên thương mại", "Loại hình|Loại cơ sở lưu trú",
                              "Hạng|Hạng sao hoặc đạt tiêu chuẩn", "Số buồng|Số buồng|buồng", "Số giường|Số giường|giường",
                              "Năm hoạt động|Năm bắt đầu kinh doanh"),
                             _lodging_rows, "một cơ sở lưu trú"),
        source="Cơ sở dữ liệu du lịch của Sở Văn hóa, Thể thao và Du lịch", method="register",
        formats=("CSV", "GEOJSON"), frequency="MONTHLY", temporal=(D(2025, 1, 1), D(2026, 10, 31)), licence="odc-odbl"),
    DatasetSpec(
        org="so-van-hoa-the-thao-va-du-lich", title="Di tích lịch sử - văn hóa, danh lam thắng cảnh được xếp hạng",
        title_en="Ranked historical and cultural relics and scenic sites", topics=("van-hoa-du-lich-the-thao",),
        tags=("di tích", "di sản văn hóa", "danh lam thắng cảnh"),
        about="Các di tích quốc gia đặc biệt, quốc gia và cấp tỉnh: loại hình, cấp xếp hạng, năm xếp hạng và vị trí. "
              "Một số di tích cấp tỉnh trong bảng là minh họa.",
        uses=("Bản đồ di sản phục vụ du lịch văn hóa, tâm linh.", "Lập kế hoạch tu bổ, tôn tạo di tích."),
        table=facility_table("Di tích được xếp hạng",
                             ("Mã di tích|Mã quản lý", "Tên di tích|Tên gọi", "Loại hình|Loại hình di tích", "Cấp xếp hạng|Cấp",
                              "Năm xếp hạng|Năm có quyết định"),
                             _heritage_rows, "một di tích hoặc danh thắng"),
        source="Hồ sơ xếp hạng di tích của Bộ Văn hóa, Thể thao và Du lịch và UBND tỉnh", method="admin",
        formats=("CSV", "GEOJSON"), frequency="ANNUAL", temporal=(D(1980, 1, 1), D(2025, 12, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="so-van-hoa-the-thao-va-du-lich", title="Lượt khách tham quan tại các điểm du lịch trọng điểm hằng tháng",
        title_en="Monthly visitors at major tourist sites", topics=("van-hoa-du-lich-the-thao",),
        tags=("điểm du lịch", "lượt khách", "Núi Sam", "Núi Cấm"),
        about="Lượt khách tham quan và lượt khách quốc tế tại 12 điểm du lịch trọng điểm, từ Khu du lịch quốc gia Núi Sam, "
              "Núi Cấm đến các làng nghề Chăm, Khmer.",
        uses=("Phân luồng giao thông, an ninh dịp lễ hội.", "Xúc tiến sản phẩm du lịch mới."),
        table=Table("Lượt khách tại các điểm du lịch",
                    cols("Tháng|Kỳ (YYYY-MM)", "Mã điểm|Mã điểm du lịch", "Điểm du lịch|Tên", "Xã, phường|Nơi có điểm du lịch",
                         "Lượt khách|Tổng lượt khách|lượt", "Khách quốc tế|Lượt khách quốc tế|lượt"),
                    _site_rows, "số khách của một điểm du lịch trong một tháng"),
        source="Báo cáo của ban quản lý các khu, điểm du lịch", formats=("CSV", "JSON"), frequency="MONTHLY",
        temporal=(D(2023, 1, 1), D(2026, 10, 31))),
    DatasetSpec(
        org="so-van-hoa-the-thao-va-du-lich", title="Thiết chế văn hóa, thể thao cơ sở theo xã, phường năm 2025",
        title_en="Community cultural and sports facilities by commune, 2025", topics=("van-hoa-du-lich-the-thao",),
        tags=("thiết chế văn hóa", "nhà văn hóa", "thể thao"),
        about="Số trung tâm văn hóa - thể thao, nhà văn hóa ấp, khóm, sân thể thao và thư viện cộng đồng ở mỗi xã, phường "
              "sau sắp xếp.\n\nBản nháp: đang chờ các xã, phường rà soát.",
        uses=("Rà soát thiết chế dôi dư, thiếu hụt sau sáp nhập.",),
        table=Table("Thiết chế văn hóa thể thao cơ sở năm 2025",
                    (*PLACE_COLS(), *cols("Loại thiết chế|Loại", "Số lượng|Số thiết chế|cái", "Đạt chuẩn|Số đạt chuẩn theo quy định|cái",
                                           "Diện tích bình quân|Diện tích|m²", "Hoạt động thường xuyên|Tỷ lệ hoạt động thường xuyên|%")),
                    _culture_rows, "một loại thiết chế ở một xã, phường"),
        source="Báo cáo rà soát thiết chế văn hóa của UBND các xã, phường", formats=("CSV",), frequency="ANNUAL",
        temporal=(D(2025, 1, 1), D(2025, 12, 31)), state=DatasetState.DRAFT),
    DatasetSpec(
        org="so-khoa-hoc-va-cong-nghe", title="Nhiệm vụ khoa học và công nghệ cấp tỉnh giai đoạn 2016-2025",
        title_en="Provincial science and technology projects, 2016-2025", topics=("khoa-hoc-cong-nghe",),
        tags=("khoa học công nghệ", "đề tài nghiên cứu", "đổi mới sáng tạo"),
        about="Đề tài, dự án sản xuất thử nghiệm và đề án khoa học cấp tỉnh: cơ quan chủ trì, thời gian, kinh phí ngân sách và "
              "kết quả nghiệm thu. Không có tên chủ nhiệm nhiệm vụ.",
        uses=("Tránh trùng lặp khi đề xuất nhiệm vụ mới.", "Doanh nghiệp tìm kết quả nghiên cứu để chuyển giao."),
        table=Table("Nhiệm vụ khoa học và công nghệ cấp tỉnh 2016-2025",
                    cols("Mã nhiệm vụ|Mã quản lý", "Tên nhiệm vụ|Tên đề tài, dự án", "Lĩnh vực|Lĩnh vực khoa học", "Loại|Loại nhiệm vụ",
                         "Cơ quan chủ trì|Tổ chức chủ trì", "Năm bắt đầu|Năm", "Năm kết thúc|Năm", "Kinh phí|Kinh phí ngân sách tỉnh|triệu đồng",
                         "Kết quả|Xếp loại nghiệm thu"),
                    _research_rows, "một nhiệm vụ khoa học và công nghệ"),
        source="Cơ sở dữ liệu nhiệm vụ khoa học và công nghệ", method="admin", formats=("CSV", "XLSX"), frequency="ANNUAL",
        temporal=(D(2016, 1, 1), D(2025, 12, 31))),
    DatasetSpec(
        org="so-khoa-hoc-va-cong-nghe", title="Trạm thu phát sóng di động 4G, 5G theo xã, phường và doanh nghiệp viễn thông",
        title_en="4G and 5G base stations by commune and operator", topics=("khoa-hoc-cong-nghe",),
        tags=("viễn thông", "5G", "hạ tầng số"),
        about="Số trạm BTS 4G, 5G của từng doanh nghiệp viễn thông và tỷ lệ phủ sóng 4G khu dân cư ở mỗi xã, phường.",
        uses=("Xác định vùng lõm sóng.", "Theo dõi triển khai 5G."),
        table=Table("Trạm BTS theo xã phường và doanh nghiệp",
                    (*PLACE_COLS(), *cols("Doanh nghiệp|Doanh nghiệp viễn thông", "Trạm 4G|Số trạm phát sóng 4G|trạm",
                                           "Trạm 5G|Số trạm phát sóng 5G|trạm", "Phủ sóng 4G|Tỷ lệ khu dân cư có sóng 4G|%")),
                    _bts_rows, "số trạm của một doanh nghiệp ở một xã, phường trong một năm"),
        source="Báo cáo của các doanh nghiệp viễn thông", formats=("CSV",), frequency="ANNUAL",
        temporal=(D(2024, 1, 1), D(2025, 12, 31)), licence="cc-zero"),
    DatasetSpec(
        org="so-khoa-hoc-va-cong-nghe", title="Điểm phát Wi-Fi công cộng miễn phí",
        title_en="Free public Wi-Fi hotspots", topics=("khoa-hoc-cong-nghe", "van-hoa-du-lich-the-thao"),
        tags=("Wi-Fi", "hạ tầng số", "du lịch thông minh"),
        about="Các điểm phát Wi-Fi miễn phí tại chợ, trụ sở, công viên, bến xe và điểm du lịch, kèm tên mạng và băng thông.",
        uses=("Người dân, du khách tìm điểm truy cập Internet miễn phí.",),
        table=facility_table("Điểm phát Wi-Fi công cộng miễn phí",
                             ("Mã điểm|Mã quản lý", "Tên điểm|Tên địa điểm", "Loại địa điểm|Loại", "Tên mạng|SSID",
                              "Băng thông|Băng thông kết nối|Mbps", "Đơn vị lắp đặt|Doanh nghiệp cung cấp"),
                             facilities(264, None, _wifi, "WF"), "một điểm phát Wi-Fi"),
        source="Dự án Wi-Fi công cộng của tỉnh", method="field", formats=("CSV", "GEOJSON"), frequency="IRREG",
        temporal=(D(2024, 6, 1), D(2026, 6, 30)), licence="odc-odbl"),
    DatasetSpec(
        org="so-khoa-hoc-va-cong-nghe", title="Chỉ số chuyển đổi số cấp xã (DTI) năm 2023-2025",
        title_en="Commune digital transformation index (DTI), 2023-2025", topics=("khoa-hoc-cong-nghe", "chinh-quyen-hanh-chinh-cong"),
        tags=("chuyển đổi số", "DTI", "chính quyền số"),
        about="Điểm chỉ số chuyển đổi số của xã, phường theo ba trụ cột chính quyền số, kinh tế số, xã hội số và điểm tổng "
              "hợp, cùng thứ hạng trong tỉnh.",
        uses=("Xếp hạng, khen thưởng địa phương dẫn đầu.", "Hỗ trợ xã, phường có điểm thấp."),
        table=Table("Chỉ số chuyển đổi số cấp xã",
                    (*PLACE_COLS(), *cols("Trụ cột|Trụ cột đánh giá", "Điểm|Điểm đạt được (0-1)", "Điểm tối đa|Thang điểm",
                                           "Xếp hạng|Thứ hạng điểm tổng hợp trong tỉnh")),
                    _dti_rows, "điểm của một xã, phường ở một trụ cột trong một năm"),
        source="Kết quả đánh giá DTI cấp xã của Ban Chỉ đạo chuyển đổi số tỉnh", method="admin", formats=("CSV", "JSON"),
        frequency="ANNUAL", temporal=(D(2023, 1, 1), D(2025, 12, 31))),
    DatasetSpec(
        org="trung-tam-chuyen-doi-so", title="Lượt truy cập Cổng thông tin điện tử tỉnh và Cổng dữ liệu mở hằng ngày",
        title_en="Daily visits to the provincial web portal and open data portal", topics=("khoa-hoc-cong-nghe", "chinh-quyen-hanh-chinh-cong"),
        tags=("cổng thông tin", "lượt truy cập", "dữ liệu mở"),
        about="Lượt truy cập, người dùng, lượt xem trang và tỷ lệ truy cập từ điện thoại của hai cổng do Trung tâm Chuyển "
              "đổi số vận hành, thống kê theo ngày.",
        uses=("Đánh giá mức độ sử dụng dịch vụ số của người dân.", "Lập kế hoạch nâng cấp hạ tầng."),
        table=Table("Lượt truy cập cổng thông tin hằng ngày",
                    cols("Ngày|Ngày thống kê", "Cổng|Tên cổng", "Lượt truy cập|Số phiên truy cập|lượt", "Người dùng|Người dùng duy nhất|người",
                         "Lượt xem trang|Số trang được xem|lượt", "Từ điện thoại|Tỷ lệ phiên từ thiết bị di động|%"),
                    _visit_rows, "số liệu một cổng trong một ngày"),
        source="Hệ thống phân tích truy cập tự vận hành của Trung tâm", method="monitor", formats=("CSV",),
        links=(Link("API thống kê truy cập (CKAN Action API)", "https://dulieu.angiang.gov.vn/api/3/action/package_show?id=luot-truy-cap",
                    "api", "API", "Cùng dữ liệu qua API tương thích CKAN; địa chỉ minh họa."),),
        frequency="DAILY", temporal=(D(2025, 1, 1), D(2026, 10, 31)), licence="cc-zero"),
    DatasetSpec(
        org="trung-tam-chuyen-doi-so", title="Danh mục dịch vụ chia sẻ dữ liệu trên nền tảng tích hợp LGSP của tỉnh",
        title_en="Data sharing services on the provincial integration platform (LGSP)", topics=("khoa-hoc-cong-nghe", "chinh-quyen-hanh-chinh-cong"),
        tags=("LGSP", "chia sẻ dữ liệu", "tích hợp"),
        about="Các dịch vụ kết nối, chia sẻ dữ liệu giữa hệ thống của tỉnh và hệ thống quốc gia qua LGSP: hệ thống cung cấp, "
              "hệ thống khai thác, giao thức và lượt gọi.\n\nBản nháp: chờ Sở Khoa học và Công nghệ duyệt trước khi công bố.",
        uses=("Cơ quan tìm dịch vụ sẵn có trước khi xây dựng kết nối mới.",),
        table=Table("Danh mục dịch vụ chia sẻ dữ liệu LGSP",
                    cols("Mã dịch vụ|Mã trên LGSP", "Tên dịch vụ|Tên", "Hệ thống cung cấp|Nguồn dữ liệu", "Hệ thống khai thác|Bên sử dụng",
                         "Giao thức|Kiểu kết nối", "Lượt gọi tháng|Lượt gọi trong tháng gần nhất|lượt", "Trạng thái|Tình trạng vận hành"),
                    _service_rows, "một dịch vụ chia sẻ dữ liệu"),
        source="Cổng quản trị LGSP của tỉnh", method="admin", formats=("CSV", "JSON"), frequency="IRREG",
        temporal=(D(2025, 1, 1), D(2026, 10, 31)), state=DatasetState.DRAFT),
]
