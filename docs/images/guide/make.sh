#!/usr/bin/env bash
# Makes the pictures of docs/guide-clerk.md from a built wenshu (default .build/release/wenshu):
# the pages of a book built from `wenshu new application … --example`, the workbook's 基本信息 sheet
# and the example report as LibreOffice shows them (needs soffice, pdftoppm, python3 with openpyxl;
# scripts/setup installs them). Run by hand from the checkout's root; the PNGs are committed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin=$(realpath "${1:-.build/release/wenshu}")
here=docs/images/guide
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && "$bin" new application 青石桥小学 --example >/dev/null && "$bin" build 青石桥小学 >/dev/null 2>&1)
# The book's cover, form and report pages, small.
for page in 1 3 5; do
  pdftoppm -r 40 -png -singlefile -f $page -l $page "$tmp/青石桥小学/申报书.pdf" "$here/book-$page"
done
# The workbook's first sheet on one landscape page (a copy: the workbook itself has no print setup).
python3 - "$tmp/青石桥小学/申报书填写.xlsx" "$tmp/workbook.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets[1:]:
    ws.sheet_state = "hidden"
ws = wb.worksheets[0]
ws.page_setup.orientation = "landscape"
ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.print_options.gridLines = True
wb.save(sys.argv[2])
PY
soffice -env:UserInstallation=file://"$tmp"/lo --headless --convert-to pdf --outdir "$tmp" \
  "$tmp/workbook.xlsx" "$tmp/青石桥小学/创建报告.docx" >/dev/null 2>&1
pdftoppm -r 100 -png -singlefile -f 1 -l 1 -x 65 -y 90 -W 975 -H 270 "$tmp/workbook.pdf" "$here/workbook"  # the sheet, not the blank page
pdftoppm -r 40 -png -singlefile -f 1 -l 1 "$tmp/创建报告.pdf" "$here/report"
ls -l "$here"/*.png
