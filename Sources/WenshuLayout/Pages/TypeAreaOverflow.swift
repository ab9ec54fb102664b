import Foundation
import WenshuCore
import WenshuText

/// What the layout set past where it should stand: text past the left or right edge of the type
/// area (the layout is meant never to let it; a name in a box shrinks or wraps instead), reported
/// at the data place the run came from when it has one.
public enum TypeAreaOverflow {
    /// Where the ink of a glyph run starts and ends: its advance, less the blank part of a
    /// full-width mark at either end (`PunctuationClass.blanks`, the one table of marks: ½ em right
    /// of 。，）, left of “（).
    public static func inkExtent(_ run: GlyphRun, at x: Length) -> (left: Length, right: Length) {
        let left = x + run.size * (run.text.unicodeScalars.first.map { PunctuationClass(scalar: $0).blanks.left } ?? 0)
        let right = x + run.width - run.size * (run.text.unicodeScalars.last.map { PunctuationClass(scalar: $0).blanks.right } ?? 0)
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
