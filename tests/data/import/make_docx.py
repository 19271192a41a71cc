#!/usr/bin/env python3
"""Writes a Word document (.docx) holding one table of a seed's text dump, as Word lays it out:
a cell continuing the cell above it (the dump's empty cell under a label) as a vertical merge
(w:vMerge), the title row as one cell spanning the grid (w:gridSpan), a cell's lines as
paragraphs, a repeated header row, and the prose before the table as paragraphs. The test
`import: a docx table reads as its text dump` imports both and compares the specs.

usage: make_docx.py SEED FIRST_LINE LAST_LINE OUT.docx
"""
import sys
import zipfile
from xml.sax.saxutils import escape

seed, first, last, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
lines = open(seed, encoding="utf-8").read().split("\n")[first - 1:last]

# The dump: a blank line ends a row, a TAB starts a cell, other lines continue the cell (or are
# prose when no row is open).
items, row = [], None
for line in lines:
    if line == "":
        if row is not None:
            items.append(("row", row))
        row = None
    elif line.startswith("\t"):
        row = row if row is not None else []
        row.append(line[1:])
    elif row is not None and row:
        row[-1] += "\n" + line
    else:
        items.append(("prose", line))
if row is not None:
    items.append(("row", row))

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraphs(text):
    return "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(t)}</w:t></w:r></w:p>"
                   for t in text.split("\n"))


body, table, above = [], [], []
for kind, value in items:
    if kind == "prose":
        if table:
            body.append("<w:tbl>" + "".join(table) + "</w:tbl>")
            table, above = [], []
        body.append(paragraphs(value))
        continue
    cells = []
    width = max(len(value), 1)
    for i, text in enumerate(value):
        props = ""
        if text == "" and i < len(above) and i < 3:
            props = "<w:vMerge/>"  # continues the cell above
        elif i < 3:
            props = '<w:vMerge w:val="restart"/>'
        if len(value) == 1:
            props += '<w:gridSpan w:val="9"/>'
        cells.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs(text) or '<w:p/>'}</w:tc>")
    row_props = ""
    table.append(f"<w:tr>{row_props}" + "".join(cells) + "</w:tr>")
    above = value
if table:
    body.append("<w:tbl>" + "".join(table) + "</w:tbl>")

document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
            + "".join(body) + "<w:sectPr/></w:body></w:document>")
content_types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in (("[Content_Types].xml", content_types), ("_rels/.rels", rels),
                       ("word/document.xml", document)):
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # a reproducible file
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
