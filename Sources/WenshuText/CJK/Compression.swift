import WenshuCore

/// Punctuation compression of GB/T 15834-2011 §5.1.10 and clreq §3.1.6.
///
/// Two full-width marks side by side (“。”” or “）（”) take 1.5 em instead of 2: the blanks facing
/// each other lose half an em in all. The first mark's right blank goes first, then the second's
/// left blank. (Brackets keep their ink tight against the text beside them.) A mark at the end of a
/// line is set half an em (its trailing blank dropped) and an opening bracket at the start of a line
/// loses its leading half em: those two happen at the line edges, in the line breaker's measure.
enum Compression {
    /// How much of a line's facing blanks GB style takes away between adjacent marks, in em.
    static let adjacentReduction = 0.5

    /// Takes the compression between `a` and `b` out of their blanks; returns the width taken.
    static func take(_ a: inout Atom, _ b: inout Atom) -> Double {
        guard case .punctuation = a.kind, case .punctuation = b.kind else { return 0 }
        var want = adjacentReduction * max(a.em, b.em)
        let fromA = min(want, a.blankRightInside)
        want -= fromA
        let fromB = min(want, b.blankLeftInside)
        let taken = fromA + fromB
        if taken > 0 {
            // The compressed blanks are gone for good inside the line; the edge trims use the
            // original blanks, kept separately by the breaker.
            a.blankRightInside -= fromA
            b.blankLeftInside -= fromB
        }
        return taken
    }
}
