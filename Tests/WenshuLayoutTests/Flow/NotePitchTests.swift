import Testing
import WenshuCore
import WenshuFonts
import WenshuText
@testable import WenshuLayout

/// Small text on a GB/T 9704 page (a form's 注 in 五号) is set on a pitch that suits its size,
/// not one 28.99 pt grid line a line; what follows it stays on the page's lines.
@Suite struct NotePitchTests {
    static let fonts = try! FontBook()
    static let note = TextStyle(role: .fangsong, size: .pt(10.5))
    static let body = TextStyle(role: .fangsong, size: .pt(16))
    static let han = "党建文化是党在长期发展建设中创造的精神财富，是体现党的性质、奋斗目标、历史传统的文化形态。"

    /// The baselines of the runs of `size`, in order, one a line.
    func baselines(_ frame: Frame, size: Double) -> [Length] {
        var ys: [Length] = []
        for e in frame.items {
            if case .glyphs(let run) = e.item, run.size == .pt(size),
               !ys.contains(where: { $0.approximatelyEquals(e.position.y, tolerance: 0.5) }) { ys.append(e.position.y) }
        }
        return ys
    }

    @Test func aNoteTakesOneAndAHalfTimesItsSize() throws {
        let master = PageMaster.officialDocument()
        let blocks: [Block] = [
            .paragraph(ParagraphBlock(runs: [InlineRun(Self.han + Self.han + Self.han, style: Self.note)])),
            .paragraph(ParagraphBlock(runs: [InlineRun("正文", style: Self.body)])),
        ]
        let frames = try FlowLayout(master: master, typesetter: ParagraphTypesetter(fonts: Self.fonts)).layout(blocks)
        let frame = try #require(frames.first)
        let ys = baselines(frame, size: 10.5)
        #expect(ys.count >= 2, "\(ys)")
        for (a, b) in zip(ys, ys.dropFirst()) { #expect((b - a).approximatelyEquals(.pt(15.75), tolerance: 0.01), "\(ys)") }
        // The body after the note is back on the page's line grid: its slot starts a whole number
        // of pitches below the type area's top.
        let body = try #require(baselines(frame, size: 16).first)
        let pitch = master.linePitch.points
        let slots = (body.points - master.body.minY.points - (pitch - 16) / 2 - 0.88 * 16) / pitch
        #expect(abs(slots - slots.rounded()) < 0.01, "\(slots)")
        #expect(slots >= 1)
    }
}
