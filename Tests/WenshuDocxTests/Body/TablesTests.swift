import Testing
import WenshuCore
@testable import WenshuDocx

/// Tables: grid columns, spans across (gridSpan) and down (vMerge), repeated header rows,
/// row heights.
@Suite struct TablesTests {
    static func cell(_ text: String, colspan: Int = 1, rowspan: Int = 1) -> TableCell {
        TableCell(content: [paragraph(text, size: 14)], colspan: colspan, rowspan: rowspan)
    }

    /// 2 columns × 3 rows: a header spanning both, a label down two rows beside two values.
    static let table = TableBlock(columns: [.fixed(.mm(30)), .fraction(1)], rows: [
        TableRow(cells: [cell("评估项目", colspan: 2)]),
        TableRow(cells: [cell("创建思想", rowspan: 2), cell("1.有明确的")], minHeight: .mm(20)),
        TableRow(cells: [cell("2.党组织")], keepWhole: true),
    ], headerRows: 1)

    @Test func columnWidthsShareWhatTheFixedOnesLeave() {
        let w = DocumentWriter.columnWidths([.fixed(.mm(30)), .fraction(1), .fraction(3)], width: .mm(150))
        #expect(w[0].approximatelyEquals(.mm(30)) && w[1].approximatelyEquals(.mm(30)) && w[2].approximatelyEquals(.mm(90)))
    }

    @Test func slotsPlaceRowSpansAndColumnSpans() {
        let slots = DocumentWriter.layoutSlots(Self.table, columns: 2)
        #expect(slots.count == 3)
        guard case .cell(let header) = slots[0][0] else { Issue.record("no header cell"); return }
        #expect(header.colspan == 2 && slots[0].count == 1)
        guard case .continued(let span) = slots[2][0] else { Issue.record("the label does not continue down"); return }
        #expect(span == 1)
        guard case .cell(let value) = slots[2][1] else { Issue.record("the second value is misplaced"); return }
        #expect(value.content.count == 1)
    }

    @Test func aSpanIsCutAtTheGridsEdge() {
        let t = TableBlock(columns: [.fraction(1), .fraction(1)], rows: [TableRow(cells: [Self.cell("宽", colspan: 5)])])
        guard case .cell(let c) = DocumentWriter.layoutSlots(t, columns: 2)[0][0] else { Issue.record("no cell"); return }
        #expect(c.colspan == 2)
    }

    @Test func theTableXMLMergesRepeatsAndHoldsHeights() throws {
        let parts = try docxParts(DocumentContent(master: .officialDocument(), blocks: [.table(Self.table)]))
        let doc = try #require(parts["word/document.xml"])
        #expect(isWellFormed(doc))
        #expect(count("<w:gridCol ", in: doc) == 2)
        #expect(doc.contains(#"<w:gridSpan w:val="2"/>"#))
        #expect(doc.contains(#"<w:vMerge w:val="restart"/>"#) && doc.contains("<w:vMerge/>"))
        #expect(count("<w:tblHeader/>", in: doc) == 1)
        #expect(doc.contains(#"<w:trHeight w:val="1134" w:hRule="atLeast"/>"#))   // 20 mm
        #expect(doc.contains("<w:cantSplit/>"))
        // Table paragraphs default to 表格文字; the body ends with a paragraph after the table.
        #expect(parts["word/styles.xml"]?.contains(#"<w:name w:val="表格文字"/>"#) == true)
        #expect(doc.contains("</w:tbl><w:p>"))
    }

    @Test func aCellHoldingOnlyItsFootSetsItAtTheBottom() throws {
        let foot = TableCell(content: [], foot: [paragraph("（盖章）年　月　日", size: 14)])
        let t = TableBlock(columns: [.fraction(1)], rows: [TableRow(cells: [foot], minHeight: .mm(40))])
        let doc = try #require(try docxParts(DocumentContent(blocks: [.table(t)]))["word/document.xml"])
        #expect(doc.contains(#"<w:vAlign w:val="bottom"/>"#))
    }
}
