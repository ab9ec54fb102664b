import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData

/// `wenshu build TEMPLATE DATA… -o OUT.pdf`: a document from a template and data files.
struct BuildCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "build",
            abstract: L("用模板和数据文件（YAML、JSON、CSV、Excel）生成文书", "build a document from a template and data files (YAML, JSON, CSV, Excel)"),
            discussion: LText("""
                wenshu build 青石桥小学/：由 wenshu new 建立的文件夹生成（模板、工作簿和文稿都在其中，默认写出文件夹中的 申报书.pdf）。\
                退出状态：0 完成；1 输入有误（逐条列出）；2 用法错误。
                """, """
                wenshu build 青石桥小学/: from a folder made by wenshu new (its template, workbook and texts; the \
                document is written into the folder unless -o says otherwise). \
                Exit status: 0 built; 1 invalid input (every problem listed); 2 usage error.
                """))
    }

    @Argument(help: ArgumentHelp(L("模板名称（templates/ 下的 notice、plan、application…）、模板文件的路径，或 wenshu new 建立的文件夹",
                                   "a template name under templates/ (notice, plan, application…), a template file's path, or a folder made by wenshu new")))
    var template: String

    @Argument(help: ArgumentHelp(L("数据文件，按次序合并（后面的优先）", "data files, merged in order (later files win)")))
    var data: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp(L("要写出的文件（.pdf、.docx 或 .ofd）；文件夹生成时可省略", "the file to write (.pdf, .docx or .ofd); optional for a folder made by wenshu new")))
    var output: String?

    @Option(help: ArgumentHelp(L("输出格式：pdf、docx 或 ofd（默认按输出文件的扩展名，否则 pdf）", "the output format: pdf, docx or ofd (default: from the output's extension, else pdf)")))
    var format: OutputFormat?

    @Flag(help: ArgumentHelp(L("写成 PDF/A-2b 存档格式（XMP 元数据、sRGB 输出意图、嵌入全部字体）", "write the PDF as PDF/A-2b (archival: XMP metadata, an sRGB output intent, every font embedded)")))
    var pdfa = false

    @OptionGroup var previews: PreviewOptions

    @OptionGroup var overprintOptions: OverprintOptions

    @Flag(help: ArgumentHelp(L("单面打印：从奇数页起的部分和章之前不加空白页", "one-sided printing: sections and chapters that start on an odd page get no blank page before them")))
    var simplex = false

    @Flag(help: ArgumentHelp(L("数据超出教育局的限制（如字数）时仍然生成", "build even when the data breaks the bureaus' limits")))
    var force = false

    @Flag(name: .customLong("allow-outside"), help: ArgumentHelp(L("允许引用模板和数据所在文件夹之外的文件和图片", "let includes and images come from outside the template's and data's folders")))
    var allowOutside = false

    @Flag(name: .customLong("allow-placeholders"), help: ArgumentHelp(L("照原样印出模板的占位参数（清河市、中共某市委…）", "print the template's placeholder parameters (清河市, 中共某市委…) as they are")))
    var allowPlaceholders = false

    @Option(name: .customLong("templates"), help: ArgumentHelp(TemplateFolderOptions.help))
    var templateDirs: [String] = []

    @OptionGroup var fontOptions: FontOptions

    /// What is built: the template, the data files and the output, from the arguments or from a
    /// document folder (`wenshu new`) given in place of the template, or as the only data file.
    struct Target { var template: String; var data: [String]; var output: String }

    func target() throws -> Target {
        let folder = data.isEmpty ? try DocumentFolder.open(template) : nil
        if let folder {
            return Target(template: folder.template, data: folder.dataPaths, output: output ?? folder.outputPath)
        }
        guard let output else {
            throw ValidationError(L("缺少 -o（要写出的文件，如 -o 申报书.pdf）；只有 wenshu new 建立的文件夹可以省略",
                                    "missing -o (the file to write, e.g. -o book.pdf); only a folder made by wenshu new may leave it out"))
        }
        return Target(template: template, data: try DocumentFolder.expand(data), output: output)
    }

    /// `--format`, else the output's extension, else PDF.
    func outputFormat(_ output: String) -> OutputFormat { format ?? OutputFormat(path: output) ?? .pdf }

    func validate() throws {
        let output: String
        do { output = try target().output } catch let error as ValidationError { throw error } catch { return }  // said by run
        if pdfa && outputFormat(output) != .pdf { throw ValidationError(L("--pdfa 只用于 PDF 输出", "--pdfa applies to PDF output only")) }
        if let preview = overprintOptions.preview,
           URL(fileURLWithPath: preview).standardized.path == URL(fileURLWithPath: output).standardized.path {
            throw ValidationError(L("--preview 与 -o 是同一个文件（预览会覆盖打印件）", "--preview and -o name the same file: the preview would replace the print"))
        }
        if overprintOptions.given && outputFormat(output) != .pdf {
            throw ValidationError(L("套打选项只用于 PDF 输出", "--taoda, --print-stock, --printer-profile, --stock-scan and --preview apply to PDF output only"))
        }
    }

    func run() throws {
        try reportingErrors {
            let target = try target()
            let (template, data, output) = (target.template, target.data, target.output)
            let clock = PhaseClock()
            var builder = DocumentBuilder(allowOutside: allowOutside)
            builder.loader.searchPaths = templateDirs + builder.loader.searchPaths
            let overprint = try overprintOptions.overprint()
            let (content, problems) = try builder.build(template: template, data: data, force: force,
                                                        allowPlaceholders: allowPlaceholders, simplex: simplex)
            for p in problems { printProblem(p) }
            clock.lap("template")
            let compiler = try Compiler(fontFolders: fontOptions.fontDirs, fontOverrides: try fontOptions.overrides())
            let chosen = outputFormat(output)
            if chosen == .docx {
                // Word is written from the content (flowing text), not from laid-out pages.
                try compiler.writeDocx(content, to: output)
                clock.lap("docx")
                print(L("已写出 \(output)", "wrote \(output)"))
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
            print(L("已写出 \(output)，共 \(frames.count) 页", "wrote \(output) (\(frames.count) pages)"))
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// `wenshu check DATA…`: every problem of the data, at once.
struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: L("按模板声明的字段检查数据文件（品牌名称不超过 16 字、概述不超过 300 字…）",
                        "check data files against the fields a template declares (brand name ≤ 16 characters, overview ≤ 300…)"),
            discussion: LText("""
                逐条列出问题及其文件、行、列（或工作表和单元格），有错误时退出状态为 1。不给 --template 时只检查能否读取。\
                wenshu check 青石桥小学/：检查 wenshu new 建立的文件夹。
                """, """
                Lists every problem with its file, line and column (or sheet and cell). Exit status 1 if any is an error. \
                Without --template only reading the files is checked. wenshu check 青石桥小学/ checks a folder made by wenshu new.
                """))
    }

    @Argument(help: ArgumentHelp(L("数据文件（YAML、JSON、CSV、Excel），按次序合并；或 wenshu new 建立的文件夹", "data files (YAML, JSON, CSV, Excel), merged in order; or a folder made by wenshu new")))
    var data: [String]

    @Option(help: ArgumentHelp(L("数据应填写其字段的模板（见 wenshu fields 模板名）", "the template whose fields the data must fill (see `wenshu fields TEMPLATE`)")))
    var template: String?

    @Flag(name: .customLong("allow-placeholders"), help: ArgumentHelp(L("不报告模板的占位参数（清河市…）", "do not report the template's placeholder parameters (清河市…)")))
    var allowPlaceholders = false

    @OptionGroup var templateFolders: TemplateFolderOptions

    func run() throws {
        try reportingErrors {
            var (data, template) = (self.data, self.template)
            if data.count == 1, template == nil, let folder = try DocumentFolder.open(data[0]) {
                (data, template) = (folder.dataPaths, folder.template)
            }
            data = try DocumentFolder.expand(data)
            let problems = try templateFolders.builder().check(data, template: template, allowPlaceholders: allowPlaceholders)
            if template == nil {
                print(L("说明：没有指明模板，只检查了数据能否读取；用 --template 按模板的字段检查", "note: no --template, only reading was checked"))
            }
            for p in problems { print(p.description(in: .current)) }
            let errors = problems.filter { $0.severity == .error }.count
            print(problems.isEmpty ? L("没有问题", "no problems")
                  : L("\(errors) 个错误，\(problems.count - errors) 个提醒", "\(errors) errors, \(problems.count - errors) warnings"))
            if errors > 0 { throw ExitCode(1) }
        }
    }
}
