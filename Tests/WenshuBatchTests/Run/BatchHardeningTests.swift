import Foundation
import Testing
import WenshuCore
import WenshuData
import Wenshu
@testable import WenshuBatch

/// Hostile lists and hostile circumstances: every run either writes what it reports or stops with
/// a clear error, and never writes over its inputs or another run's output.
@Suite struct BatchHardeningTests {
    /// --shard 10^18/10^18 overflowed `total × index`; a huge N is now a usage error and the cut
    /// itself cannot overflow.
    @Test func shardArithmeticCannotOverflow() throws {
        #expect(throws: BatchError.self) { try Shard(parsing: "1000000000000000000/1000000000000000000") }
        #expect(throws: BatchError.self) { try Shard(parsing: "\(Int.max)/\(Int.max)", zeroBased: true) }
        let s = try Shard(index: 99_999, count: 100_000)
        let r = s.range(of: Int.max / 2)
        #expect(r.upperBound > r.lowerBound && r.lowerBound > 0)
    }

    /// Two runs into one output: the second is refused at once, naming the output, and writes nothing.
    @Test func secondRunIntoTheSameOutputIsRefused() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(3), in: dir)
        var held: OutputLock? = try OutputLock(report: dir + "/out.report.csv", output: dir + "/out")
        do {
            _ = try BatchSupport.run(list, output: .files(folder: dir + "/out", pattern: nil))
            Issue.record("the second run should be refused")
        } catch let e as BatchError {
            guard case .locked = e else { Issue.record("unexpected \(e)"); return }
            #expect(e.message.hasPrefix("另一个 wenshu batch 正在写入 \(dir)/out"))
        }
        #expect(BatchSupport.pdfs(dir + "/out").isEmpty)
        #expect(held != nil)
        held = nil
        // Released: a run goes ahead, and leaves no lock file behind.
        let (s, _) = try BatchSupport.run(list, output: .files(folder: dir + "/out", pattern: nil))
        #expect(s.counts.written == 3)
        #expect(!FileManager.default.fileExists(atPath: dir + "/.out.report.csv.lock"))
    }

    /// The report of `-o out.pdf` is out.report.csv: a list of that name would have been overwritten.
    @Test func outputOverTheListIsRefused() throws {
        let dir = try BatchSupport.folder()
        let text = BatchSupport.header + "\n" + BatchSupport.rows(2)
        let list = try BatchSupport.csv(text, in: dir, name: "out.report.csv")
        #expect(throws: OutputGuard.Overwrite.self) { _ = try BatchSupport.run(list, output: .onePDF(dir + "/out.pdf")) }
        #expect(try String(contentsOfFile: list, encoding: .utf8) == text)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))

        // A font file given by --font counts as an input too.
        let other = try BatchSupport.csv(text, in: dir, name: "list.csv")
        FileManager.default.createFile(atPath: dir + "/font.report.csv", contents: Data("font".utf8))
        #expect(throws: OutputGuard.Overwrite.self) {
            _ = try BatchSupport.run(other, output: .onePDF(dir + "/font.pdf")) { $0.otherInputs = [dir + "/font.report.csv"] }
        }
        #expect(FileManager.default.contents(atPath: dir + "/font.report.csv") == Data("font".utf8))
    }

    /// The first row over-long: it used to set the norm (every over-long row "written"). The
    /// certificate declares one page; rows that run longer are skipped, the others written.
    @Test func overlongFirstRowIsNotTheNorm() throws {
        let dir = try BatchSupport.folder()
        let long = String(repeating: "很长的名字", count: 600)
        let rows = ["\(long),育才中学,优秀党员,2022-12-20,NO-1", BatchSupport.rows(2, from: 2), "\(long),育才中学,优秀党员,2022-12-20,NO-9"]
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + rows.joined(separator: "\n"), in: dir)
        let (s, run) = try BatchSupport.run(list, output: .onePDF(dir + "/c.pdf"))
        #expect(run.expectedPages == 1)
        #expect(s.counts.written == 2 && s.counts.skipped == 2)
        #expect(s.notes.filter { $0.chinese.contains("内容超出 1 页") }.count == 2)
        #expect(try BatchSupport.pages(dir + "/c.pdf") == 2)
    }

    /// A template without a declared page count is judged filled with the list's shortest values.
    @Test func undeclaredPagesAreJudgedOnShortValues() throws {
        let dir = try BatchSupport.folder()
        let source = try String(contentsOfFile: repositoryRoot + "/templates/certificate/template.xml", encoding: .utf8)
        try source.replacingOccurrences(of: "<template pages=\"1\">", with: "<template>")
            .write(toFile: dir + "/cert.xml", atomically: true, encoding: .utf8)
        try BatchSupport.copyCertificateFields(to: dir + "/cert.fields.yaml")
        let long = String(repeating: "很长的名字", count: 600)
        let list = try BatchSupport.csv(BatchSupport.header + "\n\(long),育才中学,优秀党员,2022-12-20,NO-1\n" + BatchSupport.rows(2, from: 2), in: dir)
        let run = try BatchRun(template: dir + "/cert.xml", list: list, options: BatchOptions(output: .onePDF(dir + "/c.pdf")),
                               compiler: sharedCompiler, loader: BatchSupport.loader.loader)
        #expect(run.expectedPages == 1)
        #expect(try run.run().counts.written == 2)
    }

    /// A cell of more than 16 KB (a pasted file) skips its row before it is typeset.
    @Test func fieldOverTheLimitIsSkipped() throws {
        let dir = try BatchSupport.folder()
        let huge = String(repeating: "名", count: 6000)
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(1) + "\n\(huge),育才中学,优秀党员,2022-12-20,NO-7", in: dir)
        let (s, _) = try BatchSupport.run(list, output: .onePDF(dir + "/c.pdf"))
        #expect(s.counts.written == 1 && s.counts.skipped == 1)
        #expect(s.notes.first?.chinese.contains("“姓名”过长：18000 字节") == true)
    }

    /// --resume of one PDF after the list was edited: the PDF is written again (new rows
    /// printed, the edited row corrected), not reported "kept".
    @Test func resumeAfterTheListChangedRebuilds() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(3), in: dir)
        _ = try BatchSupport.run(list, output: .onePDF(dir + "/c.pdf"))
        let (same, _) = try BatchSupport.run(list, output: .onePDF(dir + "/c.pdf")) { $0.resume = true }
        #expect(same.counts.kept == 3 && same.counts.written == 0 && same.warnings.isEmpty)

        _ = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(5), in: dir)
        let (edited, _) = try BatchSupport.run(list, output: .onePDF(dir + "/c.pdf")) { $0.resume = true }
        #expect(edited.counts.kept == 0 && edited.counts.written == 5)
        #expect(edited.warnings.contains { $0.english.contains("changed since") })
        #expect(try BatchSupport.pages(dir + "/c.pdf") == 5)
    }

    /// A column named like a template parameter no longer reissues the certificate; it is
    /// reported once. A parameter the template declares overridable is taken from the list.
    @Test func listColumnsDoNotOverrideParameters() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + ",issuer\n" + "王芳,育才中学,优秀党员,2022-12-20,NO-1,国务院\n"
                                        + "李强,育才中学,优秀党员,2022-12-20,NO-2,国务院", in: dir)
        let (s, run) = try BatchSupport.run(list, output: .onePDF(dir + "/c.pdf"))
        #expect(s.counts.written == 2)
        #expect(s.warnings.count == 1 && s.warnings[0].english.contains("‘issuer’"))
        let record = run.list.record(run.list.entries[0])
        #expect(!String(describing: try run.realize(record)).contains("国务院"))

        let source = try String(contentsOfFile: repositoryRoot + "/templates/certificate/template.xml", encoding: .utf8)
        try source.replacingOccurrences(of: "<param name=\"issuer\" value=\"中共某市委教育工作委员会\"/>",
                                        with: "<param name=\"issuer\" value=\"中共某市委教育工作委员会\" overridable=\"true\"/>")
            .write(toFile: dir + "/cert.xml", atomically: true, encoding: .utf8)
        try BatchSupport.copyCertificateFields(to: dir + "/cert.fields.yaml")
        let open = try BatchRun(template: dir + "/cert.xml", list: list, options: BatchOptions(output: .onePDF(dir + "/d.pdf")),
                                compiler: sharedCompiler, loader: BatchSupport.loader.loader)
        #expect(open.shadowed.isEmpty && open.warnings.isEmpty)
        #expect(String(describing: try open.realize(record)).contains("国务院"))
    }

    /// An unknown placeholder in --bookmarks is a usage error listing the names allowed.
    @Test func unknownBookmarkPlaceholderIsAUsageError() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(1), in: dir)
        do {
            _ = try BatchSupport.run(list, output: .onePDF(dir + "/c.pdf")) { $0.bookmark = "{nosuch}" }
            Issue.record("should be refused")
        } catch BatchError.usage(let m) {
            #expect(m.contains("{nosuch}") && m.contains("{姓名}") && m.contains("{row}"))
        }
    }

    /// A list with a byte that is not UTF-8 (nor GBK): the error names its line, as `check` does.
    @Test func invalidUTF8NamesItsLine() throws {
        let dir = try BatchSupport.folder()
        var bytes = Array((BatchSupport.header + "\n" + BatchSupport.rows(1) + "\n").utf8)
        bytes += [0x80, 0xFF, 0x41] + Array(",育才中学,优秀党员,2022-12-20,NO-2\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/list.csv"))
        do {
            _ = try BatchList.load(dir + "/list.csv")
            Issue.record("should be refused")
        } catch let e as WenshuError {
            #expect(e.location?.line == 3)
            // The data loader's words: lists and data files are decoded by one decoder.
            #expect(e.message.hasPrefix("第 3 行起不是 UTF-8 或 GBK 文本"))
        }
    }

    /// Cells that Excel would run as formulas go into the report with a quote before them (OWASP).
    @Test func reportCellsCannotBeFormulas() throws {
        for hostile in ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "+1+2", "-1+2", "\tx=1", "\r=1", "＝1"] {
            #expect(ReportWriter.quoted(hostile).drop { $0 == "\"" }.first == "'", "\(hostile)")
        }
        #expect(ReportWriter.quoted("王芳") == "王芳")
        #expect(ReportWriter.quoted("a,b") == "\"a,b\"")

        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n=HYPERLINK(\"http://evil\"),育才中学,@SUM(1),2022-12-20,NO-1", in: dir)
        let (s, _) = try BatchSupport.run(list, output: .onePDF(dir + "/c.pdf"))
        let text = try String(contentsOfFile: s.report, encoding: .utf8)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://evil\"\")\"") && text.contains(",'@SUM(1),"))
        #expect(!text.contains(",=") && !text.contains(",@"))
    }

    /// A list of 100,000 columns took hours (each column is tried in the template): refused with
    /// the header's place.
    @Test func tooManyColumnsAreRefused() throws {
        let dir = try BatchSupport.folder()
        let extra = (1...1000).map { "c\($0)" }.joined(separator: ",")
        let list = try BatchSupport.csv(BatchSupport.header + "," + extra + "\n" + BatchSupport.rows(1) + String(repeating: ",x", count: 1000), in: dir)
        do {
            _ = try BatchList.load(list)
            Issue.record("should be refused")
        } catch let e as WenshuError {
            #expect(e.message.hasPrefix("表头有 1005 列，上限 1000 列"))
            #expect(e.location?.line == 1 && e.location?.column == 1001)
        }
    }
}
