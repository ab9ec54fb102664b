import Foundation
import Testing
import WenshuCore
import ZIPFoundation
@testable import Wenshu
@testable import WenshuDocx

/// The package as a whole: its parts, their types and relationships, and the samples.
@Suite struct DocxWriterTests {
    @Test func everyPartIsWellFormedAndDeclared() throws {
        let content = DocumentContent(master: .officialDocument(), blocks: [paragraph("为深入贯彻落实……", style: "正文")])
        let parts = try docxParts(content)
        for name in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                     "word/styles.xml", "word/settings.xml", "docProps/core.xml"] {
            let xml = try #require(parts[name], "\(name) missing")
            #expect(isWellFormed(xml), "\(name) is not well-formed")
        }
        let types = try #require(parts["[Content_Types].xml"])
        #expect(types.contains(#"PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml""#))
        // Every header and footer part is declared and related from the document.
        let rels = try #require(parts["word/_rels/document.xml.rels"])
        for name in parts.keys where name.hasPrefix("word/footer") || name.hasPrefix("word/header") {
            let part = String(name.dropFirst("word/".count))
            #expect(types.contains("/word/\(part)"), "\(part) has no content type")
            #expect(rels.contains(#"Target="\#(part)""#), "\(part) is not related")
            #expect(isWellFormed(parts[name] ?? ""))
        }
    }

    @Test func theZipOpensWithTheContentTypesFirst() throws {
        let data = try DocxWriter(content: DocumentContent(blocks: [paragraph("正文")])).data()
        let archive = try Archive(data: data, accessMode: .read)
        let names = archive.map(\.path)
        #expect(names.first == "[Content_Types].xml")
        #expect(names.contains("word/document.xml") && names.contains("_rels/.rels"))
    }

    @Test func textIsEscapedAndControlCharactersDropped() throws {
        let parts = try docxParts(DocumentContent(blocks: [paragraph("A&B <c> \u{1}“引号”")]))
        let doc = try #require(parts["word/document.xml"])
        #expect(doc.contains("A&amp;B &lt;c&gt; “引号”"))
        #expect(isWellFormed(doc))
    }

    @Test func theNoticeSampleKeepsItsNamedStyles() throws {
        let builder = DocumentBuilder(templateSearchPaths: [repositoryRoot + "/templates"])
        let (content, _) = try builder.build(template: "notice", data: [repositoryRoot + "/samples/notice/data.yaml"])
        let parts = try docxParts(content)
        let styles = try #require(parts["word/styles.xml"]), doc = try #require(parts["word/document.xml"])
        for name in ["正文", "标题", "标题 1", "主送", "附件", "落款", "发文机关标志", "发文字号", "版记"] {
            #expect(styles.contains(#"<w:name w:val="\#(name)"/>"#), "no style \(name)")
        }
        // 一、总体目标 is a 标题 1 paragraph; the attachments are 附件; the mark is red 小标宋.
        #expect(doc.contains(#"<w:pStyle w:val="Heading1"/>"#))
        #expect(count(#"<w:pStyle w:val="Attachment"/>"#, in: doc) == 2)
        #expect(styles.contains(#"w:eastAsia="方正小标宋简体""#) && styles.contains(#"<w:color w:val="E60012"/>"#))
        // The red rule is the number paragraph's bottom border; the seal floats over the signature.
        #expect(doc.contains(#"<w:bottom w:val="single" w:sz="18""#) && doc.contains(#"w:color="E60012"/></w:pBdr>"#))
        #expect(doc.contains("<wp:anchor") && doc.contains(#"behindDoc="0""#))
        #expect(isWellFormed(doc))
    }

    @Test func typesetReportTextNamesItsHeadings() throws {
        let report = ReportDocument(source: "关于开展创建工作的报告\n\n一、总体目标\n\n坚持以党的政治建设为统领。\n\n（一）理念先进\n\n正文。")
        let parts = try docxParts(DocumentContent(master: report.master, blocks: report.blocks))
        let doc = try #require(parts["word/document.xml"])
        for id in ["Title", "Heading1", "Heading2", "BodyText"] { #expect(doc.contains(#"<w:pStyle w:val="\#(id)"/>"#), "\(id)") }
    }
}
