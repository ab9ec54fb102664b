import Foundation
import WenshuCore

/// The manifest of a batch run (of one shard): JSON Lines, one line per entry of the shard's part
/// of the list, in list order, then one `end` line that says what the run was (template version,
/// list, shard, chunking, the output and its SHA-256). A manifest without its `end` line was cut
/// short. `wenshu merge` reads the manifests of N shards to check that they fit together and join
/// their outputs.
public enum Manifest {
    /// One entry of the list.
    public struct Row: Codable, Equatable, Sendable {
        public var kind = "row"
        /// The entry's index in the whole list (0-based; blank and unreadable rows counted).
        public var entry: Int
        /// The list's row (line of a CSV, row of a sheet), as the report gives it.
        public var row: Int
        /// The row's key: the duplicate column's value, or empty when there is none.
        public var key: String
        /// SHA-256 of the template version and the row's values: what the document is made from.
        public var input: String
        /// written, kept, skipped or duplicate.
        public var status: String
        public var reason: String
        /// The file the row's document is in (a file of its own, or the one PDF), empty if none.
        public var output: String
        /// The pages of the one PDF the document takes ("3-4"), when it is in one.
        public var pages: String?
        /// SHA-256 of the row's own file (one file per row).
        public var sha256: String?
    }

    /// The last line: what the run was.
    public struct End: Codable, Equatable, Sendable {
        public var kind = "end"
        public var template: String
        /// SHA-256 of the template's files (`TemplateVersion`): manifests of another version are not merged.
        public var templateVersion: String
        public var list: String
        /// SHA-256 of the list file.
        public var listSHA256: String
        /// "K/N".
        public var shard: String
        /// block or hash.
        public var by: String
        /// Rows per part of the one PDF.
        public var chunk: Int
        /// Entries of the whole list.
        public var entries: Int
        /// Entries of this manifest.
        public var rows: Int
        /// pdf (one PDF), or the per-row format: pdf-files, ofd-files, docx-files.
        public var format: String
        /// The one PDF or the folder, as named beside the manifest.
        public var output: String
        /// SHA-256 of the one PDF (nil: per-row files, or no page written).
        public var sha256: String?
        public var pages: Int
        /// Seconds since 1970 written as the documents' dates.
        public var date: Int
        /// The passes over each PDF (pdfa, print), which a merge applies again.
        public var rewrite: String
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    static func line<T: Encodable>(_ value: T) throws -> Data {
        var d = try encoder().encode(value)
        d.append(0x0A)
        return d
    }

    /// A manifest read back.
    public struct Contents: Sendable {
        public var path: String
        public var rows: [Row]
        public var end: End
    }

    /// Reads the manifest at `path`; a line that is not JSON, or a missing end line, is an error at its line.
    public static func read(_ path: String) throws -> Contents {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MergeError(file: path, line: nil, "无法读取清单", "cannot read the manifest", hint: "请检查路径")
        }
        var rows: [Row] = []
        var end: End?
        let decoder = JSONDecoder()
        struct Kind: Decodable { var kind: String }
        for (k, line) in data.split(separator: 0x0A, omittingEmptySubsequences: true).enumerated() {
            let d = Data(line)
            do {
                guard end == nil else {
                    throw MergeError(file: path, line: k + 1, "清单在结尾行之后还有内容", "the manifest goes on after its end line", hint: "请用 wenshu batch 重新生成该分片")
                }
                switch try decoder.decode(Kind.self, from: d).kind {
                case "row": rows.append(try decoder.decode(Row.self, from: d))
                case "end": end = try decoder.decode(End.self, from: d)
                default: throw MergeError(file: path, line: k + 1, "清单行类型不明", "a manifest line of unknown kind", hint: nil)
                }
            } catch let e as MergeError {
                throw e
            } catch {
                throw MergeError(file: path, line: k + 1, "清单行无法读取", "a manifest line cannot be read (\(error))", hint: "请用 wenshu batch 重新生成该分片")
            }
        }
        guard let end else {
            throw MergeError(file: path, line: nil, "清单不完整（没有结尾行，该分片可能未运行完）",
                             "the manifest has no end line: its shard did not finish", hint: "请重新运行该分片")
        }
        return Contents(path: path, rows: rows, end: end)
    }
}

/// Writes a manifest under a temporary name, renamed into place when whole.
final class ManifestWriter {
    let path: String
    private let output: AtomicFile.Output
    private var buffer = Data()

    init(path: String) throws {
        self.path = path
        output = try AtomicFile.Output(path: path)
    }

    func add(_ row: Manifest.Row) throws {
        buffer.append(try Manifest.line(row))
        if buffer.count > 1 << 16 { try output.write(buffer); buffer.removeAll(keepingCapacity: true) }
    }

    func finish(_ end: Manifest.End) throws {
        buffer.append(try Manifest.line(end))
        try output.write(buffer)
        buffer.removeAll()
        try output.commit()
    }
}

/// Why shards cannot be merged: the manifest (and its line) that shows it, Chinese first.
public struct MergeError: WenshuError {
    public let file: String
    public let line: Int?
    public let chinese: String
    public let english: String
    public let hint: String?

    public init(file: String, line: Int?, _ chinese: String, _ english: String, hint: String?) {
        self.file = file; self.line = line; self.chinese = chinese; self.english = english; self.hint = hint
    }

    public var location: SourceLocation? { SourceLocation(file: file, line: line) }
    public var message: String { "\(chinese) (\(english))" + (hint.map { "；\($0)" } ?? "") }
    public var problem: Problem { Problem(severity: .error, location: location, chinese: chinese, english: english, hint: hint) }
}
