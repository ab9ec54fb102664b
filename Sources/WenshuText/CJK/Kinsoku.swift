import WenshuCore

/// Line-breaking prohibitions (禁则) of W3C clreq §3.1.7 and GB/T 15834-2011, derived from the one
/// table of marks (`PunctuationClass.marks`).
public enum Kinsoku {
    /// Marks that may not begin a line: pause and stop marks, closing brackets and quotes,
    /// the middle dot, the dash and the ellipsis (which also must not be split), all from
    /// `PunctuationClass.marks`, and the Latin closing marks and units that follow a number.
    public static let noLineStart: Set<Character> =
        marks(of: [.closing, .pause, .stop, .middleDot, .inseparable]).union("%％‰℃,.;:?!)]}")

    /// Marks that may not end a line: opening brackets and quotes (`PunctuationClass.marks`), their
    /// Latin forms, and the middle dot (间隔号), which joins the words on either side of it
    /// (红色网格·校社同心) and so stays with both.
    public static let noLineEnd: Set<Character> = marks(of: [.opening, .middleDot]).union("([{")

    /// The full-width marks of the given classes, from the one table of them.
    static func marks(of classes: Set<PunctuationClass>) -> Set<Character> {
        Set(PunctuationClass.marks.filter { classes.contains($0.0) }.flatMap(\.1))
    }

    /// Units that stay on the line of the number before them: a date (2023年6月28日) and a
    /// document number (24号) are never broken (GB/T 15835-2011 §4.1: a date is written as one
    /// unit; clreq §3.1.7 keeps a number with its unit).
    public static let numberUnits: Set<Character> = Set("年月日时分秒号")

    /// Date units after which the next number stays on the line too, when a number stands before
    /// them (2023年|6月|28日 holds together; 今年6月 may still break after 年).
    public static let dateJoiners: Set<Character> = Set("年月")

    /// True for a piece that is a number (its first character an ASCII or full-width digit).
    static func isNumber(_ text: String) -> Bool {
        guard let s = text.unicodeScalars.first else { return false }
        return (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
    }

    /// True when the pieces `before` and `after` (with `earlier` before `before`) are parts of one
    /// number with its units, where no line may break.
    static func joinsNumber(earlier: String?, before: String, after: String) -> Bool {
        if isNumber(before), isOne(after, of: numberUnits, scalars: numberUnitScalars) { return true }
        // A document number's year in 〔〕 and its serial stay together: 清教工委〔2023〕|7号 broke.
        if isOne(before, of: documentNumberYearEnd, scalars: documentNumberYearEndScalars), isNumber(after) { return true }
        if isOne(before, of: dateJoiners, scalars: dateJoinerScalars), isNumber(after),
           let earlier, isNumber(earlier) { return true }
        return false
    }

    /// The mark that closes a document number's year, after which its serial follows
    /// (发文字号 东教党〔2023〕12号, GB/T 9704-2012 §7.2.4): the two are one unit.
    public static let documentNumberYearEnd: Set<Character> = ["〕"]
    static let documentNumberYearEndScalars = Set(documentNumberYearEnd.compactMap { $0.unicodeScalars.first?.value })

    static let numberUnitScalars = Set(numberUnits.compactMap { $0.unicodeScalars.first?.value })
    static let dateJoinerScalars = Set(dateJoiners.compactMap { $0.unicodeScalars.first?.value })

    /// True when `text` is one character of `set`. A text of one ordinary scalar is looked up by
    /// its value (`scalars`: the set's scalars), with no String counting or Character hashing (this
    /// runs at every junction of every paragraph); anything else (several scalars, or a CJK
    /// compatibility ideograph, which equals its canonical twin as a Character) by the Characters.
    static func isOne(_ text: String, of set: Set<Character>, scalars: Set<UInt32>) -> Bool {
        var it = text.unicodeScalars.makeIterator()
        guard let s = it.next() else { return false }
        if it.next() == nil, !(0xF900...0xFAFF).contains(s.value), s.value < 0x2F800 { return scalars.contains(s.value) }
        guard let c = text.first, text.count == 1 else { return false }
        return set.contains(c)
    }

    static let noLineStartScalars = Set(noLineStart.compactMap { $0.unicodeScalars.first?.value })
    static let noLineEndScalars = Set(noLineEnd.compactMap { $0.unicodeScalars.first?.value })

    /// True when a line may break between a piece ending in `before` and one starting with `after`.
    public static func allowsBreak(between before: Character, and after: Character) -> Bool {
        guard let b = before.unicodeScalars.first, let a = after.unicodeScalars.first else { return true }
        return allowsBreak(scalar: b, and: a)
    }

    /// The same, on scalars (the line breaker's hot path).
    public static func allowsBreak(scalar before: Unicode.Scalar, and after: Unicode.Scalar) -> Bool {
        !noLineStartScalars.contains(after.value) && !noLineEndScalars.contains(before.value)
    }
}
