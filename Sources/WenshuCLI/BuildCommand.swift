import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData

/// `wenshu build TEMPLATE DATA… -o OUT.pdf`: a document from a template and data files.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a document from a template and data files (YAML, JSON, CSV, Excel).",
        discussion: "Exit status: 0 built; 1 invalid input (every problem listed); 2 usage error.")

    @Argument(help: "A template name under templates/ (notice, plan, application…) or the path of a template file.")
    var template: String

    @Argument(help: "Data files, merged in order (later files win).")
    var data: [String] = []

    @Option(name: .shortAndLong, help: "The file to write (.pdf, .docx or .ofd).")
    var output: String

    @Option(help: "The output format: pdf, docx or ofd (default: from the output's extension, else pdf).")
    var format: OutputFormat?

    @Flag(help: "Write the PDF as PDF/A-2b (archival: XMP metadata, an sRGB output intent, every font embedded).")
    var pdfa = false

    @OptionGroup var previews: PreviewOptions

    @OptionGroup var overprintOptions: OverprintOptions

    @Flag(help: "One-sided printing: sections and chapters that start on an odd page get no blank page before them.")
    var simplex = false

    @Flag(help: "Build even when the data breaks the bureaus' limits.")
    var force = false

    @Flag(name: .customLong("allow-outside"), help: "Let includes and images come from outside the template's and data's folders.")
    var allowOutside = false

    @Flag(name: .customLong("allow-placeholders"), help: "Print the template's placeholder parameters (清河市, 中共某市委…) as they are.")
    var allowPlaceholders = false

    @Option(name: .customLong("templates"), help: "A folder of templates searched first (repeatable).")
    var templateDirs: [String] = []

    @OptionGroup var fontOptions: FontOptions

    /// `--format`, else the output's extension, else PDF.
    var outputFormat: OutputFormat { format ?? OutputFormat(path: output) ?? .pdf }

    func validate() throws {
        if pdfa && outputFormat != .pdf { throw ValidationError("--pdfa applies to PDF output only") }
        if let preview = overprintOptions.preview,
           URL(fileURLWithPath: preview).standardized.path == URL(fileURLWithPath: output).standardized.path {
            throw ValidationError("--preview 与 -o 是同一个文件 (--preview and -o name the same file: the preview would replace the print)")
        }
        if overprintOptions.given && outputFormat != .pdf {
            throw ValidationError("套打选项只用于 PDF 输出 (--taoda, --print-stock, --printer-profile, --stock-scan and --preview apply to PDF output only)")
        }
    }

    func run() throws {
        try reportingErrors {
            let clock = PhaseClock()
            var builder = DocumentBuilder(allowOutside: allowOutside)
            builder.loader.searchPaths = templateDirs + builder.loader.searchPaths
            let overprint = try overprintOptions.overprint()
            let (content, problems) = try builder.build(template: template, data: data, force: force,
                                                        allowPlaceholders: allowPlaceholders, simplex: simplex)
            for p in problems { printProblem(p) }
            clock.lap("template")
            let compiler = try Compiler(fontFolders: fontOptions.fontDirs, fontOverrides: try fontOptions.overrides())
            let chosen = outputFormat
            if chosen == .docx {
                // Word is written from the content (flowing text), not from laid-out pages.
                try compiler.writeDocx(content, to: output)
                clock.lap("docx")
                print("wrote \(output)")
                return
            }
            let frames = try compiler.layout(content)
            clock.lap("layout")
            let inputs = data + [try? builder.loader.resolve(template)].compactMap { $0 } + Array(try fontOptions.overrides().values)
                + overprintOptions.inputs
            switch chosen {
            case .pdf:
                try compiler.write(frames, info: content.info, pdf: output, pdfa: pdfa, pngFolder: previews.png,
                                   pngResolution: previews.dpi, trace: previews.trace, inputs: inputs,
                                   overprint: overprint, previewPDF: overprintOptions.preview)
            case .ofd:
                try compiler.writeOFD(frames, info: content.info, to: output)
                try compiler.write(frames, info: content.info, pdf: nil, pngFolder: previews.png, pngResolution: previews.dpi,
                                   trace: previews.trace, inputs: inputs)
            case .docx:
                break  // written above
            }
            clock.lap("render")
            for p in compiler.diagnostics.all { printProblem(p) }
            print("wrote \(output) (\(frames.count) pages)")
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// `wenshu check DATA…`: every problem of the data, at once.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check data files against the fields a template declares (brand name ≤ 16 characters, overview ≤ 300…).",
        discussion: "Lists every problem with its file, line and column (or sheet and cell). Exit status 1 if any is an error. "
            + "Without --template only reading the files is checked.")

    @Argument(help: "Data files (YAML, JSON, CSV, Excel), merged in order.")
    var data: [String]

    @Option(help: "The template whose fields the data must fill (see `wenshu fields TEMPLATE`).")
    var template: String?

    @Flag(name: .customLong("allow-placeholders"), help: "Do not report the template's placeholder parameters (清河市…).")
    var allowPlaceholders = false

    @OptionGroup var templateFolders: TemplateFolderOptions

    func run() throws {
        try reportingErrors {
            let problems = try templateFolders.builder().check(data, template: template, allowPlaceholders: allowPlaceholders)
            if template == nil {
                print("说明：没有指明模板，只检查了数据能否读取；用 --template 按模板的字段检查 (note: no --template, only reading was checked)")
            }
            for p in problems { print(p) }
            let errors = problems.filter { $0.severity == .error }.count
            print(problems.isEmpty ? "没有问题 (no problems)" : "\(errors) 个错误，\(problems.count - errors) 个提醒 (\(errors) errors, \(problems.count - errors) warnings)")
            if errors > 0 { throw ExitCode(1) }
        }
    }
}
