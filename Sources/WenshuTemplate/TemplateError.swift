import WenshuCore

/// An error in a template or in how it meets the data: always with where (file, line, column) and
/// what was expected.
public struct TemplateError: WenshuError {
    public var location: SourceLocation?
    public var message: String
    public init(_ message: String, at location: SourceLocation?) { self.message = message; self.location = location }
}
