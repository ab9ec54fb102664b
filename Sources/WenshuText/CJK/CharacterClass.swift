import WenshuCore

/// What kind of writing a character is, for segmenting a paragraph into breakable pieces.
public enum CharacterClass: Sendable, Equatable {
    /// Han ideographs, kana, full-width forms: each one a piece, breakable on both sides.
    case cjk
    /// Full-width punctuation (see `PunctuationClass`).
    case punctuation(PunctuationClass)
    /// Latin letters, digits and other non-CJK marks: pieces are whole words.
    case latin
    /// Spaces between words.
    case space
    /// A forced line break.
    case newline

    /// The class of a character: of its first scalar (a variation selector or combining mark after
    /// it does not change what kind of writing it is).
    public init(_ c: Character) { self.init(scalar: c.unicodeScalars.first!) }

    public init(scalar s: Unicode.Scalar) {
        switch s.value {
        case 0x0A, 0x0D, 0x2028: self = .newline
        case 0x20, 0x09, 0xA0: self = .space
        default:
            let p = PunctuationClass(scalar: s)
            if p != .none { self = .punctuation(p) } else { self = CharacterClass.isCJK(s) ? .cjk : .latin }
        }
    }

    /// True for scalars of the CJK blocks: unified ideographs and their extensions (A–G, including
    /// the supplementary planes where names such as 𠈌 live), compatibility ideographs, CJK symbols,
    /// kana, Hangul, full-width forms.
    public static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31BF, 0x31F0...0x31FF,
             0x3200...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7AF,
             0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF01...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x3134F:
            return true
        default:
            return false
        }
    }

    /// True for the classes that occupy a whole cell of the grid and take Han–Latin spacing.
    public var isIdeographic: Bool {
        if case .cjk = self { return true }
        return false
    }
}
