"""Words the synthetic catalogue is made of: what An Giang agencies actually publish about.

Subjects are grouped by topic with the agencies that publish them, so titles,
tags, agencies and topics agree the way they do in a real catalogue. Lists are
ordered most common first: the generator draws from them with Zipf weights.
"""
from __future__ import annotations

# topic slug -> (publishing agency slugs, subjects (most published first), tags)
SUBJECTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "kinh-te-tai-chinh": (
        ("so-tai-chinh", "chi-cuc-thong-ke-tinh-an-giang"),
        ("dự toán ngân sách nhà nước", "quyết toán ngân sách địa phương", "thu ngân sách nhà nước",
         "dự án đầu tư công", "doanh nghiệp thành lập mới", "chỉ số giá tiêu dùng", "giá cả thị trường hàng hóa",
         "tổng sản phẩm trên địa bàn (GRDP)", "hộ kinh doanh cá thể", "doanh nghiệp giải thể, tạm ngừng kinh doanh",
         "giải ngân vốn đầu tư công", "tài sản công"),
        ("ngân sách", "đầu tư công", "doanh nghiệp", "giá cả", "tài chính công", "dự toán", "quyết toán", "GRDP"),
    ),
    "nong-nghiep-thuy-san": (
        ("so-nong-nghiep-va-moi-truong",),
        ("diện tích gieo trồng lúa", "năng suất và sản lượng lúa", "diện tích cây ăn trái", "mã số vùng trồng",
         "đàn gia súc, gia cầm", "diện tích nuôi trồng thủy sản", "sản lượng cá tra", "hợp tác xã nông nghiệp",
         "giá lúa gạo tại ruộng", "cơ sở sản xuất giống cây trồng", "công trình thủy lợi nội đồng",
         "công trình phòng chống thiên tai", "diện tích rừng tràm", "sản phẩm OCOP"),
        ("lúa", "nông nghiệp", "thủy sản", "cá tra", "cây ăn trái", "chăn nuôi", "thủy lợi", "OCOP", "vùng trồng"),
    ),
    "giao-duc-dao-tao": (
        ("so-giao-duc-va-dao-tao",),
        ("trường mầm non", "trường tiểu học", "trường trung học cơ sở", "trường trung học phổ thông",
         "số lượng học sinh", "đội ngũ giáo viên", "kết quả thi tốt nghiệp trung học phổ thông",
         "kết quả tuyển sinh lớp 10", "cơ sở giáo dục nghề nghiệp", "phòng học kiên cố",
         "trường đạt chuẩn quốc gia", "học sinh khuyết tật học hòa nhập"),
        ("giáo dục", "trường học", "học sinh", "giáo viên", "tuyển sinh", "thi tốt nghiệp", "mầm non"),
    ),
    "y-te-suc-khoe": (
        ("so-y-te", "trung-tam-kiem-soat-benh-tat"),
        ("cơ sở khám bệnh, chữa bệnh", "nhà thuốc đạt chuẩn GPP", "ca mắc sốt xuất huyết", "tiêm chủng mở rộng",
         "bệnh viện và trạm y tế", "giường bệnh", "nhân lực y tế", "cơ sở bảo đảm an toàn thực phẩm",
         "người tham gia bảo hiểm y tế", "ca mắc bệnh tay chân miệng", "phòng khám đa khoa tư nhân"),
        ("y tế", "bệnh viện", "nhà thuốc", "sốt xuất huyết", "tiêm chủng", "an toàn thực phẩm", "trạm y tế"),
    ),
    "tai-nguyen-moi-truong": (
        ("so-nong-nghiep-va-moi-truong", "dai-khi-tuong-thuy-van-an-giang"),
        ("mực nước sông Hậu", "quan trắc chất lượng nước mặt", "lượng mưa", "mực nước sông Tiền",
         "điểm sạt lở bờ sông", "quan trắc chất lượng không khí", "chất thải rắn sinh hoạt", "nhiệt độ không khí",
         "giấy phép khai thác khoáng sản", "giấy phép môi trường", "cảnh báo lũ", "độ mặn nước sông"),
        ("môi trường", "quan trắc", "mực nước", "sạt lở", "khí tượng thủy văn", "chất thải", "khoáng sản", "lũ"),
    ),
    "van-hoa-du-lich-the-thao": (
        ("so-van-hoa-the-thao-va-du-lich",),
        ("cơ sở lưu trú du lịch", "lượt khách du lịch", "di tích lịch sử văn hóa", "lễ hội truyền thống",
         "doanh thu du lịch", "điểm du lịch", "thiết chế văn hóa, thể thao cơ sở", "câu lạc bộ thể dục thể thao",
         "thư viện công cộng", "nhà hàng đạt chuẩn phục vụ khách du lịch", "hướng dẫn viên du lịch"),
        ("du lịch", "lưu trú", "di tích", "lễ hội", "văn hóa", "thể thao", "khách du lịch", "Núi Sam"),
    ),
    "giao-thong-van-tai": (
        ("so-xay-dung",),
        ("tuyến xe buýt", "bến phà, bến khách ngang sông", "cầu trên đường tỉnh", "phương tiện đăng ký mới",
         "tai nạn giao thông", "bến xe khách", "tuyến đường thủy nội địa", "bãi đỗ xe", "đường giao thông nông thôn"),
        ("giao thông", "xe buýt", "bến phà", "cầu", "đường tỉnh", "vận tải", "đường thủy"),
    ),
    "nang-luong": (
        ("so-cong-thuong",),
        ("cửa hàng xăng dầu", "điện năng tiêu thụ", "điện mặt trời mái nhà", "trạm biến áp", "hộ sử dụng điện",
         "công trình điện gió"),
        ("năng lượng", "xăng dầu", "điện", "điện mặt trời", "năng lượng tái tạo"),
    ),
    "chinh-quyen-hanh-chinh-cong": (
        ("van-phong-ubnd-tinh", "trung-tam-phuc-vu-hanh-chinh-cong-tinh", "so-noi-vu"),
        ("hồ sơ giải quyết thủ tục hành chính", "thủ tục hành chính", "dịch vụ công trực tuyến",
         "cán bộ, công chức, viên chức", "phản ánh, kiến nghị của người dân", "chỉ số hài lòng của người dân",
         "đơn vị hành chính cấp xã", "văn bản chỉ đạo điều hành"),
        ("thủ tục hành chính", "dịch vụ công", "một cửa", "cải cách hành chính", "công chức", "cấp xã"),
    ),
    "dan-so-lao-dong-xa-hoi": (
        ("so-noi-vu", "chi-cuc-thong-ke-tinh-an-giang", "so-dan-toc-va-ton-giao"),
        ("dân số trung bình", "hộ nghèo và hộ cận nghèo", "lao động có việc làm", "người có công với cách mạng",
         "đối tượng bảo trợ xã hội", "cơ sở tôn giáo", "đồng bào dân tộc Khmer", "lao động đi làm việc ở nước ngoài",
         "trẻ em có hoàn cảnh đặc biệt", "người cao tuổi", "tỷ lệ thất nghiệp"),
        ("dân số", "lao động", "việc làm", "hộ nghèo", "bảo trợ xã hội", "Khmer", "tôn giáo", "người có công"),
    ),
    "khoa-hoc-cong-nghe": (
        ("so-khoa-hoc-va-cong-nghe", "trung-tam-chuyen-doi-so"),
        ("nhiệm vụ khoa học và công nghệ", "điểm phát Wi-Fi công cộng", "trạm phát sóng di động",
         "chỉ số chuyển đổi số", "doanh nghiệp công nghệ số", "thuê bao internet băng rộng", "sáng kiến cấp tỉnh",
         "nền tảng số dùng chung"),
        ("chuyển đổi số", "khoa học", "công nghệ", "internet", "viễn thông", "Wi-Fi", "dữ liệu số"),
    ),
    "tu-phap-an-ninh": (
        ("so-tu-phap",),
        ("văn bản quy phạm pháp luật", "đăng ký khai sinh", "đăng ký kết hôn", "tổ hòa giải ở cơ sở",
         "tổ chức hành nghề công chứng", "vụ việc trợ giúp pháp lý", "phiếu lý lịch tư pháp"),
        ("pháp luật", "hộ tịch", "khai sinh", "kết hôn", "công chứng", "hòa giải", "tư pháp"),
    ),
    "quy-hoach-xay-dung-dat-dai": (
        ("so-xay-dung", "so-nong-nghiep-va-moi-truong"),
        ("bảng giá đất", "giấy phép xây dựng", "quy hoạch sử dụng đất", "dự án nhà ở xã hội", "khu dân cư",
         "giấy chứng nhận quyền sử dụng đất", "giá vật liệu xây dựng", "cụm công nghiệp", "đồ án quy hoạch chung"),
        ("đất đai", "giá đất", "xây dựng", "quy hoạch", "nhà ở", "nhà ở xã hội", "vật liệu xây dựng"),
    ),
    "thuong-mai-bien-gioi-hop-tac": (
        ("so-cong-thuong", "trung-tam-xuc-tien-thuong-mai-va-dau-tu"),
        ("kim ngạch xuất khẩu", "hàng hóa qua cửa khẩu quốc tế Tịnh Biên", "chợ truyền thống",
         "kim ngạch nhập khẩu", "siêu thị và trung tâm thương mại", "dự án có vốn đầu tư nước ngoài",
         "hội chợ xúc tiến thương mại", "thương nhân kinh doanh biên giới"),
        ("xuất khẩu", "nhập khẩu", "cửa khẩu", "thương mại", "chợ", "biên giới", "Campuchia", "xúc tiến"),
    ),
}

# Topics in the order agencies publish most about them (Zipf weights follow this order).
TOPIC_ORDER = (
    "nong-nghiep-thuy-san", "kinh-te-tai-chinh", "dan-so-lao-dong-xa-hoi", "giao-duc-dao-tao", "y-te-suc-khoe",
    "chinh-quyen-hanh-chinh-cong", "tai-nguyen-moi-truong", "van-hoa-du-lich-the-thao",
    "quy-hoach-xay-dung-dat-dai", "giao-thong-van-tai", "thuong-mai-bien-gioi-hop-tac", "tu-phap-an-ninh",
    "khoa-hoc-cong-nghe", "nang-luong",
)

KINDS = ("Danh sách", "Số liệu", "Thống kê", "Dữ liệu", "Báo cáo", "Tổng hợp", "Bản đồ", "Cơ sở dữ liệu")

# Former districts (before the 2025 merger): older datasets name them.
FORMER_DISTRICTS = (
    "thành phố Long Xuyên", "thành phố Châu Đốc", "huyện Châu Thành", "huyện Chợ Mới", "huyện Phú Tân",
    "thị xã Tân Châu", "huyện Châu Phú", "huyện Thoại Sơn", "thị xã Tịnh Biên", "huyện An Phú", "huyện Tri Tôn",
)

PERIOD_FORMS = (
    # (template, frequency code); {y} year, {q} quarter, {m} month
    ("năm {y}", "ANNUAL"), ("{y}", "ANNUAL"), ("quý {q} năm {y}", "QUARTERLY"), ("tháng {m}/{y}", "MONTHLY"),
    ("6 tháng đầu năm {y}", "ANNUAL_2"), ("giai đoạn {y0}-{y}", "IRREG"), ("", "UPDATE_CONT"),
    ("tuần {w} năm {y}", "WEEKLY"), ("đến ngày 31/12/{y}", "NEVER"),
)
SEASONS = ("vụ Đông Xuân", "vụ Hè Thu", "vụ Thu Đông")

FREQUENCY_VI = {
    "UPDATE_CONT": "liên tục", "DAILY": "hằng ngày", "WEEKLY": "hằng tuần", "MONTHLY": "hằng tháng",
    "QUARTERLY": "hằng quý", "ANNUAL_2": "6 tháng một lần", "ANNUAL": "hằng năm", "IRREG": "không định kỳ",
    "NEVER": "một lần",
}

SOURCES = (
    "báo cáo định kỳ của UBND các xã, phường", "hệ thống thông tin chuyên ngành", "kết quả điều tra, khảo sát",
    "hồ sơ đăng ký, cấp phép", "các trạm quan trắc tự động", "Hệ thống thông tin giải quyết thủ tục hành chính",
    "số liệu của các sở, ngành",
)
PURPOSES = (
    "công tác quản lý nhà nước", "người dân và doanh nghiệp tra cứu", "nghiên cứu và lập quy hoạch",
    "theo dõi chỉ tiêu phát triển kinh tế - xã hội", "xây dựng kế hoạch năm sau", "báo chí và giới nghiên cứu",
)
FIELDS = (
    "tên, địa chỉ, số điện thoại và người đại diện", "mã xã, tên xã, chỉ tiêu, giá trị và đơn vị tính",
    "tọa độ, diện tích, loại hình và tình trạng", "kỳ báo cáo, chỉ tiêu, kế hoạch và số thực hiện",
    "số quyết định, ngày cấp, cơ quan cấp và thời hạn", "ngày quan trắc, trạm, thông số và giá trị đo",
)
EXTRA_SENTENCES = (
    "Số liệu kỳ gần nhất là số liệu sơ bộ và có thể được điều chỉnh.",
    "Địa giới hành chính được quy đổi theo đơn vị hành chính mới từ ngày 01/7/2025.",
    "Thông tin cá nhân đã được lược bỏ trước khi công bố.",
    "Tọa độ dùng hệ WGS 84, có sai số khoảng 10-30 m.",
    "Bảng tính kèm trang giải thích ý nghĩa từng cột.",
)
GENERAL_TAGS = ("An Giang", "thống kê", "dữ liệu mở", "cấp xã", "báo cáo định kỳ", "bản đồ", "chuyển đổi số")

# format -> (weight, media type, resource kind)
FORMATS = {
    "CSV": (36, "text/csv", "file"),
    "XLSX": (26, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "file"),
    "PDF": (14, "application/pdf", "file"),
    "JSON": (8, "application/json", "file"),
    "GEOJSON": (5, "application/geo+json", "file"),
    "HTML": (5, "text/html", "url"),
    "DOCX": (4, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "file"),
    "API": (2, "application/json", "api"),
}
RESOURCE_NOTES = {
    "CSV": "Bảng dữ liệu đầy đủ: UTF-8 có BOM, phân cách bằng dấu phẩy, dòng đầu là tên cột.",
    "XLSX": "Bảng tính Excel: trang “Dữ liệu” chứa số liệu, trang “Giải thích” mô tả từng cột.",
    "PDF": "Bản in PDF có chữ ký số của cơ quan ban hành.",
    "JSON": "Mảng bản ghi JSON (UTF-8); tên trường viết không dấu.",
    "GEOJSON": "Lớp bản đồ GeoJSON (WGS 84), mở được bằng QGIS.",
    "HTML": "Trang thông tin trên cổng của cơ quan.",
    "DOCX": "Văn bản Word kèm theo.",
    "API": "Dịch vụ dữ liệu trực tuyến, trả về JSON.",
}

# licence id -> weight ("" : none chosen, the statutory default applies implicitly)
LICENCES = {"vn-open-data-default": 60, "cc-by-4.0": 25, "cc-zero": 8, "odc-odbl": 4, "": 3}
