import Testing
import WenshuCore
@testable import WenshuText

/// A paragraph shaped once (for an automatic table's column widths) sets into the same lines as
/// one set from its runs, and measures the same; a left indent, which sets the lines without the
/// first-line indent, shapes again rather than set the wrong atoms.
@Suite struct ShapedParagraphTests {
    static let text = "品牌创建成果：2023年6月28日获评“清河市书香校园”，党支部被评为东湖区先进基层党组织。"

    static let styles: [ParagraphStyle] = {
        var hanging = ParagraphStyle(firstLineIndent: -4)
        hanging.leftIndent = 6
        var inset = ParagraphStyle(firstLineIndent: 2)
        inset.leftIndent = 2
        return [ParagraphStyle(firstLineIndent: 0), ParagraphStyle(firstLineIndent: 2), hanging, inset,
                ParagraphStyle(firstLineIndent: 0, alignment: .center),
                ParagraphStyle(firstLineIndent: 2, grid: GridSpec(columns: 28, width: .mm(156)))]
    }()

    @Test(arguments: styles.indices) func setsAsTheRunsDo(index: Int) throws {
        let style = Self.styles[index]
        let runs = [InlineRun(Self.text, style: Fixture.body)]
        let shaped = try Fixture.typesetter.shape(runs, style: style)
        for measure in [7.0, 12.5, 30] {
            let once = try Fixture.typesetter.typeset(shaped, width: .pt(measure * Fixture.em))
            let again = try Fixture.typesetter.typeset(runs, style: style, width: .pt(measure * Fixture.em))
            #expect(once.lines.map(\.text) == again.lines.map(\.text), "measure \(measure)")
            #expect(once.lines.map(Fixture.glyphXs) == again.lines.map(Fixture.glyphXs), "measure \(measure)")
        }
        let w = Fixture.typesetter.intrinsicWidths(shaped), v = try Fixture.typesetter.intrinsicWidths(runs, style: style)
        #expect(w.minimum == v.minimum && w.preferred == v.preferred)
        #expect(w.minimum.points > 0 && w.preferred > w.minimum, "a date is the longest piece, the line is longer")
    }
}
