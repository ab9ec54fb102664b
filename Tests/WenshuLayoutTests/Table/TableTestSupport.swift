import Testing
import WenshuCore
import WenshuFonts
import WenshuRender
import WenshuText
@testable import WenshuLayout

/// Fonts, builders and frame readers shared by the table suites.
enum TableFixture {
    static let fonts = try! FontBook()
    static let typesetter = ParagraphTypesetter(fonts: fonts)
    static let song14 = TextStyle(role: .song, size: .pt(14))
    static let fangsong12 = TextStyle(role: .fangsong, size: .pt(12))
    static let han = "党建文化是党在长期发展建设中创造的精神财富，是体现党的性质、奋斗目标、历史传统的文化形态，是充分发挥基层党组织战斗堡垒和政治核心作用的重要保证。"

    /// About `count` characters of running text.
    static func text(_ count: Int) -> String { String(String(repeating: han, count: count / han.count + 1).prefix(count)) }

    static func paragraph(_ text: String, style: TextStyle = song14, alignment: Alignment = .left, indent: Double = 0,
                          lineHeight: Length? = nil) -> Block {
        .paragraph(ParagraphBlock(runs: [InlineRun(text, style: style)],
                                  style: ParagraphStyle(firstLineIndent: indent, alignment: alignment), lineHeight: lineHeight))
    }

    static func cell(_ text: String, style: TextStyle = song14, alignment: Alignment = .left, colspan: Int = 1, rowspan: Int = 1,
                     vertical: VerticalAlignment = .top, foot: [Block] = [], fill: Color? = nil) -> TableCell {
        TableCell(content: text.isEmpty ? [] : [paragraph(text, style: style, alignment: alignment)], colspan: colspan, rowspan: rowspan,
                  verticalAlignment: vertical, foot: foot, fill: fill)
    }

    static func prepare(_ table: TableBlock, width: Length = .pt(450)) throws -> PreparedTable {
        try TableLayouter(typesetter: typesetter).prepare(table, width: width)
    }

    /// Every slice of `table` at `available` a page (a fresh page each time a slice is refused).
    static func slices(_ table: PreparedTable, available: Length) -> [TableSlice] {
        var out: [TableSlice] = []
        var cursor: PreparedTable.Cursor? = table.start
        while let at = cursor, out.count < 50 {
            let slice = table.slice(from: at, available: available) ?? table.slice(from: at, available: available, fullPage: true)!
            out.append(slice)
            cursor = slice.next
        }
        return out
    }

    static func trace(_ slice: TableSlice) -> String { DebugRenderer().trace([slice.frame]) }

    /// A set line as a frame shows it: the first run's baseline origin, its end, its text.
    struct Line { var x: Length; var y: Length; var end: Length; var size: Length; var text: String }

    /// The text lines of a frame, glyph runs joined when they continue each other on a baseline.
    static func lines(_ frame: Frame) -> [Line] {
        var out: [Line] = []
        for e in frame.items {
            guard case .glyphs(let run) = e.item else { continue }
            if var last = out.last, last.y.approximatelyEquals(e.position.y, tolerance: 0.1),
               e.position.x >= last.x, e.position.x <= last.end + .pt(1) {
                last.end = e.position.x + run.width
                last.text += run.text
                last.size = max(last.size, run.size)
                out[out.count - 1] = last
            } else {
                out.append(Line(x: e.position.x, y: e.position.y, end: e.position.x + run.width, size: run.size, text: run.text))
            }
        }
        return out
    }

    /// A rule as a frame shows it.
    struct Rule: Equatable { var from: Point; var to: Point; var width: Length }

    static func rules(_ frame: Frame) -> [Rule] {
        frame.items.compactMap { e in
            if case .line(let to, let stroke) = e.item { return Rule(from: e.position, to: to, width: stroke.width) }
            return nil
        }
    }
}

extension Length {
    /// Close enough for positions (a twentieth of a point).
    func near(_ other: Length, _ tolerance: Double = 0.05) -> Bool { approximatelyEquals(other, tolerance: tolerance) }
}
