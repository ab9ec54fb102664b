import WenshuCore
import ArgumentParser
import Foundation
import Wenshu
import WenshuFonts

/// `wenshu fonts`: what each role resolves to on this machine.
struct FontsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "fonts", abstract: L("每个字体角色（宋体 黑体 楷体 仿宋 小标宋）用哪个字体", "show the face each font role uses"))
    }

    @OptionGroup var fontOptions: FontOptions

    func run() throws {
        try reportingErrors {
            let compiler = try Compiler(fontFolders: fontOptions.fontDirs, fontOverrides: try fontOptions.overrides())
            let book = compiler.fonts
            for entry in book.report() {
                var line = "\(entry.role.rawValue) (\(entry.role.englishName))"
                if let chain = try? book.chain(for: entry.role) {
                    let primary = chain.primary.id
                    let candidate = entry.candidates.first { $0.candidate.family == primary.family }?.candidate
                    let kind = entry.override != nil ? L("指定", "--font") : (candidate?.free ?? true) ? L("免费字体", "free") : L("办公字体", "office")
                    line += " → \(primary.family)  [\(kind)]  \(primary.path)#\(primary.index)"
                    if chain.fonts.count > 1 {
                        line += "\n    \(L("之后", "then")): " + chain.fonts.dropFirst().map(\.id.family).joined(separator: ", ")
                    }
                    if let bold = try? book.chain(for: entry.role, bold: true) {
                        line += "\n    \(L("粗体", "bold")): \(bold.primary.id.family)" + (bold.emboldened ? " " + L("（加粗描边）", "(synthetic)") : "")
                    }
                    if entry.override == nil, candidate?.free ?? true,
                       let office = entry.candidates.first(where: { !$0.candidate.free })?.candidate.family {
                        line += "\n    " + L("安装 \(office) 后将改用它", "installing \(office), or --font-dir with it, replaces the free face")
                    }
                } else {
                    line += " → " + L("未找到", "none found")
                }
                if let o = entry.override { line += "\n    \(L("指定", "override")): \(o)" }
                let missing = entry.candidates.filter { $0.found == nil }.map(\.candidate.family)
                if !missing.isEmpty { line += "\n    \(L("未安装", "not installed")): " + missing.joined(separator: ", ") }
                print(line)
            }
        }
    }
}
