"""Two hundred queries of the kind visitors type: 1-3 syllables, often without diacritics.

Drawn with a fixed seed from what people look for on provincial portals
(topics, places, years), a few broad words that match a large share of the
catalogue ("danh sách", "an giang"), and a few that match nothing (typos,
words the catalogue does not use), which also exercise spelling suggestions.
"""
from __future__ import annotations

import random

from opendata.vietnamese import fold

from .catalogue import Zipf

# Popular first (Zipf weights); every entry is 1-3 syllables.
KEYWORDS = (
    "du lịch", "dân số", "lúa", "giá đất", "ngân sách", "trường học", "doanh nghiệp", "hộ nghèo", "bệnh viện",
    "học sinh", "xe buýt", "mực nước", "sạt lở", "thủ tục hành chính", "giáo viên", "nhà thuốc", "xuất khẩu",
    "cá tra", "thủy sản", "lễ hội", "di tích", "quan trắc", "dịch vụ công", "lao động", "việc làm", "xăng dầu",
    "sốt xuất huyết", "tiêm chủng", "giấy phép", "đầu tư công", "cây ăn trái", "chợ", "khai sinh", "kết hôn",
    "công chứng", "nhà ở xã hội", "cửa khẩu", "lượng mưa", "khoáng sản", "chất thải", "không khí", "điện",
    "chuyển đổi số", "internet", "khmer", "tôn giáo", "giá cả", "mầm non", "tuyển sinh", "thi tốt nghiệp",
    "bến phà", "giao thông", "cầu", "quy hoạch", "người có công", "bảo hiểm y tế", "hợp tác xã", "vùng trồng",
    "ocop", "grdp", "lưu trú", "thư viện", "điện mặt trời", "trạm y tế", "siêu thị", "tai nạn", "kim ngạch",
    "giường bệnh", "cơ sở tôn giáo", "người cao tuổi", "thất nghiệp", "thiên tai", "lũ", "nhiệt độ",
    "chăn nuôi", "gia cầm", "khu dân cư", "cụm công nghiệp", "wifi", "khách sạn",
)
PLACES = (
    "Long Xuyên", "Châu Đốc", "Tân Châu", "Tịnh Biên", "Chợ Mới", "Châu Thành", "Thoại Sơn", "Tri Tôn", "An Phú",
    "Phú Tân", "Châu Phú", "Óc Eo", "Ba Chúc", "Núi Cấm", "Vĩnh Xương", "Cù Lao Giêng",
)
YEARS = ("2024", "2023", "2025", "2022", "2021", "2020")
BROAD = ("danh sách", "an giang", "số liệu", "thống kê", "báo cáo", "năm 2024", "tỉnh", "dữ liệu", "tổng hợp", "xã")

COUNT = 200


def _typo(rng: random.Random, word: str) -> str:
    """One slip of the keyboard: a letter dropped, doubled or swapped with its neighbour."""
    letters = list(word)
    spots = [i for i, ch in enumerate(letters) if ch.isalpha()]
    i = rng.choice(spots[1:] or spots)
    choice = rng.randrange(3)
    if choice == 0 and len(spots) > 3:
        del letters[i]
    elif choice == 1:
        letters.insert(i, letters[i])
    elif i + 1 < len(letters) and letters[i + 1].isalpha():
        letters[i], letters[i + 1] = letters[i + 1], letters[i]
    else:
        letters.insert(i, "h")
    return "".join(letters)


def typical_queries(count: int = COUNT, seed: str = "opendata-bench-queries") -> list[str]:
    """``count`` distinct queries; about 40% typed without diacritics, some capitalised."""
    rng = random.Random(seed)
    keywords, places, years, broad = Zipf(KEYWORDS, s=0.8), Zipf(PLACES, s=0.8), Zipf(YEARS), Zipf(BROAD)
    short = Zipf([k for k in KEYWORDS if " " not in k], s=0.8)
    out: dict[str, str] = {}  # lowercased -> as typed: no two queries differ by case only
    for _ in range(count * 100):  # the pool is finite: stop rather than loop forever on a huge count
        if len(out) >= count:
            break
        r = rng.random()
        if r < 0.50:
            query = keywords.pick(rng)
        elif r < 0.62:
            keyword = keywords.pick(rng)
            query = f"{keyword} {years.pick(rng)}" if keyword.count(" ") < 2 else keyword
        elif r < 0.74:
            query = f"{short.pick(rng)} {places.pick(rng)}"
        elif r < 0.84:
            query = places.pick(rng)
        elif r < 0.95:
            query = broad.pick(rng)
        else:
            query = _typo(rng, keywords.pick(rng))
        if rng.random() < 0.4:
            query = fold(query)
        query = query.lower() if rng.random() < 0.7 else query
        if len(query.split()) <= 3:
            out.setdefault(query.lower(), query)
    return list(out.values())


def warmup_queries(count: int, exclude: list[str]) -> list[str]:
    """``count`` queries of the same kind, none of them in ``exclude`` (so no result is cached before it is timed)."""
    taken = {q.lower() for q in exclude}
    pool = typical_queries(count + len(exclude), seed="opendata-bench-warmup")
    return [q for q in pool if q.lower() not in taken][:count]


if __name__ == "__main__":  # print them, one a line
    print("\n".join(typical_queries()))
