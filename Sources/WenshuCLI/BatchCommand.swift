import ArgumentParser
import Foundation
import Wenshu
import WenshuBatch
import WenshuCore

/// `wenshu batch TEMPLATE LIST -o OUT`: one document per row of a CSV or Excel list.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "One document per row of a CSV or Excel list (certificates): one PDF, or one PDF per row.",
        discussion: """
            OUT ending in .pdf: every document as pages of one PDF. Otherwise (or with --name): a folder \
            with one PDF per row, named by the pattern. Every row is accounted for: the counts of rows \
            read, written, skipped (with the reason) and duplicated are printed and written, one line per \
            row, to a CSV report beside the output (OUT.report.csv). See docs/batch.md.
            Exit status: 0 every row written (or kept); 3 every row accounted for but some skipped (the \
            count is the last line); 1 an input cannot be used, an output cannot be written, or --strict \
            met a bad row; 2 usage error.
            """)

    @Argument(help: "A template name under templates/ (certificate…) or the path of a template file.")
    var template: String

    @Argument(help: "The list: a .csv file (UTF-8 or GBK) or an .xlsx workbook, one row per document, the first row naming the columns.")
    var list: String

    @Option(name: .shortAndLong, help: "The PDF to write (OUT.pdf), or the folder for one PDF per row.")
    var output: String

    @Option(help: "File names in a folder, from the row's columns, e.g. \"{no}-{name}.pdf\" ({row}: the row's line; {n}: its number). Default {no}-{name}.pdf.")
    var name: String?

    @Option(help: "The format of one file per row: pdf, docx (editable Word) or ofd (default: from --name's extension, else pdf). One PDF of every row is always PDF.")
    var format: OutputFormat?

    @Flag(help: "Also pack the files into OUT.zip (one PDF per row).")
    var zip = false

    @Flag(help: "Write every PDF as PDF/A-2b (archival).")
    var pdfa = false

    @Option(help: "The sheet of an .xlsx list (default: the first).")
    var sheet: String?

    @Flag(help: "Stop at the first bad row (blank rows excepted): exit 1, naming the row.")
    var strict = false

    @Flag(help: "Keep documents already written whole; write only the missing ones.")
    var resume = false

    @Option(help: "Render only part K of N of the list, e.g. 2/8; K from 1 (see --by). Writes OUT.shard-K-of-N.* and a manifest for wenshu merge.")
    var shard: String?

    @Option(help: "How --shard cuts the list: block (contiguous; for one PDF on --chunk boundaries, so the merged shards equal one run byte for byte; the default) or hash (by a stable hash of each row's key: rows stay in their shard when the list grows).")
    var by: ShardMethod = .block

    @Option(help: "The column whose repeated values are duplicates (default: no / 证书编号).")
    var key: String?

    @Option(help: "In one PDF, a bookmark per document titled by this pattern, e.g. \"{no} {name}\".")
    var bookmarks: String?

    @Option(help: "Rows typeset together before they are written (memory holds about two chunks; 1 to 100000).")
    var chunk: Int = 256

    @Flag(name: .shortAndLong, help: "No progress bar (it is shown only on a terminal anyway).")
    var quiet = false

    @Flag(name: .customLong("allow-outside"), help: "Let includes and images come from outside the template's and list's folders.")
    var allowOutside = false

    @Option(name: .customLong("templates"), help: "A folder of templates searched first (repeatable).")
    var templateDirs: [String] = []

    @Flag(name: .customLong("allow-placeholders"), help: "Print the template's placeholder parameters (清河市…) as they are.")
    var allowPlaceholders = false

    @OptionGroup var fontOptions: FontOptions

    @OptionGroup var overprintOptions: OverprintOptions

    func validate() throws {
        if overprintOptions.preview != nil || overprintOptions.stockScan != nil {
            throw ValidationError("--preview 和 --stock-scan 用于 build（预览单份）；batch 只写打印件 (--preview and --stock-scan are for build: batch writes the print)")
        }
        guard (1...100_000).contains(chunk) else {
            throw ValidationError("--chunk 应在 1 到 100000 之间 (--chunk takes 1 to 100,000 rows); got \(chunk)")
        }
        _ = try batchOptionsOrUsage()
    }

    /// The options of the run, or a usage error.
    func batchOptions() throws -> BatchOptions {
        let format = self.format ?? name.flatMap { OutputFormat(path: $0) } ?? .pdf
        let onePDF = format == .pdf && name == nil && output.lowercased().hasSuffix(".pdf")
        switch format {
        case .pdf: break
        case .ofd, .docx:
            if name == nil && output.lowercased().hasSuffix(".pdf") {
                throw ValidationError("--format \(format.rawValue) writes one .\(format.rawValue) per row: give -o a folder")
            }
        }
        if onePDF && zip { throw ValidationError("--zip packs one PDF per row: give -o a folder (or --name)") }
        if !onePDF && bookmarks != nil { throw ValidationError("--bookmarks is for one PDF: give -o a file ending in .pdf") }
        var options = BatchOptions(output: onePDF ? .onePDF(output) : .files(folder: output, pattern: try name.map { try FileNamePattern($0) }))
        options.format = format
        options.sheet = sheet
        options.zip = zip
        options.pdfa = pdfa
        options.allowPlaceholders = allowPlaceholders
        options.strict = strict
        options.resume = resume
        options.key = key
        options.bookmark = bookmarks
        options.chunkSize = chunk
        options.otherInputs = Array(try fontOptions.overrides().values) + overprintOptions.inputs
        if overprintOptions.given && format != .pdf {
            throw ValidationError("套打选项只用于 PDF 输出 (--taoda, --print-stock and --printer-profile apply to PDF output only)")
        }
        if let shard { options.shard = try Shard(parsing: shard) }
        options.shardBy = by
        return options
    }

    /// The options, a bad one as a usage error (exit status 2).
    func batchOptionsOrUsage() throws -> BatchOptions {
        do { return try batchOptions() } catch BatchError.usage(let m) { throw ValidationError(m) }
    }

    func run() throws {
        var options = try batchOptionsOrUsage()
        var skipped = 0, reportPath = ""
        try reportingErrors {
            let clock = PhaseClock()
            options.overprint = try overprintOptions.overprint()
            let compiler = try Compiler(fontFolders: fontOptions.fontDirs, fontOverrides: try fontOptions.overrides())
            clock.lap("fonts")
            var builder = DocumentBuilder(allowOutside: allowOutside)
            builder.loader.searchPaths = templateDirs + builder.loader.searchPaths
            let batch: BatchRun
            do {
                batch = try BatchRun(template: template, list: list, options: options, compiler: compiler, loader: builder.loader)
            } catch BatchError.usage(let m) {
                throw ValidationError(m)
            }
            try batch.checkPlaceholders()
            clock.lap("template and list")
            let bar = ProgressBar(enabled: !quiet && isatty(2) == 1)
            let summary = try batch.run { bar.show($0) }
            bar.clear()
            report(summary)
            skipped = summary.counts.skipped + summary.counts.duplicates
            reportPath = summary.report
        }
        // Rows left out are easy to miss in a long run: the count is the last line, and the exit
        // status (3) tells scripts that not every row became a document.
        if skipped > 0 {
            FileHandle.standardError.write(Data("wenshu: 注意：\(skipped) 行未生成（空行、有误或重复），原因见 \(reportPath) (warning: \(skipped) row(s) not made into documents; see the report)\n".utf8))
            throw ExitCode(3)
        }
    }

    func report(_ s: BatchSummary) {
        let err = FileHandle.standardError
        for w in s.fonts + s.warnings { printProblem(w) }
        for n in s.notes.prefix(20) { printProblem(n) }
        let more = s.notes.count - min(20, s.notes.count) + s.moreNotes
        if more > 0 { err.write(Data("wenshu: … and \(more) more (see \(s.report))\n".utf8)) }
        let c = s.counts
        print("\(c.read) rows read: \(c.written) written, \(c.kept) kept, \(c.skipped) skipped, \(c.duplicates) duplicates")
        let rate = s.seconds > 0 ? Double(c.written) / s.seconds : 0
        for o in s.outputs { print("wrote \(o)") }
        print(String(format: "%d pages in %.2f s (%.0f documents/s)", s.pages, s.seconds, rate))
        print("report: \(s.report)")
        print("manifest: \(s.manifest)")
    }
}

extension ShardMethod: ExpressibleByArgument {}

/// `[#####-----] 5120/10000 rows  3400/s` on standard error, redrawn in place (a terminal only).
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var last = Date.distantPast
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: BatchProgress) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(last) > 0.1 || p.done == p.total else { return }
        last = now
        let width = 30
        let filled = p.total > 0 ? width * p.done / p.total : width
        let rate = Double(p.done) / max(0.001, now.timeIntervalSince(start))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(p.done)/\(p.total) rows  \(Int(rate))/s ".utf8))
        shown = true
    }

    func clear() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
