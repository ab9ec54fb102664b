import Testing
import WenshuCore
import WenshuRender
@testable import WenshuLayout

/// Books: front matter numbered apart, chapter openings without running headers, mirrored margins
/// with a gutter for binding.
@Suite struct BookTests {
    let flow = FlowLayoutTests()

    func book(front: Bool = true) -> (PageMaster, PageMaster) {
        var body = PageMaster.officialDocument(grid: false)
        body.margins.left = .mm(20); body.margins.right = .mm(30)
        body.mirrored = true
        body.gutter = .mm(5)
        body.plainChapterOpenings = true
        body.header = Furniture(text: "{title}")
        var frontMatter = body
        frontMatter.pageNumbers?.format = .roman
        frontMatter.header = nil
        return (frontMatter, body)
    }

    func chapter(_ title: String) -> [Block] {
        [.paragraph(ParagraphBlock(runs: [InlineRun(title, style: FlowLayoutTests.body)], bookmarkLevel: 1)),
         flow.paragraph(String(repeating: FlowLayoutTests.han, count: 8))]
    }

    @Test func frontMatterInRomanThenTheBodyFromOne() throws {
        let (front, body) = book()
        let frames = try flow.layout([flow.paragraph("封面"),
                                      .section(SectionBreak(master: front, restartNumbering: true, oddPage: true))]
                                     + chapter("前言")
                                     + [.section(SectionBreak(master: body, restartNumbering: true, oddPage: true))] + chapter("第一章"))
        let labels = frames.map { $0.label ?? "" }
        // The cover and its blank back, the preface from i, the body from 1 on an odd page.
        #expect(Array(labels.prefix(4)) == ["1", "2", "i", "ii"], "\(labels)")
        let bodyStart = try #require(labels.lastIndex(of: "1"))
        #expect(bodyStart > 3 && bodyStart % 2 == 0, "the body starts on a right-hand (odd) page: \(labels)")
        #expect(PageNumberStyle.roman(1994) == "mcmxciv" && PageNumberStyle.roman(4) == "iv")
    }

    @Test func chapterOpeningsCarryNoRunningHeader() throws {
        let (_, body) = book()
        let frames = try flow.layout([.section(SectionBreak(master: body))] + chapter("第一章"))
        #expect(frames.count >= 2)
        func header(_ f: Frame) -> Bool { DebugRenderer().trace([f]).split(separator: "\n").contains { $0.contains("|第一章|") && $0.contains("10.50pt") } }
        #expect(!header(frames[0]), "no header on the opening page")
        #expect(header(frames[1]), "the running header on the next")
    }

    @Test func evenPagesMirrorTheMargins() throws {
        let (_, body) = book()
        let frames = try flow.layout([.section(SectionBreak(master: body))] + chapter("第一章"))
        func left(_ f: Frame) -> Length? {
            f.items.compactMap { if case .glyphs(let r) = $0.item, r.size == .pt(16) { $0.position.x } else { nil } }.min()
        }
        let odd = try #require(left(frames[0])), even = try #require(left(frames[1]))
        // Odd: inner 20 mm + 5 mm gutter on the left; even: the outer 30 mm on the left.
        #expect(abs(odd.millimetres - 25) < 0.5, "\(odd.millimetres)")
        #expect(abs(even.millimetres - 30) < 0.5, "\(even.millimetres)")
    }
}
