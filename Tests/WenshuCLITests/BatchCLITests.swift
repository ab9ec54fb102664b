import Foundation
import Testing

/// `wenshu batch` as a user runs it: exit statuses, the summary, the report beside the output,
/// no progress bar when standard error is not a terminal, and a run killed half-way that leaves
/// no file looking complete and is finished by --resume.
@Suite struct BatchCLITests {
    let cli = CLITests()

    static func rows(_ count: Int) -> String {
        let names = ["王芳", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊"]
        return "姓名,学校,奖项,日期,证书编号\n" + (1...count).map { i in
            "\(names[i % names.count]),青石桥实验小学,优秀共产党员,2022-12-20,NO-\(String(format: "%05d", i))"
        }.joined(separator: "\n") + "\n"
    }

    func list(_ text: String, in dir: String) throws -> String {
        try text.write(toFile: dir + "/list.csv", atomically: true, encoding: .utf8)
        return dir + "/list.csv"
    }

    @Test func onePDFWithSummaryAndReport() throws {
        let dir = try cli.folder()
        let csv = try list(Self.rows(5) + ",,,,\n王芳,青石桥实验小学,优秀共产党员,2022-12-20,NO-00001\n", in: dir)
        let r = try cli.wenshu(["batch", "certificate", csv, "-o", dir + "/out.pdf", "--allow-placeholders"])
        // Rows left out: exit status 3, and their count is the last line, where it cannot be missed.
        #expect(r.status == 3, "\(r.err)")
        #expect(r.err.split(separator: "\n").last?.hasPrefix("wenshu: 注意：2 行未生成") == true, "\(r.err)")
        #expect(r.out.contains("7 rows read: 5 written, 0 kept, 1 skipped, 1 duplicates"), "\(r.out)")
        #expect(r.out.contains("wrote \(dir)/out.pdf"))
        #expect(r.out.contains("report: \(dir)/out.report.csv"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out.report.csv"))
        #expect(r.err.contains("list.csv:7: 注意：未生成：空行 (warning: skipped: blank row)"), "\(r.err)")
        #expect(r.err.contains("list.csv:8: 注意：重复，未生成："))
        #expect(!r.err.contains("\r"), "no progress bar when standard error is not a terminal")
    }

    @Test func usageErrorsExitTwo() throws {
        let dir = try cli.folder()
        let csv = try list(Self.rows(2), in: dir)
        for args in [["--shard", "0/2"], ["--shard", "x"], ["--zip"], ["--key", "电话"], ["--name", "{电话}.pdf", "-o", dir + "/f"]] {
            var a = ["batch", "certificate", csv, "-o", dir + "/o.pdf", "--allow-placeholders"] + args
            if args.contains("--name") { a = ["batch", "certificate", csv, "--allow-placeholders"] + args }
            let r = try cli.wenshu(a)
            #expect(r.status == 2, "\(args): \(r.status) \(r.err)")
        }
        let r = try cli.wenshu(["batch", "certificate"])
        #expect(r.status == 2 || r.status == 64)
    }

    @Test func strictExitsOneNamingTheRow() throws {
        let dir = try cli.folder()
        let csv = try list(Self.rows(3) + "李强,青石桥实验小学,师德标兵,2023-02-30,NO-9\n", in: dir)
        let r = try cli.wenshu(["batch", "certificate", csv, "-o", dir + "/o.pdf", "--strict", "--allow-placeholders"])
        #expect(r.status == 1)
        #expect(r.err.hasPrefix("wenshu: list.csv:5: 错误：此行无法生成，按 --strict 停止："), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/o.pdf"))
    }

    @Test func aMissingListIsOneLine() throws {
        let dir = try cli.folder()
        let r = try cli.wenshu(["batch", "certificate", dir + "/none.csv", "-o", dir + "/o.pdf"])
        #expect(r.status == 1)
        #expect(r.err == "wenshu: \(dir)/none.csv: 错误：无法读取文件，它存在吗？ (error: cannot read the file (does it exist?))\n")
    }

    @Test func filesZipAndShard() throws {
        let dir = try cli.folder()
        let csv = try list(Self.rows(6), in: dir)
        let r = try cli.wenshu(["batch", "certificate", csv, "-o", dir + "/out", "--name", "{no}.pdf", "--zip", "--shard", "2/3", "-q", "--allow-placeholders"])
        #expect(r.status == 0, "\(r.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
        #expect(files == ["NO-00003.pdf", "NO-00004.pdf"])
        #expect(FileManager.default.fileExists(atPath: dir + "/out.shard-2-of-3.zip"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out.shard-2-of-3.report.csv"))
    }

    /// Kills a run writing one PDF per row part-way (SIGKILL: no clean-up at all), then resumes.
    @Test func resumeAfterAKilledRun() throws {
        let dir = try cli.folder()
        let count = 400
        let csv = try list(Self.rows(count), in: dir)
        let out = dir + "/out"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLITests.binary)
        p.arguments = ["batch", "certificate", csv, "-o", out, "--chunk", "16", "--allow-placeholders"]
        p.standardOutput = Pipe(); p.standardError = Pipe()
        try p.run()
        // Wait until some documents are there, then kill.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let n = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { $0.hasSuffix(".pdf") }.count
            if n >= 20 { break }
            usleep(5_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let after = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        let written = after.filter { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") }
        #expect(written.count >= 20 && written.count < count, "killed part-way: \(written.count)")
        // Every file under its final name is whole; anything unfinished has a temporary name.
        for f in written {
            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + f))
            #expect(data.starts(with: Data("%PDF-".utf8)) && data.suffix(64).range(of: Data("%%EOF".utf8)) != nil, "\(f)")
        }
        #expect(!FileManager.default.fileExists(atPath: out + ".report.csv"), "no report of a run that did not finish")

        let r = try cli.wenshu(["batch", "certificate", csv, "-o", out, "--resume", "--allow-placeholders"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("\(count) rows read: \(count - written.count) written, \(written.count) kept, 0 skipped, 0 duplicates"), "\(r.out)")
        let final = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(final.filter { $0.hasSuffix(".pdf") }.count == count)
        #expect(final.filter { $0.hasSuffix(".tmp") }.isEmpty, "temporary files of the killed run are removed")
    }

    /// A killed run into one PDF leaves no PDF at all, only a temporary file that the next run removes.
    @Test func aKilledOnePDFRunLeavesNoPDF() throws {
        let dir = try cli.folder()
        let csv = try list(Self.rows(1500), in: dir)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLITests.binary)
        p.arguments = ["batch", "certificate", csv, "-o", dir + "/all.pdf", "--chunk", "16", "--allow-placeholders"]
        p.standardOutput = Pipe(); p.standardError = Pipe()
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let tmp = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".tmp") && $0.contains("all.pdf") }
            if let t = tmp.first, ((try? FileManager.default.attributesOfItem(atPath: dir + "/" + t)[.size] as? Int) ?? 0) > 50_000 { break }
            usleep(5_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: dir + "/all.pdf"))
        let r = try cli.wenshu(["batch", "certificate", csv, "-o", dir + "/all.pdf", "--resume", "--allow-placeholders"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("1500 rows read: 1500 written"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }
}
