import Testing
import WenshuCore
import WenshuRender
@testable import WenshuLayout

/// Cutting a table into page slices.
extension TableLayoutTests {
    static let essay = TableFixture.text(2000)
    static let headerRow = TableRow(cells: [TableFixture.cell("项目", alignment: .center), TableFixture.cell("内容", alignment: .center)])

    /// A 申报书 page: a header row, a name row, the 品牌建设情况 row with its 2000 characters, the opinion row.
    static func applicationForm() -> TableBlock {
        let foot = [F.paragraph("（盖章）", alignment: .right), F.paragraph("年　月　日", alignment: .right)]
        return TableBlock(columns: [.fixed(.pt(100)), .fraction(1)], rows: [
            headerRow,
            TableRow(cells: [F.cell("学校名称"), F.cell("某某市第一中学")]),
            TableRow(cells: [F.cell("品牌建设情况", vertical: .middle),
                             TableCell(content: [F.paragraph(essay, style: F.fangsong12, alignment: .justified, indent: 2)])]),
            TableRow(cells: [F.cell("学校意见", vertical: .middle), TableCell(content: [], foot: foot)], minHeight: .pt(200)),
        ], headerRows: 1)
    }

    /// The lines of the text column (right of x 100) set in `size`.
    func columnText(_ slice: TableSlice, size: Length = .pt(12)) -> [String] {
        F.lines(slice.frame).filter { $0.x > .pt(100) && $0.size == size }.map(\.text)
    }

    @Test func longCellSplitsWithHeaderAndLabelRepeated() throws {
        let table = try F.prepare(Self.applicationForm())
        let slices = F.slices(table, available: .pt(600))
        #expect(slices.count == 3)
        var joined = ""
        for (n, slice) in slices.enumerated() {
            #expect(slice.height <= .pt(600))
            let lines = F.lines(slice.frame)
            // The header row on top of every slice.
            let header = try #require(lines.first)
            let headerBaseline: Double = 4 + 3.5 + 0.88 * 14
            #expect(header.text == "项目" && header.y.near(.pt(headerBaseline)), "slice \(n + 1)")
            #expect(lines.contains { $0.text == "内容" })
            // The label beside every piece of its row.
            #expect(lines.filter { $0.text == "品牌建设情况" }.count == 1, "slice \(n + 1)")
            let essayLines = columnText(slice)
            #expect(essayLines.count >= 2, "slice \(n + 1)")
            joined += essayLines.joined()
        }
        #expect(joined == Self.essay)
        // The name row once, at the start; the opinion with its foot at the end.
        #expect(F.lines(slices[0].frame).contains { $0.text == "某某市第一中学" })
        #expect(!F.lines(slices[1].frame).contains { $0.text == "某某市第一中学" })
        #expect(F.lines(slices[2].frame).contains { $0.text == "学校意见" })
        #expect(slices[2].next == nil && slices[0].next != nil)
        #expect(slices[0].next?.isInsideSplitRow == true)
        // Continued lines start at the top of the cell under the header.
        let first = try #require(F.lines(slices[1].frame).first { $0.x > .pt(100) && $0.size == .pt(12) })
        let continued: Double = 29 + 4 + 3 + 0.88 * 12
        #expect(first.y.near(.pt(continued)))
    }

    @Test func sliceTraceShowsHeaderAndLabel() throws {
        let table = try F.prepare(Self.applicationForm())
        let slices = F.slices(table, available: .pt(600))
        let trace = F.trace(slices[1])
        #expect(trace.hasPrefix("page 1 450.00x"))
        // The header's two cells share a baseline, so the trace prints them as one line.
        #expect(trace.contains("|项目内容|") && trace.contains("|品牌建设情况|"))
        #expect(!trace.contains("|学校名称|"))
    }

    @Test func minimumHeightRowMovesWhole() throws {
        let table = try F.prepare(TableBlock(columns: [.fixed(.pt(100)), .fraction(1)], rows: [
            Self.headerRow,
            TableRow(cells: [F.cell("学校名称"), F.cell("某某市第一中学")]),
            TableRow(cells: [F.cell("学校意见", vertical: .middle), F.cell("同意。")], minHeight: .pt(200)),
        ], headerRows: 1))
        let first = try #require(table.slice(from: table.start, available: .pt(29 + 29 + 150)))
        #expect(first.height.near(.pt(58)))
        #expect(!F.lines(first.frame).contains { $0.text == "学校意见" || $0.text == "同意。" })
        let next = try #require(first.next)
        #expect(next.row == 2 && !next.isInsideSplitRow)
        let second = try #require(table.slice(from: next, available: .pt(600)))
        #expect(second.height.near(.pt(229)) && second.next == nil)
        #expect(F.lines(second.frame).contains { $0.text == "同意。" })
        // Alone on a page, the header and the minimum height do not fit in 200 pt: nil.
        #expect(table.slice(from: next, available: .pt(200)) == nil)
    }

    func tenLineRow(keepWhole: Bool) -> TableBlock {
        TableBlock(columns: [.fixed(.pt(100)), .fraction(1)], rows: [
            Self.headerRow,
            TableRow(cells: [F.cell("学校名称"), F.cell("某某市第一中学")]),
            TableRow(cells: [F.cell("工作举措"), TableCell(content: [F.paragraph(F.text(275), style: F.fangsong12)])],
                     keepWhole: keepWhole),
        ], headerRows: 1)
    }

    @Test func keepWholeRowMovesWhole() throws {
        let available = Length.pt(29 + 29 + 100)
        let free = try F.prepare(tenLineRow(keepWhole: false))
        let split = try #require(free.slice(from: free.start, available: available))
        #expect(columnText(split).count == 5)  // (100 − 8) / 18 lines fit

        let kept = try F.prepare(tenLineRow(keepWhole: true))
        let first = try #require(kept.slice(from: kept.start, available: available))
        #expect(columnText(first).isEmpty && first.height.near(.pt(58)))
        let after = try #require(first.next)
        let second = try #require(kept.slice(from: after, available: .pt(600)))
        #expect(columnText(second).count == 10 && second.next == nil)
        let whole: Double = 29 + 8 + 180
        #expect(second.height.near(.pt(whole)))
    }

    @Test func nilWhenHeaderAndFirstLinesDoNotFit() throws {
        let table = try F.prepare(Self.applicationForm())
        let name = try #require(table.slice(from: table.start, available: .pt(29 + 29)))
        #expect(name.next?.row == 2)
        let at = try #require(name.next)
        // Header (29) + padding (8) + one line (18) = 55 pt: nothing smaller holds the essay's start.
        #expect(table.slice(from: at, available: .pt(54)) == nil)
        // Nor does a single line: two must stand at the bottom of a page.
        #expect(table.slice(from: at, available: .pt(29 + 8 + 18 + 10)) == nil)
        let two = try #require(table.slice(from: at, available: .pt(29 + 8 + 36)))
        #expect(columnText(two).count == 2)
        // A full page always gives a slice.
        #expect(table.slice(from: at, available: .pt(600)) != nil)
        #expect(table.slice(from: table.start, available: .pt(600)) != nil)
        #expect(table.slice(from: at, available: .pt(40), fullPage: true) != nil)
    }

    /// A cell of three lines or fewer never splits: the row moves to the next slice whole.
    @Test func shortCellMovesWhole() throws {
        let table = try F.prepare(TableBlock(columns: [.fixed(.pt(100)), .fraction(1)], rows: [
            Self.headerRow,
            TableRow(cells: [F.cell("简介"), TableCell(content: [F.paragraph(F.text(80), style: F.fangsong12)])]),
        ], headerRows: 1))
        // Room for the header and one line only.
        #expect(table.slice(from: table.start, available: .pt(29 + 8 + 18)) == nil)
        let whole = try #require(table.slice(from: table.start, available: .pt(600)))
        #expect(columnText(whole).joined() == F.text(80))
        #expect(whole.next == nil)
    }

    /// A label down two rows beside a long answer and a short one: the rows split as one unit.
    @Test func rowspanUnitSplitsAtLines() throws {
        let long = F.text(1000)
        let table = try F.prepare(TableBlock(columns: [.fixed(.pt(100)), .fraction(1)], rows: [
            Self.headerRow,
            TableRow(cells: [F.cell("品牌建设情况", rowspan: 2, vertical: .middle),
                             TableCell(content: [F.paragraph(long, style: F.fangsong12)])]),
            TableRow(cells: [F.cell("短行附记")]),
            TableRow(cells: [F.cell("备注"), F.cell("无")]),
        ], headerRows: 1))
        let slices = F.slices(table, available: .pt(300))
        #expect(slices.count >= 3)
        var joined = ""
        var shortRows = 0
        for slice in slices {
            #expect(slice.height <= .pt(300))
            let lines = F.lines(slice.frame)
            let essay = columnText(slice)
            if !essay.isEmpty || lines.contains(where: { $0.text == "短行附记" }) {
                #expect(lines.filter { $0.text == "品牌建设情况" }.count == 1)
            }
            joined += essay.joined()
            shortRows += lines.filter { $0.text == "短行附记" }.count
            // The label never crosses the rule under its cell: each slice's rules are where cells are.
            #expect(F.rules(slice.frame).allSatisfy { $0.from.y >= .zero && $0.to.y <= slice.height + .pt(0.01) })
        }
        #expect(joined == long)
        #expect(shortRows == 1)
        #expect(F.lines(slices.last!.frame).contains { $0.text == "备注" })
    }

    /// A kept-whole row taller than a page: nil for a part page, then split anyway on a full one.
    @Test func fullPageSplitsWhatMustStayWhole() throws {
        let long = F.text(1200)
        let table = try F.prepare(TableBlock(columns: [.fixed(.pt(100)), .fraction(1)], rows: [
            Self.headerRow,
            TableRow(cells: [F.cell("情况"), TableCell(content: [F.paragraph(long, style: F.fangsong12)])], keepWhole: true),
        ], headerRows: 1))
        #expect(table.slice(from: table.start, available: .pt(600)) == nil)
        var cursor: PreparedTable.Cursor? = table.start
        var joined = ""
        var count = 0
        while let at = cursor, count < 10 {
            let slice = try #require(table.slice(from: at, available: .pt(600), fullPage: true))
            #expect(slice.height <= .pt(600))
            joined += columnText(slice).joined()
            cursor = slice.next
            count += 1
        }
        #expect(count == 2 && joined == long)
    }

    /// Rules of a cut slice: the border closes the slice at its bottom; no rule crosses the cut cell.
    @Test func cutSliceIsClosedByTheBorder() throws {
        let table = try F.prepare(Self.applicationForm())
        let slice = try #require(F.slices(table, available: .pt(600)).first)
        let rules = F.rules(slice.frame)
        let bottom = rules.filter { $0.from.y.near(slice.height) && $0.to.y.near(slice.height) }
        #expect(bottom.count == 1 && bottom.first?.width == .pt(1))
        // Inside the essay cell (x 100…450 below the name row) there is no horizontal rule.
        #expect(!rules.contains { $0.from.y > .pt(58.1) && $0.from.y < slice.height - .pt(0.1) && $0.from.y.near($0.to.y) })
    }
}
