import Foundation
import WenshuCore

/// What the layout set past where it should stand: text past the left or right edge of the type
/// area (the layout is meant never to let it; a name in a box shrinks or wraps instead), reported
/// at the data place the run came from when it has one.
public enum TypeAreaOverflow {
    /// Full-width marks whose right half is blank (set ½ em at a line's end), and those whose left
    /// half is blank (set ½ em at a line's start).
    static let closingMarks = Set("。，、；：？！”’）》」』】〕〗〉")
    static let openingMarks = Set("“‘（《「『【〔〖〈")

    /// Where the ink of a glyph run starts and ends: its advance, less the blank half of a
    /// full-width mark at either end.
    public static func inkExtent(_ run: GlyphRun, at x: Length) -> (left: Length, right: Length) {
        let half = run.size * 0.5
        let left = x + (run.text.first.map { openingMarks.contains($0) } == true ? half : .zero)
        let right = x + run.width - (run.text.last.map { closingMarks.contains($0) } == true ? half : .zero)
        return (left, right)
    }

    /// A warning when text passes the left or right edge of `body` by more than a point, naming
    /// the run that passes it most and its place.
    public static func check(_ frames: [Frame], body: Rect) -> Problem? {
        var worst = Length.zero
        var text = ""
        var place: SourceLocation? = nil
        for frame in frames {
            for element in frame.items {
                guard case .glyphs(let run) = element.item, !run.isArtifact else { continue }
                // Most runs stand well inside: only those near an edge are looked at closely.
                let x = element.position.x
                guard x < body.minX + .pt(1) || x + run.width > body.maxX - run.size * 0.5 + .pt(1) else { continue }
                let ink = inkExtent(run, at: x)
                let over = max(body.minX - ink.left, ink.right - body.maxX)
                if over > worst { worst = over; text = run.text; place = run.place }
            }
        }
        guard worst > .pt(1) else { return nil }
        let points = String(format: "%.1f", worst.points)
        return Problem(severity: .warning, location: place, chinese: "“\(text)”超出版心 \(points) pt",
                       english: "text passes the edge of the type area by \(points) pt: ‘\(text)’",
                       hint: place == nil ? nil : "请缩短这一格的内容")
    }
}
