import Testing
import WenshuCore
import WenshuFonts
import WenshuRender
import WenshuText
@testable import WenshuLayout

@Suite struct FlowLayoutTests {
    static let fonts = try! FontBook()
    static let body = TextStyle(role: .fangsong, size: .pt(16))
    static let han = "党建文化是党在长期发展建设中创造的精神财富，是体现党的性质、奋斗目标、历史传统的文化形态，是充分发挥基层党组织战斗堡垒和政治核心作用的重要保证。"

    func layout(_ blocks: [Block], master: PageMaster = .officialDocument()) throws -> [Frame] {
        try FlowLayout(master: master, typesetter: ParagraphTypesetter(fonts: Self.fonts)).layout(blocks)
    }

    func paragraph(_ text: String, keep: Bool = false) -> Block {
        .paragraph(ParagraphBlock(runs: [InlineRun(text, style: Self.body)], keepWithNext: keep))
    }

    /// Body baselines of a page (text lines of the body size inside the type area).
    func bodyLines(_ frame: Frame) -> [Length] {
        var ys: [Length] = []
        for e in frame.items {
            if case .glyphs(let run) = e.item, run.size == .pt(16), e.position.y < PageMaster.officialDocument().body.maxY,
               !ys.contains(where: { $0.approximatelyEquals(e.position.y, tolerance: 0.5) }) {
                ys.append(e.position.y)
            }
        }
        return ys
    }

    /// GB/T 9704: 22 lines a page on a pitch of 225 mm / 22, starting at the top of the type area.
    @Test func twentyTwoLinesAPage() throws {
        let frames = try layout((0..<12).map { _ in paragraph(Self.han + Self.han) })
        #expect(frames.count >= 2)
        let ys = bodyLines(frames[0])
        #expect(ys.count == 22, "\(ys.count) lines")
        let pitch = Length.mm(225) / 22
        for (a, b) in zip(ys, ys.dropFirst()) { #expect((b - a).approximatelyEquals(pitch, tolerance: 0.01)) }
        // The first line's em box sits in the first slot of the type area.
        #expect(ys[0] > .mm(37) && ys[0] < .mm(37) + pitch)
    }

    /// Page numbers "― N ―" 7 mm below the type area, odd pages right and even pages left, one character in.
    @Test func pageNumbersFollowGBT9704() throws {
        let frames = try layout((0..<12).map { _ in paragraph(Self.han) })
        let trace = DebugRenderer().trace(frames)
        let numberLines = trace.split(separator: "\n").filter { $0.contains("14.00pt") }
        #expect(numberLines.count == frames.count)
        #expect(numberLines[0].hasSuffix("|— 1 —|"))
        let body = PageMaster.officialDocument().body
        for (n, frame) in frames.enumerated() {
            guard let number = frame.items.last, case .glyphs(let run) = number.item else { Issue.record("no number"); continue }
            if n % 2 == 0 {
                #expect((number.position.x + run.width).approximatelyEquals(body.maxX - .pt(14), tolerance: 0.6))
            } else {
                #expect(number.position.x.approximatelyEquals(body.minX + .pt(14), tolerance: 0.6))
            }
            // The dash line's middle (0.38 em above the baseline) 7 mm under the type area.
            #expect((number.position.y - .pt(0.38 * 14)).approximatelyEquals(body.maxY + .mm(7), tolerance: 0.1))
        }
    }

    /// No page starts with a paragraph's last line alone and none ends with a first line alone.
    @Test func noWidowsOrOrphans() throws {
        for lead in 0..<8 {
            var blocks: [Block] = (0..<lead).map { _ in paragraph("短段落。") }
            blocks += (0..<6).map { _ in paragraph(Self.han + Self.han) }
            let frames = try layout(blocks)
            let trace = DebugRenderer().trace(frames)
            var pageLines: [[String]] = []
            for line in trace.split(separator: "\n") {
                if line.hasPrefix("page") { pageLines.append([]) } else if line.contains("16.00pt") { pageLines[pageLines.count - 1].append(String(line)) }
            }
            for page in pageLines.dropFirst() where page.count >= 2 {
                // A widow: a page's first line ends its paragraph while the next line starts a new one (indented).
                let first = page[0], second = page[1]
                let firstIndented = first.contains(" 111.")
                let secondIndented = second.contains(" 111.")
                #expect(!( !firstIndented && secondIndented && !first.contains("短段落")), "widow at lead \(lead): \(first)")
            }
        }
    }

    /// A heading kept with the next paragraph never ends a page.
    @Test func headingStaysWithItsParagraph() throws {
        for lead in 14...21 {
            var blocks: [Block] = (0..<lead).map { _ in paragraph("短段落。") }
            blocks.append(paragraph("一、指导思想", keep: true))
            blocks.append(paragraph(Self.han))
            let frames = try layout(blocks)
            let trace = DebugRenderer().trace(frames)
            let pages = trace.components(separatedBy: "page ").filter { !$0.isEmpty }
            let headingPage = pages.firstIndex { $0.contains("|一、指导思想|") }!
            #expect(pages[headingPage].contains("党建文化"), "heading alone at lead \(lead)")
        }
    }

    @Test func explicitPageBreak() throws {
        let frames = try layout([paragraph("第一页。"), .pageBreak, paragraph("第二页。")])
        #expect(frames.count == 2)
    }

    /// A character no font has is a warning naming the character and the page.
    @Test func missingCharacterWarnsWithPage() throws {
        let log = ProblemLog()
        let flow = FlowLayout(master: .officialDocument(), typesetter: ParagraphTypesetter(fonts: Self.fonts), diagnostics: log)
        _ = try flow.layout([paragraph("缺字\u{10FFFD}。")])
        #expect(log.all.count == 1)
        #expect(log.all[0].english.contains("U+10FFFD") && log.all[0].english.contains("page 1"))
        #expect(log.all[0].severity == .warning && log.all[0].chinese.contains("第 1 页"))
    }

    /// The paragraph cache leaves places out of its key but not out of its lines: the same text
    /// from two cells is set once, and each layout's glyph runs name their own cell.
    @Test func cachedParagraphsTakeTheirOwnPlaces() throws {
        let cache = ParagraphCache()
        let flow = FlowLayout(master: .officialDocument(), typesetter: ParagraphTypesetter(fonts: Self.fonts), cache: cache)
        func frames(_ place: WenshuCore.SourceLocation) throws -> [Frame] {
            try flow.layout([.paragraph(ParagraphBlock(runs: [InlineRun("青石桥实验小学", style: Self.body, place: place)]))])
        }
        let a = WenshuCore.SourceLocation(file: "名单.xlsx", place: "名单!B2")
        let b = WenshuCore.SourceLocation(file: "名单.xlsx", place: "名单!B3")
        let first = try frames(a), second = try frames(b)
        #expect(cache.count == 1)
        let places = { (f: [Frame]) in f.flatMap(\.items).compactMap { if case .glyphs(let r) = $0.item { r.place } else { nil } } }
        #expect(places(first) == [a] && places(second) == [b], "\(places(second))")
    }

    /// A signature's issuer and date are set once per cache (the same on every certificate of a
    /// batch), and a layout from the cache draws what an uncached layout draws; a small cache stays
    /// within its capacity.
    @Test func signatureLinesComeFromTheCacheUnchanged() throws {
        let signature = Block.signature(SignatureBlock(issuer: "中共清河市委教育工作委员会", date: "2023年3月6日"))
        let plain = DebugRenderer().trace(try layout([signature]))
        let cache = ParagraphCache()
        let flow = FlowLayout(master: .officialDocument(), typesetter: ParagraphTypesetter(fonts: Self.fonts), cache: cache)
        let first = DebugRenderer().trace(try flow.layout([signature]))
        #expect(cache.count == 2, "issuer and date")
        let again = DebugRenderer().trace(try flow.layout([signature]))
        #expect(cache.count == 2)
        #expect(first == plain && again == plain)
        let small = ParagraphCache(capacity: 1)
        let bounded = FlowLayout(master: .officialDocument(), typesetter: ParagraphTypesetter(fonts: Self.fonts), cache: small)
        #expect(DebugRenderer().trace(try bounded.layout([signature])) == plain)
        #expect(small.count <= 1)
    }

    /// A missing character in text from the data names the data line it came from.
    @Test func missingCharacterNamesItsDataLine() throws {
        let log = ProblemLog()
        let flow = FlowLayout(master: .officialDocument(), typesetter: ParagraphTypesetter(fonts: Self.fonts), diagnostics: log)
        let place = WenshuCore.SourceLocation(file: "data.yaml", line: 7, column: 9)
        let runs = [InlineRun("姓名：", style: Self.body), InlineRun("张\u{10FFFD}", style: Self.body, place: place)]
        _ = try flow.layout([.paragraph(ParagraphBlock(runs: runs))])
        #expect(log.all.count == 1)
        #expect(log.all.first?.location == place, "\(log.all)")
        #expect(log.all.first?.description.hasPrefix("data.yaml:7:9: 注意：") == true)
    }
}
