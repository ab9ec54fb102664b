import Foundation
import Testing
import Wenshu
import WenshuCore
@testable import WenshuServe

/// One compiler (fonts opened once) for the batch tests.
let sharedCompiler: Compiler = try! Compiler()

/// The workbench's batches: an upload becomes a job folder, the run reports its progress to
/// subscribers and ends with the counts, the skipped rows and the file to download.
struct BatchJobsTests {
    static let header = "姓名,学校,奖项,日期,证书编号"

    /// `count` certificate rows, numbered from 1; row `blankName` (if any) has no name.
    static func list(_ count: Int, blankName: Int? = nil) -> Data {
        let names = ["王芳", "李强", "张伟", "刘洋", "陈静"]
        let rows = (1...count).map { i in
            "\(i == blankName ? "" : names[i % names.count] + String(i)),育才中学,优秀共产党员,2022-12-20,NO-\(String(format: "%04d", i))"
        }
        return Data(([header] + rows).joined(separator: "\n").utf8)
    }

    static func jobs(_ root: String) throws -> BatchJobs {
        try BatchJobs(root: root, templateSearchPaths: [repositoryRoot + "/templates"], compiler: { sharedCompiler })
    }

    /// Waits for the job's end, collecting every status the stream gives.
    static func follow(_ job: BatchJob) async -> [BatchJobStatus] {
        var seen: [BatchJobStatus] = []
        for await s in job.updates() { seen.append(s) }
        return seen
    }

    @Test func aListBecomesOneMergedPDFWithProgressAndTheSkippedRowsReasons() async throws {
        let root = try scratchFolder()
        let jobs = try Self.jobs(root)
        let job = try jobs.start(template: "certificate", fileName: "C:\\Users\\clerk\\名单.csv", contents: Self.list(60, blankName: 7),
                                 allowPlaceholders: true)
        let seen = await Self.follow(job)
        let last = try #require(seen.last)
        #expect(last.state == .done)
        #expect(last.list == "名单.csv")
        #expect(last.read == 60 && last.written == 59 && last.skipped == 1)
        // Progress arrived along the way, in chunks of 16 rows, never going back.
        let running = seen.filter { $0.state == .running && $0.done > 0 && $0.done < $0.total }
        #expect(!running.isEmpty)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.done <= $1.done })
        // The skipped row: its place in the list by the upload's own name, and why.
        let row = try #require(last.rows.first)
        #expect(row.place == "名单.csv:8")
        #expect(row.chinese.contains("姓名"))
        #expect(last.result == "documents.pdf")
        let pdf = try #require(job.download("documents.pdf"))
        #expect(FileManager.default.fileExists(atPath: pdf))
        #expect(last.pages == 59)
        #expect(job.download("list.csv") == nil && job.download("../job.json") == nil)
        #expect(job.download(try #require(last.report)) != nil)
    }

    @Test func aZipHoldsOneDocumentPerRow() async throws {
        let jobs = try Self.jobs(try scratchFolder())
        let job = try jobs.start(template: "certificate", fileName: "list.csv", contents: Self.list(5), output: .zip, allowPlaceholders: true)
        let last = try #require(await Self.follow(job).last)
        #expect(last.state == .done && last.written == 5)
        #expect(last.result == "documents.zip")
        let zip = try #require(job.download("documents.zip"))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: zip)[.size] as? Int)
        #expect(size > 5 * 1000)
    }

    @Test func aTemplatePlaceholderNoColumnReplacesFailsTheBatchWithItsProblem() async throws {
        let jobs = try Self.jobs(try scratchFolder())
        let job = try jobs.start(template: "certificate", fileName: "list.csv", contents: Self.list(3))
        let last = try #require(await Self.follow(job).last)
        #expect(last.state == .failed)
        #expect(last.errors.contains { $0.chinese.contains("占位") || $0.english.contains("placeholder") })
        #expect(last.result == nil && job.download("documents.pdf") == nil)
    }

    @Test func requestsThatCannotBeUsedAreRefusedBeforeAnythingIsSaved() throws {
        let root = try scratchFolder()
        let jobs = try BatchJobs(root: root, templateSearchPaths: [repositoryRoot + "/templates"], maxUploadBytes: 100,
                                 compiler: { sharedCompiler })
        #expect(throws: BatchJobs.RequestError.self) { try jobs.start(template: "../certificate", fileName: "a.csv", contents: Data("a".utf8)) }
        #expect(throws: BatchJobs.RequestError.self) { try jobs.start(template: "certificate", fileName: "a.txt", contents: Data("a".utf8)) }
        do {
            _ = try jobs.start(template: "certificate", fileName: "a.csv", contents: Data(count: 101))
            Issue.record("an upload over the limit was taken")
        } catch let e as BatchJobs.RequestError {
            #expect(e.tooLarge)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
        #expect(jobs.job("../../etc") == nil && jobs.job("0123456789abcdef0123456789abcdeF") == nil)
    }

    @Test func aFinishedBatchIsFoundAfterARestartAndAnInterruptedOneSaysSo() async throws {
        let root = try scratchFolder()
        let job = try Self.jobs(root).start(template: "certificate", fileName: "名单.csv", contents: Self.list(4), allowPlaceholders: true)
        _ = await Self.follow(job)
        // A new registry on the same folder: the server started again.
        let again = try #require(try Self.jobs(root).job(job.id))
        #expect(again.status == job.status)
        #expect(again.download("documents.pdf") != nil)
        // A batch saved while it ran.
        var running = BatchJobStatus(id: String(repeating: "a", count: 32), template: "certificate", list: "名单.csv")
        running.state = .running
        try FileManager.default.createDirectory(atPath: root + "/" + running.id, withIntermediateDirectories: false)
        try BatchJob.save(running, in: root + "/" + running.id)
        let interrupted = try #require(try Self.jobs(root).job(running.id))
        #expect(interrupted.status.state == .failed)
        #expect(interrupted.status.errors.first?.chinese.contains("服务器") == true)
        // An ended job's stream gives its status once and finishes.
        #expect(await Self.follow(interrupted).count == 1)
    }

    @Test func aStatusIsOneServerSentEventOfOneLineOfJSON() throws {
        var s = BatchJobStatus(id: "x", template: "certificate", list: "a\nb.csv")
        s.done = 3; s.total = 10
        let event = s.serverSentEvent
        #expect(event.hasPrefix("event: progress\ndata: {"))
        #expect(event.hasSuffix("}\n\n"))
        #expect(event.split(separator: "\n").count == 2)
        s.state = .done
        #expect(s.serverSentEvent.hasPrefix("event: done\n"))
        let back = try JSONDecoder().decode(BatchJobStatus.self, from: Data(s.json.utf8))
        #expect(back == s)
    }
}
