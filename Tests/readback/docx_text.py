#!/usr/bin/env python3
"""Reads a Word file with python-docx (independent of the project) and prints what a person would read:
{"paragraphs": [{"style": …, "text": …}], "tables": [[[cell text…]…]…], "page": {…}, "font": …}."""
import json
import sys

import docx

document = docx.Document(sys.argv[1])
section = document.sections[0]
normal = document.styles["Normal"].font
json.dump({
    "paragraphs": [{"style": p.style.name, "text": p.text} for p in document.paragraphs],
    "tables": [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables],
    "page": {"width": section.page_width.twips if section.page_width else None,
             "height": section.page_height.twips if section.page_height else None,
             "left": section.left_margin.twips if section.left_margin else None},
    "font": normal.name, "size": normal.size.pt if normal.size else None,
}, sys.stdout, ensure_ascii=False)
