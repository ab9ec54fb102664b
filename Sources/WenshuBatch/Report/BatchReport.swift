import Foundation
import WenshuCore
import WenshuData

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
/// opens the Chinese text correctly. Written through `AtomicFile.Output` (every write checked,
/// renamed when complete).
final class ReportWriter {
    let path: String
    private let output: AtomicFile.Output
    private var buffer = Data()

    static let columns = ["row", "place", "status", "reason", "output", "page"]

    init(path: String, labels: [String]) throws {
        self.path = path
        output = try AtomicFile.Output(path: path)
        buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
        line(ReportWriter.columns + labels)
    }

    var temporaryPath: String { output.temporaryPath }

    func add(row: Int, place: String, status: RowStatus, reason: String, output: String, page: Int?, values: [String]) throws {
        line([String(row), place, status.rawValue, reason, output, page.map(String.init) ?? ""] + values)
        if buffer.count > 1 << 16 { try flush() }
    }

    private func line(_ fields: [String]) {
        buffer.append(contentsOf: fields.map(ReportWriter.quoted).joined(separator: ",").utf8)
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    private func flush() throws {
        try output.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        try flush()
        try output.commit()
    }

    /// Characters that make a spreadsheet read a cell as a formula when they come first
    /// (OWASP, "CSV injection"): = + - @, and a tab or line break before them.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"]

    /// A CSV field safe to open in Excel: a field that a spreadsheet would take for a formula
    /// (`=cmd|' /C calc'!A0`, `@SUM()`, `-1+2`) gets a single quote before it, so it shows as the
    /// text it is; then it is quoted when it holds a comma, quote, line break or surrounding space.
    static func quoted(_ field: String) -> String {
        var s = field
        if let first = s.first, formulaStarts.contains(first) { s = "'" + s }
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
        var parser = CSVParser(text: CSVText(bytes: bytes, delimiter: 0x2C, file: path))
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
