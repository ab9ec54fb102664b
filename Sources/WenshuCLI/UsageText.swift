import Foundation
import Wenshu
import WenshuCore

/// ArgumentParser's own words (its help headings, its parse errors) in the locale's language: its
/// help's USAGE:, OPTIONS:… glossed in Chinese, and a usage error said first in one Chinese line,
/// `wenshu: 用法错误：缺少参数 <template> (usage error: Missing expected argument '<template>')`, with
/// a did-you-mean for a mistyped command, before ArgumentParser's usage lines.
enum UsageText {
    /// ArgumentParser's fixed words in a help screen, and their Chinese.
    static let helpWords: [(String, String)] = [
        ("OVERVIEW: ", "概述 OVERVIEW: "),
        ("USAGE: ", "用法 USAGE: "),
        ("ARGUMENTS:", "参数 ARGUMENTS:"),
        ("OPTIONS:", "选项 OPTIONS:"),
        ("SUBCOMMANDS:", "子命令 SUBCOMMANDS:"),
        ("Show help information.", "显示帮助 (show help information)"),
        ("(default: ", "(默认 default: "),
        ("(values: ", "(可选 values: "),
        (" <subcommand>' for detailed help.", " <subcommand>' for detailed help. 各子命令的详细帮助"),
    ]

    /// A help screen (or another message ArgumentParser ends cleanly with) in the locale's language.
    static func help(_ text: String, language: Language = .current) -> String {
        guard language == .chinese else { return text }
        return helpWords.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// ArgumentParser's parse errors, matched by their English, and their Chinese (`$1`, `$2`: the
    /// names and values they quote).
    static let errorPatterns: [(String, String)] = [
        (#"^Missing expected argument '(.+)'$"#, "缺少参数 $1"),
        (#"^Missing one of: '(.+)'$"#, "缺少其中之一：$1"),
        (#"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#, "没有选项 $1；您是不是要用 $2？"),
        (#"^Unknown option '(.+)'$"#, "没有选项 $1"),
        (#"^Missing value for '(.+)'$"#, "选项 $1 缺少值"),
        (#"^Unexpected argument '(.+)'$"#, "多余的参数 $1"),
        (#"^\d+ unexpected arguments: '(.+)'$"#, "多余的参数 $1"),
        (#"^The value '(.*)' is invalid for '(.+?)'(.*)$"#, "值 ‘$1’ 不适用于 $2"),
        (#"^The option '(.+)' does not take any value, but '(.*)' was specified\.$"#, "选项 $1 不带值，却给了 ‘$2’"),
        (#"^Missing required subcommand\.$"#, "缺少子命令"),
    ]

    /// The Chinese of one of ArgumentParser's parse errors (nil when it is not one it knows).
    static func chinese(of message: String) -> String? {
        for (pattern, template) in errorPatterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(message.startIndex..., in: message)
            guard regex.firstMatch(in: message, range: range) != nil else { continue }
            return regex.stringByReplacingMatches(in: message, range: range, withTemplate: template)
        }
        return nil
    }

    /// What a usage error prints: the one line saying what is wrong (a command name that is none
    /// gets the closest and the list), then ArgumentParser's Help:/Usage:/See lines, glossed.
    static func error(message: String, full: String, arguments: [String], subcommands: [String],
                      language: Language = .current) -> String {
        var line: String
        if let first = arguments.first, !first.hasPrefix("-"), !subcommands.contains(first) {
            let commands = subcommands.filter { $0 != "help" }
            if language == .english {
                let guess = Suggestion.closest(to: first, among: commands).map { "did you mean \($0)? " } ?? ""
                line = "usage error: no command ‘\(first)’; \(guess)expected one of: \(commands.joined(separator: ", "))"
            } else {
                line = "用法错误：没有命令 ‘\(first)’ (usage error: no command ‘\(first)’)；\(Suggestion.hint(for: first, among: commands))"
            }
        } else if message.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
            // Wenshu's own usage errors: in the language already (L), or "中文 (English)" from a module.
            line = language == .english ? "usage error: " + (english(of: message) ?? message) : "用法错误：" + message
        } else if language == .english {
            line = "usage error: " + message
        } else {
            line = "用法错误：\(chinese(of: message) ?? "命令行有误") (usage error: \(message))"
        }
        var rest = full.components(separatedBy: "\n")
        if let first = rest.first, first.hasPrefix("Error: ") { rest.removeFirst() }
        var tail = rest.joined(separator: "\n")
        if language == .chinese {
            tail = tail.replacingOccurrences(of: "Help:  ", with: "说明 Help:  ")
                .replacingOccurrences(of: "Usage: ", with: "用法 Usage: ")
                .replacingOccurrences(of: "' for more information.", with: "' for more information. 详见帮助")
        }
        return "wenshu: \(line)\n" + tail + (tail.hasSuffix("\n") || tail.isEmpty ? "" : "\n")
    }

    /// The English of a "中文 (English…)…" message: the first bracket that starts with a Latin
    /// letter or a dash, and what follows it ("; got 0/8"); nil when there is none.
    static func english(of message: String) -> String? {
        var search = message.startIndex
        while let open = message[search...].range(of: " (") {
            let inner = message[open.upperBound...]
            guard let first = inner.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "-" else {
                search = open.upperBound
                continue
            }
            var depth = 1
            for i in inner.indices {
                if inner[i] == "(" { depth += 1 }
                if inner[i] == ")" { depth -= 1 }
                if depth == 0 { return String(inner[..<i]) + message[message.index(after: i)...] }
            }
            return nil
        }
        return nil
    }

    /// The templates found on the default search path, for help and hints: "application、notice…"
    /// (the folders are listed once: ArgumentParser reads the root's configuration many times).
    static let templateList: String = DocumentBuilder().loader.names().joined(separator: "、")
}
