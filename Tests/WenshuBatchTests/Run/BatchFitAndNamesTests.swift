import Foundation
import Testing
import WenshuCore
import WenshuRender
import WenshuData
import WenshuLayout
import Wenshu
@testable import WenshuBatch

/// Long values fit their boxes: a long name shrinks on its line down to the smallest size, then
/// wraps; a long school wraps inside the body; nothing passes the type area's edge; a value too
/// long for the page is refused with its reason rather than spilling onto a second page. Rare
/// characters come from the fallback fonts.
@Suite struct BatchFitTests {
    static let page = Size.a4.flipped
    /// The type area of the certificate: A4 landscape with 36 mm side margins (inside its border).
    static let left = Length.mm(36), right = Size.a4.flipped.width - .mm(36)

    func typeset(_ row: String) throws -> (BatchRun.Outcome, BatchRun) {
        let dir = try BatchSupport.folder("fit")
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(1) + "\n" + row + "\n", in: dir)
        var options = BatchOptions(output: .onePDF(dir + "/o.pdf"))
        options.chunkSize = 4
        let run = try BatchRun(template: "certificate", list: list, options: options, compiler: sharedCompiler, loader: BatchSupport.loader.loader)
        return (run.typeset(run.list.record(run.list.entries[1])), run)
    }

    /// The lines of a page with where their ink starts and ends.
    func inkLines(_ page: Frame) -> [(text: String, left: Length, right: Length, size: Length, y: Length)] {
        var out: [(text: String, left: Length, right: Length, size: Length, y: Length)] = []
        for (p, r) in page.runs {
            let ink = TypeAreaOverflow.inkExtent(r, at: p.x)
            if let i = out.indices.last, abs(out[i].y.points - p.y.points) < 0.5 {
                out[i].text += r.text; out[i].right = max(out[i].right, ink.right); out[i].size = max(out[i].size, r.size)
            } else {
                out.append((r.text, ink.left, ink.right, r.size, p.y))
            }
        }
        return out
    }

    func frames(_ o: BatchRun.Outcome) -> [Frame] {
        if case .typeset(let frames, _, _) = o { return frames }
        Issue.record("not typeset: \(o)")
        return []
    }

    @Test func aLongNameShrinksOnItsLine() throws {
        let name = "欧阳娜仁高娃·阿卜杜热合曼·买买提依明·艾合买提江·吐尔逊托合提"
        let (o, _) = try typeset("\(name),青石桥实验小学,优秀共产党员,2022-12-20,NO-9")
        let page = try #require(frames(o).first)
        let line = try #require(inkLines(page).first { $0.text.contains("同志：") })
        #expect(line.text == name + "　同志：", "one line")
        #expect(line.size < .pt(26), "shrunk from 26 pt: \(line.size)")
        #expect(line.size >= .pt(12) - .pt(0.01))
        #expect(line.right <= Self.right + .pt(1), "\(line.right) ≤ \(Self.right)")
        let trace = DebugRenderer().trace([page])
        #expect(trace.contains(name))
    }

    @Test func aNameTooLongEvenAtTheSmallestSizeWraps() throws {
        let name = String(repeating: "欧阳娜仁高娃", count: 10)
        let (o, _) = try typeset("\(name),青石桥实验小学,优秀共产党员,2022-12-20,NO-9")
        let page = try #require(frames(o).first)
        let lines = inkLines(page).filter { $0.text.contains("欧阳") || $0.text.contains("同志") }
        #expect(lines.count >= 2)
        for l in lines {
            #expect(l.size <= .pt(12) + .pt(0.01))
            #expect(l.left >= Self.left - .pt(1) && l.right <= Self.right + .pt(1), "\(l.text)")
        }
    }

    @Test func aLongSchoolWrapsInsideTheBody() throws {
        let school = "宿迁市宿豫区顺河镇中心小学附属幼儿园与青石桥实验学校教育集团联合办学点第二分校"
        let (o, _) = try typeset("王芳,\(school),“一校一品”党建品牌建设先进个人,2022-12-20,NO-9")
        let page = try #require(frames(o).first)
        #expect(frames(o).count == 1)
        for l in inkLines(page) {
            #expect(l.left >= Self.left - .pt(1) && l.right <= Self.right + .pt(1), "\(l.text): \(l.left)…\(l.right)")
            #expect(l.y <= Self.page.height - .mm(25) + .pt(0.5))
        }
        #expect(inkLines(page).map(\.text).joined().contains(school))
        if case .typeset(_, _, let warnings) = o { #expect(warnings.isEmpty, "\(warnings)") }
    }

    /// A run that does pass the type area is reported as a warning on its row.
    @Test func textPastTheTypeAreaIsAWarning() {
        let face = FaceID(path: "/f.ttf", index: 0, family: "F")
        let run = GlyphRun(face: face, size: .pt(16), glyphs: [], text: "以资鼓励", clusters: [], width: .pt(64))
        var frame = Frame(size: Self.page)
        frame.place(.glyphs(run), at: Point(x: Self.right - .pt(60), y: .pt(100)))
        let body = Rect(x: Self.left, y: .mm(25), width: Self.right - Self.left, height: .pt(400))
        #expect(TypeAreaOverflow.check([frame], body: body)?.english.contains("4.0 pt") == true)
        // A full-width mark at the line's end is set ½ em: its blank half may stand past the edge.
        let mark = GlyphRun(face: face, size: .pt(16), glyphs: [], text: "鼓励。", clusters: [], width: .pt(48))
        var ok = Frame(size: Self.page)
        ok.place(.glyphs(mark), at: Point(x: Self.right - .pt(40), y: .pt(100)))
        #expect(TypeAreaOverflow.check([ok], body: body) == nil)
    }

    @Test func aValueTooLongForThePageIsSkippedWithItsReason() throws {
        let school = String(repeating: "青石桥实验小学教育集团", count: 40)
        let (o, run) = try typeset("王芳,\(school),师德标兵,2022-12-20,NO-9")
        #expect(run.expectedPages == 1)
        guard case .failed(let why) = o else { Issue.record("expected a refusal"); return }
        #expect(why.contains("pages instead of 1"))
    }

    @Test func rareCharactersComeFromTheFallbackFonts() throws {
        let (o, _) = try typeset("王堃䶮,青石桥实验小学,师德标兵,2022-12-20,NO-9")
        guard case .typeset(let frames, _, let warnings) = o else { Issue.record("not typeset"); return }
        #expect(warnings.isEmpty, "\(warnings)")
        let runs = frames[0].runs.filter { $0.run.text.contains("堃") }
        #expect(!runs.isEmpty)
        #expect(runs.allSatisfy { $0.run.face.family.contains("Noto") }, "\(runs.map(\.run.face.family))")
    }
}

/// File names made safe from any cell: no separators, no control characters, no hidden or
/// parent names, no Windows device names, at most 200 bytes, never empty; clashes numbered.
@Suite struct FileNameTests {
    @Test(arguments: [
        ("a/b", "a_b.pdf"), ("..", "_.pdf"), ("../../etc/passwd", "_.._etc_passwd.pdf"), ("王:芳*?\"<>|", "王_芳______.pdf"),
        ("line\nbreak\ttab", "line break tab.pdf"), ("bell\u{07}esc\u{1B}", "bellesc.pdf"), (".hidden", "hidden.pdf"),
        ("  spaced   out  ", "spaced out.pdf"), ("trailing.", "trailing.pdf"), ("CON", "_CON.pdf"), ("lpt1.txt", "_lpt1.txt.pdf"),
        ("", "_.pdf"), ("zero\u{200B}width\u{202E}rtl", "zerowidthrtl.pdf"), ("名单.PDF", "名单.pdf"), ("e\u{301}", "é.pdf"),
    ])
    func unsafeNamesAreMadeSafe(_ input: String, _ expected: String) {
        #expect(FileNamePattern.safe(input) == expected)
    }

    @Test func longNamesAreCutAtACharacterBoundary() {
        let name = FileNamePattern.safe(String(repeating: "党建品牌", count: 40))
        #expect(name.utf8.count <= FileNamePattern.maxBytes)
        #expect(name.hasSuffix("品.pdf") || name.hasSuffix("牌.pdf") || name.hasSuffix("党.pdf") || name.hasSuffix("建.pdf"))
        #expect(String(data: Data(name.utf8), encoding: .utf8) == name)
    }

    @Test func patternsFillFromTheRow() throws {
        var r = Record()
        r["name"] = .string("王/芳")
        r["no"] = .string("YXYP-2022-00001")
        let p = try FileNamePattern("{证书编号}-{姓名}.pdf", columnKeys: try BatchSupport.certificateKeys())
        #expect(p.keys == ["no", "name"])
        #expect(FileNamePattern.safe(p.fill(r, row: 7, n: 3)) == "YXYP-2022-00001-王_芳.pdf")
        #expect(FileNamePattern.safe(try FileNamePattern("{row}-{n}").fill(r, row: 7, n: 3)) == "7-3.pdf")
        #expect(throws: BatchError.self) { try FileNamePattern("{name") }
        #expect(throws: BatchError.self) { try FileNamePattern("{}") }
    }

    @Test func clashingNamesAreNumbered() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv("姓名,学校,奖项,日期,证书编号\n王芳,甲校,师德标兵,2022-12-20,1\n王芳,乙校,师德标兵,2022-12-20,2\nwang,丙校,师德标兵,2022-12-20,3\nWANG,丁校,师德标兵,2022-12-20,4\n", in: dir)
        let (s, _) = try BatchSupport.run(list, output: .files(folder: dir + "/out", pattern: try FileNamePattern("{姓名}.pdf")))
        #expect(s.counts.written == 4)
        #expect(BatchSupport.pdfs(dir + "/out") == ["王芳.pdf", "王芳 (2).pdf", "wang.pdf", "WANG (2).pdf"])
    }
}

@Suite struct BatchListTests {
    @Test func csvQuotingLineBreaksAndLabels() throws {
        let dir = try BatchSupport.folder()
        let path = try BatchSupport.csv("\u{FEFF}姓名,学校,证书编号\r\n\"王,芳\",\"青石桥\r\n小学\",\"NO-\"\"1\"\"\"\r\n李强 , 育才中学 ,2\r\n", in: dir)
        let list = try BatchList.load(path, keys: try BatchSupport.certificateKeys())
        #expect(list.columns == ["name", "school", "no"])
        #expect(list.labels == ["姓名", "学校", "证书编号"])
        #expect(list.entries.map(\.line) == [2, 4])
        let first = list.record(list.entries[0])
        #expect(first["name"] == .string("王,芳"))
        #expect(first["school"] == .string("青石桥\n小学"))
        #expect(first["no"] == .string("NO-\"1\""))
        #expect(list.record(list.entries[1])["name"] == .string("李强"))
    }

    @Test func gbkTabsAndDates() throws {
        let dir = try BatchSupport.folder()
        let text = "姓名\t日期\n王芳\t2022年12月20日\n李强\t2023-02-30\n"
        let gbk = text.data(using: String.Encoding(rawValue: 0x8000_0632))!
        try gbk.write(to: URL(fileURLWithPath: dir + "/gbk.csv"))
        let list = try BatchList.load(dir + "/gbk.csv", keys: try BatchSupport.certificateKeys())
        #expect(list.record(list.entries[0])["date"] == .date(DateValue(year: 2022, month: 12, day: 20)!))
        #expect(list.record(list.entries[1])["date"] == .string("2023-02-30"))
        #expect(list.record(list.entries[0])["name"] == .string("王芳"))
    }

    @Test func anUnclosedQuoteIsAnError() throws {
        let dir = try BatchSupport.folder()
        let path = try BatchSupport.csv("姓名,学校\n\"王芳,青石桥\n", in: dir)
        #expect(throws: (any Error).self) { _ = try BatchList.load(path) }
        #expect(throws: (any Error).self) { _ = try BatchList.load(dir + "/none.csv") }
        #expect(throws: (any Error).self) { _ = try BatchList.load(dir + "/list.xls") }
    }
}
