import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData

/// `wenshu typeset`: sets a plain-text report or plan as GB/T 9704-2012 pages.
struct TypesetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "typeset",
        abstract: "Set a plain-text report as GB/T 9704-2012 pages (title, headings 一、（一）1.（1）, body).")

    @Argument(help: "The text file (UTF-8). Blank lines separate paragraphs; the first paragraph is the title.")
    var input: String

    @Option(name: .shortAndLong, help: "The PDF to write.")
    var output: String

    @Flag(inversion: .prefixedNo, help: "Put the body on the 28×22 character grid of GB/T 9704 (default), or justify freely.")
    var grid = true

    @Flag(name: .customLong("no-title"), help: "Do not take the first paragraph as the title.")
    var noTitle = false

    @Flag(help: "Write the PDF as PDF/A-2b (archival).")
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
            print("wrote \(output) (\(frames.count) pages)")
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
