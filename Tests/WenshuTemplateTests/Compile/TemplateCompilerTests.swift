import Foundation
import Testing
import WenshuCore
import WenshuData
@testable import WenshuTemplate

/// The compile pass: bad values and misplaced elements are errors at their place when the template
/// is read, never a silent build.
@Suite struct TemplateCompilerTests {
    func body(_ inner: String) -> String { "<template><body>\n\(inner)</body></template>" }

    /// The error loading (compiling) `template` alone, with no data.
    func loadError(_ template: String) throws -> TemplateError {
        let w = try Workspace()
        try w.write("t.xml", template)
        do { _ = try TemplateLoader(searchPaths: [w.dir]).load(w.dir + "/t.xml") } catch let e as TemplateError { return e }
        throw TemplateError("no error", at: nil)
    }

    @Test func ruleWidthThickIsRefused() throws {
        let e = try loadError(body("<rule width=\"thick\"/>"))
        #expect(e.location?.line == 2 && e.location?.column == 7)
        #expect(e.message.hasPrefix("<rule> 的 width=\"thick\" 不可用：应为字号或长度"))
    }

    @Test func ruleColorBleuIsRefused() throws {
        // Before: a colour that did not parse drew the rule black.
        let e = try loadError(body("<rule color=\"bleu\"/>"))
        #expect(e.message.contains("应为颜色") && e.message.contains("expected a colour"))
        #expect(e.location?.column == 7)
    }

    @Test func paragraphColorBleuIsRefused() throws {
        let e = try loadError(body("<p color=\"bleu\">x</p>"))
        #expect(e.message.hasPrefix("<p> 的 color=\"bleu\" 不可用"))
    }

    @Test func colspanTwoIsRefused() throws {
        let e = try loadError(body("<table columns=\"1fr 1fr\"><row><cell colspan=\"two\">x</cell></row></table>"))
        #expect(e.message.contains("colspan=\"two\"") && e.message.contains("应为整数"))
        #expect(e.location?.line == 2)
    }

    @Test func alignMiddelSuggestsCenter() throws {
        let e = try loadError(body("<p align=\"middel\">x</p>"))
        #expect(e.message.contains("justify、left、center、right、distribute"))
        #expect(e.message.contains("您是不是要用 center？"))
    }

    @Test func valignMiddelIsRefused() throws {
        // Before: an unknown valign set the cell's text at the top.
        let e = try loadError(body("<table><row><cell valign=\"middel\">x</cell></row></table>"))
        #expect(e.message.contains("您是不是要用 middle？"))
    }

    @Test func tableInsideACellIsRefused() throws {
        // Before: the inner table vanished and the build said nothing.
        let e = try loadError(body("<table><row><cell>\n  <table><row><cell>x</cell></row></table></cell></row></table>"))
        #expect(e.message.hasPrefix("<table> 不能放在 <cell> 里"))
        #expect(e.location?.line == 3 && e.location?.column == 3)
    }

    @Test func tableInsideALoopInACellIsRefused() throws {
        let e = try loadError(body("<table><row><cell><each in=\"xs\" as=\"x\"><table/></each></cell></row></table>"))
        #expect(e.message.hasPrefix("<table> 不能放在 <each> 里"))
    }

    @Test func elseOutsideAnIfIsRefused() throws {
        // Before: a stray <else/> among blocks was dropped.
        let e = try loadError(body("<p>a</p><else/><p>b</p>"))
        #expect(e.message.hasPrefix("<else> 不能放在 <body> 里"))
    }

    @Test func imageAlignMiddelIsRefused() throws {
        // Before: an alignment that did not parse centred the image.
        let e = try loadError(body("<image src=\"a.png\" align=\"middel\"/>"))
        #expect(e.message.contains("您是不是要用 center？"))
    }

    @Test func flagsTakeOnlyTrueOrFalse() throws {
        // Before: anything but "true" (keep="maybe", odd="yes") was read as false.
        let e = try loadError(body("<table><row keep=\"maybe\"><cell>x</cell></row></table>"))
        #expect(e.message.hasPrefix("<row> 的 keep=\"maybe\" 不可用：应为 true、false 之一"))
    }

    @Test func textStraightInATableIsRefused() throws {
        // Before: text between rows was dropped.
        let e = try loadError(body("<table>备注<row><cell>x</cell></row></table>"))
        #expect(e.message.contains("<table> 里不能直接写文字“备注”"))
    }

    @Test func misspeltElementAndAttributeGetAHint() throws {
        #expect(try loadError(body("<tabel/>")).message.contains("您是不是要用 table？"))
        #expect(try loadError(body("<p algin=\"center\">x</p>")).message.contains("您是不是要用 align？"))
    }

    @Test func expressionsAreParsedWhenTheTemplateIsRead() throws {
        // Before: a bad expression in a branch the data never took was never read.
        let e = try loadError(body("<if test=\"false\"><p>{{ school | }}</p></if>"))
        #expect(e.message.hasPrefix("表达式"))
        #expect(e.location?.line == 2)
    }

    @Test func filledValuesUseTheSameDecoder() throws {
        let e = try #require(Workspace().error(body("<p color=\"{{ c }}\">x</p>"), data: "c: bleu"))
        #expect(e.message.hasPrefix("<p> 的 color=\"bleu\" 不可用：应为颜色"))
        #expect(e.location?.file.hasSuffix("t.xml") == true && e.location?.line == 2)
        let ok = try Workspace().realize(body("<p color=\"{{ c }}\">x</p>"), data: "c: red")
        #expect(ok.blocks[0].paragraph?.runs[0].style.color == .officialRed)
    }

    @Test func textFromDataCarriesItsPlace() throws {
        let c = try Workspace().realize(body("<p>校名：{{ town }}</p><text value=\"essay\"/>"), data: "town: 青石桥小学\nessay: 坚持立德树人。")
        let runs = try #require(c.blocks[0].paragraph?.runs)
        #expect(runs.map(\.text) == ["校名：", "青石桥小学"], "the value from the data is a run of its own")
        #expect(runs[0].place == nil)
        #expect(runs[1].place?.file.hasSuffix("d.yaml") == true && runs[1].place?.line == 1)
        #expect(c.blocks[1].paragraph?.runs[0].place?.line == 2)
    }

    @Test func freeVariablesComeFromTheTree() throws {
        let w = try Workspace()
        try w.write("t.xml", """
        <template>
          <param name="issuer" value="{{ school }}委员会"/>
          <page name="p"><header>{{ title }}</header></page>
          <body>
            <p>{{ issuer }}：{{ brand.name | default "—" }}</p>
            <each in="photos" as="ph"><image src="{{ ph.file }}" caption="{{ ph.caption }} {{ loop.index }}"/></each>
            <if test="members > 50"><each in="groups" as="g"><each in="g.people" as="m"><p>{{ m.name }}</p></each></each></if>
          </body>
        </template>
        """)
        let t = try TemplateLoader(searchPaths: [w.dir]).load(w.dir + "/t.xml")
        #expect(t.freeVariables == ["brand.name", "groups", "groups[].people", "groups[].people[].name", "members", "photos",
                                    "photos[].caption", "photos[].file", "school", "title"])
        #expect(t.freeVariablePlaces["members"]?.line == 7)
    }
}

/// The shipped templates compile, and their free variables are the data they print.
@Suite struct ShippedTemplateCompileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/templates"
    static let names = ["application", "application-blank", "application-form", "certificate", "certificate-folded", "compilation", "notice", "plan",
                        "scoring", "scoring-blank", "scoring-summary"]

    @Test(arguments: names) func compiles(name: String) throws {
        let t = try TemplateLoader(searchPaths: [Self.folder]).load(name)
        #expect(t.body != nil)
        #expect(!t.freeVariables.contains { $0.hasPrefix("loop.") }, "the loop counter is not data")
        #expect(!t.freeVariables.contains { t.parameterNames.contains($0) }, "parameters are not data")
    }

    @Test func noticeReadsItsFields() throws {
        let t = try TemplateLoader(searchPaths: [Self.folder]).load("notice")
        let v = Set(t.freeVariables)
        for field in ["title", "addressees", "body", "attachments", "attachments[]", "date", "signer"] {
            #expect(v.contains(field), "\(field)")
        }
        #expect(!v.contains("mark") && !v.contains("issuer"), "mark and issuer are parameters (the data may override them)")
    }
}
