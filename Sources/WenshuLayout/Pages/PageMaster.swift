import WenshuCore
import WenshuText

/// The shape of a page: its size, the type area (版心) inside the margins, the line pitch and,
/// for official documents, the character grid.
public struct PageMaster: Sendable {
    public var size: Size
    public var margins: Sides
    /// Lines a page and characters a line when the body sits on a grid (GB/T 9704: 22 × 28).
    public var gridLines: Int?
    public var gridColumns: Int?
    /// The distance from one body line to the next.
    public var linePitch: Length
    /// Page numbers at the foot, or nil for none.
    public var pageNumbers: PageNumberStyle?

    public init(size: Size, margins: Sides, linePitch: Length, gridLines: Int? = nil, gridColumns: Int? = nil,
                pageNumbers: PageNumberStyle? = nil) {
        self.size = size; self.margins = margins; self.linePitch = linePitch
        self.gridLines = gridLines; self.gridColumns = gridColumns; self.pageNumbers = pageNumbers
    }

    /// The type area.
    public var body: Rect {
        Rect(x: margins.left, y: margins.top, width: size.width - margins.left - margins.right,
             height: size.height - margins.top - margins.bottom)
    }

    /// The body's character grid, when the master has one.
    public var grid: GridSpec? {
        gridColumns.map { GridSpec(columns: $0, width: body.width) }
    }

    /// GB/T 9704-2012: A4, top margin 37 mm, left 28 mm, type area 156 × 225 mm, 22 lines of
    /// 28 characters, page numbers "— 1 —" in 4号 宋体 7 mm below the type area.
    /// With `grid: false` the same type area with free justification and the same line pitch.
    public static func officialDocument(grid: Bool = true) -> PageMaster {
        let margins = Sides(top: .mm(37), right: .mm(210 - 28 - 156), bottom: .mm(297 - 37 - 225), left: .mm(28))
        return PageMaster(size: .a4, margins: margins, linePitch: .mm(225) / 22,
                          gridLines: 22, gridColumns: grid ? 28 : nil, pageNumbers: .officialDocument)
    }
}

/// How page numbers are printed.
public struct PageNumberStyle: Sendable {
    public enum Placement: Sendable {
        /// Odd pages right, even pages left, `inset` in from the type area's edge (GB/T 9704).
        case outside(inset: Length)
        case center
    }
    /// The text for page n, e.g. "— 1 —".
    public var format: @Sendable (Int) -> String
    public var style: TextStyle
    public var placement: Placement
    /// From the type area's bottom edge to the middle of the number line (GB/T 9704: 7 mm).
    public var distanceBelowBody: Length

    public init(format: @escaping @Sendable (Int) -> String, style: TextStyle, placement: Placement, distanceBelowBody: Length) {
        self.format = format; self.style = style; self.placement = placement; self.distanceBelowBody = distanceBelowBody
    }

    /// GB/T 9704-2012 §7.5: 4号 half-width 宋体 Arabic numerals with an em dash (一字线) each side,
    /// 7 mm below the type area, odd pages right and even pages left, one character in.
    public static let officialDocument = PageNumberStyle(
        // The numbers are page furniture (see GlyphRun.isArtifact): drawn, not copied with the text.
        format: { "— \($0) —" }, style: TextStyle(role: .song, size: .pt(14)),
        placement: .outside(inset: .pt(14)), distanceBelowBody: .mm(7))
}
