import Foundation

/// What a preview answers (`POST /api/docs/{id}/preview`): the page count, each page's image
/// revision (a page's image changes only when its content did), the pages changed by this compile
/// (1-based), the data's problems and layout's warnings, and how long it took.
struct PreviewResult: Sendable {
    var pages: Int
    var revisions: [UInt32]
    var changed: [Int]
    /// Problems as `ProblemJSON` makes them; `Sendable` as JSON text.
    var problems: [[String: String]]
    var warnings: [[String: String]]
    /// The data revision compiled.
    var revision: Int
    /// The compile failed (a template error): the pages are the last good ones.
    var failed: Bool
    var milliseconds: Int
    /// Of which drawing the changed pages.
    var drawMilliseconds = 0

    var json: [String: Any] {
        ["pages": pages, "revisions": revisions.map(Int.init), "changed": changed, "problems": problems, "warnings": warnings,
         "revision": revision, "failed": failed, "ms": milliseconds, "draw_ms": drawMilliseconds]
    }

    /// A problem's JSON with every value as text (all of `ProblemJSON`'s are).
    static func strings(_ object: [String: Any]) -> [String: String] { object.compactMapValues { $0 as? String } }
}
