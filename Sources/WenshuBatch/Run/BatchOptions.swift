import Foundation
import Wenshu
import WenshuCore
import WenshuPDFA

/// How `wenshu batch` runs: where the documents go, which rows, and how strictly.
public struct BatchOptions: Sendable {
    /// Where the documents go.
    public enum Output: Sendable, Equatable {
        /// Every document as pages of one PDF.
        case onePDF(String)
        /// One PDF per row in a folder, named by a pattern (nil: `{no}-{name}.pdf` when the list
        /// has both columns, else `row-{row}.pdf`).
        case files(folder: String, pattern: FileNamePattern?)
    }

    public var output: Output
    /// The format of the files of one-file-per-row mode: PDF, OFD or an editable Word document
    /// (names then end in `.ofd` or `.docx`); one PDF of every row stays PDF.
    public var format: OutputFormat = .pdf
    /// The sheet of an .xlsx list (default: the first visible sheet).
    public var sheet: String?
    /// Also pack the files into OUT.zip (one-file-per-row mode).
    public var zip = false
    /// Stop at the first bad row (nothing written when the checks find it before typesetting).
    public var strict = false
    /// Keep documents already written whole (per-file mode), or the PDF when it is already whole.
    public var resume = false
    /// The part of the list this run renders.
    public var shard = Shard.whole
    /// How the list is cut into shards: contiguous blocks (the default), or by a stable hash of each row's key.
    public var shardBy = ShardMethod.block
    /// The column whose repeated values make duplicates (nil: `no`, the certificate number, when
    /// the list has it; otherwise no duplicate check).
    public var key: String?
    /// Rows typeset together before their pages are written (memory holds about two chunks).
    public var chunkSize = 256
    /// One outline entry (bookmark) per document in a single PDF, titled by this pattern, e.g. "{no} {name}".
    public var bookmark: String?
    /// Every PDF written as PDF/A-2b (the one PDF, or each row's).
    public var pdfa = false
    /// Print a template's placeholder parameters (清河市…) that no column replaces.
    public var allowPlaceholders = false
    /// Other files the run reads (font files given by --font): no output may be one of them, as
    /// none may be the list or the template.
    public var otherInputs: [String] = []
    /// 套打: the stock left out and the printer's profile applied to every document; the PDFs ask
    /// viewers not to scale.
    public var overprint = Overprint()

    public init(output: Output) { self.output = output }

    /// The pass over each finished PDF: PDF/A-2b, and the no-scaling preference for 套打; nil for none.
    var rewrite: (@Sendable (_ file: String, _ path: String) throws -> Void)? {
        let pdfa = pdfa, print = overprint.isPrint
        guard pdfa || print else { return nil }
        return { @Sendable file, path in
            if pdfa { try Compiler.makePDFA(file, to: file, name: path) }
            if print { try PrintScaling.disable(file: file, to: file, name: path) }
        }
    }
}

/// A part of a list: shard K of N takes the K-th of N contiguous blocks of entries (blank and
/// unreadable rows included), so that N runs, on N machines, cover the whole list exactly once and
/// shard K's single PDF holds consecutive rows (the shards' PDFs in order are the whole list).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public static let whole = Shard(uncheckedIndex: 1, count: 1)

    private init(uncheckedIndex: Int, count: Int) { self.index = uncheckedIndex; self.count = count }

    /// The most parts a list may be cut into (more would leave nearly every part empty).
    public static let maxCount = 100_000

    public init(index: Int, count: Int) throws {
        guard count >= 1, count <= Shard.maxCount, (1...count).contains(index) else {
            throw BatchError.usage("--shard 取 K/N，1 ≤ K ≤ N ≤ \(Shard.maxCount) (--shard takes K/N with 1 ≤ K ≤ N ≤ \(Shard.maxCount), e.g. 2/8); got \(index)/\(count)")
        }
        self.index = index; self.count = count
    }

    /// Reads "K/N". Also accepts "K/N" with K from 0 when `zeroBased` (a Kubernetes
    /// JOB_COMPLETION_INDEX or a Slurm SLURM_ARRAY_TASK_ID starting at 0).
    public init(parsing text: String, zeroBased: Bool = false) throws {
        let parts = text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), k < Int.max else {
            throw BatchError.usage("--shard takes K/N, e.g. 2/8 (the second of eight parts); got ‘\(text)’")
        }
        try self.init(index: zeroBased ? k + 1 : k, count: n)
    }

    /// The entries of a list of `total` this shard takes.
    public func range(of total: Int) -> Range<Int> {
        // total × index can pass Int.max for a long list cut into many parts: full-width product.
        func cut(_ k: Int) -> Int { count.dividingFullWidth(max(0, total).multipliedFullWidth(by: k)).quotient }
        return cut(index - 1)..<cut(index)
    }

    public var isWhole: Bool { count == 1 }

    /// "shard-2-of-8", for output names.
    public var tag: String { "shard-\(index)-of-\(count)" }

    public var description: String { "\(index)/\(count)" }
}

/// How `--shard K/N` cuts a list.
public enum ShardMethod: String, Sendable, CaseIterable {
    /// Contiguous blocks of entries, cut (for one PDF) on part boundaries: shard K's PDF holds
    /// consecutive rows, and the shards merged are byte for byte one run's PDF. The default.
    case block
    /// By a stable hash of each row's key (the duplicate column, e.g. 证书编号, else the row's
    /// values): a row stays in its shard when rows are added or removed elsewhere in the list.
    case hash
}

extension Shard {
    /// The entries of a list of `total` this shard takes when the list is cut on boundaries of
    /// `chunk` entries (the parts of one PDF), so that every part is whole in one shard.
    public func range(of total: Int, chunk: Int) -> Range<Int> {
        let size = max(1, chunk), entries = max(0, total)
        let parts = entries / size + (entries % size == 0 ? 0 : 1)
        let r = range(of: parts)
        return min(entries, r.lowerBound.multipliedReportingOverflow(by: size).partialValue)..<min(entries, r.upperBound.multipliedReportingOverflow(by: size).partialValue)
    }

    /// Whether a row whose key hashes to `hash` (`StableHash.fnv1a`) falls in this shard (jump
    /// consistent hash: with one more shard, only about 1/N of the rows move, all to the new one).
    public func contains(hash: UInt64) -> Bool { StableHash.jump(hash, buckets: count) == index - 1 }
}

/// Errors of a batch run.
public enum BatchError: WenshuError {
    /// The command is used wrongly (exit status 2).
    case usage(String)
    /// An output cannot be written.
    case write(String, String)
    /// `--strict` stopped at a bad row.
    case strict(place: String, reason: String)
    /// The list cannot be used with the template.
    case list(String, SourceLocation?)
    /// Another run is writing the same output.
    case locked(output: String, lock: String)

    public var message: String {
        switch self {
        case .usage(let m): m
        case .write(let path, let reason): "无法写入 \(path) (cannot write \(path): \(reason))"
        case .locked(let output, let lock):
            "另一个 wenshu batch 正在写入 \(output)（锁文件 \(lock)）；请等它结束，或用 -o 换一个输出位置 "
                + "(another wenshu batch is writing \(output) (lock file \(lock)): wait for it to finish or choose another -o)"
        case .strict(let place, let reason): "stopped at \(place) (--strict): \(reason)"
        case .list(let m, _): m
        }
    }

    public var location: SourceLocation? {
        if case .list(_, let l) = self { return l }
        return nil
    }

    /// `--strict`'s stop names the row as the place; the others cut their message (`Gloss`).
    public var problem: Problem {
        let g = Gloss(message)
        switch self {
        case .strict(let place, let reason):
            let r = Gloss(reason)
            return Problem(severity: .error, location: SourceLocation(file: place), chinese: "此行无法生成，按 --strict 停止：\(r.chinese)",
                           english: "stopped here (--strict): \(r.english.isEmpty ? reason : r.english)", hint: r.hint)
        case .locked(let output, let lock):
            return Problem(severity: .error, location: SourceLocation(file: output), chinese: "另一个 wenshu batch 正在写入（锁文件 \(lock)）",
                           english: "another wenshu batch is writing \(output) (lock file \(lock))", hint: "请等它结束，或用 -o 换一个输出位置")
        case .write(let path, let reason):
            return Problem(severity: .error, location: SourceLocation(file: path), chinese: "无法写入", english: "cannot write: \(reason)")
        default:
            return Problem(severity: .error, location: location, chinese: g.chinese, english: g.english, hint: g.hint)
        }
    }
}
