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

    /// True when, on a character grid (GB/T 9704), `a` and `b` may share one cell to fill a line:
    /// a mark whose ink sits in the left half of its square (）》” ，、；： 。？！) followed by one
    /// whose ink sits in the right half (（《“). Their facing blanks make a whole empty cell, so
    /// setting both on one column compresses the pair by one cell and keeps every other character
    /// on its column: what Word and WPS do to fill a grid line (标点挤压, GB/T 15834-2011
    /// §5.1.10 carried to the full cell the grid needs). The classes are read from
    /// `PunctuationClass.blanks`, the table of where each mark's ink sits.
    static func sharesGridCell(_ a: Atom.Kind, _ b: Atom.Kind) -> Bool {
        guard case .punctuation(let p) = a, case .punctuation(let q) = b else { return false }
        return p.blanks.right >= 0.5 && p.blanks.left == 0 && q.blanks.left >= 0.5 && q.blanks.right == 0
    }

    /// True for a mark whose ink sits in the left half of its square: at the end of a grid line it
    /// leaves half a cell empty, so the breaker counts such a line half a cell short.
    static func inkOnLeft(_ a: Atom.Kind) -> Bool {
        guard case .punctuation(let p) = a else { return false }
        return p.blanks.right >= 0.5 && p.blanks.left == 0
    }

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
