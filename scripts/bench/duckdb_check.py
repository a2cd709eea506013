#!/usr/bin/env python3
"""The commune-level indicators of Criteria/ct25-2030.yaml at 2030, in DuckDB SQL: the peer of
`tieuchi check --criteria Criteria/ct25-2030.yaml --year 2030 --summary DIR` in scripts/bench-peers.sh.

Usage: duckdb_check.py DIR [--output FILE]

Reads DIR/stations.csv, DIR/staff.csv and DIR/hamlets.csv (the format of Samples/tan-yen-2024-csv), writes one
line `code;pass|fail|incomplete` per commune (ordered by code) to standard output or FILE, then prints
`passing P of N (fail F, incomplete I)` to standard error.

Same decisions as tieuchi, in the same three-valued logic:
- every comparison is exact integer arithmetic: "trên 99,5%" is insured*1000 > 995*population, never a float;
- a missing or unreadable value is unknown (NULL), never a pass or a fail; a zero denominator is unknown;
- a broken consistency rule of the file (`rules:`, e.g. insured <= population) makes every input it names
  unknown, so the indicators that use them are unknown;
- a commune fails when any indicator fails, is incomplete when none fails and some is unknown, else passes
  (`pass_rule: all_indicators`) — exactly SQL's AND over three-valued booleans.
The group-level indicators (district-ehealth-records, communes-national-criteria) do not decide a commune's
status and are not computed here.
Not reproduced (the generated data never needs them): duplicate stations (tieuchi rejects the second), a `year`
column in the list tables, files other than these three, counts of more than 18 digits.
"""

import sys

import duckdb

from common import arguments

# Values are trimmed of spaces, tabs, line breaks and no-break spaces, as tieuchi trims them.
# Counts as tieuchi's `count` reads them: plain digits; digits grouped by thousands ("12.850", "12 850",
# "12,850"); or a decimal whose fraction is zero ("6052.0", "+7"). Anything else — negative, fractional,
# text — is unusable: unknown (NULL). (TRY_CAST alone would round "12.5" to 13 and read "1.234" as 1.)
# Codes: an all-digit code shorter than five digits lost its leading zeros in Excel; tieuchi pads it back.
# Booleans: the spellings tieuchi accepts. Roles: the ids, aliases and labels of ct25-2030's `role` enum;
# an empty or unrecognised role is unknown.
# Each macro first tests the usual spelling exactly (cheap: plain digits, TRUE/FALSE, a role id) and only
# then trims and matches the other spellings: trimming every cell would double DuckDB's time.
MACROS = """
CREATE MACRO t(x) AS trim(x, ' ' || chr(9) || chr(10) || chr(13) || chr(160));
CREATE MACRO n(x) AS CASE
  -- Fast path: canonical digits, i.e. the text is what its integer prints as ("12", not "012" or "12.5").
  WHEN length(x) <= 18 AND TRY_CAST(x AS UBIGINT)::VARCHAR = x THEN TRY_CAST(x AS BIGINT)
  WHEN regexp_full_match(t(x), '[0-9]{1,18}') THEN CAST(t(x) AS BIGINT)
  WHEN regexp_full_match(t(x), '[0-9]{1,3}([., \u00a0\u202f][0-9]{3}){1,5}')
    THEN CAST(regexp_replace(t(x), '[^0-9]', '', 'g') AS BIGINT)
  WHEN regexp_full_match(t(x), '\\+?[0-9]{1,18}([.,]0+)?|-0+([.,]0+)?')
    THEN CAST(regexp_extract(t(x), '[0-9]+') AS BIGINT) END;
CREATE MACRO commune_code(x) AS CASE
  WHEN regexp_full_match(x, '[0-9]{5,18}') THEN x
  WHEN regexp_full_match(t(x), '[0-9]{1,4}') THEN lpad(t(x), 5, '0') ELSE t(x) END;
CREATE MACRO flag(x) AS CASE
  WHEN x = 'TRUE' THEN true WHEN x = 'FALSE' THEN false
  WHEN lower(t(x)) IN ('true', 'yes', '1', 'có', 'đúng', 'x', 'co', 'dung', 'c', 'y') THEN true
  WHEN lower(t(x)) IN ('false', 'no', '0', 'không', 'sai', 'khong', 'k', 'n') THEN false END;
CREATE MACRO is_doctor(x) AS CASE
  WHEN x = 'doctor' THEN true
  WHEN x IN ('assistant_doctor', 'nurse', 'midwife', 'pharmacist', 'other') THEN false
  WHEN lower(t(x)) IN ('doctor', 'bác sĩ', 'bác sỹ', 'bs') THEN true
  WHEN lower(t(x)) IN ('assistant_doctor', 'y sĩ', 'y sỹ', 'ys', 'assistant doctor', 'nurse', 'điều dưỡng',
    'midwife', 'hộ sinh', 'nữ hộ sinh', 'pharmacist', 'dược sĩ', 'dược sỹ', 'dược tá', 'other', 'khác') THEN false END;
-- "a / b trên t" (strict) and "a / b đạt t", t = tn/td, by cross-multiplication; unknown when a value is
-- missing, the denominator is zero, or a broken rule made an input unknown.
CREATE MACRO above(a, b, tn, td, broken) AS
  CASE WHEN NOT broken AND b <> 0 THEN a::HUGEINT * td > tn * b::HUGEINT END;
CREATE MACRO at_least(a, b, tn, td, broken) AS
  CASE WHEN NOT broken AND b <> 0 THEN a::HUGEINT * td >= tn * b::HUGEINT END;
"""

# Every file is read as text and cast column by column, so that one bad cell makes that value unknown
# instead of stopping the whole read (tieuchi never lets a broken record stop a batch).
CSV = "read_csv('{}', delim=';', quote='\"', header=true, all_varchar=true)"

VERDICTS = """
CREATE TEMP TABLE verdicts AS
WITH stations AS (
  SELECT commune_code(code) AS code, n(population) AS population, n(insured) AS insured,
         n(phc_users) AS phc_users, n(phc_users_insured) AS phc_users_insured,
         n(health_managed) AS health_managed, n(ehealth_book) AS ehealth_book,
         n(telemedicine_users) AS telemedicine_users, n(high_risk_people) AS high_risk_people,
         n(high_risk_checked) AS high_risk_checked, n(ehealth_records) AS ehealth_records
  FROM {stations}
  WHERE coalesce(t(code), '') <> ''          -- a record without a code is rejected, not evaluated
),
-- doctor: count(staff where role == "doctor" and permanent) >= 1. `surely` counts rows where the condition
-- is true, `maybe` rows where it is unknown: >= 1 sure is a pass, none sure and none maybe a fail.
staff AS (
  SELECT commune_code(code) AS code,
         count(*) FILTER (WHERE is_doctor(role) AND flag(permanent)) AS surely,
         count(*) FILTER (WHERE (is_doctor(role) AND flag(permanent)) IS NULL) AS maybe
  FROM {staff} GROUP BY 1
),
-- village-health-worker: all(hamlets, trained_health_workers >= 1): one hamlet below is a fail, an unknown
-- count (and no fail) unknown. A station without hamlet rows has an empty list, which breaks the rule
-- has-hamlets (count(hamlets) >= 1): unknown.
hamlets AS (
  SELECT commune_code(code) AS code,
         count(*) FILTER (WHERE n(trained_health_workers) < 1) AS below,
         count(*) FILTER (WHERE n(trained_health_workers) IS NULL) AS maybe
  FROM {hamlets} GROUP BY 1
),
indicators AS (
  SELECT s.code,
    -- A station without staff rows has an empty list: no doctor, a fail.
    CASE WHEN coalesce(st.surely, 0) >= 1 THEN true WHEN coalesce(st.maybe, 0) = 0 THEN false END AS doctor,
    CASE WHEN h.code IS NULL THEN NULL WHEN h.below > 0 THEN false WHEN h.maybe = 0 THEN true END AS village,
    -- The `rules:` of ct25-2030 whose break makes `population` unknown: any count of people above it.
    -- (A comparison with a missing value is unknown, not a break: coalesce(…, false).)
    coalesce(s.insured > s.population, false) OR coalesce(s.health_managed > s.population, false)
      OR coalesce(s.ehealth_book > s.population, false) OR coalesce(s.telemedicine_users > s.population, false)
      OR coalesce(s.ehealth_records > s.population, false) AS population_broken,
    above(s.insured, s.population, 995, 1000, population_broken) AS bhyt,              -- trên 99,5%
    above(s.phc_users_insured, s.phc_users, 95, 100,                                   -- trên 95%
          coalesce(s.phc_users_insured > s.phc_users, false)) AS phc,
    above(s.health_managed, s.population, 95, 100, population_broken) AS managed,      -- trên 95%
    above(s.ehealth_book, s.population, 75, 100, population_broken) AS book,           -- trên 75%
    above(s.telemedicine_users, s.population, 40, 100, population_broken) AS tele,     -- trên 40%
    at_least(s.high_risk_checked, s.high_risk_people, 1, 1,                            -- đạt 100%
          coalesce(s.high_risk_checked > s.high_risk_people, false)) AS high_risk
  FROM stations s
  LEFT JOIN staff st ON st.code = s.code
  LEFT JOIN hamlets h ON h.code = s.code
)
-- pass_rule all_indicators: the three-valued AND of the eight indicators.
SELECT code,
  CASE doctor AND village AND bhyt AND phc AND managed AND book AND tele AND high_risk
    WHEN true THEN 'pass' WHEN false THEN 'fail' ELSE 'incomplete' END AS verdict
FROM indicators
"""


def main():
    folder, output = arguments("duckdb_check.py")
    db = duckdb.connect()
    db.execute(MACROS)
    db.execute(VERDICTS.format(
        stations=CSV.format(folder + "/stations.csv"), staff=CSV.format(folder + "/staff.csv"),
        hamlets=CSV.format(folder + "/hamlets.csv")))
    # One text value built by DuckDB (no Python object per row), written in one go.
    text = db.execute(
        "SELECT coalesce(string_agg(code || ';' || verdict, chr(10) ORDER BY code) || chr(10), '') FROM verdicts"
    ).fetchone()[0]
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        with open(output, "w", encoding="utf-8") as file:
            file.write(text)
    passing, failing, incomplete, total = db.execute(
        "SELECT count(*) FILTER (verdict = 'pass'), count(*) FILTER (verdict = 'fail'), "
        "count(*) FILTER (verdict = 'incomplete'), count(*) FROM verdicts").fetchone()
    print(f"passing {passing} of {total} (fail {failing}, incomplete {incomplete})", file=sys.stderr)


if __name__ == "__main__":
    main()
