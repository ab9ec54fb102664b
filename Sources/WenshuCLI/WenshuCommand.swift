import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData
import WenshuFonts

/// `wenshu`: compiles the 一校一品 programme's documents from data.
@main
struct WenshuCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "wenshu",
            abstract: L("从数据排印学校党建（一校一品）文书", "typeset Chinese school Party-building documents (一校一品) from data"),
            discussion: LText("""
                新用户：wenshu new application 青石桥小学/ 建一个文件夹（填写用的 Excel、示例报告、说明），\
                填好后 wenshu check 青石桥小学/，再 wenshu build 青石桥小学/。详见 docs/guide-clerk.md。
                模板：\(UsageText.templateList)。
                退出状态：0 完成；1 输入有误（逐条列出）；2 用法错误；3 批量时有行未生成。
                """, """
                New here: wenshu new application 青石桥小学/ makes a folder (the workbook to fill, an example \
                report, a README); fill it, then wenshu check 青石桥小学/ and wenshu build 青石桥小学/.
                Exit status: 0 done; 1 invalid input (every problem listed); 2 usage error; 3 a batch skipped rows.
                """),
            subcommands: [NewCommand.self, BuildCommand.self, CheckCommand.self, TypesetCommand.self, FontsCommand.self,
                          BatchCommand.self, CalibrateCommand.self, FieldsCommand.self, WorkbookCommand.self,
                          ServeCommand.self, MergeCommand.self])
    }

    /// Runs the command. Help is printed in the locale's language (ArgumentParser's own headings
    /// glossed); a usage error is one line `wenshu: 用法错误：… (usage error: …)` (with a did-you-mean
    /// for a mistyped command) before ArgumentParser's usage, and exits with status 2 (the CLI
    /// contract: 0 ok, 1 invalid input, 2 usage, 3 a batch with rows skipped).
    static func main() {
        SignalCleanup.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                let text = fullMessage(for: error)
                if !text.isEmpty { print(UsageText.help(text)) }
                Foundation.exit(0)
            }
            if code == .validationFailure {
                let subcommands = configuration.subcommands.map { $0._commandName } + ["help"]
                let text = UsageText.error(message: message(for: error), full: fullMessage(for: error),
                                           arguments: arguments, subcommands: subcommands)
                FileHandle.standardError.write(Data(text.utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by every command that uses fonts.
struct FontOptions: ParsableArguments {
    @Option(name: .customLong("font-dir"), help: ArgumentHelp(L("先于系统字体查找的字体文件夹（可重复）", "a folder of fonts searched before the system's (repeatable)")))
    var fontDirs: [String] = []

    @Option(name: .customLong("font"), help: ArgumentHelp(L("为某一字体角色指定字体文件，写作 角色=文件（角色：宋体 黑体 楷体 仿宋 小标宋）",
                                                       "a font file for a role, as ROLE=FILE (roles: 宋体 黑体 楷体 仿宋 小标宋 or song hei kai fangsong xiaobiaosong)")))
    var fonts: [String] = []

    func overrides() throws -> [FontRole: String] {
        var out: [FontRole: String] = [:]
        for spec in fonts {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let role = FontRole(name: parts[0]) else {
                throw ValidationError(L("--font 应写作 角色=文件，角色为 宋体 黑体 楷体 仿宋 小标宋 之一；收到 ‘\(spec)’",
                                         "--font takes ROLE=FILE with ROLE one of 宋体 黑体 楷体 仿宋 小标宋; got ‘\(spec)’"))
            }
            out[role] = parts[1]
        }
        return out
    }
}

/// `--templates DIR`: template folders searched before the default ones (check, fields).
struct TemplateFolderOptions: ParsableArguments {
    @Option(name: .customLong("templates"), help: ArgumentHelp(TemplateFolderOptions.help))
    var templateDirs: [String] = []

    static var help: String { L("先查找的模板文件夹（可重复）", "a folder of templates searched first (repeatable)") }

    /// A builder that searches these folders first.
    func builder() -> DocumentBuilder {
        var builder = DocumentBuilder()
        builder.loader.searchPaths = templateDirs + builder.loader.searchPaths
        return builder
    }
}

/// What else a command may write beside its PDF: page previews and the debug trace.
struct PreviewOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("同时把各页的 PNG 预览图写到此文件夹", "also write PNG previews of the pages into this folder")))
    var png: String?

    @Option(help: ArgumentHelp(L("PNG 预览图的分辨率，每英寸像素数（\(Int(PreviewOptions.dpiRange.lowerBound)) 到 \(Int(PreviewOptions.dpiRange.upperBound))）",
                                 "resolution of the PNG previews, in pixels per inch (\(Int(PreviewOptions.dpiRange.lowerBound)) to \(Int(PreviewOptions.dpiRange.upperBound)))")))
    var dpi: Double = 96

    @Option(help: ArgumentHelp(L("同时把调试记录（每排一行记一行）写到此文件", "also write the debug trace (a line per placed line) to this file")))
    var trace: String?

    /// Preview resolutions allowed: an A4 page at 1200 dpi is 9,921 × 14,031 pixels (560 MB in memory).
    static let dpiRange: ClosedRange<Double> = 10...1200

    func validate() throws {
        guard dpi.isFinite, PreviewOptions.dpiRange.contains(dpi) else {
            let (low, high) = (Int(PreviewOptions.dpiRange.lowerBound), Int(PreviewOptions.dpiRange.upperBound))
            throw ValidationError(L("--dpi 应在 \(low) 到 \(high) 之间；收到 \(dpi)",
                                    "--dpi takes a resolution from \(low) to \(high) pixels per inch; got \(dpi)"))
        }
    }
}

/// Runs `body`, turning Wenshu's errors into one line on standard error and exit status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as WenshuError {
        for p in error.problems { printProblem(p) }
        throw ExitCode(1)
    } catch let error as CocoaError {
        let g = Gloss(error.localizedDescription)
        printProblem(Problem(severity: .error, chinese: g.chinese, english: g.english, hint: g.hint))
        throw ExitCode(1)
    }
}

/// The command line's one way to tell the user of a problem (an error, a warning, a batch row's
/// note): `wenshu: file:line:column: 错误：… (error: …)；hint` on standard error (the English
/// alone under an English locale).
func printProblem(_ problem: Problem) {
    FileHandle.standardError.write(Data("wenshu: \(problem.description(in: .current))\n".utf8))
}
