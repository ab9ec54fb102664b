/// A problem found anywhere in a compile (the data, a template, layout): how bad, where, and what, in
/// Chinese with an English gloss, and what to do about it. The one problem type every stage reports
/// (issue 9 moves the error enums, `Diagnostic` and the batch's row notes onto it).
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

    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        let word = switch severity { case .error: "错误" case .warning: "注意" case .note: "说明" }
        return "\(place)\(word)：\(chinese) (\(severity.rawValue): \(english))" + (hint.map { "；\($0)" } ?? "")
    }
}
