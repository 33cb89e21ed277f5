"""Wards and communes of An Giang and the small word pools the demo tables draw on.

Names follow the two-tier arrangement in force since 1 July 2025 (province and
commune, no district) for the former An Giang area; positions are approximate
centres, good enough for map previews, not for anything official. The
administrative codes are illustrative, not the national codes.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

# Map previews and GeoJSON stay inside this box (lon/lat, WGS 84).
LON_MIN, LON_MAX = 104.70, 105.60
LAT_MIN, LAT_MAX = 10.10, 10.95


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    kind: str  # "Phường" or "Xã"
    lon: float
    lat: float
    population: int  # thousands of people, rough 2024 order of magnitude

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def in_text(self) -> str:
        """The name as written inside a sentence: "xã Óc Eo", "phường Long Xuyên"."""
        return f"{self.kind.lower()} {self.name}"


_RAW = [
    # (kind, name, lon, lat, population in thousands)
    ("Phường", "Long Xuyên", 105.435, 10.375, 152),
    ("Phường", "Bình Đức", 105.405, 10.420, 71),
    ("Phường", "Mỹ Thới", 105.465, 10.335, 63),
    ("Phường", "Châu Đốc", 105.117, 10.705, 82),
    ("Phường", "Vĩnh Tế", 105.065, 10.680, 46),
    ("Phường", "Tân Châu", 105.240, 10.800, 72),
    ("Phường", "Long Phú", 105.200, 10.760, 41),
    ("Phường", "Tịnh Biên", 104.950, 10.600, 43),
    ("Phường", "Thới Sơn", 104.990, 10.630, 31),
    ("Phường", "Chi Lăng", 105.020, 10.530, 36),
    ("Xã", "Mỹ Hòa Hưng", 105.455, 10.405, 26),
    ("Xã", "An Phú", 105.090, 10.810, 57),
    ("Xã", "Vĩnh Hậu", 105.130, 10.870, 34),
    ("Xã", "Khánh Bình", 105.070, 10.920, 39),
    ("Xã", "Nhơn Hội", 105.030, 10.880, 29),
    ("Xã", "Phú Hữu", 105.160, 10.880, 36),
    ("Xã", "Vĩnh Xương", 105.190, 10.900, 31),
    ("Xã", "Tân An", 105.270, 10.840, 35),
    ("Xã", "Châu Phong", 105.200, 10.730, 30),
    ("Xã", "Phú Tân", 105.300, 10.650, 61),
    ("Xã", "Chợ Vàm", 105.330, 10.700, 44),
    ("Xã", "Phú Lâm", 105.290, 10.740, 40),
    ("Xã", "Phú An", 105.370, 10.630, 42),
    ("Xã", "Bình Thạnh Đông", 105.340, 10.580, 35),
    ("Xã", "Hòa Lạc", 105.260, 10.680, 34),
    ("Xã", "Châu Phú", 105.230, 10.570, 62),
    ("Xã", "Mỹ Đức", 105.170, 10.640, 36),
    ("Xã", "Vĩnh Thạnh Trung", 105.200, 10.600, 41),
    ("Xã", "Bình Mỹ", 105.270, 10.530, 39),
    ("Xã", "Thạnh Mỹ Tây", 105.160, 10.530, 35),
    ("Xã", "An Châu", 105.380, 10.450, 56),
    ("Xã", "Bình Hòa", 105.350, 10.480, 41),
    ("Xã", "Cần Đăng", 105.310, 10.460, 34),
    ("Xã", "Vĩnh Hanh", 105.250, 10.440, 31),
    ("Xã", "Chợ Mới", 105.470, 10.550, 63),
    ("Xã", "Cù Lao Giêng", 105.520, 10.490, 52),
    ("Xã", "Hội An", 105.560, 10.460, 40),
    ("Xã", "Long Điền", 105.520, 10.560, 46),
    ("Xã", "Nhơn Mỹ", 105.480, 10.610, 40),
    ("Xã", "Long Kiến", 105.440, 10.590, 38),
    ("Xã", "Thoại Sơn", 105.260, 10.290, 55),
    ("Xã", "Óc Eo", 105.150, 10.250, 46),
    ("Xã", "Định Mỹ", 105.310, 10.330, 34),
    ("Xã", "Phú Hòa", 105.360, 10.360, 41),
    ("Xã", "Vĩnh Trạch", 105.350, 10.260, 33),
    ("Xã", "Tây Phú", 105.200, 10.340, 30),
    ("Xã", "Tri Tôn", 105.000, 10.420, 51),
    ("Xã", "Ba Chúc", 104.900, 10.490, 36),
    ("Xã", "Cô Tô", 105.020, 10.370, 39),
    ("Xã", "Núi Cấm", 104.990, 10.510, 28),
    ("Xã", "Vĩnh Gia", 104.900, 10.330, 24),
    ("Xã", "Ô Lâm", 104.960, 10.380, 30),
    ("Xã", "An Cư", 104.960, 10.560, 34),
]

PLACES: tuple[Place, ...] = tuple(
    Place(f"{30280 + 13 * i:05d}", name, kind, lon, lat, pop) for i, (kind, name, lon, lat, pop) in enumerate(_RAW)
)
WARDS = tuple(p for p in PLACES if p.kind == "Phường")
BY_NAME = {p.name: p for p in PLACES}

STREETS = (
    "Trần Hưng Đạo", "Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Tôn Đức Thắng", "Lý Thái Tổ",
    "Nguyễn Trãi", "Hùng Vương", "Phạm Cự Lượng", "Hà Hoàng Hổ", "Bùi Văn Danh", "Thoại Ngọc Hầu",
    "Châu Thị Tế", "Nguyễn Văn Linh", "Trần Quang Khải", "Lê Hồng Phong", "Ung Văn Khiêm",
    "Nguyễn Thái Học", "Võ Thị Sáu", "Lý Tự Trọng", "Cách Mạng Tháng Tám", "Phan Đình Phùng",
    "Quang Trung", "Nguyễn Du", "Hà Huy Giáp", "Trần Bình Trọng", "Lạc Long Quân", "Âu Cơ",
    "Tân Lộ Kiều Lương", "Đống Đa",
)
ROADS = ("Quốc lộ 91", "Quốc lộ 91C", "Quốc lộ N1", "Quốc lộ 80B", "Đường tỉnh 941", "Đường tỉnh 942",
         "Đường tỉnh 943", "Đường tỉnh 944", "Đường tỉnh 945", "Đường tỉnh 946", "Đường tỉnh 947",
         "Đường tỉnh 948", "Đường tỉnh 952", "Đường tỉnh 954", "Đường tỉnh 955A", "Đường tỉnh 956")
HAMLETS = (
    "Hòa Long", "Mỹ Khánh", "Bình Phú", "Tân Hiệp", "Long Thạnh", "Phú Hưng", "Vĩnh Lợi", "An Bình",
    "Thạnh Lợi", "Đông Thạnh", "Tây Khánh", "Trung Bình", "Phú Thượng", "Hòa Hưng", "Long An",
    "Bình Thành", "Mỹ Phú", "Tân Thuận", "Vĩnh Thành", "Phước Lộc", "An Thạnh", "Kiến Hòa",
)
KHMER_HAMLETS = ("Phước Long", "Sà Lôn", "Tô Thủy", "Ninh Thuận", "Tà Miệt", "Tân Long", "Soài Chek", "Vĩnh Thuận")
WORDS = (
    "Phát Đạt", "Thành Công", "Hưng Thịnh", "Minh Phát", "Kim Ngân", "An Khang", "Phúc Lộc", "Tân Tiến",
    "Hòa Bình", "Mê Kông", "Cửu Long", "Hậu Giang", "Phương Nam", "Thiên Phúc", "Ngọc Lan", "Bảo Châu",
    "Sao Mai", "Hồng Phát", "Vạn Lợi", "Đại Phong", "Tấn Lộc", "Quốc Thái", "Mỹ Tâm", "Tâm An",
    "Thảo Nguyên", "Song Phú", "Bình An", "Trường Thịnh", "Gia Hưng", "Hoàng Long", "Nam Phong", "Tài Lộc",
)


def place_of(name: str) -> Place:
    return BY_NAME[name]


def point_near(rng: random.Random, place: Place, spread: float = 0.02) -> tuple[float, float]:
    """A random position near ``place``, clipped to the province box."""
    lon = min(max(place.lon + rng.uniform(-spread, spread), LON_MIN + 0.01), LON_MAX - 0.01)
    lat = min(max(place.lat + rng.uniform(-spread, spread), LAT_MIN + 0.01), LAT_MAX - 0.01)
    return round(lon, 6), round(lat, 6)


def hamlet(rng: random.Random, place: Place) -> str:
    """"khóm ..." in a ward, "ấp ..." in a commune (Khmer names around Tri Tôn and Tịnh Biên)."""
    if place.kind == "Phường":
        return f"khóm {rng.choice(HAMLETS)} {rng.randint(1, 3)}" if rng.random() < 0.5 else f"khóm {rng.randint(1, 12)}"
    pool = KHMER_HAMLETS if place.lon < 105.05 and rng.random() < 0.6 else HAMLETS
    return f"ấp {rng.choice(pool)}"


def address(rng: random.Random, place: Place) -> str:
    """A plausible street or hamlet address inside ``place`` (no real house is meant)."""
    unit = place.in_text
    if place.kind == "Phường":
        return f"Số {rng.randint(1, 450)} {rng.choice(STREETS)}, {hamlet(rng, place)}, {unit}"
    if rng.random() < 0.3:
        return f"{rng.choice(ROADS)}, {hamlet(rng, place)}, {unit}"
    where = hamlet(rng, place)
    return f"{where[0].upper()}{where[1:]}, {unit}"


def local_name(rng: random.Random, place: Place) -> str:
    """A name to call a local landmark by ("Chợ Hòa Long", "Ngã ba Lê Lợi"): a hamlet or, in wards, a street."""
    if place.kind == "Phường":
        return rng.choice(STREETS) if rng.random() < 0.5 else rng.choice(HAMLETS)
    return hamlet(rng, place).split(" ", 1)[1]
