"""Writes XLSX fixtures with openpyxl, a writer other than ours, for XLSXReaderTests.

Usage: python3 make_fixtures.py OUTPUT_FOLDER
Writes other-program.xlsx (1900 dates) and dates-1904.xlsx. Text is deliberately given in NFD in places, as macOS
may produce it, to check that the reader normalises to NFC.
"""
import datetime
import sys
import unicodedata

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

folder = sys.argv[1]

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Trạm y tế"
# A title row above the header, merged across the table.
ws["A1"] = unicodedata.normalize("NFD", "Báo cáo trạm y tế xã năm 2024")
ws.merge_cells("A1:E1")
ws.append(["Xã", "Tỷ lệ BHYT", "Ngày khảo sát", "Tổng", "Ghi chú"])
ws.append(["Ngọc Vân", 0.9973, datetime.date(2024, 3, 1), "=B3*100", True])
ws["B3"].number_format = "0.00%"
ws["C3"].number_format = "dd/mm/yyyy"
ws.append(["Cao Thượng", 1, datetime.date(1900, 1, 1), "#N/A", False])
ws["C4"].number_format = "dd/mm/yyyy"
ws.append(["Ẩn dòng", 60, 12.5, None, None])
ws["B5"].number_format = "dd/mm/yyyy"  # serial 60: Excel's fictitious 1900-02-29
ws.row_dimensions[5].hidden = True
ws.column_dimensions["E"].hidden = True
ws["A6"] = CellRichText([TextBlock(InlineFont(b=True), "Đậm"), " và thường"])
ws["B6"] = 1e-3
ws["C6"] = 123456789012345
ws["D6"] = '=IF(A3="x","có","không")'

hidden = wb.create_sheet("Danh sách ẩn")
hidden.sheet_state = "hidden"
hidden.append(["Thôn", "Số hộ"])
hidden.append(["Thôn 1", 120])
very = wb.create_sheet("Rất ẩn")
very.sheet_state = "veryHidden"
very["A1"] = "x"
wb.save(f"{folder}/other-program.xlsx")

mac = openpyxl.Workbook()
mac.epoch = CALENDAR_MAC_1904
sheet = mac.active
sheet.title = "1904"
sheet["A1"] = datetime.date(2024, 3, 1)
sheet["A1"].number_format = "yyyy-mm-dd"
sheet["A2"] = 0
sheet["A2"].number_format = "d/m/yyyy"
mac.save(f"{folder}/dates-1904.xlsx")
