import WenshuCore
import WenshuFonts

/// The smallest piece the line breaker moves: a Han character, a full-width mark, a Latin word,
/// an inseparable ——/……, or the first-line indent. Lines break only between atoms.
struct Atom {
    enum Kind: Equatable {
        case cjk
        case punctuation(PunctuationClass)
        case latin
        case indent
    }

    var kind: Kind
    /// Index of the atom's style in the paragraph's style list.
    var style: Int
    /// The characters, and the spaces that follow them (kept for copying, set as glue).
    var text: String
    var trailing: String = ""
    /// A forced line break follows.
    var forcedBreakAfter = false

    // Filled by shaping (points):
    /// Advance of the atom's own characters.
    var width: Double = 0
    /// Advance of the trailing spaces.
    var spaceAfter: Double = 0
    /// Blank halves of a full-width mark that compression or a line edge may take away.
    var blankLeft: Double = 0
    var blankRight: Double = 0
    /// What is left of the blanks inside a line once adjacent marks are compressed.
    var blankLeftInside: Double = 0
    var blankRightInside: Double = 0
    /// The em size of the atom (its style's font size).
    var em: Double = 0
    var pieces: [Piece] = []

    /// The first and last scalars of the text, for the break rules.
    var first: Unicode.Scalar? { text.unicodeScalars.first }
    var last: Unicode.Scalar? { text.unicodeScalars.last }

    /// Counts as a "real" character for the lone-last-character rule (not a mark, not the indent).
    var isLetter: Bool { kind == .cjk || kind == .latin }
}

/// Part of an atom drawn by one font.
struct Piece {
    var font: Font
    var text: String
    /// Glyph positions relative to the atom's origin, in points.
    var glyphs: [PlacedGlyph]
    var clusters: [GlyphRun.Cluster]
    var emboldened: Bool
}
