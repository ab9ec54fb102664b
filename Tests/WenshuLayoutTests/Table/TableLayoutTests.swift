import Testing
import WenshuCore
import WenshuRender
@testable import WenshuLayout

/// Column widths, spans, alignment, feet, labels and rules of a table slice.
@Suite struct TableLayoutTests {
    typealias F = TableFixture

    @Test func fixedColumnsFirstFractionsShareTheRest() {
        let widths = ColumnWidths.resolve([.fixed(.pt(100)), .fraction(1), .fraction(2)], width: .pt(400))
        #expect(widths == [.pt(100), .pt(100), .pt(200)])
        // Fixed widths beyond the table's width are scaled down together; fractions get nothing.
        let scaled = ColumnWidths.resolve([.fixed(.pt(300)), .fixed(.pt(200)), .fraction(1)], width: .pt(400))
        #expect(scaled == [.pt(240), .pt(160), .zero])
    }

    @Test func cellsStandInTheirColumns() throws {
        let table = try F.prepare(TableBlock(columns: [.fixed(.pt(100)), .fraction(1), .fraction(2)],
                                             rows: [TableRow(cells: [F.cell("甲"), F.cell("乙"), F.cell("丙")])]), width: .pt(400))
        #expect(table.width == .pt(400))
        let slice = try #require(table.slice(from: table.start, available: .pt(600)))
        let xs = F.lines(slice.frame).map(\.x)
        // Left-aligned text starts at the column's left edge plus the left padding (5 pt).
        #expect(xs.count == 3)
        #expect(xs[0].near(.pt(5)) && xs[1].near(.pt(105)) && xs[2].near(.pt(205)))
        // One line of 14 pt on a 21 pt pitch between 4 pt paddings: the row is 29 pt.
        #expect(slice.height.near(.pt(29)))
        #expect(slice.frame.size == Size(width: .pt(400), height: slice.height))
    }

    /// Row 0: A over two columns, B down two rows; row 1: C, D under A.
    @Test func colspanAndRowspanPositions() throws {
        let rows = [
            TableRow(cells: [F.cell("甲", colspan: 2), F.cell("乙", rowspan: 2)]),
            TableRow(cells: [F.cell("丙"), F.cell("丁")]),
            TableRow(cells: [F.cell("戊")]),  // short: padded with empty cells
        ]
        let table = try F.prepare(TableBlock(columns: [.fraction(1), .fraction(1), .fraction(1)], rows: rows), width: .pt(300))
        let slice = try #require(table.slice(from: table.start, available: .pt(600)))
        let lines = F.lines(slice.frame)
        func line(_ t: String) throws -> F.Line { try #require(lines.first { $0.text == t }) }
        let top: Double = 4 + 3.5 + 0.88 * 14
        let baseline0 = Length.pt(top)  // padding, half the leading, ascent
        #expect(try line("甲").x.near(.pt(5)) && line("甲").y.near(baseline0))
        #expect(try line("乙").x.near(.pt(205)) && line("乙").y.near(baseline0))
        #expect(try line("丙").x.near(.pt(5)) && line("丙").y.near(baseline0 + .pt(29)))
        #expect(try line("丁").x.near(.pt(105)) && line("丁").y.near(baseline0 + .pt(29)))
        #expect(try line("戊").y.near(baseline0 + .pt(58)))
        #expect(slice.height.near(.pt(87)))
        // The padded row still has its cells' rules: a vertical rule at x 200 in the third row.
        #expect(F.rules(slice.frame).contains { $0.from.x.near(.pt(200)) && $0.from.y <= .pt(58) && $0.to.y.near(.pt(87)) })
    }

    @Test func spanningCellTallerThanItsRowsGrowsTheLastRow() throws {
        let tall = F.cell("甲乙丙丁戊己庚辛", rowspan: 2)  // 8 lines in a narrow column
        let rows = [TableRow(cells: [tall, F.cell("一")]), TableRow(cells: [F.cell("二")])]
        let table = try F.prepare(TableBlock(columns: [.fixed(.pt(24)), .fraction(1)], rows: rows), width: .pt(200))
        let slice = try #require(table.slice(from: table.start, available: .pt(600)))
        let spanned: Double = 8 + 8 * 21
        #expect(slice.height.near(.pt(spanned)))
        // The first row keeps its own height; the second takes the rest: "二" is still 29 pt down.
        let two = try #require(F.lines(slice.frame).first { $0.text == "二" })
        let second: Double = 29 + 4 + 3.5 + 0.88 * 14
        #expect(two.y.near(.pt(second)))
    }

    @Test func middleAlignmentCentresTheContent() throws {
        let row = TableRow(cells: [F.cell("申报学校", vertical: .middle), F.cell("")], minHeight: .pt(100))
        let table = try F.prepare(TableBlock(columns: [.fixed(.pt(100)), .fraction(1)], rows: [row]))
        let slice = try #require(table.slice(from: table.start, available: .pt(600)))
        let line = try #require(F.lines(slice.frame).first)
        // The em box's centre (0.88 em up from the baseline, then half an em down) on the row's centre.
        let centre = line.y - .pt(0.88 * 14) + .pt(7)
        #expect(centre.near(.pt(50)))
        #expect(slice.height.near(.pt(100)))
    }

    @Test func footStandsOnTheCellBottom() throws {
        let foot = [F.paragraph("（盖章）", alignment: .right), F.paragraph("年　月　日", alignment: .right)]
        let opinion = TableCell(content: [F.paragraph("同意推荐。", indent: 2)], foot: foot)
        let row = TableRow(cells: [F.cell("学校意见", vertical: .middle), opinion], minHeight: .pt(300))
        let table = try F.prepare(TableBlock(columns: [.fixed(.pt(100)), .fraction(1)], rows: [row]), width: .pt(400))
        let slice = try #require(table.slice(from: table.start, available: .pt(600)))
        #expect(slice.height.near(.pt(300)))
        let lines = F.lines(slice.frame)
        let date = try #require(lines.first { $0.text.hasPrefix("年") })
        let seal = try #require(lines.first { $0.text == "（盖章）" })
        // The last foot line's slot ends on the bottom padding: 300 − 4 − 21, then leading and ascent.
        let dateBaseline: Double = 300 - 4 - 21 + 3.5 + 0.88 * 14
        #expect(date.y.near(.pt(dateBaseline)))
        #expect((date.y - seal.y).near(.pt(21)))
        // Right-aligned at the content's right edge (400 − 5); the closing bracket's blank half em hangs past it.
        #expect(date.end.near(.pt(395), 0.6) && (seal.end - .pt(7)).near(.pt(395), 0.6))
        // The opinion itself stays at the top.
        let text = try #require(lines.first { $0.text == "同意推荐。" })
        let textTop: Double = 4 + 3.5 + 0.88 * 14
        #expect(text.y.near(.pt(textTop)))
    }

    @Test func distributedLabelSpansTheCell() throws {
        let row = TableRow(cells: [F.cell("姓名", alignment: .distributed), F.cell("张三")])
        let table = try F.prepare(TableBlock(columns: [.fixed(.pt(80)), .fraction(1)], rows: [row]))
        let slice = try #require(table.slice(from: table.start, available: .pt(600)))
        let label = try #require(F.lines(slice.frame).first { $0.text == "姓名" })
        #expect(label.x.near(.pt(5)))
        #expect(label.end.near(.pt(75), 0.6))
    }

    @Test func lineHeightSetsThePitch() throws {
        let cell = TableCell(content: [F.paragraph(F.text(60), lineHeight: .pt(30))])
        let table = try F.prepare(TableBlock(columns: [.fraction(1)], rows: [TableRow(cells: [cell])]), width: .pt(150))
        let slice = try #require(table.slice(from: table.start, available: .pt(2000)))
        let ys = F.lines(slice.frame).map(\.y)
        #expect(ys.count > 3)
        for (a, b) in zip(ys, ys.dropFirst()) { #expect((b - a).near(.pt(30))) }
        #expect(slice.height.near(.pt(8) + .pt(30) * Double(ys.count)))
    }

    /// Row 0: one cell over both columns; row 1: two cells. The rule between the columns stops at row 1.
    @Test func rulesDoNotCrossMergedCells() throws {
        let rows = [TableRow(cells: [F.cell("标题", colspan: 2)]), TableRow(cells: [F.cell("甲"), F.cell("乙")])]
        let table = try F.prepare(TableBlock(columns: [.fixed(.pt(100)), .fixed(.pt(100))], rows: rows), width: .pt(200))
        let slice = try #require(table.slice(from: table.start, available: .pt(600)))
        let rules = F.rules(slice.frame)
        let middle = rules.filter { $0.from.x.near(.pt(100)) && $0.to.x.near(.pt(100)) }
        #expect(middle.count == 1)
        #expect(middle.first?.from.y.near(.pt(29)) == true && middle.first?.to.y.near(.pt(58)) == true)
        #expect(middle.first?.width == .pt(0.5))
        // Every edge drawn once: one inner horizontal rule, the four sides of the border.
        let horizontal = rules.filter { $0.from.y.near($0.to.y) }
        #expect(horizontal.count == 3)
        #expect(horizontal.filter { $0.width == .pt(1) }.count == 2)
        #expect(rules.filter { $0.width == .pt(1) }.count == 4)
        // The outer rules close the corners: half the border's width past them.
        let top = try #require(horizontal.first { $0.from.y.near(.zero) })
        #expect(top.from.x.near(.pt(-0.5)) && top.to.x.near(.pt(200.5)))
    }

    @Test func fillIsPaintedBehindTheContent() throws {
        let grey = Color(hex: "#EEEEEE")!
        let row = TableRow(cells: [F.cell("项目", fill: grey), F.cell("内容")])
        let table = try F.prepare(TableBlock(columns: [.fixed(.pt(100)), .fraction(1)], rows: [row]))
        let slice = try #require(table.slice(from: table.start, available: .pt(600)))
        guard case .rectangle(let size, let fill, _) = slice.frame.items.first?.item else {
            Issue.record("no fill first"); return
        }
        #expect(fill == grey && size == Size(width: .pt(100), height: .pt(29)))
    }
}
