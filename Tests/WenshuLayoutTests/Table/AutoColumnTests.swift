import Testing
import WenshuCore
@testable import WenshuLayout

/// Column widths from content (`columns="auto auto 1fr"`): minimum and preferred widths per column,
/// shared out as a browser's automatic table layout does.
@Suite struct AutoColumnTests {
    typealias F = TableFixture
    typealias I = ColumnWidths.Intrinsic

    /// Automatic columns take their preferred width when it fits; fractions share what is left.
    @Test func autoColumnsTakeTheirTextOnOneLine() {
        let widths = ColumnWidths.resolve([.auto, .auto, .fraction(1)], width: .pt(400),
                                          intrinsic: [I(minimum: 40, preferred: 60), I(minimum: 30, preferred: 90), I(minimum: 20, preferred: 900)])
        #expect(widths == [.pt(60), .pt(90), .pt(250)])
    }

    /// Too little room for every preferred width: each column grows from its minimum by its share of
    /// what it lacks, and a fraction keeps its own minimum.
    @Test func tightTablesShareByWhatEachColumnLacks() {
        let widths = ColumnWidths.resolve([.auto, .auto, .fraction(1)], width: .pt(200),
                                          intrinsic: [I(minimum: 40, preferred: 140), I(minimum: 60, preferred: 160), I(minimum: 50, preferred: 500)])
        // room for the automatic columns: 200 − 50 = 150; minimums 100, so 50 more, shared 100 : 100.
        #expect(widths.map { $0.points.rounded() } == [65, 85, 50])
    }

    /// Not even the minimums fit: they share the room in proportion; without fractions the
    /// automatic columns fill the table in proportion to their preferred widths.
    @Test func minimumsAndFilling() {
        let narrow = ColumnWidths.resolve([.auto, .auto], width: .pt(60),
                                          intrinsic: [I(minimum: 40, preferred: 50), I(minimum: 80, preferred: 90)])
        #expect(narrow.map { $0.points.rounded() } == [20, 40])
        let wide = ColumnWidths.resolve([.fixed(.pt(100)), .auto, .auto], width: .pt(400),
                                        intrinsic: [.zero, I(minimum: 10, preferred: 50), I(minimum: 10, preferred: 150)])
        #expect(wide.map { $0.points.rounded() } == [100, 75, 225])
    }

    /// A date column is never narrower than its date: 2023年6月28日 stays on one line while the
    /// long text beside it wraps.
    @Test func aDateColumnKeepsItsDateOnOneLine() throws {
        let long = F.text(80)
        let rows = [TableRow(cells: [F.cell("1"), F.cell("2023年6月28日"), F.cell(long)]),
                    TableRow(cells: [F.cell("12"), F.cell("2023年10月8日"), F.cell("短")])]
        let table = try F.prepare(TableBlock(columns: [.auto, .auto, .fraction(1)], rows: rows), width: .pt(300))
        let slice = try #require(table.slice(from: table.start, available: .pt(2000)))
        let texts = F.lines(slice.frame).map(\.text)
        #expect(texts.contains("2023年6月28日"), "\(texts)")
        #expect(texts.contains("2023年10月8日"), "\(texts)")
        // The number column is only as wide as "12" and its paddings.
        #expect(table.columnEdges[1].points < 40, "\(table.columnEdges)")
        #expect(texts.filter { long.hasPrefix($0) || long.contains($0) }.count > 2, "\(texts)")
    }
}
