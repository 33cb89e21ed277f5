"""Demo datasets on population, social affairs, justice and religion (Sở Nội vụ, Sở Tư pháp, Sở Dân tộc và Tôn giáo)."""
from __future__ import annotations

from datetime import date

from .datasets import DatasetSpec, Link
from .places import PLACES, local_name
from .tables import PLACE_COLS, Table, cols, facilities, facility_table, months, per_place, quarters, vary, years

D = date


def _khmer_share(place) -> float:
    """Khmer communities live mostly in the Bảy Núi area (Tri Tôn, Tịnh Biên)."""
    return 0.35 if place.lon < 105.0 else 0.15 if place.lon < 105.05 else 0.005


def _poverty(rng, place, i, year):
    households = int(place.population * 1000 / 3.6 * rng.uniform(0.98, 1.02))
    base = 0.09 if place.lon < 105.05 else 0.03 if place.kind == "Xã" else 0.012
    poor = int(households * base * (0.8 ** i) * rng.uniform(0.85, 1.15))
    near = int(households * base * 0.9 * (0.88 ** i) * rng.uniform(0.85, 1.15))
    return (households, poor, round(100 * poor / households, 2), near, round(100 * near / households, 2),
            int(poor * min(0.95, _khmer_share(place) * 2.2)))


CIVIL_SERVICE = [("Cán bộ chuyên trách", 10), ("Công chức Văn phòng HĐND và UBND", 8), ("Công chức Phòng Kinh tế", 7),
                 ("Công chức Phòng Văn hóa - Xã hội", 6), ("Viên chức Trung tâm Phục vụ hành chính công", 8)]


def _staff_rows(rng):
    for place in PLACES:
        scale = 1.3 if place.population > 60 else 1.0
        for group, quota in CIVIL_SERVICE:
            assigned = round(quota * scale)
            present = assigned - rng.choice((0, 0, 1, 2))
            yield (2025, place.code, place.full_name, group, assigned, present, round(rng.uniform(78, 100), 1), round(rng.uniform(25, 60), 1))


def _jobs(rng, place, i, period):
    new = vary(rng, place.population * 0.55 * (1.4 if period[5:] in ("03", "04") else 1), 0.3)
    return new, int(new * rng.uniform(0.02, 0.09)), vary(rng, new * 0.3, 0.4), vary(rng, place.population * 0.12, 0.5)


WELFARE = [("Người cao tuổi", 22.0, 6.0), ("Người khuyết tật nặng, đặc biệt nặng", 9.0, 9.5), ("Trẻ em mồ côi, không nguồn nuôi dưỡng", 0.9, 12.0),
           ("Người đơn thân nghèo nuôi con nhỏ", 0.6, 6.0), ("Người nhiễm HIV thuộc hộ nghèo", 0.3, 6.0)]


def _welfare_rows(rng):
    for year in (2024, 2025):
        for place in PLACES:
            for group, per_thousand, monthly in WELFARE:
                people = vary(rng, place.population * per_thousand, 0.2)
                yield year, place.code, place.full_name, group, people, round(people * monthly * 0.5 * 12 / 10, 1)


DOC_SUBJECTS = [("quản lý chợ", "Sở Công Thương"), ("quản lý cụm công nghiệp", "Sở Công Thương"),
                ("giá dịch vụ thu gom rác thải sinh hoạt", "Sở Nông nghiệp và Môi trường"),
                ("bảo vệ hành lang bờ sông", "Sở Nông nghiệp và Môi trường"), ("bảng giá đất", "Sở Nông nghiệp và Môi trường"),
                ("quản lý hoạt động khai thác cát", "Sở Nông nghiệp và Môi trường"),
                ("quản lý hoạt động nuôi cá bè", "Sở Nông nghiệp và Môi trường"), ("mức thu học phí", "Sở Giáo dục và Đào tạo"),
                ("hỗ trợ hộ nghèo xây nhà ở", "Sở Nội vụ"), ("chính sách thu hút nhân lực y tế", "Sở Y tế"),
                ("phân cấp quản lý đường giao thông nông thôn", "Sở Xây dựng"), ("quy chế quản lý kiến trúc đô thị", "Sở Xây dựng"),
                ("phí tham quan di tích Núi Sam", "Sở Văn hóa, Thể thao và Du lịch"),
                ("hỗ trợ chuyển đổi số cho hộ kinh doanh", "Sở Khoa học và Công nghệ"), ("định mức chi ngân sách cấp xã", "Sở Tài chính"),
                ("trình tự xây dựng, ban hành văn bản quy phạm pháp luật", "Sở Tư pháp")]


def _law_rows(rng):
    numbers: dict[tuple[int, str], int] = {}
    for _ in range(424):
        year = rng.randint(2016, 2026)
        kind, suffix = rng.choices((("Quyết định", "QĐ-UBND"), ("Nghị quyết", "NQ-HĐND")), (65, 35))[0]
        n = numbers[(year, suffix)] = numbers.get((year, suffix), 0) + 1
        issued = date(year, rng.randint(1, 12), rng.randint(1, 28))
        verb = "Quy định" if kind == "Quyết định" else "Ban hành quy định"
        status = rng.choices(("Còn hiệu lực", "Hết hiệu lực một phần"), (85, 15))[0]
        subject, drafter = rng.choice(DOC_SUBJECTS)
        yield (f"{n:02d}/{year}/{suffix}", kind, issued, date.fromordinal(issued.toordinal() + rng.choice((10, 10, 15, 30))),
               f"{verb} {subject} trên địa bàn tỉnh An Giang", drafter, status)


def _civil_registry(rng, place, i, quarter):
    births = vary(rng, place.population * 3.2, 0.12)
    return (births, round(rng.uniform(88, 99.5), 1), vary(rng, place.population * 1.6, 0.2), vary(rng, place.population * 1.7, 0.15),
            round(min(99.0, rng.uniform(25, 55) + 6 * i), 1))


def _mediation(rng, place, i, year):
    teams = max(4, round(place.population / 4))
    cases = vary(rng, place.population * 0.9, 0.3)
    solved = int(cases * rng.uniform(0.72, 0.9))
    return teams, teams * rng.randint(5, 7), cases, solved, round(100 * solved / cases, 1)


# religion, kind of place, weight, earliest plausible founding year (Hòa Hảo dates from 1939, Cao Đài from 1926)
RELIGIONS = [("Phật giáo Hòa Hảo", "Hội quán, độc giảng đường", 30, 1939), ("Phật giáo", "Chùa", 22, 1760),
             ("Phật giáo Nam tông Khmer", "Chùa", 12, 1700), ("Công giáo", "Nhà thờ", 10, 1780), ("Cao Đài", "Thánh thất", 8, 1926),
             ("Hồi giáo", "Thánh đường", 5, 1800), ("Tin Lành", "Nhà nguyện", 4, 1930), ("Tứ Ân Hiếu Nghĩa", "Chùa", 3, 1867),
             ("Bửu Sơn Kỳ Hương", "Chùa", 2, 1849)]


def _worship(rng, i, place):
    religion, kind, _, since = rng.choices(RELIGIONS, [r[2] for r in RELIGIONS])[0]
    if religion == "Phật giáo Nam tông Khmer" and place.lon > 105.05:
        religion, kind, since = "Phật giáo", "Chùa", 1760
    name = f"{kind.split(',')[0]} {local_name(rng, place)}"
    return name, religion, kind, rng.randint(since, 2020), rng.choice(("Đã công nhận", "Đã công nhận", "Đang hoàn thiện hồ sơ"))


ETHNIC = [("Khmer", _khmer_share), ("Chăm", lambda p: 0.12 if p.name in ("Châu Phong", "Khánh Bình", "Nhơn Hội", "An Phú", "Phú Hữu") else 0.0),
          ("Hoa", lambda p: 0.03 if p.kind == "Phường" else 0.004)]


def _ethnic_rows(rng):
    for year in (2019, 2024):
        for place in PLACES:
            total = place.population * 1000 * (1.003 ** (year - 2019))
            for name, share in ETHNIC:
                people = int(total * share(place) * rng.uniform(0.85, 1.15))
                yield year, place.code, place.full_name, name, people, int(people / rng.uniform(3.8, 4.6)), round(100 * people / total, 2)


SPECS = [
    DatasetSpec(
        org="so-noi-vu", title="Tỷ lệ hộ nghèo, hộ cận nghèo theo xã, phường (chuẩn nghèo đa chiều)",
        title_en="Poor and near-poor households by commune (multidimensional poverty line)",
        topics=("dan-so-lao-dong-xa-hoi",), tags=("hộ nghèo", "giảm nghèo", "an sinh xã hội"),
        about="Kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm theo chuẩn nghèo đa chiều giai đoạn 2022-2025 (Nghị định "
              "07/2021/NĐ-CP), gồm số hộ nghèo là đồng bào dân tộc thiểu số.",
        uses=("Phân bổ nguồn lực giảm nghèo bền vững.", "Theo dõi mục tiêu giảm nghèo của Nghị quyết Đại hội."),
        table=Table("Hộ nghèo hộ cận nghèo theo xã phường",
                    (*PLACE_COLS(), *cols("Tổng số hộ|Hộ dân cư|hộ", "Hộ nghèo|Số hộ nghèo|hộ", "Tỷ lệ hộ nghèo|Tỷ lệ|%",
                                           "Hộ cận nghèo|Số hộ cận nghèo|hộ", "Tỷ lệ hộ cận nghèo|Tỷ lệ|%",
                                           "Hộ nghèo dân tộc thiểu số|Trong đó dân tộc thiểu số|hộ")),
                    per_place(years(2022, 2025), _poverty), "kết quả rà soát của một xã, phường trong một năm"),
        source="Kết quả rà soát hộ nghèo, hộ cận nghèo hằng năm", method="report", formats=("CSV", "XLSX"),
        frequency="ANNUAL", temporal=(D(2022, 1, 1), D(2025, 12, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="so-noi-vu", title="Biên chế cán bộ, công chức, viên chức cấp xã sau sắp xếp năm 2025",
        title_en="Commune-level civil servant positions after the 2025 reorganisation", topics=("chinh-quyen-hanh-chinh-cong",),
        tags=("cán bộ công chức", "sắp xếp bộ máy", "chính quyền hai cấp"),
        about="Số biên chế được giao và số có mặt theo nhóm vị trí ở mỗi xã, phường sau khi tổ chức chính quyền địa phương "
              "hai cấp, cùng tỷ lệ có trình độ đại học trở lên và tỷ lệ nữ. Không có thông tin cá nhân.",
        uses=("Theo dõi việc bố trí nhân sự sau sắp xếp.", "Xác định xã, phường thiếu công chức chuyên môn."),
        table=Table("Biên chế cán bộ công chức cấp xã năm 2025",
                    (*PLACE_COLS(), *cols("Nhóm vị trí|Nhóm cán bộ, công chức, viên chức", "Biên chế giao|Số được giao|người",
                                           "Có mặt|Số đang làm việc|người", "Đại học trở lên|Tỷ lệ|%", "Nữ|Tỷ lệ nữ|%")),
                    _staff_rows, "một nhóm vị trí ở một xã, phường"),
        source="Cơ sở dữ liệu cán bộ, công chức, viên chức của tỉnh", method="admin", formats=("CSV",), frequency="IRREG",
        temporal=(D(2025, 7, 1), D(2025, 12, 31)), licence=None),
    DatasetSpec(
        org="so-noi-vu", title="Lao động được tạo việc làm mới theo xã, phường hằng tháng năm 2025",
        title_en="Monthly new jobs created by commune, 2025", topics=("dan-so-lao-dong-xa-hoi",),
        tags=("việc làm", "lao động", "xuất khẩu lao động"),
        about="Số lao động có việc làm mới, trong đó đi làm việc ở nước ngoài theo hợp đồng, số người được hỗ trợ học nghề "
              "và số hồ sơ đề nghị hưởng trợ cấp thất nghiệp.",
        uses=("Theo dõi chỉ tiêu giải quyết việc làm.", "Kết nối cung cầu lao động."),
        table=Table("Lao động được tạo việc làm mới năm 2025",
                    (*PLACE_COLS("Tháng|Kỳ (YYYY-MM)"), *cols("Việc làm mới|Số lao động có việc làm mới|người",
                                                             "Đi làm việc ở nước ngoài|Theo hợp đồng|người", "Học nghề|Được hỗ trợ học nghề|người",
                                                             "Trợ cấp thất nghiệp|Hồ sơ đề nghị hưởng|hồ sơ")),
                    per_place(months("2025-01", "2025-12"), _jobs), "số liệu một xã, phường trong một tháng"),
        source="Báo cáo của UBND các xã, phường và Trung tâm Dịch vụ việc làm", formats=("CSV",), frequency="MONTHLY",
        temporal=(D(2025, 1, 1), D(2025, 12, 31))),
    DatasetSpec(
        org="so-noi-vu", title="Đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng theo xã, phường",
        title_en="Social assistance beneficiaries receiving monthly allowances by commune", topics=("dan-so-lao-dong-xa-hoi",),
        tags=("bảo trợ xã hội", "trợ cấp xã hội", "an sinh xã hội"),
        about="Số người hưởng trợ cấp xã hội hằng tháng theo nhóm đối tượng và kinh phí chi trả trong năm (Nghị định "
              "20/2021/NĐ-CP, mức chuẩn trợ giúp xã hội 500.000 đồng/tháng).",
        uses=("Dự toán kinh phí trợ cấp.", "Giám sát chi trả không dùng tiền mặt."),
        table=Table("Đối tượng bảo trợ xã hội theo xã phường",
                    (*PLACE_COLS(), *cols("Nhóm đối tượng|Nhóm hưởng trợ cấp", "Số người|Số người hưởng|người",
                                           "Kinh phí|Kinh phí chi trả trong năm|triệu đồng")),
                    _welfare_rows, "một nhóm đối tượng ở một xã, phường trong một năm"),
        source="Cơ sở dữ liệu an sinh xã hội", method="admin", formats=("CSV", "JSON"), frequency="ANNUAL",
        temporal=(D(2024, 1, 1), D(2025, 12, 31))),
    DatasetSpec(
        org="so-tu-phap", title="Văn bản quy phạm pháp luật của HĐND, UBND tỉnh còn hiệu lực",
        title_en="Provincial legal normative documents in force", topics=("tu-phap-an-ninh", "chinh-quyen-hanh-chinh-cong"),
        tags=("văn bản pháp luật", "nghị quyết", "quyết định"),
        about="Danh mục nghị quyết của HĐND tỉnh và quyết định quy phạm pháp luật của UBND tỉnh còn hiệu lực toàn bộ hoặc "
              "một phần, theo kết quả hệ thống hóa văn bản (trích yếu mang tính minh họa).",
        uses=("Tra cứu nhanh văn bản đang áp dụng.", "Rà soát văn bản cần sửa đổi sau sắp xếp đơn vị hành chính."),
        table=Table("Văn bản quy phạm pháp luật còn hiệu lực",
                    cols("Số ký hiệu|Số, năm, ký hiệu văn bản", "Loại văn bản|Nghị quyết hoặc quyết định", "Ngày ban hành|Ngày ký",
                         "Ngày hiệu lực|Ngày có hiệu lực", "Trích yếu|Nội dung tóm tắt", "Cơ quan soạn thảo|Cơ quan chủ trì soạn thảo",
                         "Tình trạng|Hiệu lực"),
                    _law_rows, "một văn bản"),
        source="Cơ sở dữ liệu quốc gia về văn bản pháp luật và kết quả hệ thống hóa văn bản kỳ 2019-2023", method="admin",
        formats=("CSV", "JSON"), links=(Link("Tra cứu trên Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn/angiang",
                                             description="Toàn văn các văn bản."),),
        frequency="IRREG", temporal=(D(2016, 1, 1), D(2026, 10, 31))),
    DatasetSpec(
        org="so-tu-phap", title="Số liệu đăng ký khai sinh, kết hôn, khai tử theo xã, phường và quý",
        title_en="Birth, marriage and death registrations by commune and quarter", topics=("tu-phap-an-ninh", "dan-so-lao-dong-xa-hoi"),
        tags=("hộ tịch", "khai sinh", "dịch vụ công trực tuyến"),
        about="Số lượt đăng ký khai sinh, kết hôn, khai tử tại UBND cấp xã, tỷ lệ trẻ được đăng ký khai sinh đúng hạn và tỷ "
              "lệ hồ sơ nộp trực tuyến qua Cổng Dịch vụ công.",
        uses=("Theo dõi liên thông thủ tục khai sinh - thường trú - bảo hiểm y tế.", "Đánh giá dịch vụ công trực tuyến toàn trình."),
        table=Table("Đăng ký hộ tịch theo xã phường và quý",
                    (*PLACE_COLS("Quý|Kỳ (YYYY-Qn)"), *cols("Khai sinh|Lượt đăng ký khai sinh|lượt", "Đúng hạn|Tỷ lệ khai sinh đúng hạn|%",
                                                           "Kết hôn|Lượt đăng ký kết hôn|lượt", "Khai tử|Lượt đăng ký khai tử|lượt",
                                                           "Trực tuyến|Tỷ lệ hồ sơ nộp trực tuyến|%")),
                    per_place(quarters(2024, 2025), _civil_registry), "số liệu một xã, phường trong một quý"),
        source="Phần mềm đăng ký, quản lý hộ tịch điện tử dùng chung", method="register", formats=("CSV",),
        frequency="QUARTERLY", temporal=(D(2024, 1, 1), D(2025, 12, 31)), licence="cc-by-4.0"),
    DatasetSpec(
        org="so-tu-phap", title="Kết quả hòa giải ở cơ sở theo xã, phường",
        title_en="Community mediation results by commune", topics=("tu-phap-an-ninh",), tags=("hòa giải ở cơ sở", "pháp luật"),
        about="Số tổ hòa giải, hòa giải viên, vụ việc tiếp nhận và hòa giải thành ở mỗi xã, phường theo năm.",
        uses=("Đánh giá hiệu quả hòa giải ở cơ sở.", "Bồi dưỡng hòa giải viên nơi tỷ lệ thành thấp."),
        table=Table("Kết quả hòa giải ở cơ sở",
                    (*PLACE_COLS(), *cols("Tổ hòa giải|Số tổ|tổ", "Hòa giải viên|Số hòa giải viên|người", "Vụ việc|Vụ việc tiếp nhận|vụ",
                                           "Hòa giải thành|Số vụ hòa giải thành|vụ", "Tỷ lệ thành|Tỷ lệ|%")),
                    per_place(years(2021, 2025), _mediation), "kết quả của một xã, phường trong một năm"),
        source="Báo cáo công tác hòa giải ở cơ sở", formats=("CSV",), frequency="ANNUAL",
        temporal=(D(2021, 1, 1), D(2025, 12, 31)), licence=None),
    DatasetSpec(
        org="so-dan-toc-va-ton-giao", title="Cơ sở tôn giáo, tín ngưỡng trên địa bàn tỉnh",
        title_en="Places of worship", topics=("dan-so-lao-dong-xa-hoi", "van-hoa-du-lich-the-thao"),
        tags=("tôn giáo", "cơ sở thờ tự", "Phật giáo Hòa Hảo"),
        about="Chùa, thánh thất, nhà thờ, thánh đường, hội quán của các tôn giáo được công nhận, phản ánh sự đa dạng tôn "
              "giáo của An Giang: Phật giáo Hòa Hảo, Phật giáo Nam tông Khmer, Hồi giáo của đồng bào Chăm, Cao Đài, Công giáo.",
        uses=("Quản lý nhà nước về tôn giáo.", "Bản đồ du lịch tâm linh."),
        table=facility_table("Cơ sở tôn giáo tín ngưỡng",
                             ("Mã cơ sở|Mã quản lý", "Tên cơ sở|Tên gọi", "Tôn giáo|Tôn giáo", "Loại cơ sở|Loại cơ sở thờ tự",
                              "Năm thành lập|Năm (gần đúng)", "Tình trạng pháp lý|Tình trạng công nhận"),
                             facilities(326, None, _worship, "TG"), "một cơ sở tôn giáo"),
        source="Cơ sở dữ liệu quản lý tôn giáo", method="admin", formats=("CSV", "GEOJSON"), frequency="ANNUAL",
        temporal=(D(2025, 1, 1), D(2025, 12, 31)), licence="odc-odbl"),
    DatasetSpec(
        org="so-dan-toc-va-ton-giao", title="Dân số đồng bào dân tộc Khmer, Chăm, Hoa theo xã, phường",
        title_en="Khmer, Cham and Hoa population by commune", topics=("dan-so-lao-dong-xa-hoi",),
        tags=("dân tộc thiểu số", "Khmer", "Chăm"),
        about="Số người, số hộ và tỷ lệ trong dân số của ba dân tộc thiểu số đông nhất ở từng xã, phường: năm 2019 theo "
              "Tổng điều tra dân số và năm 2024 theo ước tính.",
        uses=("Xác định xã vùng đồng bào dân tộc thiểu số.", "Hoạch định chính sách giáo dục song ngữ, văn hóa."),
        table=Table("Dân số dân tộc thiểu số theo xã phường",
                    (*PLACE_COLS(), *cols("Dân tộc|Tên dân tộc", "Số người|Dân số|người", "Số hộ|Số hộ|hộ", "Tỷ lệ|Trong tổng dân số xã, phường|%")),
                    _ethnic_rows, "số liệu một dân tộc ở một xã, phường trong một năm"),
        source="Tổng điều tra dân số và nhà ở 2019, báo cáo công tác dân tộc", method="survey", formats=("CSV",),
        frequency="IRREG", temporal=(D(2019, 4, 1), D(2024, 12, 31)), licence="cc-by-4.0"),
]
