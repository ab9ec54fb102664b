import ArgumentParser
import Foundation
import Wenshu
import WenshuBatch
import WenshuCore

/// `wenshu batch TEMPLATE LIST -o OUT`: one document per row of a CSV or Excel list.
struct BatchCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "batch",
            abstract: L("按 CSV 或 Excel 名单每行生成一份（如证书）：合成一个 PDF，或每行一个 PDF",
                        "one document per row of a CSV or Excel list (certificates): one PDF, or one PDF per row"),
            discussion: LText("""
                OUT 以 .pdf 结尾：全部文书合为一个 PDF；否则（或给了 --name）：一个文件夹，每行一个 PDF，按模式命名。\
                每行都有交代：读入、写出、跳过（及原因）和重复的行数会打印出来，并逐行写进输出旁的 CSV 报告（OUT.report.csv）。详见 docs/batch.md。
                退出状态：0 每行都已写出（或保留）；3 每行都有交代但有行被跳过（行数在最后一行）；\
                1 输入不能用、输出无法写出，或 --strict 遇到有误的行；2 用法错误。
                """, """
                OUT ending in .pdf: every document as pages of one PDF. Otherwise (or with --name): a folder \
                with one PDF per row, named by the pattern. Every row is accounted for: the counts of rows \
                read, written, skipped (with the reason) and duplicated are printed and written, one line per \
                row, to a CSV report beside the output (OUT.report.csv). See docs/batch.md.
                Exit status: 0 every row written (or kept); 3 every row accounted for but some skipped (the \
                count is the last line); 1 an input cannot be used, an output cannot be written, or --strict \
                met a bad row; 2 usage error.
                """))
    }

    /// The help of a template argument, shared by the commands that take one.
    static var templateHelp: String {
        L("模板名称（templates/ 下的 application、notice、certificate…）或模板文件的路径",
          "a template name under templates/ (application, notice, certificate…) or the path of a template file")
    }

    @Argument(help: ArgumentHelp(BatchCommand.templateHelp))
    var template: String

    @Argument(help: ArgumentHelp(L("名单：.csv 文件（UTF-8 或 GBK）或 .xlsx 工作簿，每行一份，第一行为列名",
                                   "the list: a .csv file (UTF-8 or GBK) or an .xlsx workbook, one row per document, the first row naming the columns")))
    var list: String

    @Option(name: .shortAndLong, help: ArgumentHelp(L("要写出的 PDF（OUT.pdf），或每行一个 PDF 时的文件夹", "the PDF to write (OUT.pdf), or the folder for one PDF per row")))
    var output: String

    @Option(help: ArgumentHelp(L("文件夹中的文件名，取自该行的列，如 \"{no}-{name}.pdf\"（{row}：行号；{n}：序号），默认 {no}-{name}.pdf",
                                 "file names in a folder, from the row's columns, e.g. \"{no}-{name}.pdf\" ({row}: the row's line; {n}: its number); default {no}-{name}.pdf")))
    var name: String?

    @Option(help: ArgumentHelp(L("每行一个文件时的格式：pdf、docx（可编辑的 Word）或 ofd（默认按 --name 的扩展名，否则 pdf）；合成一个文件时总是 PDF", "the format of one file per row: pdf, docx (editable Word) or ofd (default: from --name's extension, else pdf); one PDF of every row is always PDF")))
    var format: OutputFormat?

    @Flag(help: ArgumentHelp(L("同时把文件打包为 OUT.zip（每行一个 PDF 时）", "also pack the files into OUT.zip (one PDF per row)")))
    var zip = false

    @Flag(help: ArgumentHelp(L("每个 PDF 都写成 PDF/A-2b 存档格式", "write every PDF as PDF/A-2b (archival)")))
    var pdfa = false

    @Option(help: ArgumentHelp(L(".xlsx 名单所用的工作表（默认第一张）", "the sheet of an .xlsx list (default: the first)")))
    var sheet: String?

    @Flag(help: ArgumentHelp(L("遇到第一条有误的行就停下（空行除外）：退出状态 1，并指明该行", "stop at the first bad row (blank rows excepted): exit 1, naming the row")))
    var strict = false

    @Flag(help: ArgumentHelp(L("保留已完整写出的文书，只写缺少的", "keep documents already written whole; write only the missing ones")))
    var resume = false

    @Option(help: ArgumentHelp(L("只生成名单 N 份中的第 K 份，如 2/8；K 从 1 起（见 --by）；写出 OUT.shard-K-of-N.* 及供 wenshu merge 用的清单",
                                 "render only part K of N of the list, e.g. 2/8; K from 1 (see --by); writes OUT.shard-K-of-N.* and a manifest for wenshu merge")))
    var shard: String?

    @Option(help: ArgumentHelp(L("分片（--shard）时如何切分名单：block（连续分块；合成一个 PDF 时按 --chunk 的边界切，合并后与一次运行逐字节相同；默认）或 hash（按每行键值的稳定散列：名单增长时行仍留在原分片）",
                                 "how --shard cuts the list: block (contiguous; for one PDF on --chunk boundaries, so the merged shards equal one run byte for byte; the default) or hash (by a stable hash of each row's key: rows stay in their shard when the list grows)")))
    var by: ShardMethod = .block

    @Option(help: ArgumentHelp(L("值重复即视为重复行的列（默认 no / 证书编号）", "the column whose repeated values are duplicates (default: no / 证书编号)")))
    var key: String?

    @Option(help: ArgumentHelp(L("合成一个 PDF 时，每份一个书签，按此模式命名，如 \"{no} {name}\"", "in one PDF, a bookmark per document titled by this pattern, e.g. \"{no} {name}\"")))
    var bookmarks: String?

    @Option(help: ArgumentHelp(L("一起排版再写出的行数（内存约容两块；1 到 100000）", "rows typeset together before they are written (memory holds about two chunks; 1 to 100000)")))
    var chunk: Int = 256

    @Flag(name: .shortAndLong, help: ArgumentHelp(L("不显示进度条（本来也只在终端显示）", "no progress bar (it is shown only on a terminal anyway)")))
    var quiet = false

    @Flag(name: .customLong("allow-outside"), help: ArgumentHelp(L("允许引用模板和名单所在文件夹之外的文件和图片", "let includes and images come from outside the template's and list's folders")))
    var allowOutside = false

    @Option(name: .customLong("templates"), help: ArgumentHelp(TemplateFolderOptions.help))
    var templateDirs: [String] = []

    @Flag(name: .customLong("allow-placeholders"), help: ArgumentHelp(L("照原样印出模板的占位参数（清河市…）", "print the template's placeholder parameters (清河市…) as they are")))
    var allowPlaceholders = false

    @OptionGroup var fontOptions: FontOptions

    @OptionGroup var overprintOptions: OverprintOptions

    func validate() throws {
        if overprintOptions.preview != nil || overprintOptions.stockScan != nil {
            throw ValidationError(L("--preview 和 --stock-scan 用于 build（预览单份）；batch 只写打印件", "--preview and --stock-scan are for build: batch writes the print"))
        }
        guard (1...100_000).contains(chunk) else {
            throw ValidationError(L("--chunk 应在 1 到 100000 之间；收到 \(chunk)", "--chunk takes 1 to 100,000 rows; got \(chunk)"))
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
                throw ValidationError(L("--format \(format.rawValue) 每行写一个 .\(format.rawValue)：-o 应给文件夹", "--format \(format.rawValue) writes one .\(format.rawValue) per row: give -o a folder"))
            }
        }
        if onePDF && zip { throw ValidationError(L("--zip 打包每行一个的 PDF：-o 应给文件夹（或用 --name）", "--zip packs one PDF per row: give -o a folder (or --name)")) }
        if !onePDF && bookmarks != nil { throw ValidationError(L("--bookmarks 用于合成一个 PDF：-o 应给以 .pdf 结尾的文件", "--bookmarks is for one PDF: give -o a file ending in .pdf")) }
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
            throw ValidationError(L("套打选项只用于 PDF 输出", "--taoda, --print-stock and --printer-profile apply to PDF output only"))
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
            let line = L("注意：\(skipped) 行未生成（空行、有误或重复），原因见 \(reportPath)",
                         "warning: \(skipped) row(s) not made into documents; see \(reportPath)")
            FileHandle.standardError.write(Data("wenshu: \(line)\n".utf8))
            throw ExitCode(3)
        }
    }

    func report(_ s: BatchSummary) {
        let err = FileHandle.standardError
        for w in s.fonts + s.warnings { printProblem(w) }
        for n in s.notes.prefix(20) { printProblem(n) }
        let more = s.notes.count - min(20, s.notes.count) + s.moreNotes
        if more > 0 { err.write(Data("wenshu: \(L("……另有 \(more) 条，见 \(s.report)", "… and \(more) more (see \(s.report))"))\n".utf8)) }
        let c = s.counts
        print(L("读入 \(c.read) 行：写出 \(c.written)，保留 \(c.kept)，跳过 \(c.skipped)，重复 \(c.duplicates)",
                "\(c.read) rows read: \(c.written) written, \(c.kept) kept, \(c.skipped) skipped, \(c.duplicates) duplicates"))
        let rate = s.seconds > 0 ? Double(c.written) / s.seconds : 0
        for o in s.outputs { print(L("已写出 \(o)", "wrote \(o)")) }
        let (seconds, perSecond) = (String(format: "%.2f", s.seconds), String(format: "%.0f", rate))
        print(L("\(s.pages) 页，用时 \(seconds) 秒（每秒 \(perSecond) 份）", "\(s.pages) pages in \(seconds) s (\(perSecond) documents/s)"))
        print(L("报告：\(s.report)", "report: \(s.report)"))
        print(L("清单：\(s.manifest)", "manifest: \(s.manifest)"))
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
        FileHandle.standardError.write(Data("\r[\(bar)] \(p.done)/\(p.total) \(L("行", "rows"))  \(Int(rate))/s ".utf8))
        shown = true
    }

    func clear() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
