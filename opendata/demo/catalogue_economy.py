"""Demo datasets of the finance and trade agencies (Sở Tài chính, Sở Công Thương, xúc tiến đầu tư)."""
from __future__ import annotations

from datetime import date

from .datasets import DatasetSpec
from .places import PLACES, WORDS, hamlet, local_name
from .tables import PLACE_COLS, Table, cols, facilities, facility_table, iso_weeks, month_of, months, vary

D = date

# -- Sở Tài chính ----------------------------------------------------------------

SPENDING = [("01", "Chi đầu tư phát triển", 0.22), ("02", "Chi quốc phòng", 0.04), ("03", "Chi an ninh, trật tự", 0.03),
            ("04", "Chi sự nghiệp giáo dục mầm non", 0.12), ("05", "Chi sự nghiệp văn hóa, thông tin, thể thao", 0.03),
            ("06", "Chi sự nghiệp kinh tế", 0.10), ("07", "Chi sự nghiệp bảo vệ môi trường", 0.05),
            ("08", "Chi quản lý nhà nước, Đảng, đoàn thể", 0.30), ("09", "Chi bảo đảm xã hội", 0.08),
            ("10", "Dự phòng ngân sách", 0.03)]


def _commune_budget(rng, place, category):
    code, name, share = category
    planned = vary(rng, place.population * 0.95 * share * 10, 0.15, 1)  # million VND
    done = round(planned * rng.uniform(0.55, 0.85), 1)
    return code, name, planned, done, round(100 * done / planned, 1)


def _budget_rows(rng):
    for place in PLACES:
        for category in SPENDING:
            yield (2025, place.code, place.full_name, *_commune_budget(rng, place, category))


BUDGET_LINES = [
    ("A", "TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN", 12850), ("I", "Thu nội địa", 11930),
    ("1", "Thu từ doanh nghiệp nhà nước", 820), ("2", "Thu từ doanh nghiệp có vốn đầu tư nước ngoài", 410),
    ("3", "Thu từ khu vực kinh tế ngoài quốc doanh", 2380), ("4", "Thuế thu nhập cá nhân", 980),
    ("5", "Lệ phí trước bạ", 520), ("6", "Thu tiền sử dụng đất", 2450), ("7", "Thu xổ số kiến thiết", 3100),
    ("8", "Thu khác ngân sách", 270), ("II", "Thu từ hoạt động xuất nhập khẩu", 920),
    ("B", "TỔNG CHI NGÂN SÁCH ĐỊA PHƯƠNG", 23400), ("I", "Chi đầu tư phát triển", 7600),
    ("II", "Chi thường xuyên", 14900), ("1", "Chi sự nghiệp giáo dục, đào tạo và dạy nghề", 5600),
    ("2", "Chi sự nghiệp y tế, dân số và gia đình", 1850), ("3", "Chi sự nghiệp khoa học và công nghệ", 95),
    ("4", "Chi sự nghiệp văn hóa thông tin", 240), ("5", "Chi sự nghiệp phát thanh, truyền hình", 110),
    ("6", "Chi sự nghiệp thể dục thể thao", 120), ("7", "Chi sự nghiệp bảo vệ môi trường", 430),
    ("8", "Chi các hoạt động kinh tế", 1650), ("9", "Chi quản lý hành chính, Đảng, đoàn thể", 3300),
    ("10", "Chi bảo đảm xã hội", 1100), ("III", "Dự phòng ngân sách", 420), ("IV", "Chi tạo nguồn cải cách tiền lương", 480),
]


def _settlement_rows(rng):
    for code, name, planned in BUDGET_LINES:
        actual = round(planned * rng.uniform(0.92, 1.18), 1)
        yield code, name, planned, actual, round(100 * actual / planned, 1)


PROJECT_KINDS = [
    ("Giao thông", "Nâng cấp, mở rộng {road} đoạn qua {unit}", 45000, 420000),
    ("Giáo dục", "Xây dựng mới Trường Tiểu học {unit}", 12000, 45000),
    ("Giáo dục", "Xây dựng phòng học, phòng bộ môn Trường THCS {unit}", 8000, 30000),
    ("Y tế", "Cải tạo, nâng cấp Trạm y tế {unit}", 3000, 9000),
    ("Thủy lợi", "Nạo vét, gia cố kênh nội đồng {hamlet}, {unit}", 4000, 25000),
    ("Phòng chống thiên tai", "Kè chống sạt lở bờ sông khu vực {unit}", 30000, 250000),
    ("Cấp nước", "Mở rộng mạng lưới cấp nước sinh hoạt nông thôn {unit}", 6000, 40000),
    ("Văn hóa", "Xây dựng Trung tâm Văn hóa - Thể thao {unit}", 7000, 20000),
    ("Hạ tầng số", "Đầu tư hạ tầng kỹ thuật chuyển đổi số {unit}", 2000, 8000),
]
OWNERS = ("Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh",
          "Ban Quản lý dự án đầu tư xây dựng công trình giao thông và nông nghiệp tỉnh")


def _project_rows(rng):
    for i in range(1, 331):
        place = rng.choice(PLACES)
        field, pattern, lo, hi = rng.choice(PROJECT_KINDS)
        name = pattern.format(road=rng.choice(("Đường tỉnh 941", "Đường tỉnh 943", "Đường tỉnh 945", "Đường tỉnh 947", "Đường tỉnh 954")),
                              unit=place.in_text, hamlet=hamlet(rng, place))
        total = round(rng.uniform(lo, hi), -2)
        owner = rng.choice(OWNERS) if total > 15000 else f"UBND {place.in_text}"
        plan = round(total * rng.uniform(0.15, 0.5), -1)
        paid = round(plan * rng.uniform(0.2, 0.95), -1)
        start = rng.choice((2021, 2022, 2023, 2024))
        yield (f"{7_960_000 + i * 37}", name[0].upper() + name[1:], owner, field, place.full_name,
               "B" if total >= 80000 else "C", f"{start}-{min(start + rng.randint(2, 4), 2026)}",
               total, plan, paid, round(100 * paid / plan, 1))


VSIC = [("A", "Nông nghiệp, lâm nghiệp và thủy sản", 6), ("B", "Khai khoáng", 1), ("C", "Công nghiệp chế biến, chế tạo", 14),
        ("D", "Sản xuất và phân phối điện, khí đốt", 1), ("E", "Cung cấp nước; quản lý và xử lý rác thải", 1),
        ("F", "Xây dựng", 18), ("G", "Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy", 45), ("H", "Vận tải kho bãi", 7),
        ("I", "Dịch vụ lưu trú và ăn uống", 9), ("J", "Thông tin và truyền thông", 3), ("K", "Hoạt động tài chính, ngân hàng và bảo hiểm", 2),
        ("L", "Hoạt động kinh doanh bất động sản", 5), ("M", "Hoạt động chuyên môn, khoa học và công nghệ", 6),
        ("N", "Hoạt động hành chính và dịch vụ hỗ trợ", 4), ("O", "Hoạt động của Đảng, tổ chức chính trị - xã hội; quản lý nhà nước", 0),
        ("P", "Giáo dục và đào tạo", 2), ("Q", "Y tế và hoạt động trợ giúp xã hội", 2), ("R", "Nghệ thuật, vui chơi và giải trí", 1),
        ("S", "Hoạt động dịch vụ khác", 2), ("T", "Hoạt động làm thuê các công việc trong các hộ gia đình", 0),
        ("U", "Hoạt động của các tổ chức và cơ quan quốc tế", 0)]


def _enterprise_rows(rng):
    for period in months("2024-01", "2026-10"):
        dip = 0.55 if month_of(period) == 2 else 1.0  # Tết
        for code, name, base in VSIC:
            new = max(0, vary(rng, base * dip, 0.45)) if base else 0
            yield (period, code, name, new, round(new * rng.uniform(1.2, 4.5), 1) if new else 0,
                   new * rng.randint(3, 12), max(0, vary(rng, base * 0.25, 0.8)), max(0, vary(rng, base * 0.4, 0.7)))


COMMODITIES = [
    ("Gạo tẻ thường", "loại phổ biến", "kg", 15500), ("Gạo thơm Jasmine", "loại 1", "kg", 21000),
    ("Gạo nếp", "nếp sáp", "kg", 23000), ("Thịt heo nạc", "tươi", "kg", 125000), ("Thịt bò thăn", "tươi", "kg", 265000),
    ("Gà ta", "nguyên con làm sẵn", "kg", 135000), ("Cá tra", "nguyên con", "kg", 36000), ("Cá lóc nuôi", "nguyên con", "kg", 68000),
    ("Tôm càng xanh", "loại 20-25 con/kg", "kg", 285000), ("Trứng gà", "loại vừa", "chục", 33000),
    ("Trứng vịt", "loại vừa", "chục", 36000), ("Đường cát trắng", "RE", "kg", 24000), ("Đường thốt nốt", "dạng bánh", "kg", 52000),
    ("Mắm thái Châu Đốc", "loại 1", "kg", 125000), ("Khô cá lóc", "loại 1", "kg", 420000), ("Rau muống", "", "kg", 14000),
    ("Cải xanh", "", "kg", 18000), ("Cà chua", "", "kg", 21000), ("Dưa leo", "", "kg", 15000), ("Xoài cát Hòa Lộc", "loại 1", "kg", 48000),
    ("Chuối xiêm", "", "nải", 25000), ("Sữa bột trẻ em", "hộp 900 g", "hộp", 520000), ("Dầu ăn", "chai 1 lít", "chai", 48000),
    ("Nước mắm", "chai 500 ml, 30 độ đạm", "chai", 38000), ("Xăng RON 95-III", "", "lít", 21200), ("Xăng E5 RON 92-II", "", "lít", 20300),
    ("Dầu diesel 0,05S", "", "lít", 19600), ("Khí hóa lỏng (gas)", "bình 12 kg", "bình", 455000),
    ("Xi măng PCB40", "bao 50 kg", "bao", 92000), ("Thép xây dựng phi 10", "", "kg", 15200),
    ("Phân urê", "bao 50 kg", "bao", 560000), ("Phân DAP", "bao 50 kg", "bao", 1050000),
]


def _price_rows(rng):
    last = {name: float(base) for name, _, _, base in COMMODITIES}
    for week, monday in iso_weeks(2025):
        tet = 1.06 if week in (4, 5) else 1.0
        for i, (name, spec, unit, base) in enumerate(COMMODITIES, start=1):
            price = max(base * 0.7, min(base * 1.4, last[name] * rng.uniform(0.975, 1.027)))
            avg = round(price * tet / 100) * 100
            change = round(100 * (avg - round(last[name] * tet / 100) * 100) / avg, 2)
            last[name] = price
            yield (2025, week, monday, f"MH{i:03d}", name, spec, unit, round(avg * 0.95 / 100) * 100,
                   round(avg * 1.06 / 100) * 100, avg, change)


# -- Sở Công Thương -------------------------------------------------------------------

def _market(rng, i, place):
    kind = rng.choices(("Chợ truyền thống", "Chợ đầu mối", "Chợ nổi"), (90, 6, 2))[0]
    grade = 1 if kind == "Chợ đầu mối" else rng.choices((1, 2, 3), (5, 25, 70))[0]
    booths = {1: rng.randint(400, 900), 2: rng.randint(200, 400), 3: rng.randint(30, 199)}[grade]
    return (kind, grade, booths, int(booths * rng.uniform(0.6, 0.95)),
            rng.choice(("Ban quản lý chợ", "Hợp tác xã", "Doanh nghiệp", "Tổ quản lý chợ")), rng.randint(1985, 2024))


def _market_name(rng, i, place):
    return f"Chợ {place.name}" if i % 5 == 0 else f"Chợ {local_name(rng, place)}"


TRADE = [("XK", "Gạo", "tấn", 48000, 26000), ("XK", "Cá tra phi lê đông lạnh", "tấn", 9500, 31000),
         ("XK", "Rau quả chế biến", "tấn", 3200, 6200), ("XK", "Hàng dệt may", "", 0, 14000), ("XK", "Giày dép", "", 0, 5600),
         ("XK", "Thủy sản khác", "tấn", 1100, 4200), ("XK", "Hàng hóa khác", "", 0, 7800),
         ("NK", "Nguyên phụ liệu dệt may, da giày", "", 0, 9200), ("NK", "Thức ăn gia súc và nguyên liệu", "tấn", 18000, 8300),
         ("NK", "Máy móc, thiết bị, phụ tùng", "", 0, 6100), ("NK", "Phân bón các loại", "tấn", 6000, 2300),
         ("NK", "Gỗ và sản phẩm gỗ", "", 0, 1200), ("NK", "Thuốc bảo vệ thực vật", "tấn", 350, 1800), ("NK", "Hàng hóa khác", "", 0, 3300)]


def _trade_rows(rng):
    for i, period in enumerate(months("2023-01", "2026-09")):
        growth = 1.006 ** i
        for n, (flow, name, unit, qty, value) in enumerate(TRADE, start=1):
            harvest = 1.25 if flow == "XK" and name == "Gạo" and month_of(period) in (3, 4, 8, 9) else 1.0
            v = vary(rng, value * growth * harvest, 0.12)
            yield (period, "Xuất khẩu" if flow == "XK" else "Nhập khẩu", f"{flow}{n:02d}", name,
                   vary(rng, qty * growth * harvest, 0.12) if qty else None, unit or None, v)


LOADS = [("Quản lý và tiêu dùng dân cư", 105, 820000), ("Công nghiệp và xây dựng", 150, 9500),
         ("Thương nghiệp, khách sạn, nhà hàng", 22, 41000), ("Nông, lâm nghiệp và thủy sản", 18, 12500), ("Hoạt động khác", 14, 15000)]


def _power_rows(rng):
    for i, period in enumerate(months("2021-01", "2026-09")):
        hot = 1.12 if month_of(period) in (3, 4, 5) else 1.0
        for name, gwh, customers in LOADS:
            value = vary(rng, gwh * 1.005 ** i * hot, 0.05, 2)
            yield (period, name, value, int(customers * 1.002 ** i), round(100 * (1.005 ** 12 - 1) + rng.uniform(-3, 3), 1))


def _fuel(rng, i, place):
    return (f"{rng.choice(('Công ty TNHH', 'Công ty cổ phần', 'Doanh nghiệp tư nhân'))} Xăng dầu {rng.choice(WORDS)}",
            f"{rng.randint(1, 260):03d}/GCNĐĐK-SCT", date(2026 + rng.randint(0, 4), rng.randint(1, 12), rng.randint(1, 28)),
            rng.randint(2, 8), rng.choice(("Có", "Có", "Không")))


GATES = [("Cửa khẩu quốc tế Tịnh Biên", "Quốc tế", 5200, 3100, 42000), ("Cửa khẩu quốc tế Vĩnh Xương", "Quốc tế", 9800, 4100, 31000),
         ("Cửa khẩu chính Khánh Bình", "Chính", 2600, 1200, 9800), ("Cửa khẩu chính Vĩnh Hội Đông", "Chính", 1900, 800, 7600),
         ("Cửa khẩu phụ Bắc Đai", "Phụ", 400, 250, 3100), ("Cửa khẩu phụ Vĩnh Ngươn", "Phụ", 300, 160, 2500)]


def _gate_rows(rng):
    for i, period in enumerate(months("2022-01", "2026-09")):
        for name, kind, exports, imports, people in GATES:
            yield (period, name, kind, vary(rng, exports * 1.008 ** i, 0.15), vary(rng, imports * 1.006 ** i, 0.2),
                   vary(rng, people / 12, 0.25), vary(rng, people * 1.01 ** i, 0.2))


INVEST = [("Nông nghiệp công nghệ cao", 30, 400), ("Chế biến nông sản, thủy sản", 5, 80), ("Du lịch sinh thái, nghỉ dưỡng", 10, 150),
          ("Khu đô thị, nhà ở thương mại", 15, 120), ("Logistics, kho lạnh", 3, 40), ("Năng lượng tái tạo", 20, 200),
          ("Thương mại - dịch vụ", 1, 10), ("Y tế, giáo dục ngoài công lập", 1, 8)]


def _invest(rng, i, place):
    field, lo, hi = rng.choice(INVEST)
    area = round(rng.uniform(lo, hi), 1)
    return (f"Dự án {field.lower()} {place.in_text}", field, area, round(area * rng.uniform(4, 25), 0),
            rng.choice(("Vốn ngoài ngân sách", "Đối tác công tư (PPP)", "Liên doanh, liên kết")),
            rng.choice(("Đất công, đã giải phóng mặt bằng", "Đất nông nghiệp của dân", "Đất công, đang cho thuê ngắn hạn")))


_invest_rows = facilities(215, None, _invest, "DADT", spread=0.03)  # the project name comes from _invest


SPECS = [
    DatasetSpec(
        org="so-tai-chinh", title="Dự toán và ước thực hiện chi ngân sách cấp xã năm 2025 theo lĩnh vực",
        title_en="Commune budget 2025: planned and estimated spending by function",
        topics=("kinh-te-tai-chinh", "chinh-quyen-hanh-chinh-cong"), tags=("ngân sách", "dự toán", "chi ngân sách", "cấp xã"),
        about="Dự toán chi ngân sách năm 2025 của từng xã, phường theo lĩnh vực chi, cùng số ước thực hiện 9 tháng.\n\n"
              "Đây là năm đầu tiên ngân sách cấp xã được tổ chức lại theo mô hình chính quyền hai cấp, vì vậy số liệu "
              "của các xã, phường mới được lập trên cơ sở hợp nhất dự toán của các đơn vị cũ.",
        uses=("Giám sát việc phân bổ và sử dụng ngân sách của cử tri, Hội đồng nhân dân cấp xã.",
              "So sánh cơ cấu chi giữa các xã, phường có quy mô dân số tương đương.",
              "Phân tích tiến độ thực hiện dự toán để điều hành ngân sách cuối năm."),
        table=Table("Dự toán chi ngân sách cấp xã năm 2025",
                    (*PLACE_COLS("Năm ngân sách|Năm của dự toán"),
                     *cols("Mã lĩnh vực|Mã lĩnh vực chi theo mục lục ngân sách (rút gọn)", "Lĩnh vực chi|Tên lĩnh vực chi",
                           "Dự toán|Dự toán HĐND cấp xã quyết định|triệu đồng", "Ước thực hiện 9 tháng|Số chi ước đến 30/9/2025|triệu đồng",
                           "Tỷ lệ thực hiện|Ước thực hiện so với dự toán|%")),
                    _budget_rows, "dự toán một lĩnh vực chi của một xã, phường"),
        source="Báo cáo dự toán và tình hình thực hiện ngân sách của UBND các xã, phường", formats=("CSV", "XLSX"),
        temporal=(D(2025, 1, 1), D(2025, 12, 31)), version="2025.2"),
    DatasetSpec(
        org="so-tai-chinh", title="Công khai quyết toán ngân sách địa phương tỉnh An Giang năm 2024",
        title_en="Published final accounts of the provincial budget 2024",
        topics=("kinh-te-tai-chinh",), tags=("ngân sách", "quyết toán", "công khai ngân sách"),
        about="Số liệu quyết toán thu ngân sách nhà nước trên địa bàn và chi ngân sách địa phương năm 2024 đã được "
              "Hội đồng nhân dân tỉnh phê chuẩn, công khai theo Luật Ngân sách nhà nước.\n\n"
              "Bản PDF là biểu công khai kèm thuyết minh; bảng tính cho phép dùng lại số liệu.",
        uses=("Minh bạch ngân sách, phục vụ báo chí và người dân theo dõi thu chi của tỉnh.",
              "Đối chiếu dự toán với thực hiện để đánh giá chất lượng lập dự toán."),
        table=Table("Biểu công khai quyết toán ngân sách năm 2024",
                    cols("Mã số|Số thứ tự trong biểu công khai", "Nội dung|Khoản thu, chi",
                         "Dự toán|Dự toán HĐND tỉnh giao|tỷ đồng", "Quyết toán|Số quyết toán được phê chuẩn|tỷ đồng",
                         "So sánh|Quyết toán so với dự toán|%"),
                    _settlement_rows, "một khoản thu hoặc chi trong biểu công khai"),
        source="Nghị quyết của HĐND tỉnh phê chuẩn quyết toán ngân sách địa phương năm 2024", method="admin",
        formats=("XLSX", "PDF"), frequency="ANNUAL", temporal=(D(2024, 1, 1), D(2024, 12, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="so-tai-chinh", title="Kế hoạch và tình hình giải ngân vốn đầu tư công năm 2025",
        title_en="Public investment plan and disbursement 2025 by project",
        topics=("kinh-te-tai-chinh", "quy-hoach-xay-dung-dat-dai"), tags=("đầu tư công", "giải ngân", "dự án"),
        about="Danh sách dự án sử dụng vốn đầu tư công do tỉnh quản lý: tổng mức đầu tư, kế hoạch vốn năm 2025 và số "
              "vốn đã giải ngân. Số liệu cập nhật hằng quý sau mỗi kỳ báo cáo giải ngân.",
        uses=("Theo dõi tiến độ giải ngân của từng chủ đầu tư.", "Phát hiện dự án chậm tiến độ để đôn đốc.",
              "Nghiên cứu phân bổ đầu tư công theo lĩnh vực và địa bàn."),
        table=Table("Tình hình giải ngân vốn đầu tư công năm 2025",
                    cols("Mã dự án|Mã dự án trên Hệ thống thông tin quốc gia về đầu tư công", "Tên dự án|Tên dự án theo quyết định đầu tư",
                         "Chủ đầu tư|Đơn vị được giao làm chủ đầu tư", "Lĩnh vực|Lĩnh vực đầu tư", "Địa điểm|Xã, phường nơi thực hiện",
                         "Nhóm dự án|Phân loại theo Luật Đầu tư công", "Thời gian thực hiện|Năm khởi công - năm hoàn thành",
                         "Tổng mức đầu tư|Theo quyết định phê duyệt|triệu đồng", "Kế hoạch vốn 2025|Vốn được giao năm 2025|triệu đồng",
                         "Đã giải ngân|Số vốn đã giải ngân đến 30/9/2025|triệu đồng", "Tỷ lệ giải ngân|So với kế hoạch vốn|%"),
                    _project_rows, "một dự án đầu tư công"),
        source="Hệ thống thông tin quốc gia về đầu tư công và báo cáo giải ngân của chủ đầu tư", method="admin",
        formats=("CSV", "JSON"), frequency="QUARTERLY", temporal=(D(2025, 1, 1), D(2025, 9, 30)), version="2025.3"),
    DatasetSpec(
        org="so-tai-chinh", title="Số doanh nghiệp đăng ký thành lập mới, giải thể theo ngành kinh tế hằng tháng",
        title_en="Monthly business registrations and dissolutions by economic sector",
        topics=("kinh-te-tai-chinh",), tags=("doanh nghiệp", "đăng ký kinh doanh", "VSIC"),
        about="Số doanh nghiệp đăng ký thành lập mới, tổng vốn và lao động đăng ký, số doanh nghiệp giải thể và tạm "
              "ngừng kinh doanh theo ngành cấp 1 của Hệ thống ngành kinh tế Việt Nam (VSIC 2018).",
        uses=("Đánh giá môi trường kinh doanh và xu hướng khởi nghiệp.", "Dự báo nhu cầu lao động theo ngành."),
        table=Table("Doanh nghiệp đăng ký thành lập mới theo ngành và tháng",
                    cols("Tháng|Kỳ báo cáo (YYYY-MM)", "Mã ngành|Mã ngành cấp 1 VSIC 2018", "Ngành kinh tế|Tên ngành cấp 1",
                         "Thành lập mới|Số doanh nghiệp đăng ký mới|doanh nghiệp", "Vốn đăng ký|Tổng vốn đăng ký|tỷ đồng",
                         "Lao động đăng ký|Số lao động dự kiến|người", "Giải thể|Số doanh nghiệp hoàn tất giải thể|doanh nghiệp",
                         "Tạm ngừng|Số doanh nghiệp đăng ký tạm ngừng kinh doanh|doanh nghiệp"),
                    _enterprise_rows, "số liệu một ngành kinh tế trong một tháng"),
        source="Hệ thống thông tin quốc gia về đăng ký doanh nghiệp", method="register", formats=("CSV",),
        frequency="MONTHLY", temporal=(D(2024, 1, 1), D(2026, 10, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="so-tai-chinh", title="Giá bán lẻ hàng hóa thiết yếu trên thị trường tỉnh An Giang theo tuần năm 2025",
        title_en="Weekly retail prices of essential goods in An Giang, 2025",
        topics=("kinh-te-tai-chinh",), tags=("giá cả", "thị trường", "hàng hóa thiết yếu", "bình ổn giá"),
        about="Giá bán lẻ bình quân, thấp nhất và cao nhất của 32 mặt hàng thiết yếu (lương thực, thực phẩm, nhiên liệu, "
              "vật liệu xây dựng, phân bón) tại các chợ và cửa hàng chính trên địa bàn tỉnh, tổng hợp theo tuần.\n\n"
              "Có cả đặc sản địa phương như mắm thái Châu Đốc, đường thốt nốt, khô cá lóc.",
        uses=("Theo dõi biến động giá dịp Tết và mùa vụ.", "Phục vụ công tác bình ổn thị trường.",
              "Người tiêu dùng, tiểu thương tham khảo giá."),
        table=Table("Giá bán lẻ hàng hóa thiết yếu theo tuần năm 2025",
                    cols("Năm|Năm", "Tuần|Tuần ISO trong năm", "Từ ngày|Ngày thứ Hai của tuần", "Mã hàng|Mã mặt hàng",
                         "Mặt hàng|Tên mặt hàng", "Quy cách|Quy cách, phẩm cấp", "Đơn vị tính|Đơn vị bán",
                         "Giá thấp nhất|Giá thấp nhất ghi nhận|đồng", "Giá cao nhất|Giá cao nhất ghi nhận|đồng",
                         "Giá bình quân|Giá bình quân các điểm điều tra|đồng", "Thay đổi|So với tuần trước|%"),
                    _price_rows, "giá một mặt hàng trong một tuần"),
        source="Báo cáo giá thị trường của các điểm điều tra giá tại xã, phường", method="survey", formats=("CSV", "XLSX"),
        frequency="WEEKLY", temporal=(D(2024, 12, 30), D(2025, 12, 28)), licence="cc-zero"),
    DatasetSpec(
        org="so-cong-thuong", title="Danh sách chợ trên địa bàn tỉnh An Giang",
        title_en="Markets in An Giang province", topics=("kinh-te-tai-chinh", "quy-hoach-xay-dung-dat-dai"),
        tags=("chợ", "thương mại", "hạ tầng thương mại"),
        about="Danh sách chợ truyền thống, chợ đầu mối và chợ nổi: hạng chợ, quy mô điểm kinh doanh, đơn vị quản lý và "
              "vị trí trên bản đồ.",
        uses=("Quy hoạch mạng lưới chợ và hạ tầng thương mại.", "Bản đồ chợ cho người dân và du khách (chợ nổi Long Xuyên)."),
        table=facility_table("Danh sách chợ trên địa bàn tỉnh",
                             ("Mã chợ|Mã quản lý", "Tên chợ|Tên gọi", "Loại hình|Chợ truyền thống, đầu mối hay chợ nổi",
                              "Hạng chợ|Hạng 1, 2 hoặc 3 theo quy định", "Số điểm kinh doanh|Số điểm được bố trí|điểm",
                              "Số hộ kinh doanh|Số hộ đang kinh doanh|hộ", "Đơn vị quản lý|Hình thức tổ chức quản lý",
                              "Năm xây dựng|Năm xây dựng hoặc cải tạo gần nhất"),
                             facilities(262, _market_name, _market, "CHO"), "một chợ"),
        source="Cơ sở dữ liệu quản lý chợ của Sở Công Thương", method="field", formats=("CSV", "GEOJSON"),
        frequency="ANNUAL", temporal=(D(2025, 1, 1), D(2025, 12, 31)), licence="odc-odbl"),
    DatasetSpec(
        org="so-cong-thuong", title="Kim ngạch xuất khẩu, nhập khẩu hàng hóa theo nhóm hàng hằng tháng",
        title_en="Monthly exports and imports by commodity group",
        topics=("kinh-te-tai-chinh", "thuong-mai-bien-gioi-hop-tac"), tags=("xuất khẩu", "nhập khẩu", "gạo", "cá tra"),
        about="Lượng và trị giá hàng hóa xuất khẩu, nhập khẩu của doanh nghiệp trên địa bàn tỉnh theo nhóm hàng chủ yếu; "
              "gạo và cá tra là hai mặt hàng xuất khẩu chủ lực.",
        uses=("Phân tích cơ cấu và xu hướng xuất nhập khẩu.", "Xúc tiến thương mại theo mặt hàng."),
        table=Table("Kim ngạch xuất nhập khẩu theo nhóm hàng",
                    cols("Tháng|Kỳ báo cáo (YYYY-MM)", "Chiều|Xuất khẩu hoặc nhập khẩu", "Mã nhóm hàng|Mã nội bộ",
                         "Nhóm hàng|Tên nhóm hàng", "Lượng|Khối lượng (trống nếu không quy đổi được)", "Đơn vị lượng|Đơn vị của cột Lượng",
                         "Trị giá|Trị giá hàng hóa|nghìn USD"),
                    _trade_rows, "một nhóm hàng xuất hoặc nhập trong một tháng"),
        source="Số liệu Hải quan và báo cáo của doanh nghiệp xuất nhập khẩu", method="report", formats=("CSV", "XLSX"),
        frequency="MONTHLY", temporal=(D(2023, 1, 1), D(2026, 9, 30))),
    DatasetSpec(
        org="so-cong-thuong", title="Điện năng thương phẩm theo thành phần phụ tải hằng tháng",
        title_en="Monthly electricity sales by consumer group", topics=("nang-luong",),
        tags=("điện năng", "năng lượng", "tiêu thụ điện"),
        about="Sản lượng điện thương phẩm và số khách hàng sử dụng điện theo năm thành phần phụ tải, do Công ty Điện lực "
              "cung cấp cho Sở Công Thương phục vụ quản lý nhà nước về năng lượng.",
        uses=("Dự báo nhu cầu điện và quy hoạch lưới điện.", "Theo dõi tiết kiệm năng lượng của khu vực công nghiệp."),
        table=Table("Điện năng thương phẩm theo thành phần phụ tải",
                    cols("Tháng|Kỳ báo cáo (YYYY-MM)", "Thành phần phụ tải|Nhóm khách hàng theo ngành điện",
                         "Sản lượng|Điện thương phẩm|triệu kWh", "Số khách hàng|Số hợp đồng mua bán điện|khách hàng",
                         "Tăng so với cùng kỳ|So với cùng tháng năm trước|%"),
                    _power_rows, "sản lượng của một thành phần phụ tải trong một tháng"),
        source="Báo cáo của Công ty Điện lực An Giang", method="report", formats=("CSV",), frequency="MONTHLY",
        temporal=(D(2021, 1, 1), D(2026, 9, 30)), licence="cc-zero"),
    DatasetSpec(
        org="so-cong-thuong", title="Danh sách cửa hàng bán lẻ xăng dầu đủ điều kiện kinh doanh",
        title_en="Licensed fuel retail stations", topics=("nang-luong", "kinh-te-tai-chinh"),
        tags=("xăng dầu", "cửa hàng xăng dầu", "giấy chứng nhận"),
        about="Các cửa hàng bán lẻ xăng dầu đã được cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu còn hiệu lực, "
              "kèm vị trí, số cột bơm và việc có bán xăng sinh học E5.",
        uses=("Tìm cửa hàng xăng dầu gần nhất, đặc biệt trên các tuyến quốc lộ.", "Quản lý mạng lưới bán lẻ xăng dầu."),
        table=facility_table("Danh sách cửa hàng bán lẻ xăng dầu",
                             ("Mã cửa hàng|Mã quản lý", "Tên cửa hàng|Tên cửa hàng", "Thương nhân|Thương nhân sở hữu hoặc thuê cửa hàng",
                              "Số giấy chứng nhận|Giấy chứng nhận đủ điều kiện bán lẻ", "Ngày hết hạn|Hiệu lực của giấy chứng nhận",
                              "Số cột bơm|Số cột bơm|cột", "Bán xăng E5|Có bán xăng sinh học E5 RON 92"),
                             facilities(384, lambda r, i, p: f"Cửa hàng xăng dầu {r.choice(WORDS)} {i % 7 + 1}", _fuel, "XD", spread=0.03),
                             "một cửa hàng xăng dầu"),
        source="Cơ sở dữ liệu cấp phép kinh doanh xăng dầu của Sở Công Thương", method="register", formats=("CSV", "GEOJSON"),
        frequency="IRREG", temporal=(D(2025, 7, 1), D(2026, 6, 30)), licence="odc-odbl"),
    DatasetSpec(
        org="so-cong-thuong", title="Trị giá hàng hóa và lượt xuất nhập cảnh qua các cửa khẩu biên giới An Giang - Campuchia",
        title_en="Trade value and crossings at the An Giang - Cambodia border gates",
        topics=("thuong-mai-bien-gioi-hop-tac", "kinh-te-tai-chinh"), tags=("cửa khẩu", "biên mậu", "Campuchia", "xuất nhập cảnh"),
        about="Trị giá hàng hóa xuất khẩu, nhập khẩu và lượt phương tiện, lượt người xuất nhập cảnh qua các cửa khẩu "
              "quốc tế, chính và phụ trên tuyến biên giới với Vương quốc Campuchia.",
        uses=("Đánh giá hiệu quả hạ tầng cửa khẩu và logistics biên giới.", "Xúc tiến thương mại biên mậu."),
        table=Table("Hàng hóa và lượt xuất nhập cảnh qua cửa khẩu",
                    cols("Tháng|Kỳ báo cáo (YYYY-MM)", "Cửa khẩu|Tên cửa khẩu", "Loại cửa khẩu|Quốc tế, chính hoặc phụ",
                         "Xuất khẩu|Trị giá hàng xuất|nghìn USD", "Nhập khẩu|Trị giá hàng nhập|nghìn USD",
                         "Phương tiện xuất cảnh|Lượt phương tiện|lượt", "Người xuất nhập cảnh|Lượt người|lượt"),
                    _gate_rows, "số liệu một cửa khẩu trong một tháng"),
        source="Báo cáo của Ban quản lý Khu kinh tế và lực lượng quản lý cửa khẩu", method="report", formats=("CSV", "JSON"),
        json_meta=True, frequency="MONTHLY", temporal=(D(2022, 1, 1), D(2026, 9, 30))),
    DatasetSpec(
        org="trung-tam-xuc-tien-thuong-mai-va-dau-tu", title="Danh mục dự án kêu gọi đầu tư tỉnh An Giang giai đoạn 2025-2030",
        title_en="Investment opportunities list 2025-2030", topics=("kinh-te-tai-chinh", "quy-hoach-xay-dung-dat-dai"),
        tags=("xúc tiến đầu tư", "dự án", "kêu gọi đầu tư"),
        about="Danh mục dự án tỉnh ưu tiên kêu gọi nhà đầu tư: lĩnh vực, địa điểm, quy mô diện tích, vốn dự kiến, hình "
              "thức đầu tư và hiện trạng đất.",
        uses=("Nhà đầu tư tìm cơ hội phù hợp.", "Bản đồ tiềm năng đầu tư theo địa bàn."),
        table=facility_table("Danh mục dự án kêu gọi đầu tư 2025-2030",
                             ("Mã dự án|Mã trong danh mục", "Tên dự án|Tên dự kiến", "Lĩnh vực|Lĩnh vực đầu tư",
                              "Quy mô|Diện tích dự kiến|ha", "Vốn dự kiến|Tổng vốn đầu tư dự kiến|tỷ đồng",
                              "Hình thức đầu tư|Hình thức kêu gọi", "Hiện trạng đất|Tình trạng mặt bằng"),
                             _invest_rows, "một dự án kêu gọi đầu tư"),
        source="Quyết định ban hành danh mục dự án kêu gọi đầu tư của UBND tỉnh", method="admin",
        formats=("CSV", "XLSX", "GEOJSON"), frequency="IRREG", temporal=(D(2025, 1, 1), D(2030, 12, 31)), licence="cc-by-4.0"),
]
