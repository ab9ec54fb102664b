import WenshuCore

/// Classes of punctuation for Chinese line layout, after W3C clreq §3.1 and GB/T 15834-2011.
///
/// A full-width mark occupies one em but its ink fills only half of it; which half decides how it
/// compresses. In GB (Simplified Chinese) style:
/// - opening brackets and quotes sit in the right half (blank on the left);
/// - closing brackets and quotes, and the pause and stop marks ，、。；：？！ sit in the left half
///   (blank on the right);
/// - the middle dot (间隔号) takes half a character, centred (GB/T 15834-2011 §5.1.12 of 书写格式);
/// - the dash —— and the ellipsis …… are two em wide and never split.
public enum PunctuationClass: Sendable, Hashable {
    case opening
    case closing
    /// ，、 (逗号、顿号) and ；： — first to give up their blank after brackets.
    case pause
    /// 。？！ (句号、问号、叹号) — the last marks to be compressed.
    case stop
    case middleDot
    /// —— and …… (破折号、省略号), set as one unbreakable two-em piece.
    case inseparable
    case none

    /// The table itself: every mark Wenshu treats as full-width Chinese punctuation.
    public static let marks: [(PunctuationClass, String)] = [
        (.opening, "（〔［｛《〈「『【〖“‘"),
        (.closing, "）〕］｝》〉」』】〗”’"),
        (.pause, "，、；："),
        (.stop, "。？！．"),
        (.middleDot, "·・"),
        (.inseparable, "—―…⸺"),
    ]

    /// `marks` by scalar value, for lookups on the hot path.
    static let table: [UInt32: PunctuationClass] = {
        var t: [UInt32: PunctuationClass] = [:]
        for (kind, chars) in marks { for s in chars.unicodeScalars { t[s.value] = kind } }
        return t
    }()

    public init(_ c: Character) { self.init(scalar: c.unicodeScalars.first!) }
    public init(scalar s: Unicode.Scalar) { self = PunctuationClass.table[s.value] ?? .none }

    /// The blank part of the em box, in em, on the left and on the right (GB style).
    public var blanks: (left: Double, right: Double) {
        switch self {
        case .opening: (0.5, 0)
        case .closing, .pause, .stop: (0, 0.5)
        case .middleDot: (0, 0)
        case .inseparable, .none: (0, 0)
        }
    }

    /// The order in which blanks are given up when a line must shrink (typesetting brief, rule 6:
    /// word spaces, brackets, ，、；, Han–Latin space, then 。？！). Lower goes first.
    public var shrinkPriority: ShrinkPriority {
        switch self {
        case .opening, .closing, .middleDot: .brackets
        case .pause: .pauses
        case .stop: .stops
        case .inseparable, .none: .stops
        }
    }
}

/// The clreq order of shrinking (rule 6); the line-end mark's half em is always given up first.
public enum ShrinkPriority: Int, CaseIterable, Sendable {
    case wordSpace = 0, brackets, pauses, hanLatin, stops
}

/// The clreq order of stretching: word spaces, then Han–Latin spaces, then every gap between characters.
public enum StretchPriority: Int, CaseIterable, Sendable {
    case wordSpace = 0, hanLatin, interCharacter
}
