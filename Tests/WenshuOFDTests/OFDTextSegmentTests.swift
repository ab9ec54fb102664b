import Testing
import WenshuCore
@testable import WenshuOFD

@Suite struct OFDTextSegmentTests {
    static let face = FaceID(path: "/x.ttf", index: 0, family: "X")

    static func run(_ text: String, glyphs: [(UInt32, Double)], clusters: [(Int, Int)]) -> GlyphRun {
        GlyphRun(face: face, size: .pt(16), glyphs: glyphs.map { PlacedGlyph(id: $0.0, x: .pt($0.1)) }, text: text,
                 clusters: clusters.map { GlyphRun.Cluster(bytes: $0.0, glyphs: $0.1) }, width: .pt(64))
    }

    /// Chinese text shaped one glyph per character is one segment: character i at glyph i.
    @Test func oneToOneRunIsOneSegment() {
        let r = Self.run("党建品牌", glyphs: [(10, 0), (11, 16), (12, 32.5), (13, 48)], clusters: [(3, 1), (3, 1), (3, 1), (3, 1)])
        let segments = OFDTextSegment.segments(of: r)
        #expect(segments.count == 1)
        #expect(segments[0].text == "党建品牌")
        #expect(segments[0].glyphs == [10, 11, 12, 13])
        #expect(segments[0].positions.map(\.x.points) == [0, 16, 32.5, 48])
    }

    /// A ligature (two characters, one glyph) stands alone, both characters at the glyph; the
    /// text around it stays whole on either side.
    @Test func ligatureIsItsOwnSegment() {
        let r = Self.run("afib", glyphs: [(1, 0), (2, 8), (3, 16)], clusters: [(1, 1), (2, 1), (1, 1)])
        let segments = OFDTextSegment.segments(of: r)
        #expect(segments.map(\.text) == ["a", "fi", "b"])
        #expect(segments[1].glyphs == [2])
        #expect(segments[1].positions.map(\.x.points) == [8, 8])
        #expect(segments[1].isOneToOne == false)
    }

    /// Leading ideographic spaces become a segment of their own, so that a reader trimming the
    /// text as XML whitespace cannot shift the characters after them.
    @Test func leadingSpacesStandApart() {
        let r = Self.run("　　品牌", glyphs: [(14, 0), (14, 12), (75, 24), (166, 36)], clusters: [(3, 1), (3, 1), (3, 1), (3, 1)])
        let segments = OFDTextSegment.segments(of: r)
        #expect(segments.map(\.text) == ["　　", "品牌"])
        #expect(segments[1].positions.map(\.x.points) == [24, 36])
        #expect(segments[1].glyphs == [75, 166])
    }

    /// Clusters that do not add up to the text are not trusted: one segment with every glyph.
    @Test func inconsistentClustersGiveOneSegment() {
        let r = Self.run("文书", glyphs: [(5, 0), (6, 16)], clusters: [(3, 1)])
        let segments = OFDTextSegment.segments(of: r)
        #expect(segments.count == 1)
        #expect(segments[0].text == "文书" && segments[0].glyphs == [5, 6])
    }
}
