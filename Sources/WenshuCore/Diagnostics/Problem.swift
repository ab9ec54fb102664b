/// A problem found anywhere in a compile (the data, a template, layout): how bad, where, and what, in
/// Chinese with an English gloss, and what to do about it. The one problem type every stage reports
/// (every `WenshuError` converts to one; the layout's warnings and a batch row's notes are Problems).
public struct Problem: Sendable, CustomStringConvertible, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning, note }
    public var severity: Severity
    /// file:line:column, or the sheet and cell (名单!C14), or the template's place.
    public var location: SourceLocation?
    /// What is wrong, in Chinese.
    public var chinese: String
    /// The same in English (a gloss).
    public var english: String
    /// What to do: "您是不是要用 certificate？", the allowed values, the template names.
    public var hint: String?

    public init(severity: Severity, location: SourceLocation? = nil, chinese: String, english: String, hint: String? = nil) {
        self.severity = severity; self.location = location; self.chinese = chinese; self.english = english; self.hint = hint
    }

    /// The one line every error, warning and note is printed as (the command line's only formatter):
    /// `file:line:column: 错误：中文 (error: English)；hint`. A message with no gloss prints once.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        let word = switch severity { case .error: "错误" case .warning: "注意" case .note: "说明" }
        let gloss = english.isEmpty ? "" : " (\(severity.rawValue): \(english))"
        return "\(place)\(word)：\(chinese)\(gloss)" + (hint.map { "；\($0)" } ?? "")
    }

    /// The line in `language`: `description` in Chinese; in English the gloss alone,
    /// `file:line:column: error: English; hint`, the hint's own English when it has some (a
    /// did-you-mean, the names allowed) and the hint as written when it has none. A problem with
    /// no gloss prints as written in both.
    public func description(in language: Language) -> String {
        guard language == .english, !english.isEmpty else { return description }
        let place = location.map { "\($0): " } ?? ""
        let hintText = hint.map { h -> String in
            let english = Gloss.separate(h).1
            return english.isEmpty ? h : english.joined(separator: "; ")
        }
        return "\(place)\(severity.rawValue): \(english)" + (hintText.map { "; \($0)" } ?? "")
    }

    /// The same problem at another place (a batch row's, a data cell's).
    public func at(_ location: SourceLocation?) -> Problem {
        var p = self
        p.location = location ?? self.location
        return p
    }
}
