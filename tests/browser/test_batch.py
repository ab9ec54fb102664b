"""The workbench's uploads, downloads and batches in a real Chromium (fixtures: conftest.py).

A filled workbook fills the notice's form; the PDF and the data as YAML download; a 200-row
certificate list runs as a batch whose progress arrives live, then shows its counts, the skipped row
with its reason and the merged PDF, which pdftotext reads the names from.
"""
import os
import pathlib
import re
import subprocess
import tempfile

from playwright.sync_api import expect

SHOTS = os.environ.get("WENSHU_SCREENSHOTS")  # a folder: also save the docs' screenshots there
NAMES = ["王芳", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊"]


def pdftotext(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def open_downloads(page):
    """Opens the document page's 下载 menu (a <details>: a second click on its summary would close it)."""
    page.evaluate("document.querySelector('details.downloads').open = true")


def open_batch_page(page, server):
    page.goto(server.url + "/batch?template=certificate")
    expect(page.locator("#template")).to_have_value("certificate")
    expect(page.get_by_role("button", name="开始生成")).to_be_enabled()


def certificate_list(folder, rows, blank_name=None):
    """A CSV of `rows` certificates; row `blank_name` (1-based data row) has no name."""
    lines = ["姓名,学校,奖项,日期,证书编号"]
    for i in range(1, rows + 1):
        name = "" if i == blank_name else f"{NAMES[i % len(NAMES)]}{i}"
        lines.append(f"{name},清河市青石桥实验小学,优秀共产党员,2023-12-20,YXYP-2023-{i:05d}")
    path = pathlib.Path(folder) / "获奖名单.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_workbook_fills_the_notice_and_the_pdf_and_yaml_download(serve, page, wenshu):
    server = serve()
    folder = tempfile.mkdtemp(prefix="wenshu-workbook-")
    workbook = pathlib.Path(folder) / "通知填写.xlsx"
    subprocess.run([wenshu, "workbook", "notice", "--example", "-o", str(workbook)], check=True, capture_output=True)
    page.goto(server.url + "/")
    page.locator('.card[data-template="notice"]').get_by_role("button", name="新建通知").click()
    page.wait_for_url("**/d/*")
    page.wait_for_function("Number(document.body.dataset.previews || 0) > 0", timeout=60_000)

    # The page asks before the workbook replaces what the form holds: yes.
    page.once("dialog", lambda dialog: dialog.accept())
    page.set_input_files("#workbook-upload", str(workbook))
    # The form now holds the workbook's values (the fields' examples), saved.
    issuer = page.locator("#f-issuer")
    expect(issuer).not_to_have_value("", timeout=30_000)
    title = page.locator("#f-title").input_value()
    assert title
    expect(page.locator("#save-state")).to_have_text("已保存", timeout=30_000)

    open_downloads(page)
    with page.expect_download(timeout=60_000) as d:
        page.locator("#dl-pdf").click()
    pdf = pathlib.Path(folder) / "notice.pdf"
    d.value.save_as(pdf)
    text = "".join(pdftotext(pdf).split())
    assert "".join(issuer.input_value().split())[:8] in text

    open_downloads(page)
    with page.expect_download(timeout=60_000) as d:
        page.locator("#dl-yaml").click()
    saved = pathlib.Path(folder) / "notice.yaml"
    d.value.save_as(saved)
    # The data as YAML: the title the workbook gave, as the form holds it.
    assert title in saved.read_text(encoding="utf-8")


def test_a_200_row_certificate_batch_shows_progress_counts_and_its_pdf(serve, page):
    server = serve()
    folder = tempfile.mkdtemp(prefix="wenshu-batch-")
    names = certificate_list(folder, 201, blank_name=57)
    open_batch_page(page, server)
    expect(page.locator("h1")).to_have_text("批量生成")
    page.set_input_files("#list", str(names))
    # The certificate's issuer is a template parameter a list does not replace: print it as it is.
    page.check("#placeholders")
    page.get_by_role("button", name="开始生成").click()
    page.wait_for_function("document.body.dataset.batchState === 'done' || document.body.dataset.batchState === 'failed'",
                           timeout=300_000)
    expect(page.locator("#state")).to_have_text("生成完成")
    events = page.evaluate("window.batchEvents")
    # Progress arrived while the batch ran, not only at its end.
    partial = [e for e in events if e.startswith("progress:") and 0 < int(e.split(":")[1].split("/")[0]) < 201]
    assert len(partial) >= 2, events
    assert events[-1] == "done:201/201"
    expect(page.locator("#written")).to_have_text("200")
    expect(page.locator("#skipped")).to_have_text("1")
    # The skipped row: its line in the list (the header is line 1) and why, in Chinese first.
    row = page.locator("#rows tbody tr").first
    expect(row.locator("td").first).to_have_text("获奖名单.csv:58")
    expect(row.locator("td").nth(1)).to_contain_text("姓名")
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "batch.png"), full_page=True)

    with page.expect_download(timeout=60_000) as d:
        page.locator("#download").click()
    pdf = pathlib.Path(folder) / "certificates.pdf"
    d.value.save_as(pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+200$", info, re.M), info
    text = pdftotext(pdf)
    for i in (1, 56, 58, 201):
        assert f"{NAMES[i % len(NAMES)]}{i}" in text.replace(" ", "")
    assert f"{NAMES[57 % len(NAMES)]}57" not in text.replace(" ", "")

    # The page of a finished batch is still there after a restart.
    server.restart()
    page.reload()
    page.wait_for_function("document.body.dataset.batchState === 'done'", timeout=60_000)
    expect(page.locator("#written")).to_have_text("200")


def test_a_list_that_is_not_a_table_is_refused_with_a_reason(serve, page):
    server = serve()
    folder = tempfile.mkdtemp(prefix="wenshu-batch-")
    bad = pathlib.Path(folder) / "名单.pdf"
    bad.write_bytes(b"%PDF-1.4 not a list")
    open_batch_page(page, server)
    page.set_input_files("#list", str(bad))
    page.get_by_role("button", name="开始生成").click()
    expect(page.locator("#refused")).to_contain_text("名单应为 .xlsx 或 .csv 文件")
