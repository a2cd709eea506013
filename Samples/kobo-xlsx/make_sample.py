#!/usr/bin/env python3
"""Builds Samples/kobo-xlsx/tan-yen-2024-kobo.xlsx: the first three communes of Samples/tan-yen-2024 as a
KoboToolbox XLSX export ("XML values and headers") lays them out.

Run from the repository root: python3 Samples/kobo-xlsx/make_sample.py

The main sheet (named after the form) has one row per submission: the survey metadata KoboToolbox adds
(`start`, `end`, `today`, `__version__`, `_id`, `_uuid`, `_submission_time`, `_index`, …), the questions with
their group prefix (`ttc/population`), numbers as number cells and yes/no as `yes`/`no`. Each repeat group has
its own sheet (`staff`, `hamlets`) whose rows point at their submission by `_parent_index` (the main sheet's
`_index`) and `_submission__uuid`; they carry no commune code.
"""
import datetime
import json
import os

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Samples", "kobo-xlsx", "tan-yen-2024-kobo.xlsx")
# meets_national_criteria of the three communes in Samples/tan-yen-2024 (the JSON sample leaves it out).
NATIONAL = {"07303": "yes", "07306": "yes", "07309": "yes"}


def main():
    submissions = json.load(open(os.path.join(ROOT, "Samples/kobo-json/tan-yen-2024.json"), encoding="utf-8"))
    workbook = openpyxl.Workbook()
    main_sheet = workbook.active
    main_sheet.title = "Khảo sát trạm y tế 2024"
    questions = ["code", "name", "type", "district", "province", "year", "ttc/population", "ttc/insured",
                 "ttc/phc_users", "ttc/phc_users_insured", "ttc/health_managed", "ttc/ehealth_book",
                 "ttc/telemedicine_users", "ttc/high_risk_people", "ttc/high_risk_checked",
                 "ttc/ehealth_records", "ttc/meets_national_criteria"]
    main_sheet.append(["start", "end", "today"] + questions
                      + ["__version__", "_id", "_uuid", "_submission_time", "_validation_status", "_notes",
                         "_status", "_submitted_by", "_tags", "_index"])
    staff = workbook.create_sheet("staff")
    staff.append(["staff/name", "staff/role", "staff/permanent", "_index", "_parent_table_name", "_parent_index",
                  "_submission__id", "_submission__uuid", "_submission__submission_time"])
    hamlets = workbook.create_sheet("hamlets")
    hamlets.append(["hamlets/name", "hamlets/trained_health_workers", "_index", "_parent_table_name",
                    "_parent_index", "_submission__id", "_submission__uuid", "_submission__submission_time"])
    staff_index = hamlet_index = 0
    for index, s in enumerate(submissions, start=1):
        submitted = datetime.datetime(2024, 11, 20, 8, 30) + datetime.timedelta(hours=index)
        uuid = f"4f0c2a5e-1b7d-4c3e-9a{index:02d}-5d6e7f8091a{index}"
        row = [submitted - datetime.timedelta(minutes=40), submitted, submitted.date()]
        for question in questions:
            if question == "ttc/meets_national_criteria":
                row.append(NATIONAL[s["code"]])
                continue
            value = s.get(question)
            if question.startswith("ttc/") or question == "year":
                value = int(value) if value not in (None, "") else None
            row.append(value)
        row += [s.get("__version__"), s["_id"], uuid, submitted.isoformat(), "", "", "submitted_via_web", "",
                "", index]
        main_sheet.append(row)
        for member in s.get("staff", []):
            staff_index += 1
            staff.append([member["staff/name"], member["staff/role"], member["staff/permanent"], staff_index,
                          main_sheet.title, index, s["_id"], uuid, submitted.isoformat()])
        for hamlet in s.get("hamlets", []):
            hamlet_index += 1
            hamlets.append([hamlet["hamlets/name"], int(hamlet["hamlets/trained_health_workers"]), hamlet_index,
                            main_sheet.title, index, s["_id"], uuid, submitted.isoformat()])
    workbook.save(OUT)
    print(f"wrote {OUT}: {len(submissions)} submissions")


if __name__ == "__main__":
    main()
