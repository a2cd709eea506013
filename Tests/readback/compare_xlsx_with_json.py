#!/usr/bin/env python3
"""Reads a tieuchi workbook with openpyxl (a reader written independently of the project) and compares it
with the JSON report of the same check.

Usage: compare_xlsx_with_json.py REPORT.xlsx REPORT.json
Prints one JSON object: sheet names, frozen panes, autofilters, the number of formula cells (must be 0),
the number formats of the "Thực tế" column, and every mismatch between the "Chi tiết" rows and the JSON
(code, indicator, status, actual value, gap amount).
"""
import json
import sys
from decimal import Decimal

import openpyxl

STATUS = {"Đạt": "pass", "Không đạt": "fail", "Chưa rõ": "unknown", "Không áp dụng": "not_applicable",
          "Miễn trừ": "waived", "Pass": "pass", "Fail": "fail", "Unknown": "unknown", "N/A": "not_applicable",
          "Waived": "waived"}


def main():
    workbook = openpyxl.load_workbook(sys.argv[1])
    report = json.load(open(sys.argv[2], encoding="utf-8"))
    out = {"sheets": workbook.sheetnames, "freeze": {}, "filters": {}, "formulas": 0, "actual_formats": [],
           "mismatches": [], "detail_rows": 0}
    for sheet in workbook.worksheets:
        out["freeze"][sheet.title] = sheet.freeze_panes
        out["filters"][sheet.title] = sheet.auto_filter.ref
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    out["formulas"] += 1
    detail = workbook.worksheets[1]
    header = [cell.value for cell in detail[1]]
    expected = {}
    for commune in report["communes"]:
        for indicator in commune["indicators"]:
            expected[(commune["code"], commune["year"], indicator["id"])] = indicator
    formats = set()
    for row in detail.iter_rows(min_row=2):
        out["detail_rows"] += 1
        values = [cell.value for cell in row]
        code, year, indicator_id, actual_cell, status = values[0], values[3], values[4], row[6], values[9]
        key = (code, year, indicator_id)
        indicator = expected.pop(key, None)
        if indicator is None:
            out["mismatches"].append(f"{key}: not in the JSON report")
            continue
        if STATUS.get(status) != indicator["status"]:
            out["mismatches"].append(f"{key}: status {status} != {indicator['status']}")
        actual = indicator["actual"]
        if isinstance(actual, bool):
            if actual_cell.data_type != "s":
                out["mismatches"].append(f"{key}: a yes/no value should be text")
        elif actual is None:
            if actual_cell.value is not None:
                out["mismatches"].append(f"{key}: actual {actual_cell.value} where the JSON has none")
        else:
            formats.add(actual_cell.number_format)
            value = Decimal(str(actual_cell.value))
            if indicator["unit"] == "percent":
                value *= 100
                if "%" not in actual_cell.number_format:
                    out["mismatches"].append(f"{key}: a percent is not a percentage cell")
            if round(value, 6) != round(Decimal(str(actual)), 6):
                out["mismatches"].append(f"{key}: actual {value} != {actual}")
        gap = indicator["gap"]
        amount = values[10]
        if (gap is None or gap["amount"] is None) != (amount is None):
            out["mismatches"].append(f"{key}: gap {amount} != {gap}")
        elif amount is not None and Decimal(str(amount)) != Decimal(str(gap["amount"])):
            out["mismatches"].append(f"{key}: gap {amount} != {gap['amount']}")
    for key in expected:
        out["mismatches"].append(f"{key}: in the JSON report, not in the workbook")
    out["actual_formats"] = sorted(formats)
    out["header"] = header
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
