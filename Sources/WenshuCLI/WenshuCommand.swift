import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData
import WenshuFonts

/// `wenshu`: compiles the 一校一品 programme's documents from data.
@main
struct WenshuCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wenshu",
        abstract: "Typeset Chinese school Party-building documents (一校一品) from data.",
        subcommands: [BuildCommand.self, CheckCommand.self, TypesetCommand.self, FontsCommand.self, BatchCommand.self,
                      CalibrateCommand.self, FieldsCommand.self, WorkbookCommand.self, ServeCommand.self])

    /// Runs the command; usage errors exit with status 2 (the CLI contract: 0 ok, 1 invalid input, 2 usage).
    static func main() {
        SignalCleanup.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 1 { exit(withError: error) }
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by every command that uses fonts.
struct FontOptions: ParsableArguments {
    @Option(name: .customLong("font-dir"), help: "A folder of fonts searched before the system's (repeatable).")
    var fontDirs: [String] = []

    @Option(name: .customLong("font"), help: "A font file for a role, as ROLE=FILE (roles: 宋体 黑体 楷体 仿宋 小标宋 or song hei kai fangsong xiaobiaosong).")
    var fonts: [String] = []

    func overrides() throws -> [FontRole: String] {
        var out: [FontRole: String] = [:]
        for spec in fonts {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let role = FontRole(name: parts[0]) else {
                throw ValidationError("--font takes ROLE=FILE with ROLE one of 宋体 黑体 楷体 仿宋 小标宋; got ‘\(spec)’")
            }
            out[role] = parts[1]
        }
        return out
    }
}

/// `--templates DIR`: template folders searched before the default ones (check, fields).
struct TemplateFolderOptions: ParsableArguments {
    @Option(name: .customLong("templates"), help: "A folder of templates searched first (repeatable).")
    var templateDirs: [String] = []

    /// A builder that searches these folders first.
    func builder() -> DocumentBuilder {
        var builder = DocumentBuilder()
        builder.loader.searchPaths = templateDirs + builder.loader.searchPaths
        return builder
    }
}

/// What else a command may write beside its PDF: page previews and the debug trace.
struct PreviewOptions: ParsableArguments {
    @Option(help: "Also write PNG previews of the pages into this folder.")
    var png: String?

    @Option(help: "Resolution of the PNG previews, in pixels per inch (\(Int(PreviewOptions.dpiRange.lowerBound)) to \(Int(PreviewOptions.dpiRange.upperBound))).")
    var dpi: Double = 96

    @Option(help: "Also write the debug trace (a line per placed line) to this file.")
    var trace: String?

    /// Preview resolutions allowed: an A4 page at 1200 dpi is 9,921 × 14,031 pixels (560 MB in memory).
    static let dpiRange: ClosedRange<Double> = 10...1200

    func validate() throws {
        guard dpi.isFinite, PreviewOptions.dpiRange.contains(dpi) else {
            throw ValidationError("--dpi 应在 \(Int(PreviewOptions.dpiRange.lowerBound)) 到 \(Int(PreviewOptions.dpiRange.upperBound)) 之间 "
                                  + "(--dpi takes a resolution from \(Int(PreviewOptions.dpiRange.lowerBound)) to "
                                  + "\(Int(PreviewOptions.dpiRange.upperBound)) pixels per inch); got \(dpi)")
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
/// note): `wenshu: file:line:column: 错误：… (error: …)；hint` on standard error.
func printProblem(_ problem: Problem) {
    FileHandle.standardError.write(Data("wenshu: \(problem)\n".utf8))
}
