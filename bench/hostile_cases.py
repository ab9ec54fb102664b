#!/usr/bin/env python3
"""Generates the hostile inputs of issue 10 for bench/hostile.sh, one folder per case.

Usage: hostile_cases.py WORK REPO

Each case folder NN-name/ holds its inputs and:
  run.sh    the command (runs "$WENSHU" from inside the folder; may orchestrate several runs)
  expect    the exit statuses that pass, as a regex (1, 2, 1|2, 130, 0|1 …)
  outputs   paths (one a line) that must not exist when the status is not 0
  check.sh  optional: further checks (exit 0 passes; prints why not)
Everything is generated with the standard library (zlib, zipfile, struct) in well under a minute.
"""
import os
import shutil
import struct
import sys
import zipfile
import zlib

WORK, REPO = sys.argv[1], sys.argv[2]
cases = []


def case(name, run, expect="1", outputs=("out.pdf",), files=None, check=None, setup=None):
    d = os.path.join(WORK, f"{len(cases) + 1:03d}-{name}")
    os.makedirs(d)
    for rel, content in (files or {}).items():
        path = os.path.join(d, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(content.encode() if isinstance(content, str) else content)
    if setup:
        setup(d)
    with open(os.path.join(d, "run.sh"), "w") as f:
        f.write(run + "\n")
    with open(os.path.join(d, "expect"), "w") as f:
        f.write(expect + "\n")
    with open(os.path.join(d, "outputs"), "w") as f:
        f.write("\n".join(outputs) + "\n")
    if check:
        with open(os.path.join(d, "check.sh"), "w") as f:
            f.write(check + "\n")
    cases.append(d)


def template(body, page=""):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<template>
  <page name="p" preset="a4" {page}/>
  <body page="p">
    {body}
  </body>
</template>
"""


def build(body="<p>{{ name }}</p>", data="name: 测试\n", page="", name=None, expect="1", extra=None, setup=None):
    files = {"t.xml": template(body, page), "d.yaml": data}
    files.update(extra or {})
    case(name, '"$WENSHU" build t.xml d.yaml -o out.pdf', expect=expect, files=files, setup=setup)


CERT_HEADER = "姓名,学校,奖项,日期,证书编号"


def cert_rows(n, first=1):
    return "\n".join(f"王芳{i},育才中学,优秀党员,2022-12-20,NO-{i:05d}" for i in range(first, first + n))


def xlsx(sheet_xml, extra_sheet=None):
    """A minimal workbook (inline strings) around `sheet_xml` (the <sheetData> and what follows)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    parts = {
        "[Content_Types].xml": head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": head + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": head + f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": head + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for k, v in parts.items():
            z.writestr(k, v)
        if extra_sheet:
            with z.open("xl/worksheets/sheet1.xml", "w") as f:
                extra_sheet(f, head, main)
        else:
            z.writestr("xl/worksheets/sheet1.xml", head + f'<worksheet xmlns="{main}">' + sheet_xml + "</worksheet>")
    return buf.getvalue()


def inline_row(r, values):
    cells = "".join(f'<c r="{chr(65 + j)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for j, v in enumerate(values))
    return f'<row r="{r}">{cells}</row>'


def png(width, height, bit_depth=1):
    """A grey PNG of zeros: tiny on disk, huge when decoded."""
    row = b"\x00" + bytes((width * bit_depth + 7) // 8)
    comp = zlib.compressobj(9)
    body = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, 0, 0, 0, 0)) \
        + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def jpeg_boundary():
    """A 64 KB JPEG whose SOF segment starts two bytes before the 64 KB mark (its length and size beyond it)."""
    out = bytearray(b"\xff\xd8")
    target = 65536 - 2
    while len(out) + 4 < target:
        n = min(65533, target - len(out) - 4)
        out += b"\xff\xe1" + struct.pack(">H", n + 2) + bytes(n)
    out = out[:target]
    while len(out) < target:
        out += b"\x00"
    out += b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, 100, 100, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return bytes(out)


def fifo(path):
    return lambda d: os.mkfifo(os.path.join(d, path))


def font_file():
    for root in ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype", "/usr/share/fonts"]:
        for dirpath, _, names in os.walk(root):
            for n in sorted(names):
                if n.lower().endswith(".ttf"):
                    return os.path.join(dirpath, n)
    return None


def damaged_font():
    path = font_file()
    if not path:
        return b"\x00\x01\x00\x00" + bytes(4096)
    data = open(path, "rb").read()
    keep = min(len(data), 2048)  # the offset table and table records: valid headers
    return data[:keep] + bytes([0xAB]) * (len(data) - keep)


# ---------------------------------------------------------------- crashes
case("date-99999999999999999999", '"$WENSHU" build --allow-placeholders certificate d.yaml -o out.pdf',
     files={"d.yaml": "name: 王芳\nschool: 育才中学\naward: 优秀党员\ndate: 99999999999999999999-1-1\nno: NO-1\n"})
case("seal-is-a-folder", '"$WENSHU" build t.xml d.yaml -o out.pdf',
     files={"t.xml": template('<signature issuer="x" date="2023年1月1日" seal="{{ seal }}"/>'), "d.yaml": 'seal: "."\n'})
build('<image src="{{ img }}" width="20mm"/>', 'img: b.jpg\n', name="jpeg-segment-at-64KB", extra={"b.jpg": jpeg_boundary()})
for value in ["1e20", ".inf", "-1e300", "-9223372036854775808"]:
    build("<p>{{ n | 中文数字 }}</p><p>{{ n | 大写数字 }}</p>", f"n: {value}\n", name=f"cn-number-{value}")
build("<p>{{ name | pad 99999999999999999999 }}</p>", name="pad-beyond-Int")
build("<p>{{ name | truncate 99999999999999999999 }}</p>", name="truncate-beyond-Int")
build("<p>{{ name | pad 9223372036854775807 }}</p>", name="pad-Int-max")
build("<p>{{ " + "(" * 100000 + "name" + ")" * 100000 + " }}</p>", name="nested-parens-100000")
build('<if test="' + "not " * 100000 + 'name"><p>x</p></if>', name="not-not-100000")
build("<p>{{ name" + " | trim" * 100000 + " }}</p>", name="trim-chain-100000")
build(data="name: x\rlist:\r" + "- " * 10000 + "x\r", name="yaml-cr-10000-nested")
corrupt = bytearray(xlsx("<sheetData>" + inline_row(1, CERT_HEADER.split(",")) + inline_row(2, ["王芳", "育才中学", "优秀党员", "2022-12-20", "NO-1"]) + "</sheetData>"))
for i in range(300, min(len(corrupt) - 100, 1500), 7):
    corrupt[i] ^= 0x5A
case("xlsx-corrupt-2KB", '"$WENSHU" batch --allow-placeholders certificate list.xlsx -o out.pdf', files={"list.xlsx": bytes(corrupt)},
     outputs=("out.pdf", "out.report.csv"))
case("font-damaged-by-font", 'printf "标题\\n\\n正文。\\n" > in.txt; "$WENSHU" typeset in.txt -o out.pdf --font 仿宋=bad.ttf',
     files={"bad.ttf": damaged_font()})
case("font-damaged-in-font-dir", 'printf "标题\\n\\n正文。\\n" > in.txt; "$WENSHU" typeset in.txt -o out.pdf --font-dir fonts',
     expect="0|1", files={"fonts/bad.ttf": damaged_font()})
case("shard-10^18", '"$WENSHU" batch --allow-placeholders certificate list.csv -o out.pdf --shard 1000000000000000000/1000000000000000000',
     expect="2", files={"list.csv": CERT_HEADER + "\n" + cert_rows(3) + "\n"}, outputs=("out.pdf", "out.report.csv"))
for v in ["nan", "inf"]:
    case(f"dpi-{v}", f'printf "标题\\n\\n正文。\\n" > in.txt; "$WENSHU" typeset in.txt -o out.pdf --png png --dpi {v}',
         expect="2", outputs=("out.pdf", "png"))
build(page='line-pitch="0pt"', name="line-pitch-0pt")

# ---------------------------------------------------------------- hangs and memory
build('<image src="{{ img }}" width="20mm"/>', "img: fifo.png\n", name="image-is-a-FIFO", setup=fifo("fifo.png"))
case("include-is-a-FIFO", '"$WENSHU" build t.xml d.yaml -o out.pdf',
     files={"t.xml": template('<include src="frag.xml"/>'), "d.yaml": "name: x\n"}, setup=fifo("frag.xml"))
bomb = {f"f{i}.xml": "<fragment>" + f'<include src="f{i + 1}.xml"/>' * 10 + "</fragment>" for i in range(1, 7)}
bomb["f7.xml"] = "<fragment><p>炸</p></fragment>"
build('<include src="f1.xml"/>', name="include-bomb-10^7", extra=bomb)
merged = xlsx("<sheetData>" + inline_row(1, CERT_HEADER.split(",")) + inline_row(2, ["王芳", "育才中学", "优秀党员", "2022-12-20", "NO-1"])
              + '</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD10001"/></mergeCells>')
case("xlsx-merged-A2-XFD10001", '"$WENSHU" batch --allow-placeholders certificate list.xlsx -o out.pdf', expect="0|1|3", files={"list.xlsx": merged},
     outputs=("out.pdf", "out.report.csv"))


def huge_sheet(f, head, main):
    f.write((head + f'<worksheet xmlns="{main}"><sheetData>' + inline_row(1, CERT_HEADER.split(","))
             + '<row r="2"><c r="A2" t="inlineStr"><is><t>').encode())
    block = b"A" * (1 << 20)
    for _ in range(250):
        f.write(block)
    f.write(b"</t></is></c></row></sheetData></worksheet>")


case("xlsx-sheet-unpacks-250MB", '"$WENSHU" batch --allow-placeholders certificate list.xlsx -o out.pdf', files={"list.xlsx": xlsx("", huge_sheet)},
     outputs=("out.pdf", "out.report.csv"))
build('<image src="{{ img }}" width="20mm"/>', "img: big.png\n", name="png-20000x20000-in-48KB", extra={"big.png": png(20000, 20000)})
case("csv-one-row-100000-columns", '"$WENSHU" batch --allow-placeholders certificate list.csv -o out.pdf',
     files={"list.csv": CERT_HEADER + "," + ",".join(f"c{j}" for j in range(100000)) + "\n"
            + "王芳,育才中学,优秀党员,2022-12-20,NO-1," + ",".join("x" for _ in range(100000)) + "\n"},
     outputs=("out.pdf", "out.report.csv"))

# ---------------------------------------------------------------- silent loss
KILL = """set -m
"$WENSHU" {cmd} >/dev/null 2>err.run &
pid=$!
for i in $(seq 1 1500); do
  ls -a | grep -q '\\.tmp$' && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.01
done
kill -{sig} $pid 2>/dev/null
wait $pid; status=$?
cat err.run >&2
exit $status"""
case("kill-INT-during-batch", KILL.format(cmd="batch --allow-placeholders certificate list.csv -o out.pdf", sig="INT"), expect="130",
     files={"list.csv": CERT_HEADER + "\n" + cert_rows(4000) + "\n"}, outputs=("out.pdf", "out.report.csv"))
case("kill-TERM-during-typeset", KILL.format(cmd="typeset in.txt -o out.pdf", sig="TERM"), expect="143",
     files={"in.txt": "长文\n\n" + "\n\n".join("一、" + "这是用来测试中断的正文段落，文字较长。" * 30 for _ in range(150)) + "\n"})
case("kill-HUP-during-build", KILL.format(cmd="build compilation book -o out.pdf", sig="HUP"), expect="129",
     setup=lambda d: shutil.copytree(os.path.join(REPO, "samples/compilation"), os.path.join(d, "book")))
case("full-disk", """mkdir -p small
mount -t tmpfs -o size=200k tmpfs small 2>/dev/null || { echo "SKIP: cannot mount a tmpfs (not root?)" >&2; exit 77; }
head -c 120000 /dev/zero > small/filler
"$WENSHU" build notice notice/data.yaml -o small/out.pdf; s1=$?
"$WENSHU" batch --allow-placeholders certificate list.csv -o small/certs; s2=$?
leftover=$(find small -name '*.tmp' | wc -l); empty=$(find small/certs -name '*.pdf' -size -1k 2>/dev/null | wc -l)
out=$(ls small/out.pdf 2>/dev/null)
umount small
[ -z "$out" ] && [ "$leftover" = 0 ] && [ "$empty" = 0 ] && [ $s1 = 1 ] && [ $s2 = 1 ] && exit 1
echo "build $s1, batch $s2, $leftover temporaries, $empty PDFs under 1 KB, out.pdf: ${out:-none}" >&2; exit 3""",
     expect="1|77", files={"list.csv": CERT_HEADER + "\n" + cert_rows(300) + "\n"},
     setup=lambda d: shutil.copytree(os.path.join(REPO, "samples/notice"), os.path.join(d, "notice")))
case("two-batches-one-folder", """set -m
"$WENSHU" batch --allow-placeholders certificate a.csv -o certs >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 1500); do ls -a certs 2>/dev/null | grep -q '\\.tmp$' && break; sleep 0.01; done
"$WENSHU" batch --allow-placeholders certificate b.csv -o certs >/dev/null; status=$?
kill -INT $pid 2>/dev/null; wait $pid
exit $status""", files={"a.csv": CERT_HEADER + "\n" + cert_rows(4000) + "\n", "b.csv": CERT_HEADER + "\n" + cert_rows(50, 90000) + "\n"},
     outputs=("certs/NO-90000.pdf",))
case("build-o-data.yaml", 'cp notice/data.yaml before.yaml; "$WENSHU" build notice notice/data.yaml -o notice/data.yaml',
     outputs=(), check="cmp -s before.yaml notice/data.yaml || { echo 'data.yaml was overwritten'; exit 1; }",
     setup=lambda d: shutil.copytree(os.path.join(REPO, "samples/notice"), os.path.join(d, "notice")))
case("trace-onto-template", 'cp t.xml before.xml; "$WENSHU" build t.xml d.yaml -o out.pdf --trace t.xml',
     files={"t.xml": template("<p>{{ name }}</p>"), "d.yaml": "name: x\n"},
     check="cmp -s before.xml t.xml || { echo 't.xml was overwritten'; exit 1; }")
case("first-row-10MB", '"$WENSHU" batch --allow-placeholders certificate list.csv -o out.pdf --strict',
     files={"list.csv": CERT_HEADER + "\n" + "名" * (10 * 1024 * 1024 // 3) + ",育才中学,优秀党员,2022-12-20,NO-1\n" + cert_rows(3, 2) + "\n"},
     outputs=("out.pdf", "out.report.csv"))
build('<image src="{{ img }}" width="20mm"/>', "img: t.jpg\n", name="jpeg-truncated",
      extra={"t.jpg": open(os.path.join(REPO, "samples/application/photos/p3.jpg"), "rb").read()[:3000]})
try:
    from PIL import Image  # optional: a real CMYK JPEG
    import io
    b = io.BytesIO()
    Image.new("CMYK", (40, 40), (0, 255, 255, 0)).save(b, "JPEG")
    cmyk = b.getvalue()
except Exception:
    cmyk = b"\xff\xd8" + b"\xff\xc0" + struct.pack(">HBHHB", 20, 8, 40, 40, 4) + b"\x01\x11\x00\x02\x11\x00\x03\x11\x00\x04\x11\x00" + b"\xff\xd9"
build('<image src="{{ img }}" width="20mm"/>', "img: c.jpg\n", name="jpeg-cmyk", expect="0|1", extra={"c.jpg": cmyk})
case("resume-after-edit", """"$WENSHU" batch --allow-placeholders certificate list.csv -o out.pdf >/dev/null 2>&1 || exit 9
printf '%s\\n' "$(cat more.csv)" >> list.csv
"$WENSHU" batch --allow-placeholders certificate list.csv -o out.pdf --resume""", expect="0",
     files={"list.csv": CERT_HEADER + "\n" + cert_rows(5) + "\n", "more.csv": cert_rows(2, 6)},
     check='n=$(pdfinfo out.pdf | awk "/^Pages:/ {print \\$2}"); [ "$n" = 7 ] || { echo "out.pdf has $n pages, the list 7 rows"; exit 1; }')
case("column-overrides-param", '"$WENSHU" batch --allow-placeholders certificate list.csv -o out.pdf', expect="0",
     files={"list.csv": CERT_HEADER + ",issuer\n王芳,育才中学,优秀党员,2022-12-20,NO-1,国务院\n"},
     check='pdftotext out.pdf - | grep -q 国务院 && { echo "the list reissued the certificate"; exit 1; }; grep -q issuer err || { echo "no warning"; exit 1; }')
build(data="name:\n  a: 1\n", name="type-map-for-text")
build(data="name: null\n", name="type-null-for-text")
case("members-1e400", '"$WENSHU" build application app/data.yaml -o out.pdf',
     setup=lambda d: (shutil.copytree(os.path.join(REPO, "samples/application"), os.path.join(d, "app")),
                      open(os.path.join(d, "app/data.yaml"), "w").write(
                          open(os.path.join(REPO, "samples/application/data.yaml")).read().replace("members: 36", "members: 1e400"))))
EXTREMES = [
    ("page", 'size="-210mm 297mm"'), ("page", 'size="0mm 0mm"'), ("page", 'size="1e12mm 1e12mm"'), ("page", 'margin="200mm"'),
    ("page", 'margin="-10mm"'), ("page", 'margin-top="400mm"'), ("page", 'margin-left="300mm" margin-right="300mm"'),
    ("page", 'line-pitch="-5pt"'), ("page", 'line-pitch="1e12pt"'), ("page", 'number-size="-3pt"'), ("page", 'number-size="1e9pt"'),
    ("page", 'number-distance="1e9mm"'), ("page", 'grid="28x1000000000000"'),
    ("p", 'size="-12pt"'), ("p", 'size="0pt"'), ("p", 'size="1e12pt"'), ("p", 'line-height="-1pt"'), ("p", 'line-height="0pt"'),
    ("p", 'line-height="1e12pt"'), ("p", 'indent="1e12"'), ("p", 'indent="99999999999999999999"'), ("p", 'left-indent="1000000000000"'),
    ("p", 'space-before="-3"'), ("p", 'space-before="1e12"'), ("p", 'space-after="1e12"'),
    ("space", 'lines="1000000000000"'), ("space", 'lines="-5"'), ("space", 'height="-10mm"'), ("space", 'height="1e12mm"'),
    ("table", 'columns="-10mm 1fr"'), ("table", 'columns="1e12mm"'), ("table", 'padding="-5pt"'), ("table", 'padding="1e9pt"'),
    ("table", 'border="1e9pt"'), ("row", 'min-height="-5mm"'), ("row", 'min-height="1e12mm"'), ("cell", 'colspan="0"'),
    ("cell", 'colspan="1000000000000"'), ("cell", 'rowspan="1000000000000"'), ("rule", 'width="-1pt"'), ("rule", 'width="1e12pt"'),
    ("h", 'level="1000000000000"'),
]
assert len(EXTREMES) == 42
for k, (element, attrs) in enumerate(EXTREMES, 1):
    body, page = "<p>{{ name }}</p>", ""
    if element == "page":
        page = attrs
    elif element in ("p", "h"):
        body = f"<{element} {attrs}>{{{{ name }}}}</{element}>"
    elif element in ("space", "rule"):
        body = f"<p>前</p><{element} {attrs}/><p>后</p>"
    elif element == "table":
        body = f'<table columns="30mm 1fr" {attrs}><row><cell>甲</cell><cell>乙</cell></row></table>' if "columns" not in attrs \
            else f'<table {attrs}><row><cell>甲</cell><cell>乙</cell></row></table>'
    elif element == "row":
        body = f'<table columns="30mm 1fr"><row {attrs}><cell>甲</cell><cell>乙</cell></row></table>'
    elif element == "cell":
        body = f'<table columns="30mm 1fr"><row><cell {attrs}>甲</cell><cell>乙</cell></row></table>'
    build(body, page=page, name=f"layout-{k:02d}-{element}-{attrs.split('=')[0]}")
case("font-is-a-FIFO", 'printf "标题\\n\\n正文。\\n" > in.txt; "$WENSHU" typeset in.txt -o out.pdf --font 仿宋=fifo.ttf', setup=fifo("fifo.ttf"))
case("font-dir-usr", 'printf "标题\\n\\n正文。\\n" > in.txt; "$WENSHU" typeset in.txt -o out.pdf --font-dir /usr', expect="1|2")
case("bookmarks-nosuch", '"$WENSHU" batch --allow-placeholders certificate list.csv -o out.pdf --bookmarks "{nosuch}"', expect="2",
     files={"list.csv": CERT_HEADER + "\n" + cert_rows(3) + "\n"}, outputs=("out.pdf", "out.report.csv"))
case("batch-invalid-utf8-line", '"$WENSHU" batch --allow-placeholders certificate list.csv -o out.pdf',
     files={"list.csv": (CERT_HEADER + "\n" + cert_rows(3) + "\n").encode() + b"\xff\x80,x,y,2022-12-20,NO-9\n"},
     outputs=("out.pdf", "out.report.csv"), check="grep -q 'list.csv:5:' err || { echo 'the line (5) is not named'; exit 1; }")
case("report-spreadsheet-injection", '"$WENSHU" batch --allow-placeholders certificate list.csv -o out.pdf', expect="0",
     files={"list.csv": CERT_HEADER + "\n" + "=cmd|' /C calc'!A0,=HYPERLINK(\"http://x\"),@SUM(A1),2022-12-20,+1\n"
            + "-2+3,\"\tx\",\"\r=1\",2022-12-20,NO-2\n"},
     check="""python3 - <<'EOF'
import csv, sys
rows = list(csv.reader(open("out.report.csv", encoding="utf-8-sig", newline="")))
bad = [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@", "\\t", "\\r")]
sys.exit(print("formula cells:", bad) or 1) if bad else sys.exit(0)
EOF""")

# ---------------------------------------------------------------- a clerk's workbooks that cannot be read as they are (issue 12)
def ole(stream):
    """An OLE compound file (.xls, or Office's wrapper of an encrypted package) naming `stream`."""
    return bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504) + stream.encode("utf-16-le") + bytes(64)


def said(words):
    return f"grep -q '{words}' err || {{ echo 'not said: {words}'; exit 1; }}"


BATCH = '"$WENSHU" batch --allow-placeholders certificate list.xlsx -o out.pdf'
BATCH_OUT = ("out.pdf", "out.report.csv")
case("xlsx-encrypted", BATCH, files={"list.xlsx": ole("EncryptedPackage")}, outputs=BATCH_OUT, check=said("工作簿已加密"))
case("xlsx-is-old-xls", BATCH, files={"list.xlsx": ole("Workbook")}, outputs=BATCH_OUT, check=said("旧版 .xls"))
case("xlsx-is-renamed-csv", BATCH, files={"list.xlsx": CERT_HEADER + "\n" + cert_rows(2) + "\n"}, outputs=BATCH_OUT, check=said("CSV"))
case("xlsx-is-renamed-html", BATCH, files={"list.xlsx": "<html><body><table><tr><td>王芳</td></tr></table></body></html>"},
     outputs=BATCH_OUT, check=said("HTML"))
case("xlsx-formula-without-value", BATCH, outputs=BATCH_OUT, check=said("公式没有计算结果"),
     files={"list.xlsx": xlsx("<sheetData>" + inline_row(1, CERT_HEADER.split(","))
                              + '<row r="2"><c r="A2"><f>CONCAT("王","芳")</f></c></row></sheetData>')})
case("xlsx-merged-across-data", BATCH, outputs=BATCH_OUT, check=said("取消合并"),
     files={"list.xlsx": xlsx("<sheetData>" + inline_row(1, CERT_HEADER.split(",")) + inline_row(2, ["王芳", "育才中学", "优秀党员", "2022-12-20", "NO-1"])
                              + '</sheetData><mergeCells count="1"><mergeCell ref="A2:C2"/></mergeCells>')})

print(len(cases))
