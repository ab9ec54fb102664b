import Testing
import WenshuCore
import WenshuRender
@testable import WenshuLayout

/// Odd-page starts: duplex inserts a blank back with no number or header; simplex inserts none.
@Suite struct SimplexTests {
    let flow = FlowLayoutTests()
    let books = BookTests()

    func blocks() -> [Block] {
        let (front, body) = books.book()
        return [flow.paragraph("封面"), .section(SectionBreak(master: front, restartNumbering: true, oddPage: true))]
            + books.chapter("前言") + [.pageBreak(toOdd: true), flow.paragraph("目录")]
            + [.section(SectionBreak(master: body, restartNumbering: true, oddPage: true))] + books.chapter("第一章")
    }

    @Test func duplexBlankBacksCarryNothing() throws {
        let frames = try flow.layout(blocks())
        let blank = frames.enumerated().filter { $0.element.items.isEmpty }.map(\.offset)
        #expect(blank.contains(1), "the cover's back is blank: \(frames.map { $0.items.count })")
        // Every section and odd break starts on an odd sheet side (page index even).
        func text(_ f: Frame) -> String {
            f.items.compactMap { if case .glyphs(let r) = $0.item, !r.isArtifact { r.text } else { nil } }.joined()
        }
        let starts = ["前言", "目录", "第一章"].compactMap { title in frames.firstIndex { text($0).hasPrefix(title) } }
        #expect(starts.count == 3 && starts.allSatisfy { $0 % 2 == 0 }, "\(starts)")
        // A blank page: no number, no header, no border (the trace has the page line only).
        for i in blank { #expect(DebugRenderer().trace([frames[i]]).split(separator: "\n").count == 1) }
    }

    @Test func simplexInsertsNoBlankPages() throws {
        let content = DocumentContent(master: .officialDocument(grid: false), blocks: blocks()).simplex()
        let frames = try flow.layout(content.blocks, master: content.master)
        #expect(frames.allSatisfy { !$0.items.isEmpty }, "\(frames.map { $0.items.count })")
        #expect(frames.count < (try flow.layout(blocks())).count)
    }
}
