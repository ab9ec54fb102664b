import Testing
import WenshuCore
@testable import WenshuLayout

/// GB/T 9704-2012 §7.2.2: the issuer mark keeps its size; a mark too long for the type area is
/// condensed (长体) to its width rather than shrunk evenly.
@Suite struct MastheadTests {
    let flow = FlowLayoutTests()

    func mark(_ text: String) throws -> (FrameElement, GlyphRun) {
        let frames = try flow.layout([.masthead(MastheadBlock(mark: text, number: "东教党〔2023〕12号"))])
        let element = try #require(frames[0].items.first { if case .glyphs(let r) = $0.item { r.text == text } else { false } })
        guard case .glyphs(let run) = element.item else { throw CancellationError() }
        return (element, run)
    }

    @Test func shortMarkKeepsItsShape() throws {
        let (_, run) = try mark("清河市教育局文件")
        #expect(run.size == .pt(36) && run.horizontalScale == 1)
    }

    @Test func longMarkCondensesToTheTypeArea() throws {
        let (element, run) = try mark("中共清河市东湖区教育局党组清河市东湖区教育局联合文件")
        #expect(run.size == .pt(36))
        #expect(run.horizontalScale < 0.7)
        let body = PageMaster.officialDocument().body
        #expect(element.position.x.approximatelyEquals(body.minX, tolerance: 0.1))
        #expect((element.position.x + run.width).approximatelyEquals(body.maxX, tolerance: 0.1))
        // Glyphs are spread over the whole width, the last one ending at the right edge.
        let last = try #require(run.glyphs.last)
        #expect((element.position.x + last.x).points > body.maxX.points - 36 * run.horizontalScale - 1)
    }
}
