import WenshuCore
import WenshuFonts

/// A glyph run placed on a line: `x` is the run's origin from the line's start.
public struct PlacedRun: Sendable {
    public var x: Length
    public var run: GlyphRun
}

/// One set line of a paragraph, ready for layout to place.
public struct TextLine: Sendable {
    /// Glyph runs, origins relative to the line's start on the baseline.
    public var runs: [PlacedRun]
    /// From the line's start to the end of its last character (after trims).
    public var width: Length
    /// The measure the line was set to.
    public var measure: Length
    /// The largest font size on the line.
    public var size: Length
    /// Above and below the baseline, for the largest font.
    public var ascent: Length
    public var descent: Length
    /// The line's text, as a reader would copy it.
    public var text: String
    /// The paragraph's last line (or the last before a forced break).
    public var endsParagraph: Bool
}

/// A typeset paragraph.
public struct ParagraphLayout: Sendable {
    public var lines: [TextLine]
    /// Characters no installed font has (drawn as a box, reported by the caller with the page
    /// and the place the text came from).
    public var missing: [MissingCharacter]
}

/// Turns the chosen breaks into lines: applies the edge trims, the justification adjustments or the
/// alignment offset, and gathers consecutive pieces of one face and style into glyph runs.
enum Finalize {
    static func lines(atoms: [Atom], junctions: [Junction], breaks: [Int], breaker: Linebreak,
                      style: ParagraphStyle, styles: [TextStyle], places: [SourceLocation?]) -> [TextLine] {
        var out: [TextLine] = []
        var s = 0
        for (n, e) in breaks.enumerated() {
            let measure = breaker.measure(n)
            let natural = breaker.naturalWidth(s, e)
            let last = n == breaks.count - 1 || junctions[e].forced
            var offset = 0.0
            var adjust = [Double](repeating: 0, count: max(0, e - s))
            let justify = style.grid == nil && ((style.alignment == .justified && !last) || style.alignment == .distributed)
            if let grid = style.grid, style.alignment != .distributed {
                offset = GridFill.adjust(&adjust, atoms: atoms, junctions: junctions, from: s, to: e, grid: grid,
                                         natural: natural, measure: measure, breaker: breaker,
                                         alignment: style.alignment, last: last)
            } else if justify || natural > measure + 0.01 {
                // Justified lines fill the measure; any line too long for it (a last line, a centred
                // one) shrinks by the same rules rather than overflow.
                adjust = Justify.adjustments(junctions: junctions, from: s, to: e, delta: measure - natural)
            } else if style.alignment == .distributed {
                adjust = Justify.adjustments(junctions: junctions, from: s, to: e, delta: measure - natural)
            } else {
                switch style.alignment {
                case .center: offset = (measure - natural) / 2
                case .right: offset = measure - natural
                default: break
                }
            }
            var x = offset - atoms[s].blankLeft
            var runs: [PlacedRun] = []
            var text = ""
            var maxSize = 0.0, ascent = 0.0, descent = 0.0
            // The run being built, kept out of `runs` until it is complete so that appending to
            // its arrays never copies them.
            var current: PlacedRun? = nil
            for m in s...e {
                let atom = atoms[m]
                let st = styles[atom.style]
                for piece in atom.pieces {
                    maxSize = max(maxSize, st.size.points)
                    ascent = max(ascent, piece.font.ascender * st.size.points)
                    descent = max(descent, -piece.font.descender * st.size.points)
                    let trim = m == e && !atom.trailing.isEmpty && piece.text.hasSuffix(atom.trailing)
                    let pieceText = trim ? String(piece.text.dropLast(atom.trailing.count)) : piece.text
                    let clusters = trim ? trimmedClusters(piece, bytes: atom.trailing.utf8.count) : piece.clusters
                    let glyphCount = trim ? clusters.reduce(0) { $0 + $1.glyphs } : piece.glyphs.count
                    if current != nil, current!.run.face == piece.font.id, current!.run.size == st.size,
                       current!.run.color == st.color, current!.run.emboldened == piece.emboldened,
                       current!.run.place == places[atom.style] {
                        let base = Length.pt(x) - current!.x
                        for g in piece.glyphs.prefix(glyphCount) {
                            current!.run.glyphs.append(PlacedGlyph(id: g.id, x: g.x + base, y: g.y))
                        }
                        current!.run.text += pieceText
                        current!.run.clusters += clusters
                    } else {
                        if let done = current { runs.append(done) }
                        var run = GlyphRun(face: piece.font.id, size: st.size, color: st.color, emboldened: piece.emboldened,
                                           glyphs: Array(piece.glyphs.prefix(glyphCount)), text: pieceText,
                                           clusters: clusters, width: .zero)
                        run.place = places[atom.style]
                        current = PlacedRun(x: .pt(x), run: run)
                    }
                }
                text += atom.text
                if m < e { text += atom.trailing }
                x += atom.width
                if m < e { x += junctions[m].glue + adjust[m - s] }
                if current != nil { current!.run.width = .pt(x) - current!.x }
            }
            if let done = current { runs.append(done) }
            let width = x - atoms[e].blankRight
            if maxSize == 0, let st = styles.first { maxSize = st.size.points; ascent = 0.88 * maxSize; descent = 0.12 * maxSize }
            out.append(TextLine(runs: runs, width: .pt(width), measure: .pt(measure), size: .pt(maxSize),
                                ascent: .pt(ascent), descent: .pt(descent), text: text, endsParagraph: last))
            s = e + 1
        }
        return out
    }

    /// The clusters of a piece less its last `bytes` bytes (the trailing spaces of a line's last atom).
    private static func trimmedClusters(_ piece: Piece, bytes: Int) -> [GlyphRun.Cluster] {
        var bytes = bytes
        var clusters = piece.clusters
        while bytes > 0, let c = clusters.last {
            if c.bytes <= bytes { bytes -= c.bytes; clusters.removeLast() } else { clusters[clusters.count - 1].bytes -= bytes; bytes = 0 }
        }
        return clusters
    }
}
