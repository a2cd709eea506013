#!/usr/bin/env python3
"""Builds Samples/tan-yen-2024-xlsx/tan-yen-2024.xlsx the way a district office would: the project's own Excel
form (`tieuchi template --format xlsx --communes …`) filled in with the data of Samples/tan-yen-2024.

Run from the repository root: python3 Samples/tan-yen-2024-xlsx/make_sample.py
The form is written by the built `tieuchi` (`swift build` first); openpyxl then fills it as Excel would: codes
stay text (the form lists them), counts are number cells, roles and yes/no are the drop-down labels
(Bác sĩ, Y sĩ, Có, Không), an empty figure stays an empty cell.
"""
import os
import subprocess
import sys
import tempfile

import openpyxl
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Samples", "tan-yen-2024-xlsx", "tan-yen-2024.xlsx")
ROLES = {"doctor": "Bác sĩ", "assistant_doctor": "Y sĩ", "nurse": "Điều dưỡng", "midwife": "Hộ sinh",
         "pharmacist": "Dược sĩ", "other": "Khác"}


def main():
    stations = [d for d in yaml.safe_load_all(open(os.path.join(ROOT, "Samples/tan-yen-2024/stations.yaml"),
                                                   encoding="utf-8")) if d]
    with tempfile.TemporaryDirectory() as folder:
        communes = os.path.join(folder, "communes.csv")
        with open(communes, "w", encoding="utf-8") as f:
            f.write("code,name,type,district,province\n")
            for s in stations:
                f.write(f'{s["code"]},{s["name"]},{s["type"]},{s["district"]},{s["province"]}\n')
        form = os.path.join(folder, "form.xlsx")
        tieuchi = os.path.join(ROOT, ".build", "debug", "tieuchi")
        subprocess.run([tieuchi, "template", "--criteria", os.path.join(ROOT, "Criteria/ct25-2030.yaml"),
                        "--format", "xlsx", "--communes", communes, "--output", form], check=True)
        workbook = openpyxl.load_workbook(form)

    sheet = workbook["Trạm y tế"]
    headers = [c.value.split("\n")[0] for c in sheet[1]]
    fields = {"Năm": "year", "Dân số của xã": "population", "Số người tham gia bảo hiểm y tế": "insured"}
    # The other inputs by their labels, read from the criteria file so the script follows it.
    criteria = yaml.safe_load(open(os.path.join(ROOT, "Criteria/ct25-2030.yaml"), encoding="utf-8"))
    for name, spec in criteria["inputs"].items():
        if isinstance(spec, dict) and spec.get("type") != "list":
            fields[spec["label"]["vi"]] = name
    by_code = {s["code"]: s for s in stations}
    for row in sheet.iter_rows(min_row=2):
        station = by_code.get(row[0].value)
        if station is None:
            continue
        for cell, header in zip(row, headers):
            name = fields.get(header)
            value = station.get(name) if name else None
            if value is None:
                continue
            cell.value = ("Có" if value else "Không") if isinstance(value, bool) else value

    staff = workbook["Nhân lực của trạm y tế"]
    hamlets = workbook["Thôn, bản, tổ dân phố"]
    for s in stations:
        for member in s.get("staff") or []:
            staff.append([s["code"], member["name"], ROLES[member["role"]], "Có" if member["permanent"] else "Không"])
        for hamlet in s.get("hamlets") or []:
            hamlets.append([s["code"], hamlet["name"], hamlet["trained_health_workers"]])
    workbook.save(OUT)
    print(f"wrote {OUT}: {len(stations)} stations")


if __name__ == "__main__":
    sys.exit(main())
