"""Agency types and agencies of the demo province (An Giang, two-tier government since 2025).

Focal officers, phone numbers and e-mail addresses are fictional; websites
follow the *.angiang.gov.vn pattern the province uses.
"""
from __future__ import annotations

AGENCY_TYPES = [
    # slug, name, name_en
    ("so-ban-nganh", "Sở, ban, ngành", "Provincial department"),
    ("co-quan-cap-tinh", "Văn phòng UBND tỉnh và cơ quan cấp tỉnh", "Provincial People's Committee office and provincial bodies"),
    ("ubnd-cap-xa", "UBND xã, phường", "Commune-level People's Committee"),
    ("don-vi-su-nghiep", "Đơn vị sự nghiệp công lập", "Public service unit"),
    ("co-quan-trung-uong", "Cơ quan trung ương trên địa bàn tỉnh", "Central government office in the province"),
]

_D = "so-ban-nganh"


def _org(slug, type_slug, name, name_en, abbreviation, description, address, host, focal, parent=None):
    focal_name, focal_title, focal_mail = focal
    return {
        "slug": slug, "type": type_slug, "parent": parent, "name": name, "name_en": name_en,
        "abbreviation": abbreviation, "description": description, "address": address,
        "website": f"https://{host}.angiang.gov.vn", "email": f"{host}@angiang.gov.vn",
        "focal_name": focal_name, "focal_title": focal_title, "focal_email": f"{focal_mail}.{host}@angiang.gov.vn",
    }


# Parents come before their children. Phones are assigned in order by the loader.
ORGANIZATIONS = [
    _org("so-tai-chinh", _D, "Sở Tài chính", "Department of Finance", "STC",
         "Cơ quan chuyên môn thuộc UBND tỉnh, tham mưu về tài chính, ngân sách, giá, đầu tư công, "
         "đăng ký doanh nghiệp và kế hoạch phát triển kinh tế - xã hội (tiếp nhận chức năng của Sở Kế hoạch và Đầu tư từ 2025).",
         "Số 6 Nguyễn Công Trứ, phường Long Xuyên, tỉnh An Giang", "stc",
         ("Nguyễn Thị Thu Hà", "Phó Chánh Văn phòng Sở", "ntthuha")),
    _org("so-y-te", _D, "Sở Y tế", "Department of Health", "SYT",
         "Tham mưu quản lý nhà nước về y tế: khám bệnh, chữa bệnh, y tế dự phòng, dược, an toàn thực phẩm, dân số.",
         "Số 15 Lê Triệu Kiết, phường Long Xuyên, tỉnh An Giang", "soyte",
         ("Trần Văn Phúc", "Trưởng phòng Kế hoạch - Tài chính", "tvphuc")),
    _org("so-giao-duc-va-dao-tao", _D, "Sở Giáo dục và Đào tạo", "Department of Education and Training", "SGDĐT",
         "Quản lý giáo dục mầm non, phổ thông, thường xuyên và giáo dục nghề nghiệp trên địa bàn tỉnh.",
         "Số 22 Nguyễn Văn Cưng, phường Long Xuyên, tỉnh An Giang", "sogddt",
         ("Lê Minh Khoa", "Chuyên viên Phòng Kế hoạch - Tài chính", "lmkhoa")),
    _org("so-van-hoa-the-thao-va-du-lich", _D, "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism", "SVHTTDL",
         "Quản lý văn hóa, gia đình, thể dục thể thao, du lịch; bảo tồn di tích và lễ hội truyền thống.",
         "Số 50 Lê Lợi, phường Long Xuyên, tỉnh An Giang", "svhttdl",
         ("Phạm Thị Ngọc Bích", "Phó Trưởng phòng Quản lý du lịch", "ptnbich")),
    _org("so-nong-nghiep-va-moi-truong", _D, "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment", "SNNMT",
         "Tham mưu về nông nghiệp, thủy sản, thủy lợi, phòng chống thiên tai, đất đai, tài nguyên nước và môi trường.",
         "Số 1 Ngô Gia Tự, phường Long Xuyên, tỉnh An Giang", "snnmt",
         ("Huỳnh Văn Tài", "Trưởng phòng Kế hoạch - Tài chính", "hvtai")),
    _org("so-xay-dung", _D, "Sở Xây dựng", "Department of Construction", "SXD",
         "Quản lý xây dựng, quy hoạch đô thị, nhà ở, vật liệu xây dựng, giao thông vận tải (hợp nhất từ 2025).",
         "Số 19 Tôn Đức Thắng, phường Long Xuyên, tỉnh An Giang", "sxd",
         ("Võ Thị Mỹ Linh", "Chuyên viên Văn phòng Sở", "vtmlinh")),
    _org("so-cong-thuong", _D, "Sở Công Thương", "Department of Industry and Trade", "SCT",
         "Quản lý công nghiệp, năng lượng, thương mại nội địa, xuất nhập khẩu, thương mại biên giới.",
         "Số 12 Lê Triệu Kiết, phường Long Xuyên, tỉnh An Giang", "sct",
         ("Đặng Quốc Bảo", "Phó Chánh Văn phòng Sở", "dqbao")),
    _org("so-khoa-hoc-va-cong-nghe", _D, "Sở Khoa học và Công nghệ", "Department of Science and Technology", "SKHCN",
         "Quản lý khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, bưu chính, viễn thông và công nghệ thông tin.",
         "Số 8/18 Trần Hưng Đạo, phường Long Xuyên, tỉnh An Giang", "skhcn",
         ("Bùi Thanh Tùng", "Trưởng phòng Chuyển đổi số", "bttung")),
    _org("so-noi-vu", _D, "Sở Nội vụ", "Department of Home Affairs", "SNV",
         "Quản lý tổ chức bộ máy, công chức, chính quyền địa phương, lao động, việc làm, người có công và bảo trợ xã hội.",
         "Số 28 Trần Hưng Đạo, phường Long Xuyên, tỉnh An Giang", "snv",
         ("Dương Thị Kim Ngân", "Chuyên viên Phòng Công chức, viên chức", "dtkngan")),
    _org("so-tu-phap", _D, "Sở Tư pháp", "Department of Justice", "STP",
         "Quản lý văn bản quy phạm pháp luật, hộ tịch, bổ trợ tư pháp, phổ biến giáo dục pháp luật, hòa giải ở cơ sở.",
         "Số 4 Nguyễn Huệ, phường Long Xuyên, tỉnh An Giang", "stp",
         ("Lâm Chí Thanh", "Phó Chánh Văn phòng Sở", "lcthanh")),
    _org("so-dan-toc-va-ton-giao", _D, "Sở Dân tộc và Tôn giáo", "Department of Ethnic and Religious Affairs", "SDTTG",
         "Tham mưu công tác dân tộc và tôn giáo; vùng đồng bào Khmer, Chăm, Hoa trên địa bàn tỉnh.",
         "Số 3 Lê Lợi, phường Châu Đốc, tỉnh An Giang", "sdttg",
         ("Néang Sa Phia", "Chuyên viên Phòng Chính sách dân tộc", "nsphia")),
    _org("van-phong-ubnd-tinh", "co-quan-cap-tinh", "Văn phòng UBND tỉnh An Giang", "Office of the Provincial People's Committee", "VPUBND",
         "Tham mưu tổng hợp, điều phối hoạt động của UBND tỉnh; quản lý Cổng thông tin điện tử và kiểm soát thủ tục hành chính.",
         "Số 16 Lê Triệu Kiết, phường Long Xuyên, tỉnh An Giang", "vpubnd",
         ("Ngô Hoàng Nam", "Phó Chánh Văn phòng", "nhnam")),
    _org("chi-cuc-thong-ke-tinh-an-giang", "co-quan-trung-uong", "Chi cục Thống kê tỉnh An Giang", "An Giang Provincial Statistics Office", "CCTK",
         "Đơn vị thuộc Cục Thống kê (Bộ Tài chính), thu thập, tổng hợp và công bố số liệu thống kê kinh tế - xã hội của tỉnh.",
         "Số 5 Hùng Vương, phường Long Xuyên, tỉnh An Giang", "thongke",
         ("Châu Thị Bé Ba", "Phó Chi cục trưởng", "ctbeba")),
    _org("dai-khi-tuong-thuy-van-an-giang", "co-quan-trung-uong", "Đài Khí tượng Thủy văn tỉnh An Giang", "An Giang Hydro-Meteorological Station", "ĐKTTV",
         "Quan trắc, dự báo khí tượng, thủy văn; cảnh báo lũ trên sông Tiền, sông Hậu.",
         "Số 21 Lê Lợi, phường Long Xuyên, tỉnh An Giang", "kttv",
         ("Hồ Văn Hiếu", "Trưởng phòng Dự báo", "hvhieu")),
    _org("trung-tam-phuc-vu-hanh-chinh-cong-tinh", "don-vi-su-nghiep", "Trung tâm Phục vụ hành chính công tỉnh", "Provincial Public Administration Service Centre", "TTPVHCC",
         "Tiếp nhận, trả kết quả thủ tục hành chính một cửa của các sở, ngành; vận hành Hệ thống thông tin giải quyết TTHC của tỉnh.",
         "Số 80 Trần Hưng Đạo, phường Long Xuyên, tỉnh An Giang", "dichvucong",
         ("Trịnh Thị Hồng Nhung", "Phó Giám đốc", "tthnhung"), parent="van-phong-ubnd-tinh"),
    _org("trung-tam-kiem-soat-benh-tat", "don-vi-su-nghiep", "Trung tâm Kiểm soát bệnh tật tỉnh An Giang", "An Giang Centre for Disease Control", "CDC",
         "Đơn vị sự nghiệp thuộc Sở Y tế: phòng chống dịch bệnh, tiêm chủng mở rộng, y tế dự phòng, sức khỏe môi trường.",
         "Số 1 Hùng Vương, phường Long Xuyên, tỉnh An Giang", "cdc",
         ("Mai Thanh Sơn", "Trưởng khoa Phòng chống bệnh truyền nhiễm", "mtson"), parent="so-y-te"),
    _org("trung-tam-chuyen-doi-so", "don-vi-su-nghiep", "Trung tâm Chuyển đổi số tỉnh An Giang", "An Giang Digital Transformation Centre", "TTCĐS",
         "Đơn vị sự nghiệp thuộc Sở Khoa học và Công nghệ: vận hành trung tâm dữ liệu, nền tảng tích hợp, chia sẻ dữ liệu (LGSP) và Cổng dữ liệu mở.",
         "Số 8/18 Trần Hưng Đạo, phường Long Xuyên, tỉnh An Giang", "ttcds",
         ("Tạ Minh Trí", "Phó Giám đốc", "tmtri"), parent="so-khoa-hoc-va-cong-nghe"),
    _org("trung-tam-xuc-tien-thuong-mai-va-dau-tu", "don-vi-su-nghiep", "Trung tâm Xúc tiến Thương mại và Đầu tư", "Trade and Investment Promotion Centre", "ITPC",
         "Đơn vị sự nghiệp thuộc Sở Công Thương: xúc tiến thương mại, đầu tư, hỗ trợ doanh nghiệp tiếp cận thị trường.",
         "Số 12 Lê Triệu Kiết, phường Long Xuyên, tỉnh An Giang", "xuctien",
         ("Lý Ngọc Hân", "Trưởng phòng Thông tin", "lnhan"), parent="so-cong-thuong"),
    _org("ubnd-phuong-long-xuyen", "ubnd-cap-xa", "UBND phường Long Xuyên", "Long Xuyen Ward People's Committee", "UBND P.LX",
         "Chính quyền cấp xã của phường Long Xuyên, trung tâm thương mại - dịch vụ bên sông Hậu.",
         "Số 2 Hai Bà Trưng, phường Long Xuyên, tỉnh An Giang", "longxuyen",
         ("Đoàn Thị Thanh Tâm", "Chuyên viên Văn phòng HĐND và UBND phường", "dtttam")),
    _org("ubnd-phuong-chau-doc", "ubnd-cap-xa", "UBND phường Châu Đốc", "Chau Doc Ward People's Committee", "UBND P.CĐ",
         "Chính quyền cấp xã của phường Châu Đốc, nơi có Khu du lịch quốc gia Núi Sam và Lễ hội Vía Bà Chúa Xứ.",
         "Số 1 Phan Văn Vàng, phường Châu Đốc, tỉnh An Giang", "chaudoc",
         ("Nguyễn Hữu Lộc", "Phó Chánh Văn phòng HĐND và UBND phường", "nhloc")),
    _org("ubnd-phuong-tan-chau", "ubnd-cap-xa", "UBND phường Tân Châu", "Tan Chau Ward People's Committee", "UBND P.TC",
         "Chính quyền cấp xã của phường Tân Châu, vùng nghề dệt lụa truyền thống và cửa khẩu Vĩnh Xương lân cận.",
         "Số 9 Tôn Đức Thắng, phường Tân Châu, tỉnh An Giang", "tanchau",
         ("Phan Thị Diễm My", "Công chức Văn phòng - Thống kê", "ptdmy")),
    _org("ubnd-xa-oc-eo", "ubnd-cap-xa", "UBND xã Óc Eo", "Oc Eo Commune People's Committee", "UBND X.OE",
         "Chính quyền xã Óc Eo, nơi có Khu di tích quốc gia đặc biệt Óc Eo - Ba Thê; vùng lúa chất lượng cao.",
         "Ấp Tân Hiệp, xã Óc Eo, tỉnh An Giang", "oceo",
         ("Lê Văn Quý", "Công chức Văn phòng - Thống kê", "lvquy")),
    _org("ubnd-xa-ba-chuc", "ubnd-cap-xa", "UBND xã Ba Chúc", "Ba Chuc Commune People's Committee", "UBND X.BC",
         "Chính quyền xã Ba Chúc vùng Bảy Núi, đông đồng bào Khmer sinh sống.",
         "Ấp An Bình, xã Ba Chúc, tỉnh An Giang", "bachuc",
         ("Chau Sóc Khum", "Công chức Văn phòng - Thống kê", "cskhum")),
    _org("ubnd-xa-cho-moi", "ubnd-cap-xa", "UBND xã Chợ Mới", "Cho Moi Commune People's Committee", "UBND X.CM",
         "Chính quyền xã Chợ Mới trên cù lao giữa sông Tiền và sông Hậu, vùng cây ăn trái và làng nghề.",
         "Ấp Thị 1, xã Chợ Mới, tỉnh An Giang", "chomoi",
         ("Trương Thị Ngọc Hân", "Công chức Văn phòng - Thống kê", "ttnhan")),
    _org("trung-tam-phuc-vu-hanh-chinh-cong-phuong-long-xuyen", "don-vi-su-nghiep",
         "Trung tâm Phục vụ hành chính công phường Long Xuyên", "Long Xuyen Ward Public Administration Service Centre", "TTPVHCC P.LX",
         "Bộ phận một cửa của phường Long Xuyên: tiếp nhận hồ sơ, trả kết quả thủ tục hành chính cấp xã.",
         "Số 2 Hai Bà Trưng, phường Long Xuyên, tỉnh An Giang", "longxuyen",
         ("Võ Hoàng Yến", "Phó Giám đốc Trung tâm", "vhyen"), parent="ubnd-phuong-long-xuyen"),
]

# ASCII agency codes used in dataset identifiers ("AG-STC-2024-0001").
IDENTIFIER_CODES = {
    "so-tai-chinh": "STC", "so-y-te": "SYT", "so-giao-duc-va-dao-tao": "SGDDT",
    "so-van-hoa-the-thao-va-du-lich": "SVHTTDL", "so-nong-nghiep-va-moi-truong": "SNNMT", "so-xay-dung": "SXD",
    "so-cong-thuong": "SCT", "so-khoa-hoc-va-cong-nghe": "SKHCN", "so-noi-vu": "SNV", "so-tu-phap": "STP",
    "so-dan-toc-va-ton-giao": "SDTTG", "van-phong-ubnd-tinh": "VPUBND", "chi-cuc-thong-ke-tinh-an-giang": "CCTK",
    "dai-khi-tuong-thuy-van-an-giang": "DKTTV", "trung-tam-phuc-vu-hanh-chinh-cong-tinh": "TTPVHCC",
    "trung-tam-kiem-soat-benh-tat": "CDC", "trung-tam-chuyen-doi-so": "TTCDS",
    "trung-tam-xuc-tien-thuong-mai-va-dau-tu": "ITPC", "ubnd-phuong-long-xuyen": "PLX",
    "ubnd-phuong-chau-doc": "PCD", "ubnd-phuong-tan-chau": "PTC", "ubnd-xa-oc-eo": "XOE", "ubnd-xa-ba-chuc": "XBC",
    "ubnd-xa-cho-moi": "XCM", "trung-tam-phuc-vu-hanh-chinh-cong-phuong-long-xuyen": "PVHCCLX",
}


def phone(index: int) -> str:
    """Office numbers in the 0296 area code, fictional."""
    return f"0296 3{852 + index * 7 % 140:03d} {100 + index * 37 % 900:03d}"
