import Foundation
import Testing
import WenshuCore
import WenshuData
@testable import WenshuTemplate

/// A folder with a template and data written for one test.
struct Workspace {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "wenshu-template-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        let path = dir + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func realize(_ template: String, data: String = "", allowOutside: Bool = false) throws -> DocumentContent {
        try write("t.xml", template)
        try write("data/d.yaml", data.isEmpty ? "{}" : data)
        let loader = TemplateLoader(searchPaths: [dir], allowOutside: allowOutside)
        let t = try loader.load(dir + "/t.xml")
        let d = try DataLoader.load(dir + "/data/d.yaml")
        return try Realizer(loader: loader, dataFolders: [dir + "/data"]).realize(t, data: d)
    }

    func error(_ template: String, data: String = "") -> TemplateError? {
        do { _ = try realize(template, data: data) } catch let e as TemplateError { return e } catch { return nil }
        return nil
    }
}

extension Block {
    var paragraphText: String? { if case .paragraph(let p) = self { p.text } else { nil } }
    var paragraph: ParagraphBlock? { if case .paragraph(let p) = self { p } else { nil } }
}

@Suite struct TemplateTests {
    static let data = """
    school: 青石桥实验小学
    organization: 中共青石桥实验小学支部委员会
    members: 36
    brand:
      name: 红烛领航·书香润心
    date: 2023-03-15
    photos:
      - {file: a.png, caption: 书香长廊}
      - {file: b.png, caption: 红烛书屋}
    report: |
      一、指导思想

      坚持立德树人。

      （一）总体目标。两年建成品牌。
    """

    func body(_ inner: String) -> String { "<template><body>\(inner)</body></template>" }

    @Test func paragraphsWithExpressionsAndStyles() throws {
        let c = try Workspace().realize(body("""
        <p style="标题">{{ school }}党支部
           “{{ brand.name }}”党建品牌创建实施方案</p>
        <p>党员{{ members }}名，{{ date | 中文日期 }}（{{ date | 大写日期 }}）。</p>
        """), data: Self.data)
        #expect(c.blocks.count == 2)
        #expect(c.blocks[0].paragraphText == "青石桥实验小学党支部“红烛领航·书香润心”党建品牌创建实施方案")
        #expect(c.blocks[0].paragraph?.runs[0].style.role == .xiaobiaosong)
        #expect(c.blocks[0].paragraph?.style.alignment == .center)
        #expect(c.blocks[1].paragraphText == "党员36名，2023年3月15日（二〇二三年三月十五日）。")
        #expect(c.blocks[1].paragraph?.style.firstLineIndent == 2)
    }

    @Test func inlineStyleChanges() throws {
        let c = try Workspace().realize(body("<p><b>品牌名称：</b><span font=\"楷体\" size=\"四号\">{{ brand.name }}</span><br/>完</p>"), data: Self.data)
        let runs = c.blocks[0].paragraph!.runs
        #expect(runs.map(\.text) == ["品牌名称：", "红烛领航·书香润心", "\n完"])
        #expect(runs[0].style.bold && runs[1].style.role == .kai && runs[1].style.size == .pt(14))
    }

    @Test func eachAndIf() throws {
        let c = try Workspace().realize(body("""
        <each in="photos" as="photo"><p>{{ loop.index | 中文数字 }}、{{ photo.caption }}</p></each>
        <if test="members > 30"><p>大支部</p><else/><p>小支部</p></if>
        <if test="missing.value"><p>不应出现</p></if>
        """), data: Self.data)
        #expect(c.blocks.compactMap(\.paragraphText) == ["一、书香长廊", "二、红烛书屋", "大支部"])
    }

    @Test func reportTextBecomesHeadedParagraphs() throws {
        let c = try Workspace().realize(body("<text value=\"{{ report }}\"/>"), data: Self.data)
        let ps = c.blocks.compactMap(\.paragraph)
        #expect(ps.map(\.text) == ["一、指导思想", "坚持立德树人。", "（一）总体目标。两年建成品牌。"])
        #expect(ps[0].runs[0].style.role == .hei && ps[0].keepWithNext)
        #expect(ps[2].runs[0].style.role == .kai && ps[2].runs[1].style.role == .fangsong)
    }

    @Test func tablesWithSpansFeetAndRowLoops() throws {
        let c = try Workspace().realize(body("""
        <table columns="30mm 1fr 25mm 20mm" header-rows="1">
          <row><cell style="标签">党组织名称</cell><cell>{{ organization }}</cell><cell style="标签">党员数</cell><cell>{{ members }}</cell></row>
          <each in="photos" as="p"><row><cell colspan="4">{{ p.caption }}</cell></row></each>
          <row min-height="50mm" keep="true"><cell style="标签" rowspan="1">意见</cell>
            <cell colspan="3"><foot align="right">（盖章）<br/>年　月　日</foot></cell></row>
        </table>
        """), data: Self.data)
        guard case .table(let t) = c.blocks[0] else { Issue.record("no table"); return }
        #expect(t.columns == [.fixed(.mm(30)), .fraction(1), .fixed(.mm(25)), .fixed(.mm(20))])
        #expect(t.rows.count == 4 && t.headerRows == 1)
        #expect(t.rows[1].cells[0].colspan == 4)
        #expect(t.rows[3].minHeight.approximatelyEquals(.mm(50)) && t.rows[3].keepWhole)
        #expect(t.rows[3].cells[1].foot.first?.paragraphText == "（盖章）\n年　月　日")
        guard case .paragraph(let label) = t.rows[0].cells[0].content[0] else { Issue.record("no label"); return }
        #expect(label.style.alignment == .distributed)
    }

    /// Forms that fit: `auto` columns and a row's writing room in lines (6行: six lines of the
    /// table's text at 1.5 times its size, plus the padding).
    @Test func autoColumnsAndMinimumHeightInLines() throws {
        let c = try Workspace().realize(body("""
        <table columns="auto 1fr 20mm"><row min-height="6行"><cell>甲</cell><cell/><cell/></row></table>
        """), data: Self.data)
        guard case .table(let t) = c.blocks[0] else { Issue.record("no table"); return }
        #expect(t.columns == [.auto, .fraction(1), .fixed(.mm(20))])
        // 表格 is 四号 (14 pt): 6 × 21 pt, and the 4 pt paddings above and below.
        #expect(t.rows[0].minHeight.approximatelyEquals(.pt(6 * 21 + 8)), "\(t.rows[0].minHeight)")
    }

    @Test func pageMastersAndPresets() throws {
        let c = try Workspace().realize("""
        <template><page name="cert" preset="a4-landscape" margin="20mm"/><page name="b" preset="book" page-numbers="page-of-pages">
          <header>{title}</header></page><body page="cert"><p>证书</p><section page="b" restart-numbering="true"/></body></template>
        """)
        #expect(c.master.size.width > c.master.size.height)
        #expect(c.master.margins.left.approximatelyEquals(.mm(20)))
        guard case .section(let s) = c.blocks[1] else { Issue.record("no section"); return }
        #expect(s.master.pageNumbers?.format == .pageOfPages && s.restartNumbering)
        #expect(s.master.header?.text == "{title}")
    }

    @Test func parametersAndInheritance() throws {
        let w = try Workspace()
        try w.write("base.xml", """
        <template><param name="issuer" value="中共××市委教育工作委员会"/><param name="mark" value="{{ issuer }}文件"/>
        <style name="红头" font="小标宋" size="小初" color="red" align="center"/>
        <body><p style="红头">{{ mark }}</p><p>{{ issuer }}</p></body></template>
        """)
        let c = try w.realize("<template extends=\"base.xml\"><param name=\"issuer\" value=\"中共清河市委教育工作委员会\"/></template>")
        #expect(c.blocks.compactMap(\.paragraphText) == ["中共清河市委教育工作委员会文件", "中共清河市委教育工作委员会"])
        #expect(c.blocks[0].paragraph?.runs[0].style.color == .officialRed)
        // The data may override a parameter too.
        let d = try w.realize("<template extends=\"base.xml\"/>", data: "params:\n  issuer: 北关区教育局党组\n")
        #expect(d.blocks[1].paragraphText == "北关区教育局党组")
    }

    @Test func includesStayInsideTheirFolders() throws {
        let w = try Workspace()
        try w.write("parts/cover.xml", "<fragment><p>封面：{{ school }}</p></fragment>")
        let c = try w.realize(body("<include src=\"parts/cover.xml\"/>"), data: Self.data)
        #expect(c.blocks[0].paragraphText == "封面：青石桥实验小学")
        let e = w.error(body("<include src=\"/etc/hostname\"/>"))
        #expect(e?.message.contains("outside the template's and the data's folders") == true)
    }

    // MARK: Errors name file, line and column

    @Test func unknownElement() throws {
        let e = try #require(Workspace().error("<template><body>\n  <para>x</para></body></template>"))
        #expect(e.location?.line == 2 && e.location?.column == 3)
        #expect(e.problem.chinese == "未知的元素 <para>" && e.problem.english == "unknown element <para>")
        #expect(e.problem.hint?.contains("可用：") == true)
    }

    /// A mistyped element or filter is answered with the closest name (edit distance) and the list.
    @Test func unknownNamesSuggestTheClosest() throws {
        let element = try #require(Workspace().error("<template><body>\n  <tabel>x</tabel></body></template>"))
        #expect(element.problem.hint?.hasPrefix("您是不是要用 table？") == true, "\(element.problem)")
        let filter = try #require(Workspace().error("<template><body>\n<p>{{ school | dat }}</p></body></template>", data: Self.data))
        #expect(filter.problem.hint?.hasPrefix("您是不是要用 date？") == true, "\(filter.problem)")
        #expect(filter.problem.location?.line == 2)
    }

    @Test func unknownAttribute() throws {
        let e = try #require(Workspace().error("<template><body>\n<p algin=\"center\">x</p></body></template>"))
        #expect(e.location?.line == 2 && e.location?.column == 4)
        #expect(e.message.contains("has no attribute ‘algin’"))
    }

    @Test func unknownFilter() throws {
        let e = try #require(Workspace().error("<template><body>\n<p>{{ school | shout }}</p></body></template>", data: Self.data))
        #expect(e.location?.line == 2 && e.location?.column == 7)
        #expect(e.problem.english == "unknown filter ‘shout’" && e.problem.hint?.contains("cn_number") == true)
    }

    @Test func fieldMissingFromData() throws {
        let e = try #require(Workspace().error("<template><body>\n<p>发文：\n  {{ issuer }}</p></body></template>", data: Self.data))
        #expect(e.location?.line == 3 && e.location?.column == 6)
        #expect(e.message.hasPrefix("数据中没有“issuer”") && e.problem.english == "the data has no ‘issuer’")
        // Typed, so that a caller (wenshu batch) need not read the message to know.
        #expect(e.missingValue == "issuer")
        let other = try #require(Workspace().error("<template><body><p>{{ school | shout }}</p></body></template>", data: Self.data))
        #expect(other.missingValue == nil)
    }

    @Test func malformedExpression() throws {
        let e = try #require(Workspace().error("<template><body><p>{{ school | }}</p></body></template>", data: Self.data))
        #expect(e.message.contains("expected a filter name"))
    }

    @Test func badXML() throws {
        let e = try #require(Workspace().error("<template><body><p>x</body></template>"))
        #expect(e.location?.line == 1)
    }

    @Test func billionLaughsAndDoctypesAreRefused() throws {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for i in 1...9 { xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        xml += "]><template><body><p>&lol9;</p></body></template>"
        #expect(try Workspace().error(xml) != nil)
    }

    @Test func badStyleValues() throws {
        let e = try #require(Workspace().error("<template><body><p size=\"huge\">x</p></body></template>"))
        #expect(e.message.contains("expected a 字号"))
    }
}
