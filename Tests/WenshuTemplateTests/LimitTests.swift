import Foundation
import Testing
import WenshuCore
import WenshuData
@testable import WenshuTemplate

/// Hardening: every extreme a template or its data can hold is an error with its place, never a
/// trap, a hang or a silent build.
@Suite struct LimitTests {
    func body(_ inner: String) -> String { "<template><body>\(inner)</body></template>" }

    /// Defect 4: expressions nested 100,000 deep overflowed the stack.
    @Test(arguments: [
        String(repeating: "(", count: 100_000) + "name" + String(repeating: ")", count: 100_000),
        String(repeating: "not ", count: 100_000) + "name",
        "name" + String(repeating: " | trim", count: 100_000),
        "name" + String(repeating: " and name", count: 100_000),
    ])
    func deepExpressionsAreRefused(expression: String) throws {
        do { _ = try ExpressionParser.parse(expression); Issue.record("parsed") } catch {
            #expect(error.message.contains("表达式"))
        }
    }

    @Test func expressionDepthErrorPointsAtTheExpression() throws {
        let deep = String(repeating: "(", count: 1000) + "school" + String(repeating: ")", count: 1000)
        let e = try #require(Workspace().error(body("<p>\n{{ \(deep) }}</p>"), data: "school: 甲"))
        #expect(e.message.hasPrefix("表达式"))
        #expect(e.message.contains("64"))
        #expect(e.location?.line == 2)
        #expect(e.message.count < 400)
    }

    @Test func expressionsWithinTheBudgetStillWork() throws {
        let nested = String(repeating: "(", count: 60) + "n" + String(repeating: ")", count: 60)
        let content = try Workspace().realize(body("<p>{{ \(nested) | trim | trim }}</p>"), data: "n: 五")
        #expect(content.blocks.first?.paragraphText == "五")
    }

    /// Defect 6: line-pitch="0pt" trapped converting Double to Int.
    @Test func zeroLinePitchIsAnErrorAtTheAttribute() throws {
        let t = "<template>\n<page name=\"p\" preset=\"a4\" line-pitch=\"0pt\"/>\n<body page=\"p\"><p>甲</p></body></template>"
        let e = try #require(Workspace().error(t))
        #expect(e.message.contains("line-pitch"))
        #expect(e.location?.line == 2)
        #expect(e.location?.column == 28)
    }

    /// Defect 6: layout extremes that used to build silently.
    @Test(arguments: [
        "<page name=\"p\" size=\"-210mm 297mm\"/>", "<page name=\"p\" margin=\"200mm\"/>", "<page name=\"p\" margin-left=\"-5mm\"/>",
        "<page name=\"p\" margin-left=\"150mm\" margin-right=\"60mm\"/>", "<page name=\"p\" size=\"20mm 20mm\"/>",
        "<page name=\"p\" line-pitch=\"-3pt\"/>", "<page name=\"p\" grid=\"0x22\"/>", "<page name=\"p\" grid=\"28x1000000\"/>",
        "<page name=\"p\" number-size=\"-9pt\"/>", "<page name=\"p\" line-pitch=\"1e12pt\"/>",
    ])
    func pageExtremesAreRefused(page: String) throws {
        let t = "<template>\(page)<body page=\"p\"><p>甲</p></body></template>"
        let e = try #require(Workspace().error(t), "built silently: \(page)")
        #expect(e.location?.file.hasSuffix("t.xml") == true)
        #expect(e.message.contains("（"))
    }

    @Test(arguments: [
        "<space lines=\"1e12\"/>", "<space lines=\"-2\"/>", "<space height=\"-5mm\"/>", "<p size=\"-16pt\">甲</p>",
        "<p size=\"0pt\">甲</p>", "<p line-height=\"0pt\">甲</p>", "<p indent=\"1e9\">甲</p>", "<p space-before=\"1e12\">甲</p>",
        "<p fit=\"0 14pt\">甲</p>", "<p fit=\"1 -4pt\">甲</p>", "<table columns=\"-3cm 2fr\"><row><cell>甲</cell></row></table>",
        "<table columns=\"0fr\"><row><cell>甲</cell></row></table>", "<table header-rows=\"-1\"><row><cell>甲</cell></row></table>",
        "<table padding=\"-2mm\"><row><cell>甲</cell></row></table>", "<table><row min-height=\"-1cm\"><cell>甲</cell></row></table>",
        "<table><row min-height=\"-3行\"><cell>甲</cell></row></table>", "<table columns=\"auto car\"><row><cell>甲</cell></row></table>",
        "<table columns=\"1fr 1fr\"><row><cell colspan=\"3\">甲</cell></row></table>",
        "<table><row><cell rowspan=\"2\">甲</cell></row></table>",
        "<table><row><cell colspan=\"1e12\">甲</cell></row></table>", "<rule width=\"-1pt\"/>", "<contents levels=\"9\"/>",
        "<p style=\"大\">甲</p>",
    ])
    func blockExtremesAreRefused(block: String) throws {
        let t = "<template><style name=\"大\" size=\"{{ big }}\"/><body>\n\(block)</body></template>"
        let e = try #require(Workspace().error(t, data: "big: 2000pt"), "built silently: \(block)")
        #expect(e.location?.line == 2 || e.location?.line == 1)
    }

    /// Defect 8: seven fragments each including the next ten times made 10^6 paragraphs.
    @Test(.timeLimit(.minutes(1)))
    func includeBombIsRefused() throws {
        let w = try Workspace()
        for i in 1...6 {
            try w.write("f\(i).xml", "<fragment>" + String(repeating: "<include src=\"f\(i + 1).xml\"/>", count: 10) + "</fragment>")
        }
        try w.write("f7.xml", "<fragment><p>炸</p></fragment>")
        let e = try #require(w.error(body("<include src=\"f1.xml\"/>")))
        #expect(e.message.contains("include"))
        #expect(e.message.contains("1000"))
    }

    /// Defect 7: a FIFO as an include blocked for ever.
    @Test(.timeLimit(.minutes(1)))
    func fifoIncludeIsRefused() throws {
        let w = try Workspace()
        #expect(mkfifo(w.dir + "/part.xml", 0o600) == 0)
        let e = try #require(w.error(body("<include src=\"part.xml\"/>")))
        #expect(e.message.contains("命名管道"))
    }

    /// Defect 1 (through the realizer): a data value naming a folder as the seal.
    @Test func folderAsSealIsAnError() throws {
        let e = try #require(Workspace().error(body("<signature issuer=\"甲\" date=\"乙\" seal=\"{{ seal }}\"/>"), data: "seal: \".\""))
        #expect(e.message.contains("文件夹"))
    }

    /// Defect 12: a map or a null where text belongs printed blank; now an error at the data value.
    @Test func mapUsedAsTextIsAnErrorAtTheData() throws {
        let e = try #require(Workspace().error(body("<p>{{ 姓名 }}</p>"), data: "姓名:\n  姓: 张\n  名: 三\n"))
        #expect(e.message.hasPrefix("姓名 应为文字，这里是一组键值"))
        #expect(e.location?.file.hasSuffix("d.yaml") == true)
        #expect(e.location?.line == 2)
    }

    @Test func nullUsedAsTextIsAnError() throws {
        let e = try #require(Workspace().error(body("<p>{{ 姓名 }}</p>"), data: "姓名: ~\n"))
        #expect(e.message.hasPrefix("姓名 应为文字，这里是空值"))
        #expect(e.location?.file.hasSuffix("d.yaml") == true)
    }

    @Test func mapInsideALoopPointsAtItsItem() throws {
        let data = "people:\n  - 甲\n  - {a: 1}\n"
        let e = try #require(Workspace().error(body("<each in=\"people\" as=\"x\"><p>{{ x }}</p></each>"), data: data))
        #expect(e.location?.line == 3)
    }

    @Test func defaultStillCoversANull() throws {
        let content = try Workspace().realize(body("<p>{{ 姓名 | default \"无\" }}</p>"), data: "姓名: ~\n")
        #expect(content.blocks.first?.paragraphText == "无")
    }

    /// Defect 13: libxml2's own text never reaches the user.
    @Test(arguments: ["<template><body><p>甲</body></template>", "<template><body><p a=\"1\" a=\"2\">甲</p></body></template>",
                      "<template><body><p>&nbsp;</p></body></template>", "<template>\u{0}</template>", ""])
    func xmlErrorsAreSaidInChinese(text: String) throws {
        let w = try Workspace()
        try w.write("t.xml", text)
        do { _ = try TemplateLoader(searchPaths: [w.dir]).load(w.dir + "/t.xml"); Issue.record("loaded") } catch let e as TemplateError {
            #expect(e.message.hasPrefix("模板"))
            #expect(!e.message.contains("internal error"))
            for raw in ["Premature end", "Attribute a redefined", "Entity 'nbsp'", "Document is empty", "Char 0x0", "not found"] {
                #expect(!e.message.contains(raw))
            }
        }
    }

    @Test func hugeTemplateIsRefusedBeforeParsing() throws {
        let w = try Workspace()
        try w.write("t.xml", "<template><body><p>" + String(repeating: "甲", count: 400_000) + "</p></body></template>")
        do { _ = try TemplateLoader(searchPaths: [w.dir]).load(w.dir + "/t.xml"); Issue.record("loaded") } catch let e as TemplateError {
            #expect(e.message.contains("文件太大"))
        }
    }
}

extension LimitTests {
    /// Defect 9: the images of one document are held to a total, read from their headers only.
    @Test func documentImagesAreHeldToATotal() throws {
        let w = try Workspace()
        let be = { (v: Int) -> [UInt8] in [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + Array("IHDR".utf8) + be(7000) + be(7000)
        png += [8, 2, 0, 0, 0, 0, 0, 0, 0] + be(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        var images = ""
        for i in 1...9 {
            try Data(png).write(to: URL(fileURLWithPath: w.dir + "/p\(i).png"))
            images += "<image src=\"p\(i).png\"/>"
        }
        let e = try #require(w.error(body(images)))
        #expect(e.message.contains("合计超过 400 百万像素"))
    }
}

extension LimitTests {
    /// Elements nested 250 deep (libxml2's limit is 256) overflowed the realizer's stack.
    @Test func deepElementNestingIsRefused() throws {
        let deep = String(repeating: "<if test=\"true\">", count: 250) + "<p>深</p>" + String(repeating: "</if>", count: 250)
        let e = try #require(Workspace().error(body(deep)))
        #expect(e.message.hasPrefix("元素嵌套超过 48 层"))
        let fine = String(repeating: "<if test=\"true\">", count: 40) + "<p>深</p>" + String(repeating: "</if>", count: 40)
        #expect(try Workspace().realize(body(fine)).blocks.count == 1)
    }

    /// Nesting counts through includes: a fragment including itself stops at the include depth.
    @Test func selfIncludeStops() throws {
        let w = try Workspace()
        try w.write("loop.xml", "<fragment><include src=\"loop.xml\"/></fragment>")
        let e = try #require(w.error(body("<include src=\"loop.xml\"/>")))
        #expect(e.message.hasPrefix("include 嵌套超过 16 层"))
    }
}

extension LimitTests {
    /// A number from the data that 中文数字 cannot spell is reported at the data's line.
    @Test func filterFailureOnDataPointsAtTheData() throws {
        let e = try #require(Workspace().error(body("<p>{{ n | 中文数字 }}</p>"), data: "a: 1\nn: 1e20\n"))
        #expect(e.location?.file.hasSuffix("d.yaml") == true)
        #expect(e.location?.line == 2)
        #expect(e.message.contains("999999999999"))
    }
}

extension LimitTests {
    /// Lengths and numbers filled from {{ }} are used and checked, on every element: they used to be
    /// ignored (a space of one line) outside styled elements.
    @Test func filledLengthsAreUsedAndChecked() throws {
        let space = try Workspace().realize(body("<space lines=\"{{ n }}\"/>"), data: "n: 3")
        guard case .space(let lines)? = space.blocks.first else { Issue.record("\(space.blocks)"); return }
        #expect(lines == 3)
        let e = try #require(Workspace().error(body("\n<space lines=\"{{ n }}\"/>"), data: "n: 1e12"))
        #expect(e.message.contains("lines"))
        #expect(e.location?.line == 2)
        let page = "<template><page name=\"p\" margin=\"{{ m }}\"/><body page=\"p\"><p>甲</p></body></template>"
        #expect(try Workspace().error(page, data: "m: 200mm") != nil)
        #expect(try Workspace().realize(page, data: "m: 20mm").master.margins.left.approximatelyEquals(.mm(20)))
    }
}
