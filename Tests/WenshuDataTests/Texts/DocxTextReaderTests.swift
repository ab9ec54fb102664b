import Foundation
import Testing
@testable import WenshuData

/// Word reports (issue 12): headings, bold, tables and pictures reported, revisions and embedded
/// objects refused.
@Suite struct DocxTextReaderTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Loaders/Fixtures/创建报告.docx").path

    /// A .docx of the given body XML (the w:body's content), made as Word lays out the package.
    static func docx(_ body: String) throws -> Data {
        let path = NSTemporaryDirectory() + "wenshu-docx-\(UUID().uuidString).docx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        try XLSXFixture.writeParts([
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#),
            ("word/document.xml", #"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="\#(w)"><w:body>\#(body)</w:body></w:document>"#),
        ], to: path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static func p(_ text: String, style: String? = nil, bold: Bool = false) -> String {
        let pPr = style.map { #"<w:pPr><w:pStyle w:val="\#($0)"/></w:pPr>"# } ?? ""
        let rPr = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>\(pPr)<w:r>\(rPr)<w:t>\(text)</w:t></w:r></w:p>"
    }

    @Test func aReportFromPythonDocxKeepsHeadingsAndBoldAndReportsTheRest() throws {
        let text = try DocxTextReader.read(try Data(contentsOf: URL(fileURLWithPath: Self.fixture)), file: Self.fixture)
        #expect(text.paragraphs.first?.level == 1 && text.paragraphs.first?.text == "品牌由来")
        let second = try #require(text.paragraphs.dropFirst().first)
        #expect(second.spans.map(\.bold) == [false, true, false])
        #expect(second.spans[1].text == "党员教师38名")
        #expect(text.text.contains("**党员教师38名**"))
        #expect(text.paragraphs.contains { $0.text == "三、创建成效" })
        // The table and the picture are reported with their paragraph, not lost silently.
        #expect(text.notes.count == 2, "\(text.notes)")
        #expect(text.notes.allSatisfy { $0.severity == .warning && $0.location?.place?.hasPrefix("第") == true })
        #expect(text.notes.contains { $0.chinese.contains("表格") && $0.chinese.contains("阶段") })
        #expect(text.notes.contains { $0.chinese.contains("图片") })
    }

    /// A heading known by its Word style alone (no 一、) stays a heading of that level in the text
    /// the template prints; a numbered one keeps its number as its mark.
    @Test func aStyledHeadingWithoutANumberStaysAHeading() throws {
        let text = try DocxTextReader.read(try Self.docx(Self.p("品牌由来", style: "Heading1") + Self.p("一、主要做法", style: "Heading1")
                                                         + Self.p("学校创办于1958年。")), file: "a.docx")
        let report = ReportText(text.text)
        #expect(report.paragraphs.map(\.level) == [1, 1, nil], "\(text.text)")
        #expect(report.paragraphs.first?.heading == "品牌由来")
        #expect(!text.text.contains("# 一、"), "a numbered heading needs no mark")
    }

    @Test(arguments: [("Heading2", 2), ("2", 2), ("标题 3", 3), ("heading 4", 4), ("Normal", nil), ("5", nil)] as [(String, Int?)])
    func headingStyles(style: String, level: Int?) throws {
        let text = try DocxTextReader.read(try Self.docx(Self.p("品牌内涵", style: style)), file: "a.docx")
        #expect(text.paragraphs.first?.level == level)
    }

    @Test func boldOffAndSplitRunsMerge() throws {
        let body = #"<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>甲</w:t></w:r><w:r><w:t xml:space="preserve">乙 </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>丙</w:t></w:r><w:r><w:rPr><w:b w:val="true"/></w:rPr><w:t>丁</w:t></w:r></w:p>"#
        let text = try DocxTextReader.read(try Self.docx(body), file: "a.docx")
        #expect(text.paragraphs[0].spans == [LongText.Span("甲乙 "), LongText.Span("丙丁", bold: true)])
        #expect(text.printedCount == 4)
    }

    @Test func trackedChangesAreRefusedWithWhatToDo() throws {
        let body = Self.p("一、品牌由来") + #"<w:p><w:ins w:id="1" w:author="王"><w:r><w:t>新加的话</w:t></w:r></w:ins></w:p>"#
        do {
            _ = try DocxTextReader.read(try Self.docx(body), file: "报告.docx")
            Issue.record("a document with tracked changes was read")
        } catch let error as DataError {
            #expect(error.message.hasPrefix("Word 文档含有修订（第2段起）"))
            #expect(error.message.contains("接受所有修订"))
            #expect(error.location?.file == "报告.docx")
        }
    }

    @Test func embeddedObjectsAreRefused() throws {
        let body = #"<w:p><w:r><w:object><v:shape xmlns:v="urn:schemas-microsoft-com:vml"/></w:object></w:r></w:p>"#
        #expect(throws: DataError.self) { _ = try DocxTextReader.read(try Self.docx(body), file: "a.docx") }
    }

    @Test func anOldDocOrAnEmptyDocumentIsExplained() throws {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))
        do { _ = try DocxTextReader.read(ole, file: "a.docx"); Issue.record("a .doc was read") } catch let e as DataError {
            #expect(e.message.contains("另存为 .docx"))
        }
        do { _ = try DocxTextReader.read(try Self.docx("<w:p/>"), file: "a.docx"); Issue.record("an empty document was read") } catch let e as DataError {
            #expect(e.message.contains("没有文字"))
        }
    }

    /// A text box (as Word writes it: AlternateContent, a drawing and its VML fallback) is one
    /// warning quoting its text; a chart is said as a chart, not a picture.
    @Test func textBoxesAndChartsAreReportedAsWhatTheyAre() throws {
        let mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
        let box = #"<w:p><w:r><mc:AlternateContent xmlns:mc="\#(mc)"><mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent><w:p><w:r><w:t>学校获评市级书香校园</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml"><w:txbxContent><w:p><w:r><w:t>学校获评市级书香校园</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#
        let chart = #"<w:p><w:r><w:drawing><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphicData></a:graphic></w:drawing></w:r></w:p>"#
        let text = try DocxTextReader.read(try Self.docx(Self.p("一、基本情况") + box + Self.p("正文。") + chart), file: "报告.docx")
        #expect(text.notes.count == 2, "\(text.notes)")
        #expect(text.notes.first?.chinese == "Word 文档中文本框里的文字（“学校获评市级书香校园”）未采用，正文只取段落文字")
        #expect(text.notes.first?.location?.place == "第2段")
        #expect(text.notes.last?.chinese.hasPrefix("Word 文档中的图表未采用") == true && text.notes.last?.location?.place == "第4段")
    }
}
