import WenshuCore

/// An error in a template or in how it meets the data: always with where (file, line, column) and
/// what was expected.
public struct TemplateError: WenshuError {
    public var location: SourceLocation?
    public var message: String
    /// The parts of the problem when the thrower gave them apart (else they come from `message`).
    private var parts: (chinese: String, english: String, hint: String?)?

    public init(_ message: String, at location: SourceLocation?) { self.message = message; self.location = location }

    /// An error in Chinese with its English gloss and a hint (the closest name, the allowed values).
    public init(_ chinese: String, _ english: String, hint: String? = nil, at location: SourceLocation?) {
        self.message = "\(chinese)（\(english)）" + (hint.map { "；\($0)" } ?? "")
        self.location = location
        self.parts = (chinese, english, hint)
    }

    public var problem: Problem {
        guard let parts else {
            let g = Gloss(message)
            return Problem(severity: .error, location: location, chinese: g.chinese, english: g.english, hint: g.hint)
        }
        return Problem(severity: .error, location: location, chinese: parts.chinese, english: parts.english, hint: parts.hint)
    }
}
