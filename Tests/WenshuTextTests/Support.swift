import Testing
import WenshuCore
import WenshuFonts
@testable import WenshuText

/// One font book for every test of the module: fonts are opened once.
enum Fixture {
    static let fonts: FontBook = try! FontBook()
    static let typesetter = ParagraphTypesetter(fonts: fonts)
    /// 16 pt: one em.
    static let em = 16.0
    static let body = TextStyle(role: .song, size: .pt(em))

    /// Sets `text` to `measure` em wide and returns the layout.
    static func set(_ text: String, measure: Double, style: ParagraphStyle = ParagraphStyle(firstLineIndent: 0),
                    textStyle: TextStyle = body) throws -> ParagraphLayout {
        try typesetter.typeset([InlineRun(text, style: textStyle)], style: style, width: .pt(measure * em))
    }

    /// The lines' texts.
    static func lines(_ text: String, measure: Double, style: ParagraphStyle = ParagraphStyle(firstLineIndent: 0)) throws -> [String] {
        try set(text, measure: measure, style: style).lines.map(\.text)
    }

    /// Every glyph of a line with its x from the line's start, in em.
    static func glyphXs(_ line: TextLine) -> [Double] {
        line.runs.flatMap { run in run.run.glyphs.map { (run.x + $0.x).points / em } }
    }
}

extension Double {
    func near(_ other: Double, _ tolerance: Double = 0.01) -> Bool { abs(self - other) < tolerance }
}
