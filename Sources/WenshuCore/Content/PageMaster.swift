/// The shape of a page: its size, the type area (版心) inside the margins, the line pitch, the
/// character grid of official documents, and the furniture (page numbers, headers, footers).
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
    /// Running headers and footers; the even ones default to the odd ones.
    public var header: Furniture?
    public var evenHeader: Furniture?
    public var footer: Furniture?
    public var evenFooter: Furniture?
    /// Margins for a bound book: `margins.left` is the inner margin (at the spine) and
    /// `margins.right` the outer one; even (left-hand) pages swap them.
    public var mirrored = false
    /// Extra inner margin taken by the binding (装订线), added to the inner margin.
    public var gutter: Length = .zero
    /// Pages where a chapter opens (a level-1 heading at the top) carry no running header.
    public var plainChapterOpenings = false
    /// Frames drawn round every page (a certificate's border), outermost first.
    public var borders: [PageBorder] = []
    /// The borders are printed on the stock already (套打: drawn in previews, not printed).
    public var borderLayer: FrameLayer = .content

    public init(size: Size, margins: Sides, linePitch: Length, gridLines: Int? = nil, gridColumns: Int? = nil,
                pageNumbers: PageNumberStyle? = nil, header: Furniture? = nil, evenHeader: Furniture? = nil,
                footer: Furniture? = nil, evenFooter: Furniture? = nil) {
        self.size = size; self.margins = margins; self.linePitch = linePitch
        self.gridLines = gridLines; self.gridColumns = gridColumns; self.pageNumbers = pageNumbers
        self.header = header; self.evenHeader = evenHeader; self.footer = footer; self.evenFooter = evenFooter
    }

    /// The type area of an odd (right-hand) page; on even pages of a mirrored master it stands
    /// `evenPageShift` to the right.
    public var body: Rect {
        Rect(x: margins.left + gutter, y: margins.top, width: size.width - margins.left - margins.right - gutter,
             height: size.height - margins.top - margins.bottom)
    }

    /// How far an even page's content moves right of an odd page's: the outer margin on the left
    /// and the inner one with the gutter on the right. Zero unless mirrored.
    public var evenPageShift: Length {
        mirrored ? margins.right - (margins.left + gutter) : .zero
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

/// A running header or footer: text with the placeholders {page}, {pages} and {title} (the current
/// top-level heading), a rule under (header) or over (footer) it.
public struct Furniture: Sendable {
    public var text: String
    public var style: TextStyle
    public var alignment: Alignment
    public var rule: Stroke?
    /// From the type area's edge to the furniture's baseline.
    public var distance: Length

    public init(text: String, style: TextStyle = TextStyle(role: .song, size: .pt(10.5)), alignment: Alignment = .center,
                rule: Stroke? = Stroke(width: .pt(0.5)), distance: Length = .mm(8)) {
        self.text = text; self.style = style; self.alignment = alignment; self.rule = rule; self.distance = distance
    }
}

/// How page numbers are printed.
public struct PageNumberStyle: Sendable {
    /// The forms offices use.
    public enum Format: String, Sendable {
        /// "— 1 —" (GB/T 9704-2012 §7.5).
        case dashes
        /// "第1页 共8页".
        case pageOfPages
        /// "1".
        case plain
        /// "第1页".
        case chinese
        /// "i", "ii", "iv": front matter numbered apart from the body.
        case roman
    }

    public enum Placement: Sendable {
        /// Odd pages right, even pages left, `inset` in from the type area's edge (GB/T 9704).
        case outside(inset: Length)
        case center
    }

    public var format: Format
    public var style: TextStyle
    public var placement: Placement
    /// From the type area's bottom edge to the middle of the number line (GB/T 9704: 7 mm).
    public var distanceBelowBody: Length

    public init(format: Format, style: TextStyle, placement: Placement, distanceBelowBody: Length) {
        self.format = format; self.style = style; self.placement = placement; self.distanceBelowBody = distanceBelowBody
    }

    /// The text for page `n` of `total`.
    public func text(page n: Int, of total: Int) -> String {
        switch format {
        case .dashes: "— \(n) —"
        case .pageOfPages: "第\(n)页 共\(total)页"
        case .plain: "\(n)"
        case .chinese: "第\(n)页"
        case .roman: Self.roman(n)
        }
    }

    /// The number as a reader cites the page: "iv" for Roman front matter, "4" otherwise.
    public func label(_ n: Int) -> String { format == .roman ? Self.roman(n) : "\(n)" }

    /// Lower-case Roman numerals (1 to 3999; other numbers as digits).
    public static func roman(_ n: Int) -> String {
        guard n > 0 && n < 4000 else { return "\(n)" }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = n, out = ""
        for (value, letters) in table { while rest >= value { out += letters; rest -= value } }
        return out
    }

    /// GB/T 9704-2012 §7.5: 4号 half-width 宋体 Arabic numerals with an em dash (一字线) each side,
    /// 7 mm below the type area, odd pages right and even pages left, one character in.
    /// The numbers are page furniture (see GlyphRun.isArtifact): drawn, not copied with the text.
    public static let officialDocument = PageNumberStyle(
        format: .dashes, style: TextStyle(role: .song, size: .pt(14)),
        placement: .outside(inset: .pt(14)), distanceBelowBody: .mm(7))
}

/// A rectangle drawn round the page at a distance from its edges: a certificate's vector border
/// (a thick rule with a thin one inside it, as printed certificates have).
public struct PageBorder: Hashable, Sendable {
    /// From the page's edges to the middle of the rule.
    public var inset: Length
    public var stroke: Stroke
    public init(inset: Length, stroke: Stroke) { self.inset = inset; self.stroke = stroke }
}
