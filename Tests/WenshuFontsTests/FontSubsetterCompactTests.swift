import Testing
import WenshuCore
@testable import WenshuFonts

/// `FontSubsetter.compact`: the subset with glyphs renumbered, for formats that embed the font file
/// itself (OFD).
@Suite struct FontSubsetterCompactTests {
    /// The kept glyphs are renumbered densely from 1 (.notdef stays 0), in their old order, and the
    /// file is a fraction of the id-keeping subset's (no empty slots up to the highest id).
    @Test func renumbersDenselyAndIsSmaller() throws {
        let font = try FontBookTests.book.chain(for: .song).primary
        let glyphs = Set(font.shape("一校一品党建品牌", script: .han).map(\.id))
        let (compact, ids) = try #require(FontSubsetter.compact(font, glyphs: glyphs))
        let kept = try #require(FontSubsetter.subset(font, glyphs: glyphs))
        #expect(ids[0] == 0)
        let old = glyphs.sorted()
        #expect(old.map { ids[$0] } == (1...old.count).map { UInt32($0) }, "\(ids)")
        #expect(compact.byteCount < kept.byteCount, "\(compact.byteCount) vs \(kept.byteCount) bytes")
        #expect(compact.data.count == compact.byteCount)
        #expect(compact.source == font.id)
    }
}
