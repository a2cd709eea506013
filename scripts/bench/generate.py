#!/usr/bin/env python3
"""Generates N synthetic commune health stations as the three CSV files of Samples/tan-yen-2024-csv.

Usage: generate.py N OUT_DIR

Writes OUT_DIR/stations.csv, OUT_DIR/staff.csv and OUT_DIR/hamlets.csv exactly in the sample's format
(UTF-8 with BOM, `;` between fields, TRUE/FALSE booleans, the sample's headers), for the side-by-side benchmark
of scripts/bench-peers.sh. The data is deterministic (fixed seed: the same N gives the same bytes) and complete
(no missing value, no inconsistent record), so every commune is a pass or a fail under ct25-2030 at 2030.

Each of the eight commune-level indicators of ct25-2030 passes for about 85 % of the stations, independently,
so that about 0.85^8 ≈ 27 % of the communes pass overall and every indicator has plenty of failures. Ratio values
are drawn around their 2030 thresholds, and about 2 % of them sit exactly on the threshold or one person
either side of it, so that a peer that reads "trên" (above) as `>=` gets a different count.

Only the standard library is used, so the generator runs with any Python 3. Rows are built as strings and
written in blocks (1,000,000 stations, about 13 million rows in all, take well under a minute).
"""

import os
import random
import sys

SEED = 20300101  # fixed: runs and machines must compare the same data
PASS_SHARE = 0.85  # per indicator; 0.85 ** 8 ≈ 0.27 of the communes pass everything
EDGE_SHARE = 0.02  # of ratio values placed exactly at the threshold or one step either side
BLOCK = 5000  # stations per write

# 34 provinces and centrally-run cities, as after the 2025 reorganisation. Since 1 July 2025 there are no
# districts: the files have no `district` column and tieuchi groups the communes by province.
PROVINCES = [
    "Thành phố Hà Nội", "Thành phố Huế", "Tỉnh Lai Châu", "Tỉnh Điện Biên", "Tỉnh Sơn La", "Tỉnh Lạng Sơn",
    "Tỉnh Quảng Ninh", "Tỉnh Thanh Hóa", "Tỉnh Nghệ An", "Tỉnh Hà Tĩnh", "Tỉnh Cao Bằng", "Tỉnh Tuyên Quang",
    "Tỉnh Lào Cai", "Tỉnh Thái Nguyên", "Tỉnh Phú Thọ", "Tỉnh Bắc Ninh", "Tỉnh Hưng Yên", "Thành phố Hải Phòng",
    "Tỉnh Ninh Bình", "Tỉnh Quảng Trị", "Thành phố Đà Nẵng", "Tỉnh Quảng Ngãi", "Tỉnh Gia Lai", "Tỉnh Khánh Hòa",
    "Tỉnh Lâm Đồng", "Tỉnh Đắk Lắk", "Thành phố Hồ Chí Minh", "Tỉnh Đồng Nai", "Tỉnh Tây Ninh",
    "Thành phố Cần Thơ", "Tỉnh Vĩnh Long", "Tỉnh Đồng Tháp", "Tỉnh Cà Mau", "Tỉnh An Giang",
]
# Syllables of commune and hamlet names (names need not be unique: the code is the identity).
PLACES = [
    "Lan Giới", "Nhã Nam", "Tân Trung", "Đại Hóa", "Quang Tiến", "Phúc Sơn", "Cao Thượng", "Việt Lập",
    "Liên Chung", "Ngọc Thiện", "Song Vân", "Hợp Đức", "Lam Cốt", "An Dương", "Phúc Hòa", "Ngọc Vân",
    "Đồng Lạc", "Mai Hạ", "Đầu Cầu", "Quang Châu", "Đình Cả", "Kép", "Đồng Điều", "Tiền Phong", "Hòa Bình",
    "Vĩnh An", "Thống Nhất", "Tân Lập", "Đông Sơn", "Bình Minh", "Ba Làng", "Cầu Gỗ", "Hạ Long", "Suối Hoa",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Ngô", "Hà", "Thân", "Lương", "Bùi", "Đặng"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hồng", "Thu", "Tiến", "Ngọc", "Phương", "Mạnh", "Trọng", "Bích"]
GIVEN = ["An", "Bình", "Chiến", "Dung", "Hà", "Hải", "Hiền", "Hùng", "Huyền", "Khánh", "Kiên", "Lan", "Loan",
         "Phong", "Toàn", "Vinh", "Yến", "Cường", "Thảo", "Tâm"]
OTHER_ROLES = ["assistant_doctor", "nurse", "midwife", "pharmacist", "nurse", "other"]
TYPES = ["xã"] * 8 + ["phường", "đặc khu"]

STATION_HEADER = (
    "code;name;type;province;year;population;insured;phc_users;phc_users_insured;health_managed;ehealth_book;"
    "telemedicine_users;meets_national_criteria;high_risk_people;high_risk_checked;ehealth_records"
)


def ratio_numerator(rnd, den, num_t, den_t, strict, passes, spread):
    """A numerator for `numerator / den` against the threshold num_t/den_t ("trên" when strict, else "đạt").

    The boundary is computed in integers: the smallest passing numerator is the first n with
    n*den_t > num_t*den (strict) or n*den_t >= num_t*den. Passing values lie in [first, den], failing ones
    up to `spread` people below it; a few sit exactly at the boundary (first, first-1 — the latter is exactly
    the threshold when den*num_t is divisible by den_t).
    """
    product = num_t * den
    first = product // den_t + 1 if strict else -(-product // den_t)
    if rnd.random() < EDGE_SHARE:
        return min(first, den) if passes else max(first - 1, 0)
    if passes:
        return rnd.randint(first, den) if first < den else den
    return max(0, first - 1 - rnd.randint(0, spread))


def station(rnd, index, width):
    """One station: its stations.csv row and its staff and hamlet rows."""
    code = str(index).zfill(width)
    ok = [rnd.random() < PASS_SHARE for _ in range(8)]
    population = rnd.randint(2000, 30000)
    kind = rnd.choice(TYPES)
    prefix = {"xã": "Xã", "phường": "Phường", "đặc khu": "Đặc khu"}[kind]
    # bhyt-coverage: "trên 99,5%" → insured*1000 > 995*population; failing communes miss by up to 3 %.
    insured = ratio_numerator(rnd, population, 995, 1000, True, ok[0], population * 3 // 100)
    # phc-bhyt: "trên 95%" of primary-care users, who are a third to a half of the population.
    phc_users = rnd.randint(population // 3, population // 2)
    phc_insured = ratio_numerator(rnd, phc_users, 95, 100, True, ok[1], phc_users // 10)
    # health-managed "trên 95%", ehealth-book "trên 75%", telemedicine "trên 40%" of the population.
    managed = ratio_numerator(rnd, population, 95, 100, True, ok[2], population // 10)
    book = ratio_numerator(rnd, population, 75, 100, True, ok[3], population // 5)
    tele = ratio_numerator(rnd, population, 40, 100, True, ok[4], population // 5)
    # high-risk-checked: "đạt 100%" → checked == people; a failing commune misses 1 to 20 people.
    high_risk = rnd.randint(population // 25, population // 15)
    checked = ratio_numerator(rnd, high_risk, 1, 1, False, ok[5], 19)
    # Group-level inputs only (province indicators, not a commune's verdict): about 96 % of the population
    # with an electronic record, so that provinces land either side of "trên 95%"; 80 % meet the national set.
    records = population - rnd.randint(0, population * 7 // 100)
    national = "TRUE" if rnd.random() < 0.8 else "FALSE"
    row = ";".join((
        code, prefix + " " + rnd.choice(PLACES), kind, PROVINCES[index % 34], "2025", str(population),
        str(insured), str(phc_users), str(phc_insured), str(managed), str(book), str(tele), national,
        str(high_risk), str(checked), str(records),
    ))

    # doctor: "count(staff where role == doctor and permanent) >= 1". A failing station has either no doctor
    # (an assistant doctor in the first row, who does not count) or a doctor seconded (permanent FALSE).
    staff = []
    size = rnd.randint(3, 8)
    for k in range(size):
        if k == 0:
            if ok[6]:
                role, permanent = "doctor", "TRUE"
            elif rnd.random() < 0.5:
                role, permanent = "doctor", "FALSE"
            else:
                role, permanent = "assistant_doctor", "TRUE"
        else:
            role = rnd.choice(OTHER_ROLES)
            permanent = "TRUE" if rnd.random() < 0.9 else "FALSE"
        name = rnd.choice(FAMILY) + " " + rnd.choice(MIDDLE) + " " + rnd.choice(GIVEN)
        staff.append(code + ";" + name + ";" + role + ";" + permanent)

    # village-health-worker: every hamlet has >= 1 trained worker; a failing station has 1 to 3 without one.
    count = rnd.randint(4, 10)
    untrained = set() if ok[7] else set(rnd.sample(range(count), rnd.randint(1, 3)))
    start = rnd.randrange(len(PLACES))  # consecutive names: unique within the station
    hamlets = []
    for k in range(count):
        trained = "0" if k in untrained else ("1" if rnd.random() < 0.8 else "2")
        hamlets.append(code + ";Thôn " + PLACES[(start + k) % len(PLACES)] + ";" + trained)
    return row, staff, hamlets


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit("usage: generate.py N OUT_DIR   (N >= 1 stations)")
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    # Zero-padded index as the code: at least five digits like a GSO commune code (tieuchi pads shorter
    # all-digit codes with zeros and warns), and wide enough to stay unique for any N.
    width = max(5, len(str(n - 1)))
    rnd = random.Random(SEED)
    bom = "\ufeff"
    with open(os.path.join(out, "stations.csv"), "w", encoding="utf-8", newline="") as stations, \
            open(os.path.join(out, "staff.csv"), "w", encoding="utf-8", newline="") as staff, \
            open(os.path.join(out, "hamlets.csv"), "w", encoding="utf-8", newline="") as hamlets:
        stations.write(bom + STATION_HEADER + "\n")
        staff.write(bom + "code;name;role;permanent\n")
        hamlets.write(bom + "code;name;trained_health_workers\n")
        for block in range(0, n, BLOCK):
            rows, staff_rows, hamlet_rows = [], [], []
            for index in range(block, min(n, block + BLOCK)):
                row, s, h = station(rnd, index, width)
                rows.append(row)
                staff_rows += s
                hamlet_rows += h
            stations.write("\n".join(rows) + "\n")
            staff.write("\n".join(staff_rows) + "\n")
            hamlets.write("\n".join(hamlet_rows) + "\n")


if __name__ == "__main__":
    main()
