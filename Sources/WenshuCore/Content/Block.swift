import WenshuCore

/// A paragraph as the flow sees it: its text, its line-breaking style and how it sits between others.
public struct ParagraphBlock: Sendable {
    public var runs: [InlineRun]
    public var style: ParagraphStyle
    /// Keep on the same page as the first lines of the next block (headings).
    public var keepWithNext: Bool
    /// Blank lines (in line pitches) before and after.
    public var linesBefore: Double
    public var linesAfter: Double
    /// A PDF bookmark for this block at this level (1 = top), when set.
    public var bookmarkLevel: Int?

    public init(runs: [InlineRun], style: ParagraphStyle = ParagraphStyle(), keepWithNext: Bool = false,
                linesBefore: Double = 0, linesAfter: Double = 0, bookmarkLevel: Int? = nil) {
        self.runs = runs; self.style = style; self.keepWithNext = keepWithNext
        self.linesBefore = linesBefore; self.linesAfter = linesAfter; self.bookmarkLevel = bookmarkLevel
    }

    /// The text, as a reader would copy it.
    public var text: String { runs.map(\.text).joined() }
}

/// What flows down the body of the pages.
public enum Block: Sendable {
    case paragraph(ParagraphBlock)
    /// Empty space of the given number of line pitches.
    case space(lines: Double)
    case pageBreak
}
