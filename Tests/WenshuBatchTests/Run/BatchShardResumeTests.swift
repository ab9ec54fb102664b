import Foundation
import Testing
import WenshuCore
import Wenshu
@testable import WenshuBatch

/// N shards of one list cover it exactly once; a run stopped half-way is finished by --resume.
@Suite struct BatchShardTests {
    @Test func shardRangesCoverTheListOnce() throws {
        for total in [0, 1, 2, 7, 10, 101] {
            for n in 1...5 {
                var covered: [Int] = []
                for k in 1...n { covered += Array(try Shard(index: k, count: n).range(of: total)) }
                #expect(covered == Array(0..<total), "\(total) rows in \(n) shards")
            }
        }
        #expect(throws: BatchError.self) { try Shard(parsing: "0/3") }
        #expect(throws: BatchError.self) { try Shard(parsing: "4/3") }
        #expect(throws: BatchError.self) { try Shard(parsing: "2") }
        #expect(try Shard(parsing: "0/3", zeroBased: true) == Shard(index: 1, count: 3))
    }

    /// A list with blank rows and duplicates, cut into three shards: the shards' files are the
    /// whole run's files, their report lines the whole run's lines, their counts add up.
    @Test func theUnionOfAllShardsIsTheWhole() throws {
        let dir = try BatchSupport.folder()
        var text = BatchSupport.header + "\n" + BatchSupport.rows(10) + "\n,,,,\n" + BatchSupport.rows(3, from: 5) + "\n\n" + BatchSupport.rows(7, from: 11)
        text += "\n"
        let list = try BatchSupport.csv(text, in: dir)
        let (whole, _) = try BatchSupport.run(list, output: .files(folder: dir + "/whole", pattern: nil))
        #expect(whole.counts.duplicates == 3 && whole.counts.skipped == 2 && whole.counts.written == 17)

        var counts = BatchCounts()
        var lines: [[String: String]] = []
        for k in 1...3 {
            let (s, _) = try BatchSupport.run(list, output: .files(folder: dir + "/shared", pattern: nil)) {
                $0.shard = try! Shard(index: k, count: 3)
            }
            #expect(s.report == dir + "/shared.shard-\(k)-of-3.report.csv")
            counts.read += s.counts.read; counts.written += s.counts.written
            counts.skipped += s.counts.skipped; counts.duplicates += s.counts.duplicates
            lines += try BatchSupport.report(s.report)
        }
        #expect(counts == whole.counts)
        #expect(BatchSupport.pdfs(dir + "/shared") == BatchSupport.pdfs(dir + "/whole"))
        let wholeLines = try BatchSupport.report(whole.report)
        #expect(lines.map { $0["row"]! } == wholeLines.map { $0["row"]! })
        #expect(lines.map { $0["status"]! } == wholeLines.map { $0["status"]! })
        #expect(lines.map { $0["output"]! } == wholeLines.map { $0["output"]! })
    }

    @Test func shardsOfOnePDFAddUpToTheWhole() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(11), in: dir)
        var pages = 0
        for k in 1...4 {
            // One PDF's shards are cut on chunk boundaries: 4 chunks of 3 rows for 4 shards.
            let (s, _) = try BatchSupport.run(list, output: .onePDF(dir + "/all.pdf")) { $0.shard = try! Shard(index: k, count: 4); $0.chunkSize = 3 }
            let pdf = dir + "/all.shard-\(k)-of-4.pdf"
            #expect(s.outputs == [pdf])
            #expect(try BatchSupport.pages(pdf) == s.pages)
            pages += s.pages
        }
        #expect(pages == 11)
        #expect(!FileManager.default.fileExists(atPath: dir + "/all.pdf"))
    }
}

@Suite struct BatchResumeTests {
    /// As a killed run leaves the folder: some documents written, one cut off under its final name
    /// (as a copy or an older tool might leave it), a temporary file of a row, and a temporary file
    /// of another shard's row. --resume keeps the whole ones, writes the rest, removes only this
    /// run's stale temporary files.
    @Test func resumeWritesOnlyWhatIsMissing() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(12), in: dir)
        let out = dir + "/out"
        let (first, _) = try BatchSupport.run(list, output: .files(folder: out, pattern: nil))
        #expect(first.counts.written == 12)
        var names = BatchSupport.pdfs(out).sorted()
        // Rows 1 and 2 never written; row 3 cut off; a stale temporary file for row 1.
        try FileManager.default.removeItem(atPath: out + "/" + names[0])
        try FileManager.default.removeItem(atPath: out + "/" + names[1])
        let cut = try Data(contentsOf: URL(fileURLWithPath: out + "/" + names[2]))
        try cut.prefix(cut.count / 2).write(to: URL(fileURLWithPath: out + "/" + names[2]))
        #expect(!BatchRun.isWholePDF(out + "/" + names[2]))
        let stale = out + "/." + names[0] + ".999999999.42.tmp"
        let foreign = out + "/.someone-else.pdf.999999999.7.tmp"
        try Data("%PDF-1.5 partial".utf8).write(to: URL(fileURLWithPath: stale))
        try Data("%PDF-1.5 partial".utf8).write(to: URL(fileURLWithPath: foreign))
        let before = try FileManager.default.attributesOfItem(atPath: out + "/" + names[5])[.modificationDate] as! Date

        let (again, _) = try BatchSupport.run(list, output: .files(folder: out, pattern: nil)) { $0.resume = true }
        #expect(again.counts.written == 3 && again.counts.kept == 9 && again.counts.reconciles)
        names = BatchSupport.pdfs(out).sorted()
        #expect(names.count == 12)
        for n in names { #expect(BatchRun.isWholePDF(out + "/" + n), "\(n)") }
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: foreign))
        let after = try FileManager.default.attributesOfItem(atPath: out + "/" + names[5])[.modificationDate] as! Date
        #expect(before == after, "a kept document is not written again")
        let report = try BatchSupport.report(again.report)
        #expect(report.filter { $0["status"] == "kept" }.count == 9)
    }

    @Test func resumeOfOnePDFKeepsAWholeFile() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(3), in: dir)
        let (first, _) = try BatchSupport.run(list, output: .onePDF(dir + "/o.pdf"))
        #expect(first.counts.written == 3)
        let (again, _) = try BatchSupport.run(list, output: .onePDF(dir + "/o.pdf")) { $0.resume = true }
        #expect(again.counts.kept == 3 && again.counts.written == 0)
        #expect(again.outputs == [dir + "/o.pdf"])
        // A cut-off PDF is written again.
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/o.pdf"))
        try data.prefix(100).write(to: URL(fileURLWithPath: dir + "/o.pdf"))
        let (third, _) = try BatchSupport.run(list, output: .onePDF(dir + "/o.pdf")) { $0.resume = true }
        #expect(third.counts.written == 3)
        #expect(BatchRun.isWholePDF(dir + "/o.pdf"))
    }

    @Test func zipHoldsTheDocumentsInListOrder() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(5) + "\n,,,,\n" + BatchSupport.rows(1, from: 9), in: dir)
        let (s, _) = try BatchSupport.run(list, output: .files(folder: dir + "/out", pattern: try FileNamePattern("{n}-{姓名}"))) {
            $0.zip = true
        }
        #expect(s.outputs == [dir + "/out", dir + "/out.zip"])
        let listing = try BatchSupport.tool("unzip", ["-Z1", dir + "/out.zip"]).split(separator: "\n").map(String.init)
        #expect(listing == ["1-李强.pdf", "2-张伟.pdf", "3-刘洋.pdf", "4-陈静.pdf", "5-杨帆.pdf", "6-李强.pdf"])
        let test = try BatchSupport.tool("unzip", ["-t", dir + "/out.zip"])
        #expect(test.contains("No errors detected"), "\(test)")
    }
}
