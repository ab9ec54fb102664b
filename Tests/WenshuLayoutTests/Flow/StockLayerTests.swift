import Testing
import WenshuCore
import WenshuText
@testable import WenshuLayout

/// 套打: what a `<stock>` block, a stock border and a stock seal place is tagged as the stock's, and
/// the rest as content; the layout is the same either way.
@Suite struct StockLayerTests {
    let flow = FlowLayoutTests()

    func texts(_ frame: Frame, _ layer: FrameLayer) -> [String] {
        frame.items.compactMap { e -> String? in
            if case .glyphs(let r) = e.item, e.layer == layer, !r.isArtifact { r.text } else { nil }
        }
    }

    @Test func stockBlocksAreTaggedAndTheRestIsContent() throws {
        var master = PageMaster.officialDocument()
        master.borders = [PageBorder(inset: .mm(9), stroke: Stroke(width: .pt(2)))]
        master.borderLayer = .stock
        let frames = try flow.layout([.layer(.stock), flow.paragraph("荣誉证书"), .layer(.content), flow.paragraph("林秀芳同志")],
                                     master: master)
        #expect(texts(frames[0], .stock).joined() == "荣誉证书")
        #expect(texts(frames[0], .content).joined() == "林秀芳同志")
        let borders = frames[0].items.filter { if case .rectangle = $0.item { true } else { false } }
        #expect(borders.count == 1 && borders.allSatisfy { $0.layer == .stock })
        // The same places as without layers: 套打 leaves the stock out, it does not move the rest.
        let plain = try flow.layout([flow.paragraph("荣誉证书"), flow.paragraph("林秀芳同志")], master: master)
        #expect(frames[0].items.map(\.position) == plain[0].items.map(\.position))
        // Keeping the content drops the stock's items and nothing else.
        let kept = frames[0].keeping([.content])
        #expect(texts(kept, .content) == texts(frames[0], .content) && texts(kept, .stock).isEmpty)
        #expect(!kept.items.contains { if case .rectangle = $0.item { true } else { false } })
    }

    /// A stock block that runs over a page break is the stock's on both pages.
    @Test func stockAcrossAPageBreak() throws {
        let long = String(repeating: FlowLayoutTests.han, count: 12)
        let frames = try flow.layout([.layer(.stock), flow.paragraph(long), .layer(.content), flow.paragraph("完")])
        #expect(frames.count == 2)
        #expect(frames[0].items.allSatisfy { e in if case .glyphs(let r) = e.item, !r.isArtifact { e.layer == .stock } else { true } })
        #expect(texts(frames[1], .content).joined() == "完" && !texts(frames[1], .stock).isEmpty)
    }
}
