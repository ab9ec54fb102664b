/// A paragraph as the flow sees it: its text, its line-breaking style and how it sits between others.
public struct ParagraphBlock: Sendable {
    public var runs: [InlineRun]
    public var style: ParagraphStyle
    /// Keep on the same page as the first lines of the next block (headings).
    public var keepWithNext: Bool
    /// Blank lines (in line pitches) before and after.
    public var linesBefore: Double
    public var linesAfter: Double
    /// A PDF bookmark and contents entry for this block at this level (1 = top), when set.
    public var bookmarkLevel: Int?
    /// The distance from one baseline to the next; nil for the page master's pitch (in tables:
    /// 1.5 times the font size).
    public var lineHeight: Length?
    /// Shrink the text to fit in at most this many lines, down to a smallest size, then wrap
    /// (names on certificates, titles in boxes). Nil: set at the given size.
    public var fit: ShrinkFit?
    /// The name of the template style the paragraph was made in (正文, 标题, 一级标题…), for formats
    /// that keep named styles (Word); nil when made without one.
    public var styleName: String?

    public init(runs: [InlineRun], style: ParagraphStyle = ParagraphStyle(), keepWithNext: Bool = false,
                linesBefore: Double = 0, linesAfter: Double = 0, bookmarkLevel: Int? = nil, lineHeight: Length? = nil) {
        self.runs = runs; self.style = style; self.keepWithNext = keepWithNext
        self.linesBefore = linesBefore; self.linesAfter = linesAfter; self.bookmarkLevel = bookmarkLevel
        self.lineHeight = lineHeight
    }

    /// The text, as a reader would copy it.
    public var text: String { runs.map(\.text).joined() }
}

/// What flows down the body of the pages.
public enum Block: Sendable {
    case paragraph(ParagraphBlock)
    case table(TableBlock)
    case image(ImageBlock)
    /// Empty space of the given number of line pitches.
    case space(lines: Double)
    /// A new page; with `toOdd`, a new odd (right-hand) page, leaving a blank even page if needed.
    case pageBreak(toOdd: Bool)
    /// A horizontal rule across the type area (the red rule under a notice's issuer mark).
    case rule(RuleBlock)
    /// The issuer and date with the seal (GB/T 9704 §7.3.5).
    case signature(SignatureBlock)
    /// The table of contents, filled in once headings have found their pages.
    case contents(ContentsBlock)
    /// A new section: a different page master, page numbering restarted or not.
    case section(SectionBreak)
    /// Flexible space: pushes the blocks after it (up to the next page break) to the page's foot.
    case fill
    /// The head of an official document (GB/T 9704 版头): issuer mark, document number, red rule.
    case masthead(MastheadBlock)
    /// The foot of an official document's last page (GB/T 9704 版记): 抄送, 印发机关 and 印发日期
    /// between rules, the last rule on the type area's bottom edge.
    case imprint(ImprintBlock)
    /// What follows, up to the next `layer`, belongs to this layer of a 套打 page (`<stock>`).
    case layer(FrameLayer)

    public static let pageBreak = Block.pageBreak(toOdd: false)
}

/// A table as forms use it: columns, rows of cells that may span, borders and paddings.
public struct TableBlock: Sendable {
    public var columns: [ColumnWidth]
    public var rows: [TableRow]
    /// Rows at the top repeated on every page the table continues onto.
    public var headerRows: Int
    /// The outer border and the inner rules.
    public var border: Stroke?
    public var innerRule: Stroke?
    /// Space between a cell's border and its content.
    public var padding: Sides
    /// Blank lines before and after the table.
    public var linesBefore: Double
    public var linesAfter: Double

    public init(columns: [ColumnWidth], rows: [TableRow], headerRows: Int = 0,
                border: Stroke? = Stroke(width: .pt(1)), innerRule: Stroke? = Stroke(width: .pt(0.5)),
                padding: Sides = Sides(top: .pt(4), right: .pt(5), bottom: .pt(4), left: .pt(5)),
                linesBefore: Double = 0, linesAfter: Double = 0) {
        self.columns = columns; self.rows = rows; self.headerRows = headerRows
        self.border = border; self.innerRule = innerRule; self.padding = padding
        self.linesBefore = linesBefore; self.linesAfter = linesAfter
    }
}

/// How wide a column is.
public enum ColumnWidth: Hashable, Sendable {
    /// A fixed width.
    case fixed(Length)
    /// A share of what the fixed columns leave ("2fr").
    case fraction(Double)
    /// As wide as its content asks ("auto"): at least its longest unbreakable piece (a date, a
    /// number, a word), at most its text on one line, shared out as a browser's automatic table
    /// layout does from what the fixed columns leave.
    case auto
}

/// A row of a table.
public struct TableRow: Sendable {
    public var cells: [TableCell]
    /// At least this tall (hand-written and stamp areas).
    public var minHeight: Length
    /// Never split this row across pages.
    public var keepWhole: Bool

    public init(cells: [TableCell], minHeight: Length = .zero, keepWhole: Bool = false) {
        self.cells = cells; self.minHeight = minHeight; self.keepWhole = keepWhole
    }
}

/// Where content stands in a cell taller than it.
public enum VerticalAlignment: String, Hashable, Sendable { case top, middle, bottom }

/// A cell of a table.
public struct TableCell: Sendable {
    public var content: [Block]
    public var colspan: Int
    public var rowspan: Int
    public var verticalAlignment: VerticalAlignment
    /// Content pinned to the cell's bottom edge: （盖章） and 年 月 日 under an opinion.
    public var foot: [Block]
    /// A background fill.
    public var fill: Color?

    public init(content: [Block], colspan: Int = 1, rowspan: Int = 1, verticalAlignment: VerticalAlignment = .top,
                foot: [Block] = [], fill: Color? = nil) {
        self.content = content; self.colspan = colspan; self.rowspan = rowspan
        self.verticalAlignment = verticalAlignment; self.foot = foot; self.fill = fill
    }
}

/// A PNG or JPEG image, scaled to fit a box with its aspect kept, with an optional caption.
public struct ImageBlock: Sendable {
    public var path: String
    /// The box to fit: either dimension may be nil (then the type area's width, or the image's aspect).
    public var width: Length?
    public var height: Length?
    public var caption: [InlineRun]
    public var alignment: Alignment

    public init(path: String, width: Length? = nil, height: Length? = nil, caption: [InlineRun] = [], alignment: Alignment = .center) {
        self.path = path; self.width = width; self.height = height; self.caption = caption; self.alignment = alignment
    }
}

/// A horizontal rule across the type area.
public struct RuleBlock: Sendable {
    public var stroke: Stroke
    /// Space above and below, as lengths.
    public var above: Length
    public var below: Length
    public init(stroke: Stroke, above: Length = .zero, below: Length = .zero) {
        self.stroke = stroke; self.above = above; self.below = below
    }
}

/// The signature of an official document: issuer name over the date, with the seal pressing on both.
public struct SignatureBlock: Sendable {
    public var issuer: String
    /// The date as printed (成文日期, e.g. 2022年5月9日).
    public var date: String
    /// The seal: a transparent PNG, or nil to leave its space free for the stamp.
    public var seal: String?
    public var style: TextStyle
    /// The seal is on the pre-printed stock (套打: drawn in previews, not printed).
    public var sealLayer: FrameLayer = .content

    public init(issuer: String, date: String, seal: String? = nil, style: TextStyle = TextStyle()) {
        self.issuer = issuer; self.date = date; self.seal = seal; self.style = style
    }
}

/// A table of contents: the headings down to `levels`, with their page numbers and dot leaders.
public struct ContentsBlock: Sendable {
    public var title: String?
    public var levels: Int
    public var style: TextStyle
    public init(title: String? = "目　录", levels: Int = 2, style: TextStyle = TextStyle(role: .song, size: .pt(14))) {
        self.title = title; self.levels = levels; self.style = style
    }
}

/// The start of a section: its page master, and whether page numbers start again.
public struct SectionBreak: Sendable {
    public var master: PageMaster
    public var restartNumbering: Bool
    /// Start the section on an odd page.
    public var oddPage: Bool
    public init(master: PageMaster, restartNumbering: Bool = false, oddPage: Bool = false) {
        self.master = master; self.restartNumbering = restartNumbering; self.oddPage = oddPage
    }
}

/// How a paragraph shrinks to fit.
public struct ShrinkFit: Hashable, Sendable {
    public var maxLines: Int
    public var minimumSize: Length
    public init(maxLines: Int = 1, minimumSize: Length) { self.maxLines = maxLines; self.minimumSize = minimumSize }
}

/// The head of an official document, GB/T 9704-2012 §7.2: the issuer mark (发文机关标志) centred in
/// red 小标宋, its top edge 35 mm below the type area's top; the document number (发文字号) centred
/// two blank lines below it; a red rule as wide as the type area 4 mm below the number.
public struct MastheadBlock: Sendable {
    public var mark: String
    public var number: String?
    /// The mark's size; it shrinks so the mark fits the type area's width.
    public var markStyle: TextStyle
    public var numberStyle: TextStyle
    public var rule: Stroke
    /// From the type area's top to the mark's top edge (GB/T 9704: 35 mm).
    public var markTop: Length

    public init(mark: String, number: String?, markStyle: TextStyle = TextStyle(role: .xiaobiaosong, size: .pt(36), color: .officialRed),
                numberStyle: TextStyle = TextStyle(role: .fangsong, size: .pt(16)),
                rule: Stroke = Stroke(width: .pt(2.25), color: .officialRed), markTop: Length = .mm(35)) {
        self.mark = mark; self.number = number; self.markStyle = markStyle; self.numberStyle = numberStyle
        self.rule = rule; self.markTop = markTop
    }
}

/// The imprint of an official document, GB/T 9704-2012 §7.4: 抄送 (copied to) and 印发机关 with
/// 印发日期, in 4号 仿宋 one character in from each side, between rules as wide as the type area
/// (the first and last 0.35 mm, the middle 0.25 mm), the last rule on the bottom edge of the type
/// area of the last page.
public struct ImprintBlock: Sendable {
    /// The label GB/T 9704 §7.4.2 puts before the organs copied to.
    public static let copiesLabel = "抄送："
    /// The organs copied to, separated by commas (the label and the final 。 are added when missing).
    public var copies: String?
    public var printer: String
    /// The printing date as printed, e.g. 2022年5月9日印发.
    public var printed: String
    public var style: TextStyle

    public init(copies: String?, printer: String, printed: String, style: TextStyle = TextStyle(role: .fangsong, size: .pt(14))) {
        self.copies = copies; self.printer = printer; self.printed = printed; self.style = style
    }
}
