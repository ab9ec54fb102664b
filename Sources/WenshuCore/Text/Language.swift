import Foundation

/// The language Wenshu speaks to a person (help, usage errors, problems, progress, summaries),
/// chosen once from the locale. The people who use Wenshu read Chinese, so Chinese with an English
/// gloss is the default — "生成文档 (build a document)" — and English alone is for an English locale.
public enum Language: Sendable, Equatable {
    /// Chinese, each message followed by its English gloss.
    case chinese
    /// English alone.
    case english

    /// The language of a locale environment: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is
    /// set and not empty decides (POSIX's order for messages). English when it starts with `en`
    /// (en_US.UTF-8, en_GB, en); Chinese with its gloss for everything else, C, POSIX and none at
    /// all included: a fresh Debian server or a container runs under C.UTF-8, and the clerk reading
    /// its output still reads Chinese.
    public init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        self = locale.lowercased().hasPrefix("en") ? .english : .chinese
    }

    /// The language of this process, read from its environment once, at first use.
    public static let current = Language(environment: ProcessInfo.processInfo.environment)

    /// A phrase or sentence: "中文 (English)", or the English alone. An empty English gives the
    /// Chinese alone in both (a name, a path).
    public func phrase(_ chinese: String, _ english: String) -> String {
        if english.isEmpty { return chinese }
        return self == .english ? english : "\(chinese) (\(english))"
    }

    /// A paragraph or more (a command's discussion): the Chinese, then the English on a line of
    /// its own; or the English alone.
    public func text(_ chinese: String, _ english: String) -> String {
        self == .english ? english : "\(chinese)\n\(english)"
    }
}
