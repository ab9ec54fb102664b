#!/usr/bin/env python3
"""Makes this sample's files from ../application/data.yaml, as a clerk would fill them: the
workbook 学校信息.xlsx (a 项目/内容 sheet of the book's fields, and a 创建成果 sheet, a row each) and
the report 创建报告.docx (Word headings and a bold phrase). Run by hand (python3 make.py); the
files are committed. The workbook is written with the standard library (the parts Excel needs,
text as inline strings), the report with python-docx.
"""
import os
import zipfile
from xml.sax.saxutils import escape

import docx
import yaml

here = os.path.dirname(os.path.abspath(__file__))
d = yaml.safe_load(open(os.path.join(here, "../application/data.yaml"), encoding="utf-8"))


def col(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows):
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row, start=1):
            ref = f"{col(c)}{r}"
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{"".join(out)}</sheetData></worksheet>')


def workbook(path, sheets):
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                             for i in range(1, len(sheets) + 1)) + "</Types>")
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets>'
                   + "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>' for i, (name, _) in enumerate(sheets, start=1))
                   + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
                   + "</Relationships>")
        for i, (_, rows) in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", sheet_xml(rows))


brand = d["brand"]
info = [["项目", "内容"],
        ["city", d["city"]],
        ["单位名称", d["school"]],
        ["党组织名称", d["organization"]],
        ["党员数", d["members"]],
        ["党组织负责人", d["leader"]],
        ["联系电话", d["phone"]],
        ["填表日期", str(d["filled"])],
        ["品牌名称", brand["name"]],
        ["品牌建设概述", brand["overview"].strip()],
        ["品牌建设情况", brand["situation"].strip()],
        ["创建报告", "见 创建报告.docx"]]
results = [["名称", "授予单位", "日期"]] + [[a["name"], a["by"], str(a["date"])] for a in d["achievements"]]
workbook(os.path.join(here, "学校信息.xlsx"), [("基本信息", info), ("创建成果", results)])

report = docx.Document()
for para in d["report"].strip().split("\n\n"):
    para = para.strip()
    if para[:2] in ("一、", "二、", "三、", "四、", "五、"):
        report.add_heading(para, level=1)
    elif para.startswith("（") and "。" in para:
        head, rest = para.split("。", 1)
        p = report.add_paragraph()
        p.add_run(head + "。").bold = True
        p.add_run(rest)
    else:
        report.add_paragraph(para)
report.save(os.path.join(here, "创建报告.docx"))
print("wrote 学校信息.xlsx and 创建报告.docx")
