"""Demo datasets of health and education (Sở Y tế, CDC, Sở Giáo dục và Đào tạo)."""
from __future__ import annotations

from datetime import date

from ..models import DatasetState
from .datasets import DatasetSpec
from .places import PLACES, WORDS, place_of
from .tables import (PLACE_COLS, Table, cols, facilities, facility_table, iso_weeks, months, per_place, quarters, relocate,
                     vary, years)

D = date

# -- Sở Y tế ------------------------------------------------------------------------

HOSPITALS = [
    ("Bệnh viện Đa khoa Trung tâm An Giang", "Long Xuyên", "I", 1200), ("Bệnh viện Tim mạch An Giang", "Long Xuyên", "II", 300),
    ("Bệnh viện Sản - Nhi An Giang", "Bình Đức", "II", 600), ("Bệnh viện Đa khoa khu vực tỉnh An Giang", "Châu Phú", "II", 700),
    ("Bệnh viện Đa khoa khu vực Châu Đốc", "Châu Đốc", "II", 500), ("Bệnh viện Đa khoa khu vực Tân Châu", "Tân Châu", "II", 350),
    ("Bệnh viện Mắt - Tai Mũi Họng - Răng Hàm Mặt An Giang", "Long Xuyên", "II", 150), ("Bệnh viện Y học cổ truyền An Giang", "Mỹ Thới", "II", 200),
    ("Bệnh viện Tâm thần An Giang", "Mỹ Thới", "II", 250), ("Bệnh viện Phổi An Giang", "Bình Đức", "II", 200),
    ("Trung tâm Y tế khu vực Chợ Mới", "Chợ Mới", "III", 260), ("Trung tâm Y tế khu vực Thoại Sơn", "Thoại Sơn", "III", 200),
    ("Trung tâm Y tế khu vực Tri Tôn", "Tri Tôn", "III", 180), ("Trung tâm Y tế khu vực An Phú", "An Phú", "III", 180),
]
SPECIALTIES = ("Nội", "Nhi", "Răng Hàm Mặt", "Mắt", "Tai Mũi Họng", "Sản phụ khoa", "Da liễu", "Chẩn đoán hình ảnh")


def _clinic(rng, i, place):
    if i <= len(HOSPITALS):
        name, _, grade, beds = HOSPITALS[i - 1]
        kind, public, beds = "Bệnh viện", "Công lập", beds
    else:
        kind = rng.choices(("Phòng khám đa khoa", "Phòng khám chuyên khoa", "Phòng chẩn trị y học cổ truyền", "Trạm y tế"),
                           (10, 55, 15, 20))[0]
        public = "Công lập" if kind == "Trạm y tế" else "Ngoài công lập"
        beds = rng.randint(3, 10) if kind == "Trạm y tế" else (rng.randint(5, 30) if kind == "Phòng khám đa khoa" else 0)
    issued = date(rng.randint(2013, 2025), rng.randint(1, 12), rng.randint(1, 28))
    return (kind, public, f"{rng.randint(10, 999):03d}/AG-GPHĐ", issued, beds, "Có" if public == "Công lập" or rng.random() < 0.4 else "Không")


def _clinic_name(rng, i, place):
    return HOSPITALS[i - 1][0] if i <= len(HOSPITALS) else ""  # others are named from their kind below


def _clinic_rows(rng):
    stations: dict[str, int] = {}
    for i, row in enumerate(facilities(640, _clinic_name, _clinic, "KCB")(rng), start=1):
        if i <= len(HOSPITALS):
            row = relocate(rng, row, place_of(HOSPITALS[i - 1][1]))
        elif row[2] == "Trạm y tế":
            unit = row[-3][0].lower() + row[-3][1:]
            n = stations[unit] = stations.get(unit, 0) + 1
            row = (row[0], f"Trạm y tế {unit}" + (f" (điểm trạm số {n})" if n > 1 else ""), *row[2:])
        else:
            kind = row[2] + (f" {rng.choice(SPECIALTIES)}" if row[2] == "Phòng khám chuyên khoa" else "")
            row = (row[0], f"{kind} {rng.choice(WORDS)}", *row[2:])
        yield row


def _pharmacy(rng, i, place):
    kind = rng.choices(("Nhà thuốc", "Quầy thuốc"), (35, 65))[0]
    year = rng.randint(2023, 2026)
    issued = date(year, rng.randint(1, 10 if year == 2026 else 12), rng.randint(1, 28))  # GPP lasts 3 years
    return (f"{kind} {rng.choice(WORDS)}", kind, f"{rng.randint(100, 4999)}/ĐKKDD-AG", issued,
            date(issued.year + 3, issued.month, issued.day),
            "Bán lẻ thuốc thành phẩm" + ("; thuốc phải kiểm soát đặc biệt" if kind == "Nhà thuốc" and rng.random() < 0.2 else ""))


def _hospital_rows(rng):
    for i, period in enumerate(months("2024-01", "2026-09")):
        for n, (name, place, grade, beds) in enumerate(HOSPITALS, start=1):
            outpatients = vary(rng, beds * 32 * (1.15 if period[5:] in ("07", "08", "09") else 1.0), 0.08)
            inpatients = vary(rng, beds * 3.1, 0.1)
            bed_days = vary(rng, beds * 28.5, 0.07)
            yield (period, f"BV{n:02d}", name, grade, outpatients, inpatients, bed_days, round(100 * bed_days / (beds * 30), 1))


def _claim_rows(rng):
    for period, code, name, grade, outpatients, inpatients, bed_days, _ in _hospital_rows(rng):
        yield (period, code, name, round(outpatients * 0.38 + inpatients * 6.5, 1), round(rng.uniform(0.4, 3.5), 2))


# -- CDC -------------------------------------------------------------------------------

def _dengue_rows(rng):
    for week, monday in iso_weeks(2025):
        season = 1 + 3.5 * max(0.0, 1 - abs(week - 32) / 12)
        for place in PLACES:
            cases = max(0, int(rng.gauss(place.population / 90 * season, 1.0)))
            severe = sum(1 for _ in range(cases) if rng.random() < 0.04)
            yield (2025, week, monday, place.code, place.full_name, cases, severe, 0, 1 if cases >= 4 and rng.random() < 0.5 else 0)


def _vaccination(rng, place, i, year):
    infants = vary(rng, place.population * 13, 0.06)
    rate = min(99.6, rng.uniform(91, 99) - (3 if place.lon < 105.05 else 0))
    return infants, int(infants * rate / 100), round(rate, 1), round(min(99.8, rate + rng.uniform(-2, 2)), 1), round(rng.uniform(78, 96), 1)


def _water_rows(rng):
    plants = [(f"NM{n:03d}", f"{'Nhà máy nước' if n <= 14 else 'Trạm cấp nước'} {p.name}" + (f" {n}" if n > 53 else ""), p)
              for n, p in enumerate((PLACES * 2)[:84], start=1)]
    for quarter in quarters(2024, 2025):
        for code, name, place in plants:
            coliform = 0 if rng.random() < 0.93 else rng.randint(1, 12)
            chlorine = round(rng.uniform(0.15, 0.9), 2)
            turbidity = round(rng.uniform(0.2, 2.4), 2)
            ok = coliform == 0 and 0.2 <= chlorine <= 1.0 and turbidity <= 2
            yield (quarter, code, name, place.full_name, round(rng.uniform(6.6, 8.2), 2), turbidity, chlorine, coliform,
                   0 if coliform < 5 else 1, "Đạt" if ok else "Không đạt")


# -- Sở Giáo dục và Đào tạo -----------------------------------------------------------

FAMOUS_HIGH_SCHOOLS = [("Trường THPT chuyên Thoại Ngọc Hầu", "Long Xuyên"), ("Trường THPT chuyên Thủ Khoa Nghĩa", "Châu Đốc"),
                       ("Trường THPT Long Xuyên", "Long Xuyên"), ("Trường THPT Nguyễn Hiền", "Bình Đức"),
                       ("Trường THPT Tân Châu", "Tân Châu"), ("Trường THPT Châu Phú", "Châu Phú"),
                       ("Trường Phổ thông Dân tộc nội trú tỉnh", "Chi Lăng"), ("Trường THPT Tịnh Biên", "Tịnh Biên")]
LEVELS = [("Mầm non", 30, 260, 0.2), ("Tiểu học", 28, 520, 0.06), ("THCS", 30, 700, 0.03), ("THPT", 36, 1100, 0.05)]


def _school(rng, i, place):
    level, per_class, size, private = LEVELS[3] if i <= len(FAMOUS_HIGH_SCHOOLS) else rng.choices(LEVELS, (34, 36, 22, 8))[0]
    pupils = vary(rng, size, 0.35)
    classes = max(3, round(pupils / per_class))
    standard = rng.choices(("Chưa đạt", "Mức độ 1", "Mức độ 2"), (40, 45, 15))[0]
    return (level, "Tư thục" if rng.random() < private else "Công lập", classes, pupils, round(classes * rng.uniform(1.3, 2.1)), standard)


def _school_name(rng, i, place):
    if i <= len(FAMOUS_HIGH_SCHOOLS):
        return FAMOUS_HIGH_SCHOOLS[i - 1][0]
    return ""  # named from the level in _school_rows


def _school_rows(rng):
    used = {name for name, _ in FAMOUS_HIGH_SCHOOLS}
    for i, row in enumerate(facilities(724, _school_name, _school, "", spread=0.025)(rng), start=1):
        code = f"{930000 + i * 7}"
        if i <= len(FAMOUS_HIGH_SCHOOLS):
            row = relocate(rng, row, place_of(FAMOUS_HIGH_SCHOOLS[i - 1][1]))
        else:
            level, unit = row[2], row[-3].split(" ", 1)[1]
            if row[3] == "Tư thục":
                unit = rng.choice(WORDS)
            name, n = f"Trường {level} {unit}", 1
            while name in used:  # "Trường Tiểu học Óc Eo B", "Trường THCS Óc Eo số 2"
                n += 1
                name = f"Trường {level} {unit} " + ("ABCDEGHIKLMNOPQ"[n - 1] if level in ("Mầm non", "Tiểu học") and n <= 15 else f"số {n}")
            used.add(name)
            row = (row[0], name, *row[2:])
        yield (code, *row[1:])


def _pupils(rng, place, i, period):
    year, level = period
    for name, per_class, size, _ in LEVELS:
        if name == level:
            pupils = vary(rng, place.population * {"Mầm non": 42, "Tiểu học": 78, "THCS": 58, "THPT": 33}[name], 0.08)
            classes = round(pupils / per_class)
            teachers = round(classes * {"Mầm non": 2.0, "Tiểu học": 1.5, "THCS": 1.9, "THPT": 2.2}[name] * rng.uniform(0.9, 1.05))
            schools = max(1, round(pupils / size))
            return (name, schools, classes, pupils, int(pupils * rng.uniform(0.47, 0.51)),
                    int(pupils * (rng.uniform(0.1, 0.45) if place.lon < 105.05 else rng.uniform(0, 0.03))), teachers, round(pupils / teachers, 1))
    raise KeyError(level)


def _pupil_rows(rng):
    for school_year in ("2023-2024", "2024-2025"):
        for place in PLACES:
            for level, *_ in LEVELS:
                yield (school_year, place.code, place.full_name, *_pupils(rng, place, 0, (school_year, level)))


SUBJECTS = [("Toán", 6.6), ("Ngữ văn", 7.1), ("Tiếng Anh", 5.2), ("Vật lý", 6.9), ("Hóa học", 6.1), ("Sinh học", 5.8),
            ("Lịch sử", 6.5), ("Địa lý", 6.9), ("Giáo dục kinh tế và pháp luật", 7.6), ("Tin học", 6.4)]


def _exam_rows(rng):
    used: set[str] = set()
    for n in range(1, 63):
        if n <= len(FAMOUS_HIGH_SCHOOLS):
            name, place = FAMOUS_HIGH_SCHOOLS[n - 1][0], place_of(FAMOUS_HIGH_SCHOOLS[n - 1][1])
        else:
            place = PLACES[(n * 7) % len(PLACES)]
            name = f"Trường THPT {place.name}"
            if name in used:
                name += " số 2"
        used.add(name)
        bonus = 0.9 if "chuyên" in name else rng.uniform(-0.6, 0.4)
        seniors = rng.randint(180, 520)
        for subject, mean in SUBJECTS:
            takers = seniors if subject in ("Toán", "Ngữ văn") else int(seniors * rng.uniform(0.05, 0.55))
            avg = round(min(9.2, max(3.0, mean + bonus + rng.gauss(0, 0.25))), 2)
            yield (f"{51000 + n}", name, place.full_name, subject, takers, avg, sum(1 for _ in range(takers) if rng.random() < 0.002),
                   int(takers * max(0.0, min(0.9, (avg - 5.5) / 4))), min(10.0, round((avg + rng.uniform(1.5, 3.4)) * 4) / 4))


OCCUPATIONS = ["Điện công nghiệp", "Điện dân dụng", "Cơ khí chế tạo", "Hàn", "Công nghệ ô tô", "Sửa chữa máy nông nghiệp",
               "Công nghệ thông tin", "Kế toán doanh nghiệp", "Quản trị khách sạn", "Hướng dẫn du lịch", "Kỹ thuật chế biến món ăn",
               "Nuôi trồng thủy sản", "Trồng trọt và bảo vệ thực vật", "Chăn nuôi - thú y", "May thời trang", "Dệt lụa truyền thống",
               "Điều dưỡng", "Dược", "Chăm sóc sắc đẹp", "Xây dựng dân dụng", "Logistics", "Thương mại điện tử",
               "Chế biến lương thực", "Lắp đặt điện năng lượng mặt trời", "Sửa chữa điện thoại, máy tính", "Tiếng Khmer thực hành",
               "Đan đát thủ công mỹ nghệ", "Nghiệp vụ bán hàng", "Vận hành máy xúc, máy ủi", "Lái xe hạng B"]


def _vocational_rows(rng):
    for year in years(2019, 2025):
        for n, name in enumerate(OCCUPATIONS, start=1):
            level = ("Cao đẳng", "Trung cấp", "Sơ cấp")[n % 3]
            quota = rng.randint(40, 400)
            enrolled = int(quota * rng.uniform(0.6 if year in (2020, 2021) else 0.75, 1.05))  # COVID years
            yield (year, f"{5_480_000 + n * 101}", name, level, quota, enrolled, int(enrolled * rng.uniform(0.7, 0.9)),
                   round(rng.uniform(72, 95), 1))


def _standard_school(rng, i, place):
    level = rng.choices(("Mầm non", "Tiểu học", "THCS", "THPT"), (30, 38, 24, 8))[0]
    return (level, rng.choices(("Mức độ 1", "Mức độ 2"), (75, 25))[0], rng.randint(2020, 2025),
            f"{rng.randint(100, 2999)}/QĐ-UBND")


SPECS = [
    DatasetSpec(
        org="so-y-te", title="Danh sách cơ sở khám bệnh, chữa bệnh được cấp giấy phép hoạt động",
        title_en="Licensed health care facilities", topics=("y-te-suc-khoe",),
        tags=("cơ sở khám chữa bệnh", "bệnh viện", "phòng khám", "giấy phép hoạt động"),
        about="Bệnh viện, trung tâm y tế, phòng khám đa khoa, phòng khám chuyên khoa, phòng chẩn trị y học cổ truyền và trạm "
              "y tế xã, phường đã được cấp giấy phép hoạt động theo Luật Khám bệnh, chữa bệnh 2023.",
        uses=("Người dân tìm cơ sở khám chữa bệnh gần nhà, có nhận bảo hiểm y tế.",
              "Quy hoạch mạng lưới y tế và phân bổ giường bệnh theo dân số.", "Ứng dụng bản đồ y tế trên điện thoại."),
        table=facility_table("Danh sách cơ sở khám bệnh chữa bệnh",
                             ("Mã cơ sở|Mã quản lý của Sở Y tế", "Tên cơ sở|Tên ghi trên giấy phép", "Hình thức tổ chức|Loại cơ sở khám chữa bệnh",
                              "Loại hình|Công lập hoặc ngoài công lập", "Số giấy phép|Số giấy phép hoạt động", "Ngày cấp|Ngày cấp giấy phép",
                              "Giường bệnh|Số giường bệnh kế hoạch|giường", "Khám BHYT|Có ký hợp đồng khám chữa bệnh BHYT"),
                             _clinic_rows, "một cơ sở khám bệnh, chữa bệnh"),
        source="Cơ sở dữ liệu cấp phép hành nghề, hoạt động khám bệnh, chữa bệnh", method="register",
        formats=("CSV", "XLSX", "GEOJSON"), frequency="MONTHLY", temporal=(D(2025, 1, 1), D(2026, 10, 31)), licence="odc-odbl"),
    DatasetSpec(
        org="so-y-te", title="Danh sách nhà thuốc, quầy thuốc đạt Thực hành tốt cơ sở bán lẻ thuốc (GPP)",
        title_en="Pharmacies and drug counters certified for Good Pharmacy Practice (GPP)", topics=("y-te-suc-khoe",),
        tags=("nhà thuốc", "GPP", "dược"),
        about="Nhà thuốc và quầy thuốc được cấp Giấy chứng nhận đủ điều kiện kinh doanh dược và đạt GPP, kèm thời hạn "
              "đánh giá lại và phạm vi kinh doanh.",
        uses=("Người dân kiểm tra nhà thuốc có đạt chuẩn.", "Thanh tra dược lập kế hoạch tái đánh giá GPP."),
        table=facility_table("Danh sách nhà thuốc quầy thuốc đạt GPP",
                             ("Mã cơ sở|Mã quản lý", "Tên cơ sở|Tên nhà thuốc, quầy thuốc", "Loại hình|Nhà thuốc hoặc quầy thuốc",
                              "Số giấy chứng nhận|Giấy chứng nhận đủ điều kiện kinh doanh dược", "Ngày đánh giá GPP|Ngày được công nhận đạt GPP",
                              "Hạn đánh giá lại|Hết hạn GPP (3 năm)", "Phạm vi kinh doanh|Phạm vi được phép"),
                             facilities(1460, None, _pharmacy, "GPP"),
                             "một nhà thuốc hoặc quầy thuốc"),
        source="Cơ sở dữ liệu dược quốc gia và hồ sơ cấp phép của Sở Y tế", method="register", formats=("CSV", "XLSX"),
        frequency="MONTHLY", temporal=(D(2025, 1, 1), D(2026, 10, 31))),
    DatasetSpec(
        org="so-y-te", title="Số lượt khám, chữa bệnh và công suất sử dụng giường bệnh theo bệnh viện hằng tháng",
        title_en="Monthly outpatient visits, admissions and bed occupancy by hospital", topics=("y-te-suc-khoe",),
        tags=("bệnh viện", "khám chữa bệnh", "giường bệnh"),
        about="Lượt khám ngoại trú, lượt điều trị nội trú, ngày giường điều trị và công suất sử dụng giường của các bệnh "
              "viện và trung tâm y tế khu vực tuyến tỉnh.",
        uses=("Phát hiện quá tải bệnh viện theo mùa.", "Lập kế hoạch đầu tư giường bệnh."),
        table=Table("Lượt khám chữa bệnh theo bệnh viện và tháng",
                    cols("Tháng|Kỳ báo cáo (YYYY-MM)", "Mã bệnh viện|Mã nội bộ", "Bệnh viện|Tên cơ sở", "Hạng|Hạng bệnh viện",
                         "Lượt khám ngoại trú|Số lượt khám|lượt", "Điều trị nội trú|Số lượt vào viện|lượt",
                         "Ngày điều trị|Tổng số ngày giường điều trị nội trú|ngày", "Công suất giường|So với giường kế hoạch|%"),
                    _hospital_rows, "số liệu một bệnh viện trong một tháng"),
        source="Báo cáo thống kê y tế hằng tháng của các bệnh viện", formats=("CSV", "JSON"), frequency="MONTHLY",
        temporal=(D(2024, 1, 1), D(2026, 9, 30))),
    DatasetSpec(
        org="so-y-te", title="Chi phí khám, chữa bệnh bảo hiểm y tế đề nghị thanh toán theo bệnh viện (nội bộ)",
        title_en="Health insurance claims by hospital (internal)", topics=("y-te-suc-khoe",), tags=("bảo hiểm y tế", "chi phí"),
        about="Chi phí khám chữa bệnh BHYT các bệnh viện đề nghị cơ quan bảo hiểm xã hội thanh toán và tỷ lệ bị xuất toán.\n\n"
              "Bộ dữ liệu **đang để chế độ riêng tư**: chỉ cán bộ Sở Y tế xem được, chờ thống nhất với Bảo hiểm xã hội tỉnh trước khi công khai.",
        uses=("Điều hành dự toán chi khám chữa bệnh BHYT.",),
        table=Table("Chi phí khám chữa bệnh BHYT theo bệnh viện",
                    cols("Tháng|Kỳ báo cáo (YYYY-MM)", "Mã bệnh viện|Mã nội bộ", "Bệnh viện|Tên cơ sở",
                         "Chi phí đề nghị|Chi phí BHYT đề nghị thanh toán|triệu đồng", "Tỷ lệ xuất toán|Phần bị từ chối thanh toán|%"),
                    _claim_rows, "chi phí của một bệnh viện trong một tháng"),
        source="Hệ thống giám định bảo hiểm y tế", method="admin", formats=("CSV",), frequency="MONTHLY",
        temporal=(D(2024, 1, 1), D(2026, 9, 30)), private=True),
    DatasetSpec(
        org="trung-tam-kiem-soat-benh-tat", title="Số ca mắc sốt xuất huyết Dengue theo tuần và theo xã, phường năm 2025",
        title_en="Weekly dengue fever cases by commune, 2025", topics=("y-te-suc-khoe",),
        tags=("sốt xuất huyết", "dịch bệnh", "giám sát dịch tễ"),
        about="Số ca mắc, ca nặng, tử vong do sốt xuất huyết Dengue và số ổ dịch được xử lý theo tuần dịch tễ ở từng xã, "
              "phường. Số liệu là số tổng hợp, không chứa thông tin của người bệnh.",
        uses=("Cảnh báo sớm và khoanh vùng dập dịch vào mùa mưa.", "Nghiên cứu mối liên hệ giữa dịch bệnh và thời tiết."),
        table=Table("Số ca mắc sốt xuất huyết theo tuần năm 2025",
                    cols("Năm|Năm", "Tuần|Tuần dịch tễ (ISO)", "Từ ngày|Ngày đầu tuần", "Mã ĐVHC|Mã xã, phường (minh họa)",
                         "Xã, phường|Tên xã, phường", "Số ca mắc|Ca mắc được ghi nhận|ca", "Ca nặng|Sốt xuất huyết Dengue nặng|ca",
                         "Tử vong|Số ca tử vong|ca", "Ổ dịch xử lý|Số ổ dịch đã xử lý|ổ dịch"),
                    _dengue_rows, "số ca của một xã, phường trong một tuần"),
        source="Hệ thống giám sát bệnh truyền nhiễm (báo cáo theo Thông tư 54/2015/TT-BYT)", method="report",
        formats=("CSV", "JSON"), frequency="WEEKLY", temporal=(D(2024, 12, 30), D(2025, 12, 28)), licence="cc-by-4.0"),
    DatasetSpec(
        org="trung-tam-kiem-soat-benh-tat", title="Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi theo xã, phường",
        title_en="Full immunisation coverage of infants by commune", topics=("y-te-suc-khoe", "dan-so-lao-dong-xa-hoi"),
        tags=("tiêm chủng", "trẻ em", "y tế dự phòng"),
        about="Kết quả Chương trình tiêm chủng mở rộng: số trẻ dưới 1 tuổi, số trẻ được tiêm đủ các mũi vắc xin cơ bản, tỷ "
              "lệ tiêm sởi mũi 1 và viêm gan B sơ sinh trong 24 giờ đầu.",
        uses=("Xác định xã, phường có tỷ lệ thấp để tiêm bù.", "Theo dõi chỉ tiêu y tế trong Nghị quyết HĐND."),
        table=Table("Tỷ lệ tiêm chủng đầy đủ trẻ dưới 1 tuổi",
                    (*PLACE_COLS(), *cols("Số trẻ dưới 1 tuổi|Trẻ trong diện tiêm|trẻ", "Tiêm chủng đầy đủ|Số trẻ tiêm đủ mũi|trẻ",
                                           "Tỷ lệ tiêm đầy đủ|Tỷ lệ|%", "Sởi mũi 1|Tỷ lệ tiêm vắc xin sởi mũi 1|%",
                                           "Viêm gan B sơ sinh|Tỷ lệ tiêm trong 24 giờ đầu|%")),
                    per_place(years(2021, 2025), _vaccination), "kết quả của một xã, phường trong một năm"),
        source="Hệ thống thông tin tiêm chủng quốc gia", method="admin", formats=("CSV",), frequency="ANNUAL",
        temporal=(D(2021, 1, 1), D(2025, 12, 31)), licence=None),
    DatasetSpec(
        org="trung-tam-kiem-soat-benh-tat", title="Kết quả giám sát chất lượng nước sạch tại các nhà máy, trạm cấp nước",
        title_en="Drinking water quality at water plants", topics=("y-te-suc-khoe", "tai-nguyen-moi-truong"),
        tags=("nước sạch", "chất lượng nước", "QCVN 01-1:2018/BYT"),
        about="Kết quả xét nghiệm mẫu nước sau xử lý tại các nhà máy, trạm cấp nước tập trung theo quý: pH, độ đục, clo dư, "
              "Coliform, E. coli và kết luận so với QCVN 01-1:2018/BYT.",
        uses=("Người dân biết chất lượng nước nơi mình sử dụng.", "Yêu cầu đơn vị cấp nước khắc phục khi không đạt."),
        table=Table("Kết quả giám sát chất lượng nước sạch",
                    cols("Quý|Kỳ giám sát (YYYY-Qn)", "Mã trạm|Mã nhà máy, trạm cấp nước", "Tên trạm|Tên nhà máy, trạm",
                         "Xã, phường|Nơi đặt trạm", "pH|Độ pH", "Độ đục|Độ đục|NTU", "Clo dư|Clo dư tự do|mg/L",
                         "Coliform|Tổng Coliform|CFU/100 mL", "E. coli|E. coli|CFU/100 mL", "Kết luận|Đạt hoặc không đạt quy chuẩn"),
                    _water_rows, "kết quả một lần giám sát tại một trạm"),
        source="Kết quả xét nghiệm của Khoa Xét nghiệm - CDC An Giang", method="monitor", formats=("CSV",),
        frequency="QUARTERLY", temporal=(D(2024, 1, 1), D(2025, 12, 31))),
    DatasetSpec(
        org="so-giao-duc-va-dao-tao", title="Danh sách trường học trên địa bàn tỉnh An Giang năm học 2024-2025",
        title_en="Schools in An Giang, school year 2024-2025", topics=("giao-duc-dao-tao",),
        tags=("trường học", "giáo dục", "năm học 2024-2025"),
        about="Các trường mầm non, tiểu học, trung học cơ sở và trung học phổ thông: loại hình, số lớp, số học sinh, số giáo "
              "viên, mức đạt chuẩn quốc gia và vị trí.\n\nDanh sách lấy theo số liệu đầu năm học (tháng 9/2024).",
        uses=("Phụ huynh tìm trường gần nhà.", "Quy hoạch mạng lưới trường lớp sau sáp nhập xã.",
              "Phân tích sĩ số bình quân và nhu cầu giáo viên."),
        table=facility_table("Danh sách trường học năm học 2024-2025",
                             ("Mã trường|Mã định danh trên cơ sở dữ liệu ngành giáo dục (minh họa)", "Tên trường|Tên trường",
                              "Cấp học|Mầm non, Tiểu học, THCS hoặc THPT", "Loại hình|Công lập hoặc tư thục", "Số lớp|Số nhóm, lớp|lớp",
                              "Số học sinh|Học sinh, trẻ em đầu năm học|học sinh", "Số giáo viên|Giáo viên trực tiếp giảng dạy|người",
                              "Chuẩn quốc gia|Mức đạt chuẩn quốc gia"),
                             _school_rows, "một trường học"),
        source="Cơ sở dữ liệu ngành giáo dục", method="admin", formats=("CSV", "XLSX", "GEOJSON"), frequency="ANNUAL",
        temporal=(D(2024, 9, 5), D(2025, 5, 31)), licence="odc-odbl"),
    DatasetSpec(
        org="so-giao-duc-va-dao-tao", title="Số trường, lớp, học sinh và giáo viên theo cấp học và xã, phường",
        title_en="Schools, classes, pupils and teachers by level and commune", topics=("giao-duc-dao-tao", "dan-so-lao-dong-xa-hoi"),
        tags=("học sinh", "giáo viên", "thống kê giáo dục"),
        about="Số liệu tổng hợp đầu năm học theo cấp học ở từng xã, phường, gồm học sinh nữ và học sinh dân tộc thiểu số "
              "(Khmer, Chăm, Hoa).",
        uses=("Tính tỷ lệ học sinh trên giáo viên.", "Theo dõi giáo dục vùng đồng bào dân tộc thiểu số."),
        table=Table("Trường lớp học sinh giáo viên theo xã phường",
                    (*PLACE_COLS("Năm học|Năm học"), *cols("Cấp học|Cấp học", "Số trường|Số trường|trường", "Số lớp|Số lớp|lớp",
                                                          "Số học sinh|Tổng số|học sinh", "Học sinh nữ|Trong đó nữ|học sinh",
                                                          "Học sinh dân tộc thiểu số|Trong đó dân tộc thiểu số|học sinh",
                                                          "Số giáo viên|Giáo viên|người", "Học sinh trên giáo viên|Tỷ số|học sinh/giáo viên")),
                    _pupil_rows, "số liệu một cấp học ở một xã, phường trong một năm học"),
        source="Báo cáo thống kê đầu năm học của các trường", formats=("CSV",), frequency="ANNUAL",
        temporal=(D(2023, 9, 5), D(2025, 5, 31))),
    DatasetSpec(
        org="so-giao-duc-va-dao-tao", title="Điểm trung bình các môn thi tốt nghiệp THPT năm 2025 theo trường",
        title_en="2025 upper secondary graduation exam: average scores by school and subject", topics=("giao-duc-dao-tao",),
        tags=("thi tốt nghiệp THPT", "điểm thi", "kết quả thi"),
        about="Số thí sinh dự thi, điểm trung bình, số bài bị điểm liệt, số bài từ 8 điểm trở lên và điểm cao nhất của từng "
              "môn thi ở mỗi trường THPT. Kỳ thi năm 2025 là kỳ đầu tiên theo Chương trình giáo dục phổ thông 2018.\n\n"
              "Không có điểm của từng thí sinh.",
        uses=("Đánh giá chất lượng dạy học theo môn.", "So sánh giữa các trường để hỗ trợ trường còn yếu."),
        table=Table("Điểm thi tốt nghiệp THPT 2025 theo trường",
                    cols("Mã trường|Mã hội đồng (minh họa)", "Tên trường|Trường THPT", "Xã, phường|Nơi đặt trường", "Môn thi|Môn",
                         "Số thí sinh|Thí sinh dự thi|thí sinh", "Điểm trung bình|Điểm trung bình của môn|điểm",
                         "Điểm liệt|Số bài từ 1 điểm trở xuống|bài", "Từ 8 điểm|Số bài từ 8 điểm trở lên|bài", "Điểm cao nhất|Điểm cao nhất|điểm"),
                    _exam_rows, "kết quả một môn thi của một trường"),
        source="Phần mềm quản lý thi tốt nghiệp THPT", method="admin", formats=("CSV",), frequency="ANNUAL",
        temporal=(D(2025, 6, 26), D(2025, 7, 16)), licence="cc-by-4.0"),
    DatasetSpec(
        org="so-giao-duc-va-dao-tao", title="Tuyển sinh và tốt nghiệp giáo dục nghề nghiệp theo ngành, nghề đào tạo",
        title_en="Vocational training enrolment and graduation by occupation", topics=("giao-duc-dao-tao", "dan-so-lao-dong-xa-hoi"),
        tags=("giáo dục nghề nghiệp", "tuyển sinh", "việc làm"),
        about="Chỉ tiêu, số tuyển mới, số tốt nghiệp và tỷ lệ có việc làm sau 6 tháng của các ngành, nghề đào tạo tại các "
              "trường cao đẳng, trung cấp và trung tâm giáo dục nghề nghiệp (quản lý nhà nước chuyển về ngành giáo dục từ 2025).",
        uses=("Học sinh chọn nghề có tỷ lệ việc làm cao.", "Điều chỉnh chỉ tiêu đào tạo theo nhu cầu thị trường."),
        table=Table("Tuyển sinh giáo dục nghề nghiệp theo ngành nghề",
                    cols("Năm|Năm tuyển sinh", "Mã ngành nghề|Mã theo danh mục ngành, nghề (minh họa)", "Tên ngành nghề|Tên ngành, nghề",
                         "Trình độ|Cao đẳng, trung cấp hoặc sơ cấp", "Chỉ tiêu|Chỉ tiêu tuyển sinh|người", "Tuyển mới|Số tuyển mới|người",
                         "Tốt nghiệp|Số tốt nghiệp trong năm|người", "Có việc làm|Tỷ lệ có việc làm sau 6 tháng|%"),
                    _vocational_rows, "số liệu một ngành, nghề trong một năm"),
        source="Báo cáo tuyển sinh của các cơ sở giáo dục nghề nghiệp", formats=("CSV", "XLSX"), frequency="ANNUAL",
        temporal=(D(2019, 1, 1), D(2025, 12, 31))),
    DatasetSpec(
        org="so-giao-duc-va-dao-tao", title="Danh sách trường đạt chuẩn quốc gia giai đoạn 2020-2025",
        title_en="Schools recognised as meeting national standards, 2020-2025", topics=("giao-duc-dao-tao",),
        tags=("chuẩn quốc gia", "trường học"),
        about="Trường được UBND tỉnh công nhận đạt chuẩn quốc gia mức độ 1, mức độ 2, kèm số quyết định công nhận.\n\n"
              "Bản nháp: đang đối chiếu với quyết định gốc trước khi công bố.",
        uses=("Theo dõi chỉ tiêu trường đạt chuẩn của tỉnh.",),
        table=facility_table("Danh sách trường đạt chuẩn quốc gia 2020-2025",
                             ("Mã trường|Mã trường (minh họa)", "Tên trường|Tên trường", "Cấp học|Cấp học", "Mức độ|Mức đạt chuẩn",
                              "Năm công nhận|Năm có quyết định", "Quyết định|Số quyết định công nhận"),
                             facilities(364, lambda r, i, p: f"Trường {r.choice(('Mầm non', 'Tiểu học', 'THCS'))} {p.name}", _standard_school, "CQ"),
                             "một trường đạt chuẩn"),
        source="Quyết định công nhận trường đạt chuẩn quốc gia của UBND tỉnh", method="admin", formats=("CSV",),
        frequency="ANNUAL", temporal=(D(2020, 1, 1), D(2025, 12, 31)), state=DatasetState.DRAFT),
]
