import Foundation
import Wenshu
import WenshuCore
import WenshuData
import WenshuDocx
import WenshuFonts
import WenshuLayout
import WenshuRender
import WenshuTemplate
import WenshuText

/// How far a run has got, for a progress bar.
public struct BatchProgress: Sendable {
    /// Entries of the shard dealt with, and all of them.
    public var done: Int
    public var total: Int
    public var counts: BatchCounts
}

/// A row that was not written, or was written with a warning, as a `Problem` at the row's place
/// (a warning for a row not written, a note for one written with a remark).
extension Problem {
    static func row(at place: SourceLocation, _ status: RowStatus, _ reason: String) -> Problem {
        let g = Gloss(reason)
        let word = switch status { case .written: "已生成" case .kept: "已保留" case .skipped: "未生成" case .duplicate: "重复，未生成" }
        let english = g.english.isEmpty ? status.rawValue : "\(status.rawValue): \(g.english)"
        return Problem(severity: status == .skipped || status == .duplicate ? .warning : .note, location: place,
                       chinese: "\(word)：\(g.chinese)", english: english, hint: g.hint)
    }
}

/// What a run did.
public struct BatchSummary: Sendable {
    public var counts: BatchCounts
    /// Pages written in this run.
    public var pages: Int
    /// The PDF or folder written, and the zip.
    public var outputs: [String]
    /// The CSV report.
    public var report: String
    /// The manifest (JSON Lines, see `Manifest`).
    public var manifest = ""
    /// Rows not written and rows written with warnings, in list order (at most `maxNotes`).
    public var notes: [Problem]
    public var moreNotes: Int
    /// The columns a row must fill (the ones the template prints).
    public var required: [String]
    /// The column that makes duplicates, when checked.
    public var duplicateKey: String?
    public var seconds: Double
    /// Things about the whole run the user must know (list columns a template parameter shadows,
    /// a PDF written again because its list changed), each once.
    public var warnings: [Problem] = []
    /// The roles set in a free face for want of the office font, once per run (not per row).
    public var fonts: [Problem] = []

    public static let maxNotes = 200
}

/// One `wenshu batch` run: a template and a list (CSV or .xlsx), one document per row.
///
/// The template, the list and the fonts are loaded once. Every entry of the list is checked first
/// (cheap, in one pass, the whole list even when only a shard is rendered, so that every shard
/// agrees on duplicates and file names): blank rows, unreadable rows, rows with a required field
/// empty or a value the schema refuses (a date that does not exist) are skipped with their reason;
/// a row whose certificate number an earlier good row already has is a duplicate. Then the shard's
/// rows are typeset in chunks, each chunk's rows in parallel on all cores, and written in row order
/// while the next chunk is typeset: as pages of one PDF streamed to disk, or as one PDF per row.
/// Memory holds about two chunks of pages, however long the list.
// @unchecked: the vars (`required`, `expectedPages`, `cache`, `warnings`) are set by `init` and
// by `run` on the calling thread before or after the parallel work; the typesetting threads only
// read them, and the paragraph cache and realise cache lock their own state.
public final class BatchRun: @unchecked Sendable {
    public let list: BatchList
    public let template: Template
    /// The fields the template declares (none: the list's columns are used as written).
    public let schema: FieldSchema
    public let options: BatchOptions
    public let compiler: Compiler
    /// Paragraphs repeated from row to row (the citation, issuer, date) are set once per run.
    let paragraphs = ParagraphCache()
    let realizer: Realizer
    let typesetter: ParagraphTypesetter
    /// The columns a row must fill: those the template prints.
    public private(set) var required: [String] = []
    /// The column whose repeated values are duplicates.
    public let duplicateKey: String?
    let pattern: FileNamePattern?
    let bookmark: FileNamePattern?
    /// How many pages a document of this template has: declared on the template (`pages="1"`), or
    /// seen on the template filled with the list's shortest values; more means a row overflowed.
    private(set) var expectedPages: Int?
    /// The template filled with the list's shortest values, typeset (the same in every shard): the
    /// faces of one PDF are cut once to its glyphs and the list's characters.
    private(set) var sample: [Frame] = []
    /// Columns named like a template parameter that the template does not let a list change: they
    /// are left out of every row (reported once in `warnings`).
    public let shadowed: [String]
    /// Warnings about the run as a whole (see `BatchSummary.warnings`).
    public private(set) var warnings: [Problem] = []
    /// The longest value a cell may hold, in UTF-8 bytes (5,461 CJK characters, pages of text):
    /// a longer one is a mistake (a pasted file) and its row is skipped before it is typeset.
    public static let maxFieldBytes = 16_384
    /// The date written into every document (seconds since 1970): `SOURCE_DATE_EPOCH`, else a
    /// fixed one, so that the same list gives the same bytes on every run and every machine.
    let date = ReproducibleDate.seconds()
    /// The template realised once for many rows, when it can be (see `RealizeCache`).
    private(set) var cache: RealizeCache?

    /// Loads the template and the list and works out which columns are required.
    public init(template name: String, list path: String, options: BatchOptions, compiler: Compiler, loader: TemplateLoader) throws {
        HeapArenas.limit()
        self.options = options
        self.compiler = compiler
        self.template = try loader.load(name)
        self.schema = try TemplateFields.schema(for: template, world: loader.world) ?? FieldSchema()
        let columnKeys = schema.columnKeys
        self.list = try BatchList.load(path, sheet: options.sheet, keys: columnKeys)
        self.realizer = Realizer(loader: loader, dataFolders: [(path as NSString).deletingLastPathComponent])
        self.typesetter = ParagraphTypesetter(fonts: compiler.fonts)
        let columns = Set(list.columns)
        let fixed = Set(template.parameterNames).subtracting(template.overridableParameters)
        shadowed = list.columns.filter { fixed.contains($0) }
        if let k = options.key {
            let key = BatchList.key(for: k, in: columnKeys)
            guard columns.contains(key) else {
                throw BatchError.usage("--key \(k)：名单没有这一列；名单的列：\(list.labels.joined(separator: "、")) "
                                       + "(--key \(k): the list has no such column; its columns are: \(list.labels.joined(separator: ", ")))")
            }
            duplicateKey = key
        } else {
            duplicateKey = columns.contains("no") ? "no" : nil
        }
        if case .files(_, let given) = options.output {
            let ext = options.format == .docx ? "docx" : "pdf"
            let p = try FileNamePattern(given?.pattern ?? (columns.contains("no") && columns.contains("name") ? "{no}-{name}.\(ext)" : "row-{row}.\(ext)"),
                                        columnKeys: columnKeys)
            for k in p.keys where !columns.contains(k) && !FileNamePattern.builtIns.contains(k) {
                throw BatchError.usage("--name ‘\(p.pattern)’ 用了 {\(k)}，名单没有这一列；名单的列：\(list.labels.joined(separator: "、")) "
                                       + "(--name uses ‘\(k)’, but the list has no such column; its columns are: \(list.labels.joined(separator: ", ")))")
            }
            pattern = p
        } else {
            pattern = nil
        }
        bookmark = try options.bookmark.map { try FileNamePattern($0, columnKeys: columnKeys) }
        if let b = bookmark {
            for k in b.keys where !columns.contains(k) && !FileNamePattern.builtIns.contains(k) {
                let allowed = (list.labels.filter { !$0.isEmpty } + FileNamePattern.builtIns.sorted()).map { "{\($0)}" }
                throw BatchError.usage("--bookmarks ‘\(b.pattern)’ 用了 {\(k)}，名单没有这一列；可用：\(allowed.joined(separator: " ")) "
                                       + "(--bookmarks uses {\(k)}, but the list has no such column; the names allowed are: \(allowed.joined(separator: ", ")))")
            }
        }
        for k in shadowed {
            let written = list.columns.firstIndex(of: k).map { list.labels[$0] } ?? k
            warnings.append(Problem(severity: .warning, location: SourceLocation(file: list.file),
                                    chinese: "名单的“\(written)”列与模板参数 \(k) 同名，名单不能改写它，此列未用",
                                    english: "the list's column ‘\(written)’ has the name of the template parameter ‘\(k)’, which a list cannot "
                                        + "change: the column is ignored",
                                    hint: "要让名单改写它，请在模板里写 <param name=\"\(k)\" overridable=\"true\">"))
        }
        try probe()
        if ProcessInfo.processInfo.environment["WENSHU_REALIZE_CACHE"] != "0" {
            // Checked against the realiser on the first good rows.
            var samples: [Record] = []
            for e in list.entries where e.kind == .row {
                let r = list.record(e)
                if problems(r) == nil { samples.append(r) }
                if samples.count == 8 { break }
            }
            let usable = list.columns.map { shadowed.contains($0) ? "" : $0 }
            cache = RealizeCache(template: template, loader: loader, columns: usable, samples: samples) { [unowned self] record in
                try self.realize(record)
            }
        }
    }

    // MARK: Checks

    static let probeMarker = "WENSHUPROBE"

    /// Finds the columns the template prints: the template is realised with each column in turn
    /// replaced by a marker on an otherwise filled row (each column's shortest value among the
    /// rows the schema accepts, so that one over-long row cannot set the norm); a column whose
    /// marker shows in the content (or that a filter refuses as text, such as a date) is required.
    /// Also notes how many pages that row takes, unless the template declares its pages.
    /// - Throws: `BatchError.list` when the template uses a value the list has no column for:
    ///   every row would fail alike.
    private func probe() throws {
        var base = Record()
        var filled = Set<String>()
        let keys = list.columns.filter { !$0.isEmpty }
        for k in keys { base[k] = .string("") }
        for e in list.entries.prefix(1000) where e.kind == .row {
            let record = list.record(e)
            guard !SchemaChecker(schema).check(DataSet(root: .object(record))).contains(where: { $0.severity == .error }) else { continue }
            for (k, v) in record.pairs where !BatchRun.isEmpty(v) && v.description.utf8.count <= BatchRun.maxFieldBytes {
                if !filled.contains(k) || v.description.utf8.count < (base[k]?.description.utf8.count ?? 0) {
                    base[k] = v; filled.insert(k)
                }
            }
        }
        expectedPages = template.declaredPages
        let content: DocumentContent
        do {
            content = try realize(base)
        } catch let e as TemplateError where e.missingValue != nil && !list.entries.isEmpty {
            throw BatchError.list("the template needs a value the list has no column for: \(e.message) "
                                  + "(the list's columns are: \(list.labels.joined(separator: ", ")))", e.location)
        } catch {
            return  // each row fails with its own reason
        }
        for k in keys {
            var r = base
            r[k] = .string(BatchRun.probeMarker)
            if let c = try? realize(r) {
                if String(describing: c).contains(BatchRun.probeMarker) { required.append(k) }
            } else {
                required.append(k)
            }
        }
        let frames = try? layout(content, diagnostics: ProblemLog())
        if expectedPages == nil, let frames { expectedPages = frames.count }
        sample = frames ?? []
    }

    static func isEmpty(_ v: Value?) -> Bool {
        switch v {
        case nil, .null?: return true
        case .string(let s)?: return s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        default: return false
        }
    }

    /// A column's name for messages: the header's own label, or the schema's Chinese label of an English key.
    func label(_ key: String) -> (zh: String, en: String) {
        let j = list.columns.firstIndex(of: key)
        let written = j.map { list.labels[$0] } ?? key
        let zh = written == key ? (schema.field(at: [key])?.label ?? key) : written
        return (zh, key)
    }

    /// Refuses a placeholder parameter of the template (中共某市委…) that no column of the list
    /// replaces, unless `options.allowPlaceholders`: every document would print it.
    public func checkPlaceholders() throws {
        guard !options.allowPlaceholders else { return }
        var columns = Record()
        for c in template.overridableParameters where list.columns.contains(c) { columns[c] = .string(c) }
        let unreplaced = TemplateFields.placeholders(schema, template: template, data: DataSet(root: .object(columns)))
        if !unreplaced.isEmpty { throw InvalidData(problems: unreplaced) }
    }

    /// Why a data row cannot be used, or nil: required fields empty, values the schema refuses.
    func problems(_ record: Record) -> String? {
        var reasons: [String] = []
        let empty = required.filter { BatchRun.isEmpty(record[$0]) }
        if !empty.isEmpty {
            let names = empty.map(label)
            reasons.append("必填项为空：\(names.map(\.zh).joined(separator: "、")) (required field empty: \(names.map(\.en).joined(separator: ", ")))")
        }
        for (k, v) in record.pairs {
            let bytes: Int
            if case .string(let text) = v { bytes = text.utf8.count } else { continue }
            if bytes > BatchRun.maxFieldBytes {
                let l = label(k)
                reasons.append("“\(l.zh)”过长：\(bytes) 字节，上限 \(BatchRun.maxFieldBytes) (field ‘\(l.en)’ is \(bytes) bytes long; the limit is \(BatchRun.maxFieldBytes))")
            }
        }
        if !reasons.isEmpty { return reasons.joined(separator: "；") }
        for p in SchemaChecker(schema).check(DataSet(root: .object(record))) where p.severity == .error {
            reasons.append("\(p.chinese) (\(p.english))")
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "；")
    }

    /// The verdict of the check pass on one entry of the shard.
    struct Verdict {
        /// nil: to be typeset.
        var status: RowStatus?
        var reason = ""
        /// The output file name (per-file mode).
        var name: String?
        /// The row's key (the duplicate column's value), and the stable hash that places it in a shard.
        var key: String?
        var hash: UInt64 = 0
    }

    /// What one row's check finds on its own (before duplicates and name clashes, which depend on
    /// the rows before it).
    struct RowCheck {
        var problem: String?
        var key: String?
        var name: String?
        var hash: UInt64 = 0
    }

    /// The stable hash of a row for `--by hash`: of its key when it has one, else of its values.
    func shardHash(_ record: Record, key: String?) -> UInt64 {
        if let key { return StableHash.fnv1a(key) }
        return StableHash.fnv1a(list.columns.map { $0.isEmpty ? "" : (record[$0]?.description ?? "") }.joined(separator: "\u{1F}"))
    }

    func checkRow(_ e: BatchList.Entry, n: Int) -> RowCheck {
        let record = list.record(e)
        let key = duplicateKey.flatMap { record[$0].map(\.description) }.flatMap { $0.isEmpty ? nil : $0 }
        let hash = shardHash(record, key: key)
        if let why = problems(record) { return RowCheck(problem: why, key: key, hash: hash) }
        let name = pattern.map { p -> String in
            var filled = p.fill(record, row: e.line, n: n)
            if options.format == .ofd && filled.lowercased().hasSuffix(".ofd") { filled.removeLast(4) }
            return FileNamePattern.safe(filled)
        }
        return RowCheck(key: key, name: name, hash: hash)
    }

    /// Checks every entry of the list (so that duplicates, file names and hash shards are the same
    /// whichever shard runs) and returns every entry's verdict. Rows are checked in parallel a
    /// block at a time; duplicates and name clashes are then settled in list order.
    func check() -> [Verdict] {
        var verdicts: [Verdict] = []
        verdicts.reserveCapacity(list.entries.count)
        var firstLine: [String: Int] = [:]
        var taken: [String: Int] = [:]
        var n = 0
        let block = 4096
        var start = 0
        while start < list.entries.count {
            let end = min(start + block, list.entries.count)
            // The data-row number of each entry ({n} in names), then each row's own check.
            var numbers: [Int] = []
            numbers.reserveCapacity(end - start)
            for e in list.entries[start..<end] {
                if e.kind == .row { n += 1 }
                numbers.append(n)
            }
            var checks = [RowCheck?](repeating: nil, count: end - start)
            let first = start, count = end - start, ordinals = numbers
            checks.withUnsafeMutableBufferPointer { buffer in
                let slots = UnsafeSendable(buffer)
                DispatchQueue.concurrentPerform(iterations: (count + 63) / 64) { part in
                    for k in (part * 64)..<min(part * 64 + 64, count) where self.list.entries[first + k].kind == .row {
                        slots.value[k] = self.checkRow(self.list.entries[first + k], n: ordinals[k])
                    }
                }
            }
            for i in start..<end {
                let e = list.entries[i]
                var v = Verdict()
                switch e.kind {
                case .blank:
                    v.status = .skipped; v.reason = "空行 (blank row)"; v.hash = StableHash.fnv1a("")
                case .unreadable(let why):
                    v.status = .skipped; v.reason = why; v.hash = StableHash.fnv1a("")
                case .row:
                    guard let c = checks[i - start] else { break }
                    v.key = c.key; v.hash = c.hash
                    if let why = c.problem {
                        v.status = .skipped; v.reason = why
                    } else if let key = duplicateKey, let value = c.key, let first = firstLine[value] {
                        v.status = .duplicate
                        let l = label(key)
                        v.reason = "\(l.zh)“\(value)”与第 \(first) 行重复 (same \(l.en) ‘\(value)’ as row \(first))"
                    } else {
                        if let value = c.key { firstLine[value] = e.line }
                        if let name = c.name {
                            // The k-th row whose safe name is taken (compared without case, as macOS
                            // and Windows do) gets " (k)".
                            var candidate = name
                            var k = taken[name.lowercased(), default: 0]
                            while taken[candidate.lowercased()] != nil {
                                k += 1
                                candidate = FileNamePattern.numbered(name, k)
                            }
                            taken[name.lowercased()] = max(k, 1)
                            taken[candidate.lowercased()] = taken[candidate.lowercased()] ?? 1
                            // Names are made and numbered as .pdf; an OFD takes its own extension last.
                            v.name = options.format == .ofd ? String(candidate.dropLast(4)) + ".ofd" : candidate
                        }
                    }
                }
                verdicts.append(v)
            }
            start = end
        }
        return verdicts
    }

    // MARK: Typesetting

    /// The row's content; `places` (a column's cell, by key) go with the values to the glyphs.
    func realize(_ record: Record, places: [String: SourceLocation] = [:]) throws -> DocumentContent {
        var r = record
        for k in shadowed { r[k] = nil }
        var locations: [ValuePath: SourceLocation] = [:]
        for (k, place) in places where r[k] != nil { locations[[.key(k)]] = place }
        return try realizer.realize(template, data: DataSet(root: .object(r), locations: locations))
    }

    func layout(_ content: DocumentContent, diagnostics: ProblemLog) throws -> [Frame] {
        try FlowLayout(master: content.master, typesetter: typesetter, diagnostics: diagnostics, cache: paragraphs).layout(content.blocks)
    }

    /// A row typeset, or why it cannot be.
    enum Outcome: Sendable {
        case typeset(frames: [Frame], info: DocumentInfo, warnings: [Problem])
        case failed(String)
    }

    func typeset(_ record: Record, places: [String: SourceLocation] = [:]) -> Outcome {
        do {
            let content = try cache?.content(for: record, places: places) ?? realize(record, places: places)
            let log = ProblemLog()
            let frames = try layout(content, diagnostics: log)
            if let expected = expectedPages, frames.count > expected {
                return .failed("内容超出 \(expected) 页，共 \(frames.count) 页 (the document runs to \(frames.count) pages instead of \(expected): a value is too long to fit)")
            }
            var warnings = log.all
            if let edge = TypeAreaOverflow.check(frames, body: content.master.body) { warnings.append(edge) }
            return .typeset(frames: options.overprint.print(frames), info: content.info, warnings: warnings)
        } catch let e as WenshuError {
            return .failed("无法排版 (cannot typeset): \(e.message)")
        } catch {
            return .failed("无法排版 (cannot typeset): \(error)")
        }
    }

    /// Typesets the given entries in parallel on all cores; returns each row's values too.
    func typeset(entries: [Int]) -> [(outcome: Outcome, record: Record)] {
        var out = [(outcome: Outcome, record: Record)?](repeating: nil, count: entries.count)
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: entries.count) { i in
                let entry = self.list.entries[entries[i]]
                let record = self.list.record(entry)
                slots.value[i] = (self.typeset(record, places: self.list.locations(of: entry)), record)
            }
        }
        return out.map { $0! }
    }

    // MARK: The run

    /// Where a run writes.
    struct Paths {
        var pdf: String?
        var folder: String?
        var zip: String?
        var report: String
        var manifest: String
    }

    func paths() -> Paths {
        let tag = options.shard.isWhole ? "" : "." + options.shard.tag
        switch options.output {
        case .onePDF(let path):
            let stem = path.lowercased().hasSuffix(".pdf") ? String(path.dropLast(4)) : path
            return Paths(pdf: stem + tag + ".pdf", report: stem + tag + ".report.csv", manifest: stem + tag + ".manifest.jsonl")
        case .files(let folder, _):
            var f = folder
            while f.count > 1 && f.hasSuffix("/") { f.removeLast() }
            // "." or "..": the report and zip go beside the folder under its real name.
            if [".", ".."].contains((f as NSString).lastPathComponent) { f = URL(fileURLWithPath: f).standardizedFileURL.path }
            return Paths(folder: f, zip: options.zip ? f + tag + ".zip" : nil, report: f + tag + ".report.csv",
                         manifest: f + tag + ".manifest.jsonl")
        }
    }

    /// Whether `path` is a whole PDF: it starts as a PDF does and ends with the end-of-file mark
    /// a PDF writer puts last.
    /// True when the file at `path` was written whole: a PDF ending in %%EOF, or a .docx whose
    /// zip ends with its end-of-central-directory record.
    /// Whether a per-row file of any format was written whole (see `isWhole(_:format:)`).
    public static func isWholeDocument(_ path: String) -> Bool {
        isWhole(path, format: OutputFormat(path: path) ?? .pdf)
    }

    public static func isWholePDF(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        guard let head = try? h.read(upToCount: 5), head == Data("%PDF-".utf8),
              let size = try? h.seekToEnd(), size > 16 else { return false }
        try? h.seek(toOffset: size > 1024 ? size - 1024 : 0)
        guard let tail = try? h.readToEnd() else { return false }
        return tail.range(of: Data("%%EOF".utf8)) != nil
    }

    /// Whether `path` is a whole file of `format`: a PDF with its end-of-file mark, or a zip (an
    /// OFD package, a Word document) with its end-of-central-directory record.
    static func isWhole(_ path: String, format: OutputFormat) -> Bool {
        guard format != .pdf else { return isWholePDF(path) }
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        guard let head = try? h.read(upToCount: 4), head == Data([0x50, 0x4B, 0x03, 0x04]),
              let size = try? h.seekToEnd(), size > 22 else { return false }
        try? h.seek(toOffset: size > 65_557 ? size - 65_557 : 0)
        guard let tail = try? h.readToEnd() else { return false }
        return tail.range(of: Data([0x50, 0x4B, 0x05, 0x06])) != nil
    }

    /// With WENSHU_TIMING=1, the time of each phase on standard error (for bench/ scripts).
    static let timing = ProcessInfo.processInfo.environment["WENSHU_TIMING"] == "1"
    static func lap(_ phase: String, since start: inout Date) {
        guard timing else { return }
        let now = Date()
        FileHandle.standardError.write(Data("wenshu: timing: \(phase) \(String(format: "%.1f", now.timeIntervalSince(start) * 1000)) ms\n".utf8))
        start = now
    }

    /// The options that change a one-PDF output's pages, for its resume stamp.
    var stampOptions: String {
        "shard=\(options.shard) by=\(options.shardBy) chunk=\(options.chunkSize) sheet=\(options.sheet ?? "") key=\(duplicateKey ?? "") bookmarks=\(options.bookmark ?? "")"
    }

    /// The entries (indices into the list) of this run's shard, in list order: a contiguous block
    /// (for one PDF cut on part boundaries, see `Shard.range(of:chunk:)`), or the rows whose
    /// key's hash falls in the shard.
    func select(_ verdicts: [Verdict]) -> [Int] {
        switch options.shardBy {
        case .block:
            if case .onePDF = options.output { return Array(options.shard.range(of: verdicts.count, chunk: options.chunkSize)) }
            return Array(options.shard.range(of: verdicts.count))
        case .hash:
            return verdicts.indices.filter { options.shard.contains(hash: verdicts[$0].hash) }
        }
    }

    /// Runs: checks, typesets and writes the shard's rows, writes the report.
    public func run(progress: (@Sendable (BatchProgress) -> Void)? = nil) throws -> BatchSummary {
        let start = Date()
        var clock = start
        var verdicts = check()
        let entries = select(verdicts)
        // The shard's verdicts; a whole run keeps the one array (not a second copy of every row's).
        if entries.count != verdicts.count { verdicts = entries.map { verdicts[$0] } }
        BatchRun.lap("check", since: &clock)
        if options.strict, let i = verdicts.indices.first(where: {
            (verdicts[$0].status == .skipped && list.entries[entries[$0]].kind != .blank) || verdicts[$0].status == .duplicate
        }) {
            throw BatchError.strict(place: list.place(of: list.entries[entries[i]]), reason: verdicts[i].reason)
        }
        let paths = paths()
        // Nothing is written over the list or the template, and one run at a time writes an output.
        let targets = [paths.pdf, paths.zip, paths.report, paths.manifest].compactMap { $0 }
            + (paths.folder.map { folder in verdicts.compactMap { $0.name.map { folder + "/" + $0 } } } ?? [])
        try OutputGuard.check(outputs: targets, inputs: [list.file, template.path] + options.otherInputs)
        let lock = try OutputLock(report: paths.report, output: paths.pdf ?? paths.folder ?? paths.report)
        defer { withExtendedLifetime(lock) {} }
        let sink = DocumentSink(run: self, paths: paths, entries: entries)
        // Temporary files a stopped run of this output left beside it (report, zip, the PDF).
        var besides = [paths.report, paths.manifest] + [paths.zip, paths.pdf].compactMap { $0 }
        besides = besides.map { ($0 as NSString).lastPathComponent }
        let beside = (paths.report as NSString).deletingLastPathComponent
        AtomicFile.removeStaleTemporaries(in: beside.isEmpty ? "." : beside, of: Set(besides))

        // Outputs that are already there.
        if let folder = paths.folder {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                // The system's reason: the deepest folder that exists is not writable, or a file has the name.
                var isDir: ObjCBool = false
                let code: Int32 = FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) && !isDir.boolValue
                    ? EEXIST : mkdir(folder, 0o777) == 0 ? 0 : errno
                throw AtomicFile.WriteError(path: folder, chinese: "无法建立文件夹（\(code == EEXIST ? "已有同名文件" : AtomicFile.explain(code).chinese)）",
                                            english: "cannot create the folder (\(String(cString: strerror(code))))",
                                            hint: ("请换一个输出位置", "choose another output"))
            }
            let names = Set(verdicts.compactMap(\.name))
            AtomicFile.removeStaleTemporaries(in: folder, of: names)
            if options.resume {
                for i in verdicts.indices where verdicts[i].status == nil {
                    if let name = verdicts[i].name, BatchRun.isWhole(folder + "/" + name, format: options.format) { verdicts[i].status = .kept }
                }
            }
        } else if let pdf = paths.pdf {
            sink.stamp = ResumeStamp(list: list.file, template: template.path, options: stampOptions)
            if options.resume && BatchRun.isWholePDF(pdf) {
                if ResumeStamp.read(for: pdf) == sink.stamp {
                    for i in verdicts.indices where verdicts[i].status == nil { verdicts[i].status = .kept }
                    sink.keptPDF = true
                } else {
                    warnings.append(Problem(severity: .note, location: SourceLocation(file: pdf),
                                            chinese: "名单或模板在 \(pdf) 写成后改动过（或无记录），整份重新生成",
                                            english: "the list or the template changed since \(pdf) was written, or it has no record of them: writing it again"))
                }
            }
        }
        try sink.open()

        // Typeset a chunk while the one before is written.
        let stage = SerialStage(depth: 2)
        var chunkStart = 0
        while chunkStart < verdicts.count && !stage.failed {
            let chunk = chunkStart..<min(chunkStart + max(1, options.chunkSize), verdicts.count)
            let todo = chunk.filter { verdicts[$0].status == nil }
            let typeset = typeset(entries: todo.map { entries[$0] })
            let slice = Array(verdicts[chunk])
            // One PDF: the chunk's part is rendered on a worker thread while the next chunk is typeset.
            let part = sink.renderPart(todo: todo, outcomes: typeset.map(\.outcome), records: typeset.map(\.record))
            stage.submit {
                try sink.write(chunk: chunk, verdicts: slice, todo: todo, outcomes: typeset.map(\.outcome),
                               records: typeset.map(\.record), part: part, progress: progress)
            }
            chunkStart = chunk.upperBound
        }
        try stage.finish()
        BatchRun.lap("typeset and write", since: &clock)
        let outputs = try sink.close()
        BatchRun.lap("finish", since: &clock)
        var summary = BatchSummary(counts: sink.counts, pages: sink.pages, outputs: outputs, report: paths.report,
                                   notes: sink.notes, moreNotes: sink.moreNotes, required: required,
                                   duplicateKey: duplicateKey, seconds: 0)
        summary.warnings = warnings
        summary.manifest = paths.manifest
        summary.fonts = compiler.fonts.substitutions()
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}
