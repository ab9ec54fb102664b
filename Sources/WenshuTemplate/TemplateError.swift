import WenshuCore

/// An error in a template or in how it meets the data: always with where (file, line, column) and
/// what was expected.
public struct TemplateError: WenshuError {
    public var location: SourceLocation?
    public var message: String
    /// The expression whose value the data lacks, when that is the error (a typed fact, so that a
    /// caller such as `wenshu batch` tells a missing column from other errors without reading the message).
    public var missingValue: String?
    public init(_ message: String, at location: SourceLocation?) { self.message = message; self.location = location }

    /// The data has no value for `expression` (and the template gives no `| default`).
    public static func missing(_ expression: String, at location: SourceLocation?) -> TemplateError {
        var e = TemplateError("the data has no ‘\(expression)’ (expected a value for it in the data files, or a `| default` in the template)",
                              at: location)
        e.missingValue = expression
        return e
    }
}
