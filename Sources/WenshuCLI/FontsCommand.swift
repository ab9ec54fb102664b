import WenshuCore
import ArgumentParser
import Foundation
import Wenshu
import WenshuFonts

/// `wenshu fonts`: what each role resolves to on this machine.
struct FontsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fonts", abstract: "Show what each font role (宋体 黑体 楷体 仿宋 小标宋) resolves to.")

    @OptionGroup var fontOptions: FontOptions

    func run() throws {
        try reportingErrors {
            let compiler = try Compiler(fontFolders: fontOptions.fontDirs, fontOverrides: try fontOptions.overrides())
            let book = compiler.fonts
            for entry in book.report() {
                var line = "\(entry.role.rawValue) (\(entry.role.englishName))"
                if let chain = try? book.chain(for: entry.role) {
                    line += " → \(chain.primary.id.family)  \(chain.primary.id.path)#\(chain.primary.id.index)"
                    if chain.fonts.count > 1 {
                        line += "\n    then: " + chain.fonts.dropFirst().map(\.id.family).joined(separator: ", ")
                    }
                    if let bold = try? book.chain(for: entry.role, bold: true) {
                        line += "\n    bold: \(bold.primary.id.family)" + (bold.emboldened ? " (synthetic)" : "")
                    }
                } else {
                    line += " → none found"
                }
                if let o = entry.override { line += "\n    override: \(o)" }
                let missing = entry.candidates.filter { $0.found == nil }.map(\.candidate.family)
                if !missing.isEmpty { line += "\n    not installed: " + missing.joined(separator: ", ") }
                print(line)
            }
        }
    }
}
