import Testing
import WenshuCore
@testable import WenshuDocx

/// The page as the template's: size, margins, GB/T 9704's 22 × 28 grid, page numbers as fields.
@Suite struct SectionsTests {
    static let parts = try! docxParts(DocumentContent(master: .officialDocument(), blocks: [paragraph("正文", style: "正文")]))

    @Test func theOfficialPageAndItsGrid() throws {
        let doc = try #require(Self.parts["word/document.xml"])
        #expect(doc.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(doc.contains(#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#))
        #expect(doc.contains(#"<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace=""#))
        // 22 lines fit the 225 mm type area; 28 characters of 16 pt + charSpace fit its 156 mm.
        let charSpace = DocumentWriter.charSpace(pitch: .mm(156) / 28, defaultSize: .pt(16))
        #expect(22 * 579 <= 12756 && 23 * 579 > 12756)
        let pitch = 16 + Double(charSpace) / 4096
        #expect(28 * pitch <= Length.mm(156).points && 29 * pitch > Length.mm(156).points)
    }

    @Test func pageNumbersAreFieldsInTheStandardsForm() throws {
        let settings = try #require(Self.parts["word/settings.xml"])
        #expect(settings.contains("<w:evenAndOddHeaders/>"))
        let footers = Self.parts.filter { $0.key.hasPrefix("word/footer") }.map(\.value)
        let odd = try #require(footers.first { $0.contains(#"<w:jc w:val="right"/>"#) })
        let even = try #require(footers.first { $0.contains(#"<w:jc w:val="left"/>"#) })
        for f in [odd, even] {
            #expect(f.contains(" PAGE ") && f.contains("— </w:t>") && f.contains(" —</w:t>") && f.contains(#"<w:pStyle w:val="Footer"/>"#))
        }
        // 4号 宋体, from the footer's style.
        let styles = try #require(Self.parts["word/styles.xml"])
        let footer = try #require(styles.firstMatch(of: /<w:style [^>]*w:styleId="Footer".*?<\/w:style>/)).0
        #expect(footer.contains(#"w:eastAsia="宋体""#) && footer.contains(#"<w:sz w:val="28"/>"#))
        #expect(odd.contains(#"<w:ind w:right="280""#) && even.contains(#"<w:ind w:left="280""#))   // one 4号 character in
    }

    @Test func sectionsRestartNumberingAndStartOnOddPages() throws {
        let cover = PageMaster(size: .a4, margins: Sides(all: .mm(30)), linePitch: .pt(28))
        var book = PageMaster.officialDocument(grid: false)
        book.header = Furniture(text: "{title}", alignment: .right)
        let content = DocumentContent(master: cover, blocks: [
            paragraph("封面"), .section(SectionBreak(master: book, restartNumbering: true, oddPage: true)),
            paragraph("第一章", style: "一级标题", bookmark: 1), paragraph("正文"),
        ])
        let parts = try docxParts(content)
        let doc = try #require(parts["word/document.xml"])
        #expect(count("<w:sectPr>", in: doc) == 2)
        #expect(doc.contains(#"<w:type w:val="oddPage"/>"#) && doc.contains(#"<w:pgNumType w:fmt="decimal" w:start="1"/>"#))
        #expect(doc.contains(#"<w:docGrid w:type="lines" w:linePitch="579"/>"#))
        // {title} in the running head is the top-level heading's style, by STYLEREF.
        let header = try #require(parts.first { $0.key.hasPrefix("word/header") && $0.value.contains("STYLEREF") }?.value)
        #expect(header.contains(#"STYLEREF "标题 1""#))
    }
}
