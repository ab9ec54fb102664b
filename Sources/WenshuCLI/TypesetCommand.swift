import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData

/// `wenshu typeset`: sets a plain-text report or plan as GB/T 9704-2012 pages.
struct TypesetCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "typeset",
            abstract: L("把纯文本报告排成 GB/T 9704-2012 的版面（标题、一、（一）1.（1）各级标题、正文）",
                        "set a plain-text report as GB/T 9704-2012 pages (title, headings 一、（一）1.（1）, body)"))
    }

    @Argument(help: ArgumentHelp(L("文本文件（UTF-8、GB18030 或 .docx）；空行分段，第一段为标题", "the text file (UTF-8, GB18030 or .docx); blank lines separate paragraphs; the first paragraph is the title")))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp(L("要写出的 PDF", "the PDF to write")))
    var output: String

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(L("正文排在 GB/T 9704 的 28×22 字格上（默认），或自由两端对齐", "put the body on the 28×22 character grid of GB/T 9704 (default), or justify freely")))
    var grid = true

    @Flag(name: .customLong("no-title"), help: ArgumentHelp(L("不把第一段当作标题", "do not take the first paragraph as the title")))
    var noTitle = false

    @Flag(help: ArgumentHelp(L("写成 PDF/A-2b 存档格式", "write the PDF as PDF/A-2b (archival)")))
    var pdfa = false

    @OptionGroup var previews: PreviewOptions

    @OptionGroup var fontOptions: FontOptions

    func run() throws {
        try reportingErrors {
            let source = try ReportDocument.source(ofFile: input)
            let clock = PhaseClock()
            let compiler = try Compiler(fontFolders: fontOptions.fontDirs, fontOverrides: try fontOptions.overrides())
            clock.lap("fonts")
            let document = ReportDocument(source: source, titleFirst: !noTitle, grid: grid)
            let frames = try compiler.layout(document.blocks, master: document.master)
            clock.lap("layout")
            try compiler.write(frames, info: DocumentInfo(title: document.title, subject: "一校一品"),
                               pdf: output, pdfa: pdfa, pngFolder: previews.png, pngResolution: previews.dpi, trace: previews.trace,
                               inputs: [input] + Array(try fontOptions.overrides().values))
            clock.lap("render")
            for p in compiler.diagnostics.all { printProblem(p) }
            print(L("已写出 \(output)，共 \(frames.count) 页", "wrote \(output) (\(frames.count) pages)"))
        }
    }
}

/// With WENSHU_TIMING=1 in the environment, prints how long each phase took (for bench/ scripts).
final class PhaseClock {
    private var last = DispatchTime.now()
    private let enabled = ProcessInfo.processInfo.environment["WENSHU_TIMING"] == "1"

    func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        FileHandle.standardError.write(Data("wenshu: timing: \(phase) \(String(format: "%.1f", ms)) ms\n".utf8))
        last = now
    }
}
