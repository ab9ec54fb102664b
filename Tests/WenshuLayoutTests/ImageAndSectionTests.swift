import Foundation
import Testing
import WenshuCore
import WenshuFonts
import WenshuRender
import WenshuText
@testable import WenshuLayout

/// Images, page breaks to odd pages, sections, contents and furniture.
@Suite struct ImageAndSectionTests {
    static let fonts = FlowLayoutTests.fonts
    static let photo: String = {
        // A small JPEG of the samples (800×600).
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/samples/compilation/photos/p1.jpg"
    }()
    static let seal: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/samples/notice/seal.png"
    }()

    func layout(_ blocks: [Block], master: PageMaster = .officialDocument(grid: false)) throws -> [Frame] {
        try FlowLayout(master: master, typesetter: ParagraphTypesetter(fonts: Self.fonts)).layout(blocks)
    }

    func images(_ frame: Frame) -> [(Point, Size)] {
        frame.items.compactMap { if case .image(_, let s) = $0.item { ($0.position, s) } else { nil } }
    }

    @Test func imageKeepsItsAspectInsideItsBox() throws {
        let frames = try layout([.image(ImageBlock(path: Self.photo, width: .mm(120), height: .mm(60)))])
        let (_, size) = try #require(images(frames[0]).first)
        #expect(size.height.approximatelyEquals(.mm(60), tolerance: 0.01))
        #expect((size.width / size.height - 800.0 / 600.0).magnitude < 0.001)
    }

    @Test func imageWiderThanTheTypeAreaIsScaledDown() throws {
        let frames = try layout([.image(ImageBlock(path: Self.photo, width: .mm(400)))])
        let (p, size) = try #require(images(frames[0]).first)
        #expect(size.width.approximatelyEquals(.mm(156), tolerance: 0.01))
        #expect(p.x.approximatelyEquals(.mm(28), tolerance: 0.01))
    }

    @Test func imageTooTallForThePageRestMovesOnWithItsCaption() throws {
        let text = ParagraphBlock(runs: [InlineRun(String(repeating: "党建品牌创建工作。", count: 40), style: FlowLayoutTests.body)])
        let caption = [InlineRun("图1　红烛书屋", style: TextStyle(role: .kai, size: .pt(14)))]
        let frames = try layout([.paragraph(text), .image(ImageBlock(path: Self.photo, width: .mm(150), caption: caption))])
        #expect(frames.count == 2)
        #expect(images(frames[0]).isEmpty && images(frames[1]).count == 1)
        #expect(DebugRenderer().trace([frames[1]]).contains("|图1　红烛书屋|"))
    }

    @Test func jpegGoesIntoThePDFUnchangedAndOnceForManyPages() throws {
        let blocks: [Block] = [.image(ImageBlock(path: Self.photo, width: .mm(50))), .pageBreak,
                               .image(ImageBlock(path: Self.photo, width: .mm(50))), .pageBreak,
                               .image(ImageBlock(path: Self.photo, width: .mm(80)))]
        let frames = try layout(blocks)
        #expect(frames.count == 3)
        let pdf = NSTemporaryDirectory() + "jpeg-\(UUID().uuidString).pdf"
        try PDFRenderer(fonts: Self.fonts).render(frames, info: DocumentInfo(), to: pdf)
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let raw = String(decoding: data, as: UTF8.self)
        #expect(raw.components(separatedBy: "/DCTDecode").count - 1 == 1, "one JPEG stream for three pages")
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: Self.photo))
        #expect(data.range(of: jpeg.prefix(2048)) != nil, "the JPEG's bytes, not re-encoded")
    }

    @Test func pageBreakToAnOddPageLeavesABlankEvenPage() throws {
        let p = Block.paragraph(ParagraphBlock(runs: [InlineRun("第一页。", style: FlowLayoutTests.body)]))
        let frames = try layout([p, .pageBreak(toOdd: true), p])
        #expect(frames.count == 3)
        #expect(DebugRenderer().trace([frames[1]]).split(separator: "\n").count == 1, "page 2 is blank, without a number")
    }

    @Test func sectionsChangeTheMasterAndRestartNumbering() throws {
        var book = PageMaster.officialDocument(grid: false)
        book.pageNumbers?.format = .pageOfPages
        book.header = Furniture(text: "{title}")
        let p = { (t: String) in Block.paragraph(ParagraphBlock(runs: [InlineRun(t, style: FlowLayoutTests.body)])) }
        let h = Block.paragraph(ParagraphBlock(runs: [InlineRun("第一章", style: FlowLayoutTests.body)], bookmarkLevel: 1))
        let frames = try layout([p("封面"), .section(SectionBreak(master: book, restartNumbering: true)), h, p("正文"), .pageBreak, p("续")])
        #expect(frames.map(\.label) == ["1", "1", "2"])
        let second = DebugRenderer().trace([frames[1]])
        #expect(second.contains("|第1页 共2页|") && second.contains("|第一章|"))
        #expect(DebugRenderer().trace([frames[2]]).contains("|第2页 共2页|"))
    }

    /// GB/T 9704 §7.5: odd page numbers stand right and even ones left, one character in, by the
    /// printed number: a cover before a restarted numbering puts "— 1 —" on the second sheet, right.
    @Test func pageNumberSideFollowsThePrintedNumber() throws {
        let master = PageMaster.officialDocument(grid: false)
        let p = { (t: String) in Block.paragraph(ParagraphBlock(runs: [InlineRun(t, style: FlowLayoutTests.body)])) }
        let frames = try layout([p("封面"), .section(SectionBreak(master: master, restartNumbering: true)), p("正文"), .pageBreak, p("续")])
        #expect(frames.map(\.label) == ["1", "1", "2"])
        func numberX(_ frame: Frame) -> Length? {
            frame.items.first { if case .glyphs(let r) = $0.item { r.isArtifact && r.text.contains("—") } else { false } }?.position.x
        }
        let body = master.body
        let one = try #require(numberX(frames[1])), two = try #require(numberX(frames[2]))
        #expect(one > body.minX + body.width / 2, "— 1 — on the second sheet stands right")
        #expect(two < body.minX + body.width / 2, "— 2 — stands left")
    }

    /// §7.4.2: a long 抄送 list wraps, every organ kept, its wrapped lines aligned with the first
    /// character after the colon; the imprint grows by a line for each.
    @Test func longCopiesListWrapsUnderTheColon() throws {
        let organs = (1...12).map { "清河市第\($0)中学党支部" }.joined(separator: "，")
        let imprint = ImprintBlock(copies: organs, printer: "东湖区教育局党组办公室", printed: "2023年3月6日印发")
        let frames = try layout([.imprint(imprint)])
        let lines = DebugRenderer().trace(frames).split(separator: "\n").filter { $0.contains("14.00pt") && !$0.contains("印发") }
        #expect(lines.count >= 3, "\(lines)")
        let text = lines.compactMap { $0.split(separator: "|").dropFirst().first }.joined()
        #expect(text == "抄送：" + organs + "。")
        func x(_ line: Substring) -> Double? { line.split(separator: " ").first { $0.contains(",") }.flatMap { Double($0.split(separator: ",")[0]) } }
        let first = try #require(x(lines[0])), second = try #require(x(lines[1]))
        #expect(abs(second - first - 3 * 14) < 0.5, "wrapped line starts under the first organ: \(first) \(second)")
    }

    /// An imprint with a printing date but no 印发机关 keeps its 印发 line inside the type area,
    /// between the thin rule and the thick one (it was counted only when the printer was given).
    @Test func aDateOnlyImprintStaysInTheTypeArea() throws {
        let master = PageMaster.officialDocument(grid: false)
        let frames = try layout([.imprint(ImprintBlock(copies: "市委教育工委", printer: "", printed: "2023年3月6日印发"))], master: master)
        let date = try #require(frames.last?.items.first { item in
            if case .glyphs(let run) = item.item { run.text.contains("印发") } else { false }
        })
        #expect(date.position.y <= master.body.maxY, "the date's baseline \(date.position.y) is below the type area \(master.body.maxY)")
        let rules = frames.last?.items.filter { if case .line = $0.item { true } else { false } }.count ?? 0
        #expect(rules == 3, "thick, thin under the copies, thick: \(rules)")
    }

    @Test func contentsListHeadingsWithTheirPagesAndLinks() throws {
        let h = { (t: String) in Block.paragraph(ParagraphBlock(runs: [InlineRun(t, style: FlowLayoutTests.body)], bookmarkLevel: 1)) }
        let frames = try layout([.contents(ContentsBlock(levels: 1)), .pageBreak, h("一、甲"), .pageBreak, h("二、乙"), .pageBreak, h("三、丙")])
        let toc = DebugRenderer().trace([frames[0]])
        for (title, page) in [("一、甲", 2), ("二、乙", 3), ("三、丙", 4)] {
            #expect(toc.split(separator: "\n").contains { $0.contains("|\(title)…") && $0.hasSuffix("…\(page)|") }, "\(toc)")
        }
        #expect(frames[0].items.filter { if case .link = $0.item { true } else { false } }.count == 3)
    }

    /// The leaders' ellipses stand on one grid of whole ems from the type area's left edge, so the
    /// dots line up from entry to entry whatever the title's length and the page number's width
    /// (a typesetter's contents; before, each leader was right-aligned to its number and the dots
    /// of neighbouring lines were out of step), with at least ½ em free after the title.
    @Test func contentsLeadersLineUpOnOneGrid() throws {
        let h = { (t: String) in Block.paragraph(ParagraphBlock(runs: [InlineRun(t, style: FlowLayoutTests.body)], bookmarkLevel: 1)) }
        var blocks: [Block] = [.contents(ContentsBlock(levels: 1))]
        for title in ["一、甲", "二、乙乙乙乙", "三、丙丙", "四、丁丁丁丁丁丁丁"] { blocks += [.pageBreak, h(title)] }
        for _ in 0..<12 { blocks += [.pageBreak, h("十、页码两位")] }
        let master = PageMaster.officialDocument(grid: false)
        let frames = try layout(blocks, master: master)
        let em = ContentsBlock(levels: 1).style.size.points
        let leaders = frames[0].items.compactMap { item -> Double? in
            guard case .glyphs(let run) = item.item, run.text.allSatisfy({ $0 == "…" }) else { return nil }
            return item.position.x.points
        }
        #expect(leaders.count >= 10)
        for x in leaders {
            let columns = (x - master.body.minX.points) / em
            #expect(abs(columns - columns.rounded()) < 0.01, "a leader starts off the em grid: \(columns) ems in")
        }
    }

    @Test func sealIsPlacedOverIssuerAndDate() throws {
        let s = SignatureBlock(issuer: "中共清河市委教育工作委员会", date: "2023年3月6日", seal: Self.seal)
        let frames = try layout([.signature(s)], master: .officialDocument())
        #expect(images(frames[0]).count == 1)
        let free = try layout([.signature(SignatureBlock(issuer: "甲", date: "2023年3月6日"))], master: .officialDocument())
        #expect(images(free[0]).isEmpty, "without a seal image the space stays free for the stamp")
    }
}
