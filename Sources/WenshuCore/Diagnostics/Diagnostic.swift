import Foundation

/// Where in an input something was found: a file, and a line and column when the input has them
/// (for a spreadsheet the "place" says sheet and cell instead, e.g. 名单!C14).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var place: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, place: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.place = place
    }

    public var description: String {
        var s = file
        if let place { s += ":" + place }
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s
    }
}

/// Every error Wenshu reports: one clear line, saying where and what was expected. Thrown (typed
/// throws stay), and reported as a `Problem`: the command line prints every error, warning and
/// batch note through `Problem.description`.
public protocol WenshuError: Error, CustomStringConvertible, Sendable {
    /// The input the error is about, when there is one.
    var location: SourceLocation? { get }
    /// What went wrong, in one sentence.
    var message: String { get }
    /// The error as the one problem type: its place, the Chinese message, the English gloss, a hint.
    var problem: Problem { get }
    /// Every problem the error stands for (an error that gathers the data's problems has many).
    var problems: [Problem] { get }
}

extension WenshuError {
    public var location: SourceLocation? { nil }
    /// By default the message is cut into its Chinese, its English gloss and its hint (`Gloss`);
    /// errors that know their parts separately say so themselves.
    public var problem: Problem {
        let g = Gloss(message)
        return Problem(severity: .error, location: location, chinese: g.chinese, english: g.english, hint: g.hint)
    }
    public var problems: [Problem] { [problem] }
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
