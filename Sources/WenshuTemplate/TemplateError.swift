import WenshuCore

/// An error in a template or in how it meets the data: always with where (file, line, column) and
/// what was expected.
public struct TemplateError: WenshuError {
    public var location: SourceLocation?
    public var message: String
    /// The parts of the problem when the thrower gave them apart (else they come from `message`).
    private var parts: (chinese: String, english: String, hint: String?)?
    /// The expression whose value the data lacks, when that is the error (a typed fact, so that a
    /// caller such as `wenshu batch` tells a missing column from other errors without reading the message).
    public var missingValue: String?

    public init(_ message: String, at location: SourceLocation?) { self.message = message; self.location = location }

    /// An error in Chinese with its English gloss and a hint (the closest name, the allowed values).
    public init(_ chinese: String, _ english: String, hint: String? = nil, at location: SourceLocation?) {
        self.message = "\(chinese)（\(english)）" + (hint.map { "；\($0)" } ?? "")
        self.location = location
        self.parts = (chinese, english, hint)
    }

    /// The data has no value for `expression` (and the template gives no `| default`).
    public static func missing(_ expression: String, at location: SourceLocation?) -> TemplateError {
        var e = TemplateError("数据中没有“\(expression)”", "the data has no ‘\(expression)’",
                              hint: "请在数据文件中给出它的值，或在模板中用 `| default` 给出默认值 (give it a value in the data files, or a `| default` in the template)",
                              at: location)
        e.missingValue = expression
        return e
    }

    public var problem: Problem {
        guard let parts else {
            let g = Gloss(message)
            return Problem(severity: .error, location: location, chinese: g.chinese, english: g.english, hint: g.hint)
        }
        return Problem(severity: .error, location: location, chinese: parts.chinese, english: parts.english, hint: parts.hint)
    }
}
