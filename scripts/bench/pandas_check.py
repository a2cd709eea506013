#!/usr/bin/env python3
"""The commune-level indicators of Criteria/ct25-2030.yaml at 2030, in pandas: the peer of
`tieuchi check --criteria Criteria/ct25-2030.yaml --year 2030 --summary DIR` in scripts/bench-peers.sh.

Usage: pandas_check.py DIR [--output FILE]

Reads DIR/stations.csv, DIR/staff.csv and DIR/hamlets.csv (the format of Samples/tan-yen-2024-csv), writes one
line `code;pass|fail|incomplete` per commune (ordered by code) to standard output or FILE, then prints
`passing P of N (fail F, incomplete I)` to standard error.

The same decisions as tieuchi and as duckdb_check.py (see there): exact integer cross-multiplication, never a
float; missing or unreadable values unknown (pandas' nullable Int64 and Kleene `boolean` dtypes, whose `&` is
the three-valued AND of `pass_rule: all_indicators`); a broken consistency rule makes the inputs it names
unknown; a zero denominator is unknown. Group-level indicators are not computed.

Written for speed the way a pandas user would: the C parser infers integer columns, and text columns (codes,
roles, yes/no) are normalised once per distinct value (pd.factorize), not once per row.
"""

import re
import sys

import pandas as pd

from common import arguments

SPACES = " \t\r\n\u00a0"
TRUE = {"true", "yes", "1", "có", "đúng", "x", "co", "dung", "c", "y"}
FALSE = {"false", "no", "0", "không", "sai", "khong", "k", "n"}
DOCTOR = {"doctor", "bác sĩ", "bác sỹ", "bs"}
NOT_DOCTOR = {"assistant_doctor", "y sĩ", "y sỹ", "ys", "assistant doctor", "nurse", "điều dưỡng", "midwife",
              "hộ sinh", "nữ hộ sinh", "pharmacist", "dược sĩ", "dược sỹ", "dược tá", "other", "khác"}
COUNTS = ["population", "insured", "phc_users", "phc_users_insured", "health_managed", "ehealth_book",
          "telemedicine_users", "high_risk_people", "high_risk_checked", "ehealth_records"]
# A count as tieuchi reads it: digits; digits grouped by thousands ("12.850", "12 850", "12,850"); or a
# decimal whose fraction is zero ("6052.0", "+7", "-0"). At most 15 digits, so that the cross-products below
# stay exact in int64 (tieuchi allows 18; no count of people comes near either).
GROUPED = re.compile(r"[0-9]{1,3}(?:[., \u00a0\u202f][0-9]{3}){1,4}")
WHOLE = re.compile(r"\+?([0-9]{1,15})(?:[.,]0+)?|-(0+)(?:[.,]0+)?")


def read(path, columns, text):
    """Only the columns needed. `text` columns stay text; the C parser infers the others (int64 when clean)."""
    return pd.read_csv(path, sep=";", encoding="utf-8-sig", usecols=columns, dtype={c: str for c in text},
                       keep_default_na=False)


def per_value(column, function, dtype):
    """`function` applied once per distinct value of a text column, then spread back to the rows."""
    codes, uniques = pd.factorize(column)
    values = pd.array([function(u) for u in uniques], dtype=dtype)
    return pd.Series(values.take(codes), index=column.index)


def parse_count(text):
    text = str(text).strip(SPACES)
    if GROUPED.fullmatch(text):
        return int(re.sub(r"[^0-9]", "", text))
    match = WHOLE.fullmatch(text)
    return int(match.group(1) or match.group(2)) if match else None  # negative, fractional, text: unknown


def count(frame, name, path):
    """A `count` column as nullable Int64; an unusable value is unknown (<NA>)."""
    column = frame[name]
    if column.dtype.kind in "iu" and (len(column) == 0 or (column.min() >= 0 and column.max() < 10 ** 15)):
        return column.astype("Int64")  # the usual case: the C parser read plain non-negative integers
    # Something else in the column (empty cells, "12.850", "abc", "-5"): read its text and parse each value.
    raw = pd.read_csv(path, sep=";", encoding="utf-8-sig", usecols=[name], dtype=str, keep_default_na=False)[name]
    raw.index = column.index
    return per_value(raw, parse_count, "Int64")


def spelled(column, true, false):
    """A three-valued boolean from a text column: True, False, or <NA> when the text is neither."""
    def decide(text):
        text = text.strip(SPACES).lower()
        return True if text in true else False if text in false else None
    return per_value(column, decide, "boolean")


def commune_code(column):
    """Codes as tieuchi keys them: trimmed, and an all-digit code under five digits padded with zeros."""
    def normalise(code):
        code = code.strip(SPACES)
        return code.zfill(5) if len(code) < 5 and code.isascii() and code.isdigit() else code
    return per_value(column, normalise, object)


def above(a, b, tn, td, broken, strict=True):
    """a / b "trên" (strict) or "đạt" tn/td by cross-multiplication; <NA> when unknown or b is zero."""
    result = (a * td > tn * b) if strict else (a * td >= tn * b)
    return result.astype("boolean").mask(broken | (b == 0).fillna(False), pd.NA)


def main():
    folder, output = arguments("pandas_check.py")

    path = folder + "/stations.csv"
    stations = read(path, ["code"] + COUNTS, ["code"])
    s = {name: count(stations, name, path) for name in COUNTS}
    codes = commune_code(stations["code"])
    kept = codes != ""  # a record without a code is rejected, not evaluated
    if not kept.all():
        codes, s = codes[kept], {name: value[kept] for name, value in s.items()}

    # doctor: count(staff where role == "doctor" and permanent) >= 1 — `surely` rows where it is true,
    # `maybe` where unknown. A station without staff rows has an empty list: 0, a fail.
    staff = read(folder + "/staff.csv", ["code", "role", "permanent"], ["code", "role", "permanent"])
    is_doctor = spelled(staff["role"], DOCTOR, NOT_DOCTOR) & spelled(staff["permanent"], TRUE, FALSE)
    by_code = pd.DataFrame({"code": commune_code(staff["code"]), "surely": is_doctor.fillna(False).astype(int),
                            "maybe": is_doctor.isna().astype(int)}).groupby("code").sum()
    surely = codes.map(by_code["surely"]).fillna(0)
    maybe = codes.map(by_code["maybe"]).fillna(0)
    doctor = pd.Series(pd.NA, index=codes.index, dtype="boolean").mask(surely >= 1, True).mask(
        (surely < 1) & (maybe == 0), False)

    # village-health-worker: all(hamlets, trained_health_workers >= 1): one hamlet below is a fail, an unknown
    # count (and no fail) unknown. No hamlet rows breaks the rule has-hamlets (count(hamlets) >= 1): unknown.
    path = folder + "/hamlets.csv"
    hamlets = read(path, ["code", "trained_health_workers"], ["code"])
    trained = count(hamlets, "trained_health_workers", path)
    by_code = pd.DataFrame({"code": commune_code(hamlets["code"]), "below": (trained < 1).fillna(False).astype(int),
                            "maybe": trained.isna().astype(int)}).groupby("code").sum()
    below = codes.map(by_code["below"])
    maybe = codes.map(by_code["maybe"])
    village = pd.Series(pd.NA, index=codes.index, dtype="boolean").mask(below > 0, False).mask(
        (below == 0) & (maybe == 0), True)

    # The rules of ct25-2030 whose break makes `population` unknown (a comparison with <NA> is no break).
    population = s["population"]
    population_broken = pd.Series(False, index=codes.index)
    for name in ["insured", "health_managed", "ehealth_book", "telemedicine_users", "ehealth_records"]:
        population_broken |= (s[name] > population).fillna(False).astype(bool)

    indicators = [
        doctor,
        village,
        above(s["insured"], population, 995, 1000, population_broken),                 # trên 99,5%
        above(s["phc_users_insured"], s["phc_users"], 95, 100,                         # trên 95%
              (s["phc_users_insured"] > s["phc_users"]).fillna(False).astype(bool)),
        above(s["health_managed"], population, 95, 100, population_broken),           # trên 95%
        above(s["ehealth_book"], population, 75, 100, population_broken),             # trên 75%
        above(s["telemedicine_users"], population, 40, 100, population_broken),       # trên 40%
        above(s["high_risk_checked"], s["high_risk_people"], 1, 1,                    # đạt 100%
              (s["high_risk_checked"] > s["high_risk_people"]).fillna(False).astype(bool), strict=False),
    ]
    # pass_rule all_indicators: Kleene AND, False wins over <NA>.
    result = indicators[0]
    for indicator in indicators[1:]:
        result = result & indicator
    verdict = pd.Series(result.map({True: "pass", False: "fail"}).fillna("incomplete").values,
                        index=codes.values).sort_index()

    text = "".join(code + ";" + v + "\n" for code, v in zip(verdict.index, verdict.values))
    if output is None:
        sys.stdout.write(text)
    else:
        with open(output, "w", encoding="utf-8") as file:
            file.write(text)
    counts = verdict.value_counts()
    print(f"passing {counts.get('pass', 0)} of {len(verdict)} (fail {counts.get('fail', 0)}, "
          f"incomplete {counts.get('incomplete', 0)})", file=sys.stderr)


if __name__ == "__main__":
    main()
