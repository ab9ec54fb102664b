import Foundation
import WenshuBatch
import WenshuCore

/// Where a batch of the workbench stands, as its page and its progress stream show it: the rows done
/// of all, the counts so far, and when it has ended the rows not made (with their reasons), the
/// warnings, the error that stopped it and the files to download. Saved as the job folder's
/// `job.json`, so that a finished batch is still there after the server restarts.
public struct BatchJobStatus: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Waiting for the batch before it (one batch runs at a time: each uses every core).
        case queued
        case running
        /// Every row accounted for (some may have been skipped: see `skipped`, `rows`).
        case done
        /// Stopped: the list or the template cannot be used, an output cannot be written, or the
        /// server stopped during the run (`error` says which).
        case failed

        public var ended: Bool { self == .done || self == .failed }
    }

    public var id: String
    /// The template's name (certificate…).
    public var template: String
    /// The uploaded list's own name, for the page only (it is saved as `list.csv` or `list.xlsx`).
    public var list: String
    public var state: State = .queued
    /// Rows dealt with and all rows of the list (blank and unreadable rows included).
    public var done = 0
    public var total = 0
    public var read = 0
    public var written = 0
    public var skipped = 0
    public var duplicates = 0
    public var pages = 0
    public var seconds = 0.0
    /// Rows not made and rows made with a remark, in list order, each with its place (名单!A7) and reason.
    public var rows: [BatchJobProblem] = []
    /// Rows left out of `rows` (a list of thousands of bad rows is summed up, not sent whole).
    public var moreRows = 0
    /// About the whole run: a column the template ignores, a role set in a free face.
    public var warnings: [BatchJobProblem] = []
    /// Why the batch failed.
    public var errors: [BatchJobProblem] = []
    /// The file to download, in the job folder: the merged PDF or the zip of one file per row.
    public var result: String?
    /// The CSV report of every row, in the job folder.
    public var report: String?

    public init(id: String, template: String, list: String) {
        self.id = id; self.template = template; self.list = list
    }

    /// The status as one server-sent event (`text/event-stream`): named `progress` while the batch
    /// runs (or waits), `done` or `failed` when it has ended; the data is the status as one line of JSON.
    public var serverSentEvent: String {
        let name = switch state { case .queued, .running: "progress" case .done: "done" case .failed: "failed" }
        return "event: \(name)\ndata: \(json)\n\n"
    }

    /// The status as one line of JSON (keys sorted).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A problem of a batch as the page shows it: where (the list's own name and the sheet and cell or
/// line, never the server's folders), the severity, the Chinese, its English gloss and the hint.
public struct BatchJobProblem: Codable, Sendable, Equatable {
    public var severity: String
    public var place: String
    public var chinese: String
    public var english: String
    public var hint: String?

    /// `problem` with its file's folder cut off (and the saved list's name replaced by `listName`).
    public init(_ problem: Problem, listName: String) {
        severity = problem.severity.rawValue
        chinese = problem.chinese
        english = problem.english
        hint = problem.hint
        if var l = problem.location {
            let file = (l.file as NSString).lastPathComponent
            l.file = file.hasPrefix(BatchJob.listStem + ".") ? listName : file
            place = l.description
        } else {
            place = ""
        }
    }
}
