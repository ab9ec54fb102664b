import Foundation

/// Collects the warnings and notes of every stage as `Problem`s; safe to use from several threads
/// (unchecked `Sendable` is safe: `items` and `seen` are touched under `lock` only). The same
/// problem reported again is kept once, so a warning raised per paragraph (a font role's fallback)
/// is printed once per build.
public final class ProblemLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Problem] = []
    private var seen: Set<Problem> = []

    public init() {}

    /// Records `problem` once.
    public func report(_ problem: Problem) {
        lock.lock(); defer { lock.unlock() }
        if seen.insert(problem).inserted { items.append(problem) }
    }

    /// Every problem recorded, in the order first reported.
    public var all: [Problem] {
        lock.lock(); defer { lock.unlock() }
        return items
    }
}

/// The log's name before issue 9 moved it onto `Problem` (kept so branches merging in the same
/// round still build; use `ProblemLog`).
public typealias DiagnosticLog = ProblemLog
