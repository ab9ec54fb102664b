"""The workbench core in a real Chromium: gallery, form, live preview, restart, token."""
import os
import pathlib

from playwright.sync_api import expect

SHOTS = os.environ.get("WENSHU_SCREENSHOTS")  # a folder: also save the docs' screenshots there


def wait_previews(page, more_than):
    page.wait_for_function(f"Number(document.body.dataset.previews || 0) > {more_than}", timeout=60_000)
    return int(page.evaluate("document.body.dataset.previews"))


def new_document(page, server, template, chinese):
    """Creates a document of `template` from the gallery's card and waits for its first preview."""
    page.goto(server.url + "/")
    page.locator(f'.card[data-template="{template}"]').get_by_role("button", name="新建" + chinese).click()
    page.wait_for_url("**/d/*")
    return wait_previews(page, 0)


def test_fill_the_notice_and_see_the_preview_change_then_restart(serve, page):
    server = serve()
    page.goto(server.url + "/")
    expect(page.locator("h1")).to_have_text("文书工作台")
    card = page.locator('.card[data-template="notice"]')
    expect(card.locator("h3")).to_contain_text("通知")
    # The thumbnail is the notice's first page, drawn by the server.
    card.locator("img.thumb").scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const i = document.querySelector('.card[data-template=notice] img.thumb'); return i && i.complete && i.naturalWidth > 50 }",
        timeout=120_000)
    card.get_by_role("button", name="新建通知").click()
    page.wait_for_url("**/d/*")
    doc_url = page.url
    seen = wait_previews(page, 0)

    # A blank notice: its required fields are said beside them, as `wenshu check` says them.
    expect(page.locator('.problems[data-field="issuer"] .problem.error')).to_contain_text("发文机关")

    page.fill("#f-issuer", "中共清河市东湖区教育局党组")
    page.fill("#f-date", "2023-03-06")
    page.fill("#f-body", "为深入贯彻落实有关要求，现将有关事项通知如下。\n\n一、总体目标\n\n打造党建品牌。")
    seen = wait_previews(page, seen)
    expect(page.locator('.problems[data-field="issuer"] .problem')).to_have_count(0)
    first = page.locator("#pages img.page").first
    rev_before = first.get_attribute("data-rev")
    src_before = first.get_attribute("src")

    page.locator("#f-title").press_sequentially("关于开展读书月活动的通知", delay=20)
    page.wait_for_function(f"document.querySelector('#pages img.page').dataset.rev !== '{rev_before}'", timeout=60_000)
    assert first.get_attribute("src") != src_before
    page.wait_for_function("document.querySelector('#pages img.page').complete && document.querySelector('#pages img.page').naturalWidth > 300")
    expect(page.locator("#save-state")).to_have_text("已保存")
    expect(page.locator("#page-count")).to_contain_text("共")
    if SHOTS:
        page.evaluate("document.getElementById('form').scrollTop = 0")
        page.screenshot(path=os.path.join(SHOTS, "workbench-form.png"))

    # The character counter of a limited field turns red past its limit (when the template has one).
    counters = page.locator(".counter")
    if counters.count():
        assert "over" not in (counters.first.get_attribute("class") or "")

    # A restart loses nothing: the same folder, a new process.
    server.restart()
    page.goto(doc_url)
    expect(page.locator("#f-title")).to_have_value("关于开展读书月活动的通知")
    expect(page.locator("#f-issuer")).to_have_value("中共清河市东湖区教育局党组")
    wait_previews(page, 0)
    expect(page.locator("#pages img.page").first).to_be_visible()
    assert (pathlib.Path(server.data) / "docs").is_dir()
    if SHOTS:
        page.goto(server.url + "/")
        page.wait_for_function("Array.from(document.querySelectorAll('.card img.thumb')).every(i => i.complete)", timeout=180_000)
        page.screenshot(path=os.path.join(SHOTS, "workbench-gallery.png"))


def test_a_second_tab_is_told_instead_of_overwriting(serve, page):
    server = serve()
    new_document(page, server, "notice", "通知")
    other = page.context.new_page()
    other.goto(page.url)
    wait_previews(other, 0)
    page.fill("#f-title", "第一个标签页的标题")
    expect(page.locator("#save-state")).to_have_text("已保存", timeout=30_000)
    other.fill("#f-title", "第二个标签页的标题")
    expect(other.locator("#conflict")).to_be_visible(timeout=30_000)
    other.get_by_role("button", name="重新载入最新内容").click()
    expect(other.locator("#f-title")).to_have_value("第一个标签页的标题")


def test_refused_without_the_token_off_127_0_0_1(serve, page):
    token = "browser-test-token-2026"
    server = serve(host="127.0.0.2", token=token)
    status, body = server.get("/api/templates")
    assert status == 401
    assert "访问令牌" in body.decode("utf-8")
    status, _ = server.get("/api/templates", headers={"Authorization": "Bearer " + token})
    assert status == 200
    response = page.goto(server.url + "/")
    assert response.status == 401
    expect(page.locator("input[name=token]")).to_be_visible()
    page.fill("input[name=token]", token)
    page.get_by_role("button", name="登录").click()
    expect(page.locator('.card[data-template="notice"]')).to_be_visible()


def test_limits_lists_and_a_seal_upload(serve, page):
    server = serve()
    new_document(page, server, "application", "申报书")
    # 品牌名称 is limited to 16 characters: the counter turns red past it, and the check says so beside it.
    page.fill("#f-brand_name", "一二三四五六七八九十一二三四五六七")
    counter = page.locator('.field[data-field="brand.name"] .counter')
    expect(counter).to_have_text("17 / 16 字")
    expect(counter).to_have_class("counter over")
    expect(page.locator('.problems[data-field="brand.name"] .problem.error')).to_contain_text("超过16字")
    page.fill("#f-brand_name", "红烛先锋")
    expect(counter).to_have_class("counter")
    expect(page.locator('.problems[data-field="brand.name"] .problem')).to_have_count(0)
    # A list of records: rows are added with their own fields.
    achievements = page.locator('fieldset.list[data-field="achievements"]')
    achievements.get_by_role("button", name="添加一项").click()
    achievements.get_by_role("button", name="添加一项").click()
    expect(achievements.locator("fieldset.row")).to_have_count(2)
    page.fill("#f-achievements_1__name", "市级优秀党建品牌")
    expect(page.locator("#save-state")).to_have_text("已保存", timeout=30_000)

    # A notice's seal: uploaded into the document's folder, and the page that shows it is redrawn.
    seen = new_document(page, server, "notice", "通知")
    page.locator('input[data-path="seal"]').set_input_files(str(pathlib.Path(__file__).resolve().parents[2] / "samples/notice/seal.png"))
    expect(page.locator('.field[data-field="seal"] .file-name')).to_have_text("uploads/seal.png")
    wait_previews(page, seen)
    doc_id = page.url.rstrip("/").split("/")[-1]
    assert (pathlib.Path(server.data) / "docs" / doc_id / "uploads" / "seal.png").is_file()


def test_a_placeholder_parameter_is_a_field_the_clerk_replaces(serve, page):
    # The application's 城市 is a template parameter (清河市 until replaced): without a field for
    # it, a clerk in the browser could never clear the error the save reports.
    server = serve()
    new_document(page, server, "application", "申报书")
    expect(page.locator("#general-problems")).to_contain_text("仍是占位", timeout=60_000)
    page.fill("#f-city", "杭州市")
    expect(page.locator("#save-state")).to_have_text("已保存", timeout=30_000)
    expect(page.locator("#general-problems")).not_to_contain_text("仍是占位", timeout=30_000)
