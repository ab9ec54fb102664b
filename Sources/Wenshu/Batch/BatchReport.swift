import Foundation

/// What happened to one row.
public enum RowStatus: String, Sendable, CaseIterable {
    /// Its document was written in this run.
    case written
    /// Its document was already there, whole (`--resume`).
    case kept
    /// Not written, for the reason given (blank row, required field empty, bad date, cannot typeset…).
    case skipped
    /// Not written: an earlier row has the same certificate number.
    case duplicate
}

/// The counts of a run. Every entry of the list (of the shard) is counted exactly once:
/// `read == written + kept + skipped + duplicates`.
public struct BatchCounts: Sendable, Equatable {
    /// Entries read: data rows, blank rows between them, unreadable rows.
    public var read = 0
    public var written = 0
    public var kept = 0
    public var skipped = 0
    public var duplicates = 0

    public init() {}

    public var reconciles: Bool { read == written + kept + skipped + duplicates }

    mutating func count(_ s: RowStatus) {
        switch s {
        case .written: written += 1
        case .kept: kept += 1
        case .skipped: skipped += 1
        case .duplicate: duplicates += 1
        }
    }
}

/// The CSV report of a run, one line per entry of the list in list order: where the row is, what
/// happened to it and why, where its document went, and the row's own values (so that the skipped
/// rows can be filtered, corrected and run again). UTF-8 with a byte-order mark, so that Excel
/// opens the Chinese text correctly. Written under a temporary name and renamed when complete.
final class ReportWriter {
    let path: String
    let temporaryPath: String
    private let handle: FileHandle
    private var buffer = Data()

    static let columns = ["row", "place", "status", "reason", "output", "page"]

    init(path: String, labels: [String]) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent().path + "/." + url.lastPathComponent
            + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
              let h = FileHandle(forWritingAtPath: temporaryPath) else {
            throw BatchError.write(path, "cannot create the report file")
        }
        handle = h
        buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
        line(ReportWriter.columns + labels)
    }

    deinit {
        try? handle.close()
        unlink(temporaryPath)
    }

    func add(row: Int, place: String, status: RowStatus, reason: String, output: String, page: Int?, values: [String]) throws {
        line([String(row), place, status.rawValue, reason, output, page.map(String.init) ?? ""] + values)
        if buffer.count > 1 << 16 { try flush() }
    }

    private func line(_ fields: [String]) {
        buffer.append(contentsOf: fields.map(ReportWriter.quoted).joined(separator: ",").utf8)
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    private func flush() throws {
        do { try handle.write(contentsOf: buffer) } catch { throw BatchError.write(path, "\(error.localizedDescription)") }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        try flush()
        try handle.close()
        guard rename(temporaryPath, path) == 0 else { throw BatchError.write(path, String(cString: strerror(errno))) }
    }

    /// A CSV field, quoted when it holds a comma, quote, line break or surrounding space. A field
    /// that a spreadsheet would take for a formula (= + - @ first) is not changed: the report is
    /// data for people, and the list's own values are written back as they were read.
    static func quoted(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.first == " " || s.last == " " else {
            return s
        }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Reads a report back (for tests and tools): its rows as dictionaries by column name.
    static func read(_ path: String) throws -> [[String: String]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw BatchError.write(path, "cannot read") }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let text = CSVText(bytes: bytes, file: path)
        var parser = CSVParser(text: text, position: 0, line: 1)
        guard let header = try parser.next()?.fields else { return [] }
        var rows: [[String: String]] = []
        while let r = try parser.next() {
            if r.isBlank { continue }
            var d: [String: String] = [:]
            for (k, v) in zip(header, r.fields) { d[k] = v }
            rows.append(d)
        }
        return rows
    }
}

extension CSVText {
    /// Text already in memory as UTF-8 (comma-separated).
    convenience init(bytes: [UInt8], file: String) {
        self.init(uncheckedBytes: bytes, delimiter: 0x2C, file: file)
    }
}
