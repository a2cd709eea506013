#!/usr/bin/env python3
"""Reads an XLSX (openpyxl) or DOCX (python-docx) file and prints what it found as JSON.

Used by the Swift tests as an independent reader of the files TieuChiOffice writes:
    python3 readback.py xlsx FILE
    python3 readback.py docx FILE
Exits 2 on a bad command line; any exception while reading propagates (non-zero exit, traceback on stderr).
"""
import json
import sys


def read_xlsx(path):
    import openpyxl

    # Not read_only: frozen panes, filters and validations are only loaded in the normal mode.
    book = openpyxl.load_workbook(path)
    sheets = []
    for ws in book.worksheets:
        cells = []
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None and cell.style_id == 0:
                    continue
                value = cell.value
                if isinstance(value, float):
                    value = repr(value)  # exact text of the double that was read
                cells.append({
                    "ref": cell.coordinate,
                    "type": cell.data_type,
                    "value": value,
                    "format": cell.number_format,
                    "bold": bool(cell.font.b),
                    "wrap": bool(cell.alignment.wrap_text),
                    "fill": cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None,
                })
        widths = {}
        for letter, dimension in ws.column_dimensions.items():
            if dimension.customWidth:
                widths[letter] = dimension.width
        validations = []
        for dv in ws.data_validations.dataValidation:
            validations.append({
                "type": dv.type,
                "operator": dv.operator,
                "formula1": dv.formula1,
                "sqref": str(dv.sqref),
                "allowBlank": bool(dv.allow_blank),
            })
        sheets.append({
            "title": ws.title,
            "dimensions": ws.dimensions,
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "widths": widths,
            "validations": validations,
            "cells": cells,
        })
    return {"sheets": sheets}


def read_docx(path):
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(path)

    def paragraph(p):
        return {
            "text": p.text,
            "style": p.style.name if p.style is not None else None,
            "alignment": str(p.alignment) if p.alignment is not None else None,
            "runs": [
                {
                    "text": r.text,
                    "bold": r.bold,
                    "italic": r.italic,
                    "underline": r.underline,
                    "size": r.font.size.pt if r.font.size is not None else None,
                }
                for r in p.runs
            ],
        }

    body = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            body.append({"paragraph": paragraph(docx.text.paragraph.Paragraph(child, document))})
        elif child.tag == qn("w:tbl"):
            table = docx.table.Table(child, document)
            rows = []
            for row in table.rows:
                tr_pr = row._tr.trPr
                rows.append({
                    "header": tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None,
                    "cells": [cell.text for cell in row.cells],
                })
            borders = child.find(qn("w:tblPr") + "/" + qn("w:tblBorders"))
            top = borders.find(qn("w:top")).get(qn("w:val")) if borders is not None else None
            body.append({"table": {
                "columns": [column.width.twips if column.width is not None else None for column in table.columns],
                "topBorder": top,
                "rows": rows,
            }})
    section = document.sections[0]
    normal = document.styles["Normal"]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(".//" + qn("w:rFonts"))
    language = defaults.find(".//" + qn("w:lang"))
    return {
        "page": {
            "width": section.page_width.twips,
            "height": section.page_height.twips,
            "top": section.top_margin.twips,
            "bottom": section.bottom_margin.twips,
            "left": section.left_margin.twips,
            "right": section.right_margin.twips,
        },
        "normalFont": normal.font.name,
        "normalSize": normal.font.size.pt if normal.font.size is not None else None,
        "defaultFonts": {key: fonts.get(qn("w:" + key)) for key in ("ascii", "hAnsi", "cs")},
        "language": language.get(qn("w:val")),
        "pageBreaks": len(document.element.body.findall(".//" + qn("w:br") + "[@" + qn("w:type") + "='page']")),
        "body": body,
    }


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("xlsx", "docx"):
        print("usage: readback.py xlsx|docx FILE", file=sys.stderr)
        return 2
    kind, path = sys.argv[1], sys.argv[2]
    result = read_xlsx(path) if kind == "xlsx" else read_docx(path)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
