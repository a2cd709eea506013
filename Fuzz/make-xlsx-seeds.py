"""Writes the small XLSX seeds of corpus/xlsx (committed; rerun only to change them): python3 make-xlsx-seeds.py"""
import datetime
import zipfile

import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Trạm y tế"
ws.append(["code", "name", "year", "population", "insured"])
ws.append(["00001", "Ngọc Vân", 2025, 12850, 12700.5])
ws.append(["00002", "=A2&\"x\"", datetime.date(2024, 3, 1), 1e300, True])
ws.merge_cells("A4:C4")
ws.row_dimensions[3].hidden = True
staff = wb.create_sheet("staff")
staff.append(["code", "name", "role", "permanent"])
staff.append(["00001", "Chu Ngọc Hạnh", "doctor", "có"])
staff.sheet_state = "hidden"
wb.save("corpus/xlsx/openpyxl.xlsx")

# The fewest parts a reader must accept: inline strings, no styles, no shared strings.
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="S&amp;1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="2" max="2" hidden="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>code&#x1F600;</t></is></c><c r="XFD1"><v>1.5E+308</v></c></row><row r="1048576" hidden="1"><c t="b"><v>1</v></c><c r="C1048576" t="e"><v>#N/A</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:B3"/></mergeCells></worksheet>',
}
for method, name in [(zipfile.ZIP_DEFLATED, "minimal-deflated.xlsx"), (zipfile.ZIP_STORED, "minimal-stored.xlsx")]:
    with zipfile.ZipFile("corpus/xlsx/" + name, "w", method) as archive:
        for path, text in parts.items():
            archive.writestr(path, text)
