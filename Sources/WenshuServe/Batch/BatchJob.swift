import Foundation
import Wenshu
import WenshuBatch
import WenshuCore

/// One batch of the workbench: a template, a list a clerk uploaded (saved in the job's folder as
/// `list.csv` or `list.xlsx`), and the documents made from it in the same folder — one merged PDF
/// (`documents.pdf`) or one PDF per row (`documents/`) packed as `documents.zip` — with the CSV
/// report beside them. The run is the command line's (`BatchRun`), off the server's event loop;
/// its progress goes to every subscriber (`updates()`), which a route streams as server-sent events.
public final class BatchJob: @unchecked Sendable {
    /// How the documents are delivered.
    public enum Output: String, Codable, Sendable {
        /// Every document as pages of one PDF (certificates to print).
        case merged
        /// One PDF per row, in a zip.
        case zip
    }

    /// The saved list's name without its extension.
    static let listStem = "list"
    /// The outputs' name without extension: documents.pdf, or the folder documents/ and documents.zip.
    static let outputStem = "documents"
    /// The status file in the job folder.
    static let statusFile = "job.json"

    public let id: String
    /// The job's folder: the list, the outputs, the report and `job.json`.
    public let folder: String
    public let output: Output
    /// Print the template's placeholder parameters (清河市…) that no column replaces.
    public let allowPlaceholders: Bool

    // `lock` guards `current` and `subscribers`.
    private let lock = NSLock()
    private var current: BatchJobStatus
    private var subscribers: [UUID: AsyncStream<BatchJobStatus>.Continuation] = [:]
    private var lastSaved = Date.distantPast

    init(status: BatchJobStatus, folder: String, output: Output, allowPlaceholders: Bool) {
        self.id = status.id
        self.folder = folder
        self.output = output
        self.allowPlaceholders = allowPlaceholders
        self.current = status
    }

    /// The saved list (`list.csv` or `list.xlsx`), found by its stem.
    public var listPath: String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().first { ($0 as NSString).deletingPathExtension == BatchJob.listStem }.map { folder + "/" + $0 }
    }

    /// The status now.
    public var status: BatchJobStatus {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    /// The path of a file of the job's to download (the result or the report), or nil when `name`
    /// is not one of them: a name from a request never reaches the file system unchecked.
    public func download(_ name: String) -> String? {
        let s = status
        guard s.state == .done, [s.result, s.report].contains(name) else { return nil }
        return folder + "/" + name
    }

    /// The status now, then every change until the batch ends (then the stream finishes). A slow
    /// reader gets the last 64 changes, not an unbounded backlog (a change is 16 rows).
    public func updates() -> AsyncStream<BatchJobStatus> {
        let (stream, continuation) = AsyncStream<BatchJobStatus>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let key = UUID()
        lock.lock()
        let now = current
        if !now.state.ended { subscribers[key] = continuation }
        lock.unlock()
        continuation.yield(now)
        if now.state.ended {
            continuation.finish()
        } else {
            continuation.onTermination = { [weak self] _ in self?.unsubscribe(key) }
        }
        return stream
    }

    private func unsubscribe(_ key: UUID) {
        lock.lock(); defer { lock.unlock() }
        subscribers[key] = nil
    }

    /// Changes the status, tells the subscribers, and saves it (at most once a second while running).
    func update(_ change: (inout BatchJobStatus) -> Void) {
        lock.lock()
        change(&current)
        let now = current
        let listeners = Array(subscribers.values)
        if now.state.ended { subscribers = [:] }
        let save = now.state.ended || Date().timeIntervalSince(lastSaved) >= 1
        if save { lastSaved = Date() }
        lock.unlock()
        // Saved before it is told: whoever sees the end finds it on disk.
        if save { try? BatchJob.save(now, in: folder) }
        for c in listeners {
            c.yield(now)
            if now.state.ended { c.finish() }
        }
    }

    static func save(_ status: BatchJobStatus, in folder: String) throws {
        try AtomicFile.write(Data(status.json.utf8), to: folder + "/" + statusFile)
    }

    /// Rows typeset together: small, so that progress is seen every few rows (a certificate takes milliseconds).
    static let chunkSize = 16

    /// Runs the batch on the calling thread (the registry's queue) to its end; never throws: a
    /// failure is the status's `errors`.
    func run(compiler: Compiler, templateSearchPaths: [String]) {
        let listName = status.list
        update { $0.state = .running }
        do {
            guard let list = listPath else {
                throw BatchError.list("找不到上传的名单 (the uploaded list is gone)", nil)
            }
            var options = BatchOptions(output: output == .merged
                ? .onePDF(folder + "/" + BatchJob.outputStem + ".pdf")
                : .files(folder: folder + "/" + BatchJob.outputStem, pattern: nil))
            options.zip = output == .zip
            options.chunkSize = BatchJob.chunkSize
            options.allowPlaceholders = allowPlaceholders
            let builder = DocumentBuilder(templateSearchPaths: templateSearchPaths)
            let run = try BatchRun(template: status.template, list: list, options: options, compiler: compiler, loader: builder.loader)
            try run.checkPlaceholders()
            update { $0.total = run.list.entries.count }
            let summary = try run.run { [weak self] p in
                self?.update {
                    $0.done = p.done; $0.total = p.total
                    $0.read = p.counts.read; $0.written = p.counts.written + p.counts.kept
                    $0.skipped = p.counts.skipped; $0.duplicates = p.counts.duplicates
                }
            }
            let name = output == .merged ? BatchJob.outputStem + ".pdf" : BatchJob.outputStem + ".zip"
            update {
                let c = summary.counts
                $0.state = .done
                $0.done = $0.total
                $0.read = c.read; $0.written = c.written + c.kept; $0.skipped = c.skipped; $0.duplicates = c.duplicates
                $0.pages = summary.pages
                $0.seconds = summary.seconds
                $0.rows = summary.notes.map { BatchJobProblem($0, listName: listName) }
                $0.moreRows = summary.moreNotes
                $0.warnings = (summary.warnings + summary.fonts).map { BatchJobProblem($0, listName: listName) }
                // A list with no good row writes no PDF: nothing to download but the report.
                $0.result = FileManager.default.fileExists(atPath: folder + "/" + name) ? name : nil
                $0.report = (summary.report as NSString).lastPathComponent
            }
        } catch {
            let problems = (error as? any WenshuError)?.problems
                ?? [Problem(severity: .error, chinese: "批量生成失败", english: "the batch failed: \(error)")]
            update {
                $0.state = .failed
                $0.errors = problems.map { BatchJobProblem($0, listName: listName) }
            }
        }
    }
}
