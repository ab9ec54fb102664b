import WenshuCore

/// A piece of a glyph run that OFD can state exactly as one TextCode with one CGTransform: its
/// characters (the codes), where each character stands, and the glyphs they became.
///
/// OFD places characters, not glyphs: a TextCode gives each character's position (X, Y and the
/// DeltaX steps), and a CGTransform says which glyphs a range of characters is drawn with. Where
/// shaping made one glyph of each character (nearly all Chinese text), a whole stretch of the run is
/// one segment and character i is drawn with glyph i at glyph i's position. A cluster that is not one
/// to one (a ligature, a character drawn with two glyphs) becomes a segment of its own, so that
/// every segment needs a single CGTransform — which is also all that simple readers understand.
struct OFDTextSegment: Equatable {
    /// The characters.
    var text: String
    /// Each character's origin relative to the run's origin, one per Unicode scalar of `text`.
    var positions: [Point]
    /// The glyph ids drawing `text`; empty when the characters have no glyph of their own.
    var glyphs: [UInt32]

    /// Whether characters and glyphs pair one to one.
    var isOneToOne: Bool { glyphs.count == positions.count }

    /// The run cut into segments, in order. A run whose clusters do not add up to its text and
    /// glyphs (it should not happen) is one segment drawn with all its glyphs.
    static func segments(of run: GlyphRun) -> [OFDTextSegment] {
        let bytes = Array(run.text.utf8)
        let consistent = run.clusters.allSatisfy { $0.bytes >= 0 && $0.glyphs >= 0 }
            && run.clusters.reduce(0) { $0 + $1.bytes } == bytes.count
            && run.clusters.reduce(0) { $0 + $1.glyphs } == run.glyphs.count
        guard consistent, !run.clusters.isEmpty else {
            return [cluster(text: run.text, glyphs: run.glyphs[...], fallback: .zero)]
        }
        var segments: [OFDTextSegment] = []
        var current = OFDTextSegment(text: "", positions: [], glyphs: [])
        var byte = 0, glyph = 0
        var lastPosition = run.glyphs.first.map { Point(x: $0.x, y: $0.y) } ?? .zero
        for c in run.clusters {
            let text = String(decoding: bytes[byte..<(byte + c.bytes)], as: UTF8.self)
            let placed = run.glyphs[glyph..<(glyph + c.glyphs)]
            byte += c.bytes; glyph += c.glyphs
            if text.unicodeScalars.count == placed.count {
                current.text += text
                current.positions += placed.map { Point(x: $0.x, y: $0.y) }
                current.glyphs += placed.map(\.id)
            } else {
                if !current.text.isEmpty { segments.append(current) }
                current = OFDTextSegment(text: "", positions: [], glyphs: [])
                // A character without a glyph stands where the next glyph does (or the last one).
                let next = glyph < run.glyphs.count ? Point(x: run.glyphs[glyph].x, y: run.glyphs[glyph].y) : lastPosition
                segments.append(cluster(text: text, glyphs: placed, fallback: next))
            }
            if let last = placed.last { lastPosition = Point(x: last.x, y: last.y) }
        }
        if !current.text.isEmpty { segments.append(current) }
        return segments.flatMap { $0.splittingLeadingSpaces() }
    }

    /// A one-to-one segment that starts with spaces (the ideographic spaces of a form's padding)
    /// as two: the spaces, and the text from its first visible character. Readers that trim a
    /// TextCode's text as XML whitespace (easyofd does) would otherwise set every character of it
    /// two places to the left.
    private func splittingLeadingSpaces() -> [OFDTextSegment] {
        let scalars = Array(text.unicodeScalars)
        guard isOneToOne, let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }), first > 0 else { return [self] }
        func part(_ r: Range<Int>) -> OFDTextSegment {
            var t = ""
            t.unicodeScalars.append(contentsOf: scalars[r])
            return OFDTextSegment(text: t, positions: Array(positions[r]), glyphs: Array(glyphs[r]))
        }
        return [part(0..<first), part(first..<scalars.count)]
    }

    /// One cluster as a segment: character j stands at glyph j (the last glyph for the characters
    /// beyond the glyphs), at `fallback` when there are no glyphs.
    private static func cluster(text: String, glyphs: ArraySlice<PlacedGlyph>, fallback: Point) -> OFDTextSegment {
        let placed = Array(glyphs)
        let positions = (0..<text.unicodeScalars.count).map { j -> Point in
            guard let g = placed.isEmpty ? nil : placed[min(j, placed.count - 1)] else { return fallback }
            return Point(x: g.x, y: g.y)
        }
        return OFDTextSegment(text: text, positions: positions, glyphs: placed.map(\.id))
    }
}
