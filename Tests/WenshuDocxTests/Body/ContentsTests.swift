import Testing
import WenshuCore
@testable import WenshuDocx

/// The contents: a TOC field whose entries link to bookmarks on the headings.
@Suite struct ContentsTests {
    @Test func contentsIsATOCFieldOverBookmarkedHeadings() throws {
        let content = DocumentContent(master: .officialDocument(), blocks: [
            .contents(ContentsBlock(levels: 1)),
            paragraph("第一章", style: "一级标题", bookmark: 1), paragraph("（一）小节", style: "二级标题", bookmark: 2),
            paragraph("第二章", style: "一级标题", bookmark: 1),
        ])
        let parts = try docxParts(content)
        let doc = try #require(parts["word/document.xml"])
        #expect(isWellFormed(doc))
        #expect(doc.contains(#" TOC \o "1-1" \h \z \u "#))
        #expect(count("<w:bookmarkStart ", in: doc) == 3)
        // Two entries at level 1, each a link to its heading's bookmark with a PAGEREF.
        #expect(count("<w:hyperlink w:anchor=\"_Toc", in: doc) == 2 && count(" PAGEREF _Toc", in: doc) == 2)
        for name in doc.matches(of: /w:anchor="(_Toc\d+)"/).map({ String($0.1) }) {
            #expect(doc.contains(#"w:name="\#(name)""#), "no bookmark \(name)")
        }
        #expect(count(#"w:fldCharType="begin""#, in: doc) == count(#"w:fldCharType="end""#, in: doc))
        #expect(parts["word/settings.xml"]?.contains("<w:updateFields") == true)
    }

    @Test func entriesShowTheLayoutsPageLabelsUntilWordUpdatesThem() throws {
        let content = DocumentContent(blocks: [
            .contents(ContentsBlock(levels: 1)), paragraph("前言", style: "章标题", bookmark: 1), paragraph("青石桥实验小学", style: "章标题", bookmark: 1),
        ])
        let doc = try #require(try DocxWriter(content: content, headingPages: [("前言", "1"), ("青石桥实验小学", "3")]).parts()["word/document.xml"])
        #expect(doc.contains(#"<w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">3</w:t></w:r>"#.replacingOccurrences(of: "<w:fldCharType", with: "<w:fldChar w:fldCharType")))
    }
}
