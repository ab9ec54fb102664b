import WenshuCore

/// How a run of characters looks: font role, size, weight, colour.
public struct TextStyle: Hashable, Sendable {
    public var role: FontRole
    public var size: Length
    public var bold: Bool
    public var color: Color

    public init(role: FontRole = .fangsong, size: Length = .pt(16), bold: Bool = false, color: Color = .black) {
        self.role = role; self.size = size; self.bold = bold; self.color = color
    }
}

/// A piece of a paragraph's text in one style.
public struct InlineRun: Hashable, Sendable {
    public var text: String
    public var style: TextStyle
    /// Where the text came from (a data cell or line, or the template), so that what layout finds
    /// wrong with it (an overflow, a missing glyph) can name that place.
    public var place: SourceLocation?
    public init(_ text: String, style: TextStyle, place: SourceLocation? = nil) { self.text = text; self.style = style; self.place = place }
}

/// How lines stand between the paragraph's edges.
public enum Alignment: String, Hashable, Sendable {
    /// Both edges straight, last line flush left (the body of every Chinese document).
    case justified
    /// Every line, the last too, spread edge to edge (分散对齐, for form labels).
    case distributed
    case left, center, right
}

/// A character grid (GB/T 9704-2012: 28 characters a line in 156 mm): every Chinese character and
/// full-width mark stands on a column of the grid.
public struct GridSpec: Hashable, Sendable {
    public var columns: Int
    /// The distance from one column to the next.
    public var pitch: Length
    public init(columns: Int, pitch: Length) { self.columns = columns; self.pitch = pitch }
    /// The grid that fills `width` with `columns` columns.
    public init(columns: Int, width: Length) { self.init(columns: columns, pitch: width / Double(columns)) }
}

/// Settings of a paragraph that the line breaker honours.
public struct ParagraphStyle: Hashable, Sendable {
    /// First-line indent in characters (字) of the paragraph's first style: 2 for body text.
    public var firstLineIndent: Double
    public var alignment: Alignment
    /// Space of up to ¼ em between Han and Latin letters or digits (clreq 3.2.2); off in official documents.
    public var hanLatinSpacing: Bool
    /// Set every character on this grid (official documents); nil for free justification.
    public var grid: GridSpec?
    /// Refuse a last line holding a single character (or a character and a mark).
    public var avoidLoneLastCharacter: Bool
    /// Let the page put this paragraph on its character grid (when the page master has one).
    public var snapToGrid: Bool = true
    /// Every line starts this many characters in; `firstLineIndent` then counts from here and may be
    /// negative down to −leftIndent (a hanging indent: 附件：1.… with its wrapped lines under the name).
    public var leftIndent: Double = 0

    public init(firstLineIndent: Double = 2, alignment: Alignment = .justified, hanLatinSpacing: Bool = false,
                grid: GridSpec? = nil, avoidLoneLastCharacter: Bool = true) {
        self.firstLineIndent = firstLineIndent; self.alignment = alignment
        self.hanLatinSpacing = hanLatinSpacing; self.grid = grid
        self.avoidLoneLastCharacter = avoidLoneLastCharacter
    }
}
