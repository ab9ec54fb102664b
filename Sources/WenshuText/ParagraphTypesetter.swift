import WenshuCore
import WenshuFonts

/// Errors of the text module.
public enum TextError: WenshuError {
    case fonts(FontError)
    public var message: String {
        switch self { case .fonts(let e): e.message }
    }
    public var problem: Problem {
        switch self { case .fonts(let e): e.problem }
    }
}

/// Sets a paragraph of Chinese (and Latin) text into lines, by the rules of
/// ../docs (typesetting facts): the passes run in the order of their files in `Inline/`:
/// collect atoms → itemize and shape → prepare junctions from the CJK tables → break (total fit)
/// → justify → finalize into glyph runs.
public struct ParagraphTypesetter: Sendable {
    public let fonts: FontBook

    public init(fonts: FontBook) { self.fonts = fonts }

    /// Typesets `runs` as one paragraph to lines of `width` (the first line and the rest alike).
    public func typeset(_ runs: [InlineRun], style: ParagraphStyle, width: Length) throws -> ParagraphLayout {
        try typeset(runs, style: style) { _ in width }
    }

    /// Typesets a paragraph shaped before (by `shape`, for `intrinsicWidths`) to lines of `width`,
    /// without shaping it again.
    public func typeset(_ shaped: ShapedParagraph, width: Length) throws -> ParagraphLayout {
        try typeset(shaped.runs, style: shaped.style, measure: { _ in width }, shaped: shaped)
    }

    /// Typesets `runs` with a measure per line (`measure(n)` for line n, from 0).
    public func typeset(_ runs: [InlineRun], style: ParagraphStyle, measure: @escaping (Int) -> Length) throws -> ParagraphLayout {
        try typeset(runs, style: style, measure: measure, shaped: nil)
    }

    /// Chooses fonts and shapes `runs` once, for `intrinsicWidths(_:)` and `typeset(_:width:)`: an
    /// automatic table measures its cells' paragraphs and then sets them at the widths it chose.
    public func shape(_ runs: [InlineRun], style: ParagraphStyle) throws -> ShapedParagraph {
        try shape(runs, style: style, indent: style.firstLineIndent)
    }

    private func shape(_ runs: [InlineRun], style: ParagraphStyle, indent: Double) throws -> ShapedParagraph {
        var atoms = Collect.atoms(runs, indent: indent)
        var shaper: Shaper
        do { shaper = try Shaper(book: fonts, styles: runs.map(\.style), places: runs.map(\.place)) } catch let e as FontError {
            throw TextError.fonts(e)
        }
        shaper.shape(&atoms, grid: style.grid)
        return ShapedParagraph(runs: runs, style: style, indent: indent, atoms: atoms, missing: shaper.missing)
    }

    private func typeset(_ runs: [InlineRun], style: ParagraphStyle, measure: @escaping (Int) -> Length,
                         shaped: ShapedParagraph?) throws -> ParagraphLayout {
        guard style.leftIndent > 0 || style.firstLineIndent < 0 else {
            return try typesetFlush(runs, style: style, measure: measure, shaped: shaped)
        }
        // A left indent: every line is set narrower and moved in; the first line by its own indent.
        let em = runs.first?.style.size.points ?? 16
        let cell = style.grid?.pitch.points ?? em
        let rest = max(0, style.leftIndent) * cell
        let first = max(0, style.leftIndent + style.firstLineIndent) * cell
        var inner = style
        inner.leftIndent = 0
        inner.firstLineIndent = 0
        var layout = try typesetFlush(runs, style: inner, measure: { n in measure(n) - .pt(n == 0 ? first : rest) }, shaped: shaped)
        for i in layout.lines.indices {
            let shift = Length.pt(i == 0 ? first : rest)
            for r in layout.lines[i].runs.indices { layout.lines[i].runs[r].x += shift }
            layout.lines[i].width += shift
        }
        return layout
    }

    /// The paragraph's intrinsic widths, for tables that size their columns by content: `minimum`
    /// is its longest piece no line may break inside (a word, a number, a date such as
    /// 2023年6月28日, a character with the marks that cling to it), `preferred` its widest line when
    /// nothing but forced breaks ends a line. Indents count; the half em a line-edge mark drops does
    /// not.
    public func intrinsicWidths(_ runs: [InlineRun], style: ParagraphStyle) throws -> (minimum: Length, preferred: Length) {
        guard !runs.isEmpty, runs.contains(where: { !$0.text.isEmpty }) else { return (.zero, .zero) }
        return intrinsicWidths(try shape(runs, style: style))
    }

    /// The intrinsic widths of a paragraph shaped before.
    public func intrinsicWidths(_ shaped: ShapedParagraph) -> (minimum: Length, preferred: Length) {
        let runs = shaped.runs, style = shaped.style
        guard !runs.isEmpty, runs.contains(where: { !$0.text.isEmpty }) else { return (.zero, .zero) }
        let styles = runs.map(\.style)
        var atoms = shaped.atoms
        let em = styles[0].size.points
        let cell = style.grid?.pitch.points ?? em
        if let first = atoms.first, first.kind == .indent { atoms[0].width = cell * max(0, style.firstLineIndent) }
        guard !atoms.isEmpty else { return (.zero, .zero) }
        let junctions = Prepare.junctions(&atoms, style: style)
        let breaker = Linebreak(atoms: atoms, junctions: junctions, style: style) { _ in .infinity }
        var minimum = 0.0, preferred = 0.0
        var pieceStart = 0, lineStart = 0
        for e in atoms.indices {
            let isEnd = e == atoms.count - 1
            if isEnd || junctions[e].breakable {
                minimum = max(minimum, breaker.naturalWidth(pieceStart, e))
                pieceStart = e + 1
            }
            if isEnd || junctions[e].forced {
                preferred = max(preferred, breaker.naturalWidth(lineStart, e))
                lineStart = e + 1
            }
        }
        let left = max(0, style.leftIndent) * cell
        return (.pt(minimum + left), .pt(max(minimum, preferred) + left))
    }

    private func typesetFlush(_ runs: [InlineRun], style: ParagraphStyle, measure: @escaping (Int) -> Length,
                              shaped: ShapedParagraph?) throws -> ParagraphLayout {
        let styles = runs.map(\.style)
        guard !runs.isEmpty, runs.contains(where: { !$0.text.isEmpty }) else { return ParagraphLayout(lines: [], missing: []) }
        // Shaped before with the same first-line indent: reused; otherwise (a left indent sets the
        // lines without one) shaped here.
        let reuse = shaped.flatMap { $0.indent == style.firstLineIndent ? $0 : nil }
        let done = try reuse ?? shape(runs, style: style, indent: style.firstLineIndent)
        var atoms = done.atoms
        let places = runs.map(\.place)
        if let first = atoms.first, first.kind == .indent {
            let em = styles[0].size.points
            atoms[0].width = style.grid.map { $0.pitch.points * style.firstLineIndent } ?? em * style.firstLineIndent
            atoms[0].em = em
            if atoms.count == 1 { atoms.removeAll() }
        }
        guard !atoms.isEmpty else { return ParagraphLayout(lines: [], missing: done.missing) }
        let junctions = Prepare.junctions(&atoms, style: style)
        let breaker = Linebreak(atoms: atoms, junctions: junctions, style: style) { measure($0).points }
        let breaks = breaker.breaks()
        let lines = Finalize.lines(atoms: atoms, junctions: junctions, breaks: breaks, breaker: breaker,
                                   style: style, styles: styles, places: places)
        return ParagraphLayout(lines: lines, missing: done.missing)
    }
}
