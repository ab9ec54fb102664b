import WenshuCore

/// Fits a line set on a character grid (GB/T 9704: 28 columns in 156 mm) to its measure.
///
/// 1. When the breaker let the line run past its measure by sharing cells, as many mark pairs
///    (`Compression.sharesGridCell`: ）（ ，“ 。《…) as it needs are set on one column, from the
///    line's end back; every other character stays on its column.
/// 2. A line still too long (a word longer than the line) shrinks its word spaces, as off the grid.
/// 3. A justified line that is not a paragraph's last, and holds Latin words, numbers or ——/……
///    (pieces that take half cells or two cells, so the grid is lost past them anyway), is spread
///    to the grid's right edge as a free line is (`Justify`: word spaces, then every gap evenly, so
///    no single gap opens wide); a mark with its ink on the left ending such a line is set half
///    width at the edge (GB/T 15834-2011 §5.1.10). A line of
///    Han and marks alone stays on its columns: the breaker chose its breaks to fill it.
/// Centred lines start on a column; right-aligned lines end at the measure.
enum GridFill {
    /// Fills `adjust` (one entry a junction `s..<e`) and returns the line's offset from its start.
    static func adjust(_ adjust: inout [Double], atoms: [Atom], junctions: [Junction], from s: Int, to e: Int,
                       grid: GridSpec, natural: Double, measure: Double, breaker: Linebreak,
                       alignment: Alignment, last: Bool) -> Double {
        let pitch = grid.pitch.points
        var width = natural
        var need = breaker.gridCompressions(s, e, measure: measure) ?? Int.max
        var k = e - 1
        while need > 0 && k >= s {
            if junctions[k].gridPair {
                adjust[k - s] -= pitch
                width -= pitch
                need -= 1
            }
            k -= 1
        }
        if width > measure + 0.01 {
            let more = Justify.adjustments(junctions: junctions, from: s, to: e, delta: measure - width)
            for i in adjust.indices { adjust[i] += more[i] }
            return 0
        }
        switch alignment {
        case .center:
            return ((measure - width) / 2 / pitch).rounded(.down) * pitch
        case .right:
            return measure - width
        case .justified where !last:
            var short = measure - width
            if Compression.inkOnLeft(atoms[e].kind) { short += pitch / 2 }
            guard short > 0.01 else { return 0 }
            guard breaker.mixed(s, e) else { return 0 }
            let more = Justify.adjustments(junctions: junctions, from: s, to: e, delta: short)
            for i in adjust.indices { adjust[i] += more[i] }
            return 0
        default:
            return 0
        }
    }

    /// What the breaker counts a gap of a grid line as able to stretch, in cells: a line with pieces
    /// off the grid is spread over all its gaps and may take a quarter cell a gap; a line of Han and
    /// marks alone stays on its columns, so a shortfall there is rated as all but unstretchable.
    static let mixedStretch = 0.25
    static let pureStretch = 0.02

    /// Pieces that do not take exactly one cell: Latin words and numbers, ——/……, the middle dot.
    static func offGrid(_ kind: Atom.Kind) -> Bool {
        switch kind {
        case .latin, .punctuation(.inseparable), .punctuation(.middleDot): true
        default: false
        }
    }
}
