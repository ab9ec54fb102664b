import Foundation
import Testing
import WenshuCore
import WenshuRender
@testable import Wenshu

/// Every template of templates/ built from its sample: a reference of its first page (as debug
/// text), and the behaviour each document needs.
@Suite struct TemplatesTests {
    func firstPage(_ template: String, _ data: String) throws -> [String] {
        let (_, frames) = try buildSample(template, [data])
        return DebugRenderer().trace([frames[0]]).split(separator: "\n").map(String.init)
    }

    func texts(_ lines: [String]) -> [String] {
        lines.compactMap { line in
            guard let a = line.firstIndex(of: "|"), let b = line.lastIndex(of: "|"), a < b else { return nil }
            return String(line[line.index(after: a)..<b])
        }
    }

    @Test func applicationBookCover() throws {
        let t = texts(try firstPage("application", "samples/application/data.yaml"))
        #expect(t == ["清河市中小学校（幼儿园）", "“一校一品”党建品牌创建申报书", "单位名称（盖章）：清河市青石桥实验小学",
                      "品　牌　名　称：红烛领航·书香润心", "填　表　日　期：2023年10月15日", "中共清河市委教育工作委员会制"])
    }

    @Test func applicationBookFormSplitsItsLongCellWithTheLabelRepeated() throws {
        let (_, frames) = try buildSample("application", ["samples/application/data.yaml"])
        let pages = frames.map { DebugRenderer().trace([$0]) }
        let formPages = pages.enumerated().filter { $0.element.contains("品牌建设情况") }.map(\.offset)
        #expect(formPages.count >= 2, "the 品牌建设情况 cell continues on the next page with its label")
        #expect(pages[formPages[0]].contains("党组织名称") && pages[formPages[0]].contains("0000-0000000"))
        #expect(pages.contains { $0.contains("（盖章）") })
    }

    /// The 申报书 printed blank for hand filling (issue 11 item 4): nothing of a school's printed, the
    /// issued form's 报告请另附 in the 品牌建设情况 label, and the 品牌建设概述 row keeping its writing
    /// room of 16 lines (1.5 × 四号 a line, plus the padding) between its rules.
    @Test func blankApplicationFormKeepsWritingRoom() throws {
        let (_, frames) = try buildSample("application-blank", ["samples/application-blank/data.yaml"])
        let pages = frames.map { DebugRenderer().trace([$0]) }
        let all = pages.joined()
        #expect(!all.contains("青石桥") && !all.contains("红烛"))
        #expect(texts(pages.joined().split(separator: "\n").map(String.init)).joined().contains("2000字左右。报告请另附）"))
        let form = try #require(frames.first { f in f.textLines.contains { $0.text.contains("品牌建设概述") } })
        let label = try #require(form.textLines.first { $0.text.contains("品牌建设概述") })
        let rules = Set(form.lines.filter { $0.from.y == $0.to.y }.map { $0.from.y.points.rounded() }).sorted()
        let above = try #require(rules.last { $0 < label.position.y.points })
        let below = try #require(rules.first { $0 > label.position.y.points })
        let room = 16 * 1.5 * 14.0
        #expect(below - above >= room && below - above < room + 12, "\(below - above) pt")
    }

    /// Forms that fit: the achievements list sizes its number and date columns by their content, so
    /// a date is never broken ("2023年6月/28日") while 成果名称 takes the rest.
    @Test func applicationBookDatesStayWhole() throws {
        let (_, frames) = try buildSample("application", ["samples/application/data.yaml"])
        let trace = DebugRenderer().trace(frames)
        for date in ["2023年6月28日", "2023年4月23日", "2023年9月10日"] {
            #expect(trace.contains("\(date)|"), "\(date) broken")
            #expect(!trace.contains("\(date.prefix(7))|"), "\(date) broken after its month")
        }
    }

    /// The application book from a clerk's own files (issue 12): a workbook whose 基本信息 sheet holds
    /// 项目/内容 rows and whose 创建成果 sheet fills the achievements, and the report as a Word file
    /// named in a cell (见 创建报告.docx), its Word headings and bold kept.
    @Test func applicationFromAWorkbookAndAWordReport() throws {
        let (content, frames) = try buildSample("application", ["samples/application-xlsx/学校信息.xlsx"])
        let trace = DebugRenderer().trace(frames)
        #expect(trace.contains("红烛领航·书香润心"))
        #expect(trace.contains("东湖区先进基层党组织") && trace.contains("2023年6月28日|"), "the 创建成果 sheet fills the list")
        #expect(trace.contains("|一、品牌由来|"), "the report's heading from the .docx")
        // The report's bold lead sentence (（一）…。) is its second-level heading, in 楷体 before the body.
        let lead = content.blocks.contains { block in
            guard case .paragraph(let p) = block, let first = p.runs.first else { return false }
            return first.style.role == .kai && first.text.hasPrefix("（一）党员领读") && p.runs.count > 1
        }
        #expect(lead)
        #expect(trace.contains("|附件2|") && !trace.contains("|附件3|"), "attachments numbered in order of those given")
    }

    /// A form whose report comes separately (填表说明 1：创建报告请另附) says so in its cell.
    @Test func applicationBookWithoutItsReportSaysItIsAttached() throws {
        let dir = NSTemporaryDirectory() + "wenshu-blank-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = """
        city: 清河市
        school: 清河市青石桥实验小学
        organization: 中共清河市青石桥实验小学支部委员会
        members: 12
        leader: 陈明远
        phone: 0000-0000000
        filled: 2023-10-15
        brand:
          name: 红烛领航·书香润心
          overview: 以阅读育人。
        """
        try data.write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        let builder = DocumentBuilder(templateSearchPaths: [repositoryRoot + "/templates"])
        let (content, _) = try builder.build(template: "application", data: [dir + "/d.yaml"], force: false)
        let trace = DebugRenderer().trace(try sharedCompiler.layout(content))
        #expect(trace.contains("|（创建报告请另附）|"))
    }

    @Test func applicationForm() throws {
        let lines = try firstPage("application-form", "samples/application/form.yaml")
        let page = lines.joined(separator: "\n")
        #expect(texts(lines).first == "清河市中小学校“一校一品”党建工作")
        #expect(page.contains("中共清河市青石桥实验小学支部委员会") && page.contains("红烛领航·书香润心"))
        #expect(page.components(separatedBy: "年　　月　　日").count == 3)
    }

    @Test func planFirstPage() throws {
        let lines = try firstPage("plan", "samples/plan/data.yaml")
        // A title breaks with its words whole: never inside the quoted brand name.
        #expect(texts(lines).prefix(2) == ["清河市青石桥实验小学党支部", "“红烛领航·书香润心”党建品牌创建实施方案"])
        #expect(lines.contains { $0.contains("bookmark 1") && $0.hasSuffix("一、指导思想") })
    }

    /// A table that runs over a page repeats its header row (the scoring sheet's 14 items).
    @Test func longTableRepeatsItsHeaderOnTheNextPage() throws {
        let (_, frames) = try buildSample("scoring", ["samples/scoring/data.yaml"])
        #expect(frames.count >= 2)
        let withHeader = frames.filter { DebugRenderer().trace([$0]).contains("评估项目评估标准分值计分办法扣分（加分）情况得分") }
        #expect(withHeader.count == frames.count)
    }

    @Test func noticeFirstPage() throws {
        let t = texts(try firstPage("notice", "samples/notice/data.yaml"))
        #expect(Array(t.prefix(5)) == ["中共清河市东湖区教育局党组文件", "东教党〔2023〕12号",
                                       "中共清河市东湖区教育局党组关于开展",
                                       "“一校一品”党建品牌创建工作的通知", "区属各中小学校（幼儿园）党组织："])
    }

    @Test func scoringSheetFirstPageAndTotal() throws {
        let (_, frames) = try buildSample("scoring", ["samples/scoring/data.yaml"])
        let all = frames.map { DebugRenderer().trace([$0]) }.joined()
        #expect(all.contains("|清河市青石桥实验小学“一校一品”党建品牌创建考评表|"))
        // 100 − 2 − 2 − 2 − 14 (capped) − 1, with item 14 at 1 + 2 + 2 + 3 = 8 of 12: 75.
        #expect(all.contains("|75|"))
    }

    /// The blank standard (the notice's attachment) prints the standard word for word from the same
    /// file as the filled sheet, with no scores.
    @Test func blankStandardFromTheSameFile() throws {
        let (_, frames) = try buildSample("scoring-blank", [])
        let all = frames.map { DebugRenderer().trace([$0]) }.joined()
        #expect(all.contains("|附件1|"))
        #expect(all.contains("两学一做"), "item 5's rules as issued")
        #expect(!all.contains("|75|") && !all.contains("得分合计"))
    }

    /// The 汇总表 ranks the schools of a folder: ties share a rank, a veto comes last.
    @Test func summaryRanksTheFolder() throws {
        let (_, frames) = try buildSample("scoring-summary", ["samples/scoring-summary/"])
        let lines = DebugRenderer().trace(frames).split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.contains("|清河市") && !$0.contains("党组") }
        #expect(rows.count == 6, "\(rows)")
        #expect(rows.first?.contains("东方红") == true && rows.last?.contains("南山") == true)
        #expect(lines.contains { $0.contains("一票否决") })
    }

    @Test func certificate() throws {
        let t = texts(try firstPage("certificate", "samples/certificate/data.yaml"))
        #expect(t.first == "荣 誉 证 书")
        #expect(t.contains("林秀芳　同志：") && t.contains("证书编号：YXYP-2023-00001"))
        // The award on a line of its own; the issuer the data names, not the placeholder.
        #expect(t.contains("“优秀党务工作者”"))
        #expect(t.contains("中共清河市委教育工作委员会") && !t.contains { $0.contains("某市") })
    }

    /// Design 1 has a red double-rule border and the seal multiplied over issuer and date.
    @Test func certificateHasABorderAndASeal() throws {
        let (_, frames) = try buildSample("certificate", ["samples/certificate/data.yaml"])
        #expect(frames.count == 1)
        let boxes = frames[0].items.compactMap { e -> (Point, Stroke)? in
            if case .rectangle(_, _, let stroke?) = e.item { return (e.position, stroke) } else { return nil }
        }.sorted { $0.0.x < $1.0.x }
        #expect(boxes.count == 2 && boxes.allSatisfy { $0.1.color != .black }, "\(boxes)")
        #expect(abs(boxes[0].0.x.millimetres - 9) < 0.01 && abs(boxes[1].0.x.millimetres - 12) < 0.01)
        let seal = frames[0].items.contains { if case .image(let i, _) = $0.item { i.blend == .multiply } else { false } }
        #expect(seal)
    }

    /// Design 2, the inner sheet of a folded certificate: its size is a parameter; one page.
    @Test func foldedCertificateInnerSheet() throws {
        let (_, frames) = try buildSample("certificate-folded", ["samples/certificate/data.yaml"])
        #expect(frames.count == 1)
        #expect(abs(frames[0].size.width.millimetres - 270) < 0.01 && abs(frames[0].size.height.millimetres - 190) < 0.01)
        // The text stands on the right panel.
        let xs = frames[0].runs.map(\.position.x.millimetres)
        #expect(xs.allSatisfy { $0 > 135 }, "\(xs)")
    }

    @Test func certificateLongNameShrinksToFit() throws {
        let dir = NSTemporaryDirectory() + "cert-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let name = "欧阳司马上官慕容诸葛东方皇甫尉迟公孙长孙宇文轩辕令狐钟离宇文独孤南宫"
        try "name: \(name)\nschool: 甲校\naward: 优秀共产党员\ndate: 2023-12-20\nno: X-1\n".write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        let builder = DocumentBuilder(templateSearchPaths: [repositoryRoot + "/templates"])
        let (content, _) = try builder.build(template: "certificate", data: [dir + "/d.yaml"], allowPlaceholders: true)
        let frames = try sharedCompiler.layout(content)
        let line = try #require(frames[0].textLines.first { $0.text.hasPrefix("欧阳") })
        // The line's last mark is set half an em at the line's end.
        #expect(line.end - line.size / 2 <= content.master.body.maxX + .pt(0.5), "nothing overflows the box")
        #expect(line.size < .pt(22))
    }

    /// The compilation: contents page numbers match where the chapters land (read back with
    /// pdftotext), bookmarks are in the PDF, running headers name the chapter.
    @Test func compilationContentsMatchThePages() throws {
        let (content, frames) = try buildSample("compilation", ["samples/compilation"])
        let pdf = NSTemporaryDirectory() + "compilation-\(UUID().uuidString).pdf"
        try sharedCompiler.write(frames, info: content.info, pdf: pdf)
        func text(_ page: Int) throws -> String {
            try runTool(["pdftotext", "-f", "\(page)", "-l", "\(page)", "-layout", pdf, "-"])
        }
        // The contents page and its entries "school …… n".
        let contentsIndex = try #require(frames.firstIndex { f in f.textLines.contains { $0.text == "目　录" } })
        let entries = frames[contentsIndex].textLines.filter { $0.text.hasPrefix("清河市") }
        #expect(entries.count >= 20)
        for entry in entries.prefix(8) {
            let school = String(entry.text.prefix { !"0123456789…".contains($0) })
            let number = entry.text.dropFirst(school.count).filter(\.isNumber)
            // The page whose label is that number (in the body section) starts the chapter.
            let page = try #require(frames.indices.first { frames[$0].label == String(number) && $0 > contentsIndex })
            #expect(try text(page + 1).contains(school), "\(school) should start on page \(number)")
        }
        let raw = try String(decoding: Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        #expect(raw.contains("/Outlines"))
        #expect(try text(contentsIndex + 3).contains("清河市"), "running header")
    }
}
