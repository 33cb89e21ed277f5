"""Demo datasets of the provincial statistics office (Chi cục Thống kê tỉnh An Giang)."""
from __future__ import annotations

from datetime import date

from .datasets import DatasetSpec
from .places import PLACES
from .tables import PLACE_COLS, Table, cols, month_of, months, per_place, quarters, years

D = date

CPI_GROUPS = [("00", "Chỉ số giá tiêu dùng chung", 0.28), ("01", "Hàng ăn và dịch vụ ăn uống", 0.35),
              ("02", "Đồ uống và thuốc lá", 0.20), ("03", "May mặc, mũ nón, giày dép", 0.12), ("04", "Nhà ở, điện, nước, chất đốt và VLXD", 0.40),
              ("05", "Thiết bị và đồ dùng gia đình", 0.10), ("06", "Thuốc và dịch vụ y tế", 0.45), ("07", "Giao thông", 0.30),
              ("08", "Bưu chính viễn thông", -0.08), ("09", "Giáo dục", 0.50), ("10", "Văn hóa, giải trí và du lịch", 0.15),
              ("11", "Đồ dùng và dịch vụ khác", 0.22)]


def _cpi_rows(rng):
    level = {code: 100.0 for code, _, _ in CPI_GROUPS}
    history: dict[str, list[float]] = {code: [] for code, _, _ in CPI_GROUPS}
    for period in months("2020-01", "2026-10"):
        for code, name, drift in CPI_GROUPS:
            tet = 1.2 if month_of(period) in (1, 2) and code in ("00", "01", "03") else 0.0
            change = drift + tet + rng.gauss(0, 0.25)
            previous = level[code]
            level[code] = previous * (1 + change / 100)
            history[code].append(level[code])
            year_ago = history[code][-13] if len(history[code]) > 12 else None
            yield (period, code, name, round(100 * level[code] / previous, 2),
                   round(100 * level[code] / year_ago, 2) if year_ago else None, round(level[code], 2))


def _population(rng, place, i, year):
    total = int(place.population * 1000 * (1.003 ** (year - 2018)) * rng.uniform(0.995, 1.005))
    men = int(total * rng.uniform(0.488, 0.502))
    urban_share = rng.uniform(0.75, 0.98) if place.kind == "Phường" else rng.uniform(0.05, 0.3)
    area = round(place.population * (0.35 if place.kind == "Phường" else 1.9) * (1 + int(place.code) % 7 / 20), 2)
    urban = int(total * urban_share)
    return total, men, total - men, urban, total - urban, area, round(total / area)


def _population_features(table, rng):
    for place in PLACES:
        total = int(place.population * 1000 * 1.003 ** 6 * rng.uniform(0.995, 1.005))
        yield {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
               "properties": {"ma_dvhc": place.code, "ten": place.full_name, "loai": place.kind, "nam": 2024, "dan_so": total}}


SECTORS = [("NLTS", "Nông, lâm nghiệp và thủy sản", 27000, 0.028), ("CNXD", "Công nghiệp và xây dựng", 15500, 0.075),
           ("DV", "Dịch vụ", 40500, 0.068), ("THUE", "Thuế sản phẩm trừ trợ cấp sản phẩm", 3800, 0.05)]


def _grdp_rows(rng):
    for i, quarter in enumerate(quarters(2015, 2025)):
        covid = 0.93 if quarter == "2021-Q3" else 1.0
        values = []
        for code, name, base, growth in SECTORS:
            constant = base / 4 * (1 + growth) ** (i / 4) * covid * rng.uniform(0.97, 1.03)
            current = constant * 1.42 * (1.035 ** (i / 4))  # prices have risen since 2010
            values.append((code, name, round(current, 1), round(constant, 1), round(100 * ((1 + growth) - 1) + rng.uniform(-1.5, 1.5), 2)))
        total_current = sum(v[2] for v in values)
        for code, name, current, constant, change in values:
            yield quarter, code, name, current, constant, change, round(100 * current / total_current, 2)
        yield (quarter, "TONG", "Tổng sản phẩm trên địa bàn (GRDP)", round(total_current, 1),
               round(sum(v[3] for v in values), 1), round(rng.uniform(4.8, 7.2), 2), 100.0)


VSIC_LABOUR = [("A", "Nông nghiệp, lâm nghiệp và thủy sản", 520, -0.035), ("B", "Khai khoáng", 3, 0), ("C", "Công nghiệp chế biến, chế tạo", 170, 0.04),
               ("D", "Sản xuất và phân phối điện, khí đốt", 3, 0.01), ("E", "Cung cấp nước; xử lý rác thải", 5, 0.02), ("F", "Xây dựng", 95, 0.03),
               ("G", "Bán buôn và bán lẻ; sửa chữa ô tô, xe máy", 260, 0.02), ("H", "Vận tải kho bãi", 45, 0.025), ("I", "Dịch vụ lưu trú và ăn uống", 90, 0.03),
               ("J", "Thông tin và truyền thông", 6, 0.04), ("K", "Tài chính, ngân hàng và bảo hiểm", 12, 0.03), ("L", "Kinh doanh bất động sản", 4, 0.02),
               ("M", "Chuyên môn, khoa học và công nghệ", 7, 0.03), ("N", "Hành chính và dịch vụ hỗ trợ", 10, 0.03), ("O", "Đảng, đoàn thể, quản lý nhà nước, an ninh quốc phòng", 42, 0),
               ("P", "Giáo dục và đào tạo", 48, 0.005), ("Q", "Y tế và trợ giúp xã hội", 22, 0.02), ("R", "Nghệ thuật, vui chơi và giải trí", 8, 0.02),
               ("S", "Hoạt động dịch vụ khác", 40, 0.01), ("T", "Làm thuê trong hộ gia đình", 9, 0), ("U", "Tổ chức và cơ quan quốc tế", 0.1, 0)]


def _labour_rows(rng):
    for year in years(2015, 2024):
        for code, name, base, growth in VSIC_LABOUR:
            covid = 0.95 if year == 2021 else 1.0
            workers = round(base * (1 + growth) ** (year - 2015) * covid * rng.uniform(0.98, 1.02), 1)
            yield year, code, name, workers, round(workers * rng.uniform(0.35, 0.6), 1), round(rng.uniform(5, 38), 1)


INDICATORS = [
    ("DT", "Diện tích tự nhiên", "km²", 3536.7, 0.0), ("DS", "Dân số trung bình", "nghìn người", 2150, 0.002),
    ("MD", "Mật độ dân số", "người/km²", 608, 0.002), ("TLTT", "Tỷ lệ dân số thành thị", "%", 31.6, 0.01),
    ("LD", "Lao động từ 15 tuổi trở lên đang làm việc", "nghìn người", 1110, -0.004), ("TN", "Tỷ lệ thất nghiệp", "%", 2.4, -0.01),
    ("GRDP", "Tổng sản phẩm trên địa bàn (giá hiện hành)", "tỷ đồng", 72000, 0.075), ("GRDPBQ", "GRDP bình quân đầu người", "triệu đồng", 37.8, 0.07),
    ("THU", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 5600, 0.08), ("CHI", "Chi ngân sách địa phương", "tỷ đồng", 13500, 0.06),
    ("LUA", "Sản lượng lúa", "nghìn tấn", 3900, 0.004), ("DTLUA", "Diện tích gieo trồng lúa", "nghìn ha", 640, -0.003),
    ("TS", "Sản lượng thủy sản", "nghìn tấn", 420, 0.04), ("CATRA", "Sản lượng cá tra nuôi", "nghìn tấn", 290, 0.05),
    ("IIP", "Chỉ số sản xuất công nghiệp", "%", 107.2, 0.0), ("BL", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "tỷ đồng", 64000, 0.09),
    ("XK", "Kim ngạch xuất khẩu", "triệu USD", 850, 0.06), ("NK", "Kim ngạch nhập khẩu", "triệu USD", 280, 0.05),
    ("KDL", "Lượt khách du lịch", "nghìn lượt", 7600, 0.06), ("HS", "Số học sinh phổ thông", "nghìn học sinh", 300, 0.003),
    ("GV", "Số giáo viên phổ thông", "người", 16800, 0.0), ("GB", "Số giường bệnh", "giường", 7200, 0.02),
    ("BS", "Số bác sĩ", "người", 2400, 0.035), ("HN", "Tỷ lệ hộ nghèo (chuẩn đa chiều)", "%", 5.8, -0.12),
    ("DN", "Số doanh nghiệp đang hoạt động", "doanh nghiệp", 4300, 0.05), ("DIEN", "Tỷ lệ hộ sử dụng điện lưới", "%", 99.2, 0.0007),
]


def _yearbook_rows(rng):
    for code, name, unit, base, growth in INDICATORS:
        for year in years(2015, 2024):
            covid = 0.55 if code == "KDL" and year in (2020, 2021) else 1.0
            value = base * (1 + growth) ** (year - 2015) * covid * (1 + rng.uniform(-0.01, 0.01))
            if unit == "%":
                value = min(value, 100.0)
            yield code, name, unit, year, round(value, 1 if unit in ("%", "km²", "triệu đồng") or value < 1000 else 0)


SPECS = [
    DatasetSpec(
        org="chi-cuc-thong-ke-tinh-an-giang", title="Chỉ số giá tiêu dùng (CPI) hằng tháng tỉnh An Giang",
        title_en="Monthly consumer price index (CPI), An Giang", topics=("kinh-te-tai-chinh",),
        tags=("CPI", "lạm phát", "giá cả", "thống kê"),
        about="Chỉ số giá tiêu dùng chung và của 11 nhóm hàng hóa, dịch vụ, so với tháng trước, cùng kỳ năm trước và kỳ "
              "gốc (tháng 01/2020 = 100 trong bảng này; số liệu chính thức dùng kỳ gốc 2019).",
        uses=("Điều chỉnh giá trị hợp đồng, lương, trợ cấp theo trượt giá.", "Phân tích lạm phát địa phương so với cả nước."),
        table=Table("Chỉ số giá tiêu dùng hằng tháng",
                    cols("Tháng|Kỳ báo cáo (YYYY-MM)", "Mã nhóm|Mã nhóm hàng trong rổ hàng CPI", "Nhóm hàng hóa và dịch vụ|Tên nhóm",
                         "So với tháng trước|Chỉ số so với tháng trước|%", "So với cùng kỳ|Chỉ số so với cùng tháng năm trước (trống trong năm 2020)|%",
                         "So với kỳ gốc|Chỉ số so với tháng 01/2020|%"),
                    _cpi_rows, "chỉ số của một nhóm hàng trong một tháng"),
        source="Điều tra giá tiêu dùng hằng tháng tại các điểm điều tra của ngành Thống kê", method="survey",
        formats=("CSV", "XLSX"), frequency="MONTHLY", temporal=(D(2020, 1, 1), D(2026, 10, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="chi-cuc-thong-ke-tinh-an-giang", title="Dân số trung bình phân theo xã, phường giai đoạn 2018-2024",
        title_en="Average population by commune and ward, 2018-2024", topics=("dan-so-lao-dong-xa-hoi",),
        tags=("dân số", "mật độ dân số", "xã phường", "thống kê"),
        about="Dân số trung bình theo giới tính và thành thị - nông thôn, diện tích và mật độ dân số của từng xã, phường.\n\n"
              "Số liệu các năm trước 2025 được tính lại theo địa giới 102 xã, phường mới để so sánh được qua các năm. "
              "Tệp GeoJSON đặt dân số năm 2024 tại vị trí trung tâm mỗi xã, phường.",
        uses=("Tính các chỉ tiêu bình quân đầu người cấp xã.", "Lập kế hoạch trường học, trạm y tế theo quy mô dân số.",
              "Bản đồ phân bố dân cư."),
        table=Table("Dân số trung bình phân theo xã phường 2018-2024",
                    (*PLACE_COLS(), *cols("Dân số trung bình|Tổng số|người", "Nam|Dân số nam|người", "Nữ|Dân số nữ|người",
                                           "Thành thị|Dân số khu vực thành thị|người", "Nông thôn|Dân số khu vực nông thôn|người",
                                           "Diện tích|Diện tích tự nhiên|km²", "Mật độ dân số|Dân số trên diện tích|người/km²")),
                    per_place(years(2018, 2024), _population), "số liệu của một xã, phường trong một năm"),
        source="Kết quả Tổng điều tra dân số và nhà ở 2019, điều tra biến động dân số hằng năm", method="survey",
        formats=("CSV", "XLSX", "GEOJSON"), features=_population_features, frequency="ANNUAL",
        temporal=(D(2018, 1, 1), D(2024, 12, 31)), licence="cc-by-4.0", version="2.0"),
    DatasetSpec(
        org="chi-cuc-thong-ke-tinh-an-giang", title="Tổng sản phẩm trên địa bàn (GRDP) theo quý và khu vực kinh tế",
        title_en="Quarterly gross regional domestic product (GRDP) by sector", topics=("kinh-te-tai-chinh",),
        tags=("GRDP", "tăng trưởng kinh tế", "thống kê"),
        about="GRDP theo giá hiện hành và giá so sánh 2010 của ba khu vực kinh tế và thuế sản phẩm, tốc độ tăng và cơ cấu "
              "kinh tế theo quý từ 2015.",
        uses=("Đánh giá tăng trưởng và chuyển dịch cơ cấu kinh tế.", "Số liệu đầu vào cho mô hình dự báo kinh tế."),
        table=Table("GRDP theo quý và khu vực kinh tế",
                    cols("Quý|Kỳ (YYYY-Qn)", "Mã khu vực|Mã khu vực kinh tế", "Khu vực kinh tế|Tên khu vực",
                         "Giá hiện hành|GRDP theo giá hiện hành|tỷ đồng", "Giá so sánh 2010|GRDP theo giá so sánh|tỷ đồng",
                         "Tốc độ tăng|So với cùng kỳ năm trước (giá so sánh)|%", "Cơ cấu|Tỷ trọng trong GRDP (giá hiện hành)|%"),
                    _grdp_rows, "giá trị của một khu vực kinh tế trong một quý"),
        source="Biên soạn GRDP hằng quý theo phương pháp thống nhất toàn quốc", method="survey", formats=("CSV", "JSON"),
        frequency="QUARTERLY", temporal=(D(2015, 1, 1), D(2025, 12, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="chi-cuc-thong-ke-tinh-an-giang", title="Lao động từ 15 tuổi trở lên đang làm việc phân theo ngành kinh tế",
        title_en="Employed population aged 15+ by economic sector", topics=("dan-so-lao-dong-xa-hoi",),
        tags=("lao động", "việc làm", "thống kê"),
        about="Số lao động đang làm việc trong nền kinh tế theo ngành cấp 1, tỷ lệ lao động nữ và tỷ lệ lao động đã qua đào "
              "tạo có bằng, chứng chỉ.",
        uses=("Theo dõi chuyển dịch lao động ra khỏi nông nghiệp.", "Hoạch định đào tạo nghề."),
        table=Table("Lao động đang làm việc phân theo ngành kinh tế",
                    cols("Năm|Năm thống kê", "Mã ngành|Mã ngành cấp 1 VSIC 2018", "Ngành kinh tế|Tên ngành",
                         "Lao động|Số lao động đang làm việc|nghìn người", "Lao động nữ|Trong đó nữ|nghìn người",
                         "Đã qua đào tạo|Tỷ lệ có bằng, chứng chỉ|%"),
                    _labour_rows, "số lao động của một ngành trong một năm"),
        source="Điều tra lao động việc làm hằng năm", method="survey", formats=("CSV",), frequency="ANNUAL",
        temporal=(D(2015, 1, 1), D(2024, 12, 31)), licence=None),
    DatasetSpec(
        org="chi-cuc-thong-ke-tinh-an-giang", title="Niên giám thống kê tỉnh An Giang 2024: một số chỉ tiêu chủ yếu",
        title_en="An Giang statistical yearbook 2024: key indicators", topics=("kinh-te-tai-chinh", "dan-so-lao-dong-xa-hoi"),
        tags=("niên giám thống kê", "chỉ tiêu kinh tế xã hội", "thống kê"),
        about="Chuỗi số liệu 2015-2024 của 26 chỉ tiêu kinh tế - xã hội chủ yếu trích từ Niên giám thống kê tỉnh, dạng bảng "
              "dài (mỗi dòng một chỉ tiêu một năm) để dễ lọc và vẽ biểu đồ.\n\n"
              "Bản PDF tóm tắt dùng để in; số liệu chi tiết xem ở tệp bảng tính.",
        uses=("Tra cứu nhanh các chỉ tiêu chủ yếu của tỉnh.", "Giảng dạy, nghiên cứu về kinh tế vùng Đồng bằng sông Cửu Long."),
        table=Table("Niên giám thống kê 2024 - chỉ tiêu chủ yếu",
                    cols("Mã chỉ tiêu|Mã ngắn của chỉ tiêu", "Chỉ tiêu|Tên chỉ tiêu", "Đơn vị tính|Đơn vị đo", "Năm|Năm số liệu",
                         "Giá trị|Giá trị của chỉ tiêu"),
                    _yearbook_rows, "giá trị của một chỉ tiêu trong một năm"),
        source="Niên giám thống kê tỉnh An Giang các năm", method="survey", formats=("CSV", "XLSX", "PDF"),
        frequency="ANNUAL", temporal=(D(2015, 1, 1), D(2024, 12, 31)), licence="cc-by-4.0", version="2024"),
]
