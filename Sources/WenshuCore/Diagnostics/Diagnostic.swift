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

/// Every error Wenshu reports: one clear line, saying where and what was expected.
public protocol WenshuError: Error, CustomStringConvertible, Sendable {
    /// The input the error is about, when there is one.
    var location: SourceLocation? { get }
    /// What went wrong, in one sentence.
    var message: String { get }
}

extension WenshuError {
    public var location: SourceLocation? { nil }
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}

/// A warning or note found while compiling: it does not stop the work, but the user is told.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case warning, note }
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity; self.message = message; self.location = location
    }

    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

/// Collects diagnostics from every stage; safe to use from several threads (unchecked `Sendable`
/// is safe: `items` and `seen` are touched under `lock` only).
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init() {}

    /// Records `diagnostic` once (the same warning repeated is kept once).
    public func report(_ diagnostic: Diagnostic) {
        lock.lock(); defer { lock.unlock() }
        if seen.insert(diagnostic).inserted { items.append(diagnostic) }
    }

    public var all: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return items
    }
}
