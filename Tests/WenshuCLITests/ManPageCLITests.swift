import Foundation
import Testing

/// The manual page the .deb installs (packaging/wenshu.1, scripts/package) against the binary:
/// every subcommand `wenshu --help` lists has its own entry in the page's COMMANDS section.
@Suite struct ManPageCLITests {
    static let page = BuildCLITests.root + "/packaging/wenshu.1"

    /// The subcommands under SUBCOMMANDS: in `wenshu --help`.
    func subcommands() throws -> [String] {
        // Under an English locale, so the heading is ArgumentParser's own "SUBCOMMANDS:".
        let r = try CLITests().wenshu(["--help"], locale: "en_US.UTF-8")
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("SUBCOMMANDS:") }) else { return [] }
        var names: [String] = []
        for line in lines[(start + 1)...] {
            if line.isEmpty { break }
            // "  build    Build a document…" (a default subcommand is marked "(default)").
            guard line.hasPrefix("  "), !line.hasPrefix("    "),
                  let word = line.split(separator: " ").first else { continue }
            names.append(String(word))
        }
        return names
    }

    /// The commands the page describes: each `.TP` followed by `.B name`.
    func documented() throws -> Set<String> {
        let lines = try String(contentsOfFile: Self.page, encoding: .utf8).split(separator: "\n").map(String.init)
        var names: Set<String> = []
        for (i, line) in lines.enumerated() where line == ".TP" && i + 1 < lines.count && lines[i + 1].hasPrefix(".B ") {
            names.insert(String(lines[i + 1].dropFirst(3)))
        }
        return names
    }

    @Test func everySubcommandHasAnEntry() throws {
        let commands = try subcommands()
        #expect(commands.count >= 8, "wenshu --help listed \(commands)")
        let entries = try documented()
        for name in commands { #expect(entries.contains(name), "wenshu.1 has no entry for `\(name)`") }
    }

    /// The page's own structure: a title line, and a Chinese and English heading for each section.
    @Test func pageHasChineseAndEnglishSections() throws {
        let text = try String(contentsOfFile: Self.page, encoding: .utf8)
        #expect(text.contains(".TH WENSHU 1"))
        for heading in ["名称 NAME", "概要 SYNOPSIS", "说明 DESCRIPTION", "命令 COMMANDS", "文件 FILES", "退出状态 EXIT STATUS"] {
            #expect(text.contains(".SH " + heading), "no section \(heading)")
        }
    }
}
