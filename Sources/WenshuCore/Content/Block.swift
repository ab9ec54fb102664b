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
    /// The other organs of a joint document, in order after `issuer` (§7.3.5.1, §7.3.5.2).
    public var others: [String]
    /// Their seals, one per organ of `others` (empty: spaces left free for the stamps).
    public var otherSeals: [String]
    public var layout: SignatureLayoutKind
    /// 签发人职务 for a 签名章 (§7.3.5.3), set two characters left of it.
    public var signerTitle: String?

    public init(issuer: String, date: String, seal: String? = nil, style: TextStyle = TextStyle()) {
        self.issuer = issuer; self.date = date; self.seal = seal; self.style = style
        self.others = []; self.otherSeals = []; self.layout = .sealed; self.signerTitle = nil
    }

    /// Every organ signing, the host first.
    public var issuers: [String] { [issuer] + others }
}

/// How a GB/T 9704 signature is set.
public enum SignatureLayoutKind: String, Hashable, Sendable, CaseIterable {
    /// §7.3.5.1: with the seal (or its space) over the issuer and date, the date four characters in.
    case sealed
    /// §7.3.5.2: no seal: the name one blank line under the text, two characters in from the right,
    /// the date on the next line starting two characters further right.
    case unsealed
    /// §7.3.5.3: the signer's 签名章 four characters in from the right two blank lines under the
    /// text, the signer's title two characters left of it, the date one blank line under it (命令).
    case signed
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
/// Above the mark, flush left on the type area's first lines: 份号, 密级和保密期限, 紧急程度 (§7.2.1–3).
/// A joint mark stacks the organs (§7.2.4), with `mark` (文件) beside them; an 上行文 sets the
/// number one character in from the left and 签发人 one character in from the right (§7.2.5–6).
/// The 信函 and 命令 layouts are GB/T 9704 §10.1 and §10.2.
public struct MastheadBlock: Sendable {
    /// The mark; for a joint mark, the word set beside the stacked organs (文件), or empty.
    public var mark: String
    public var number: String?
    /// The mark's size; it shrinks so the mark fits the type area's width.
    public var markStyle: TextStyle
    public var numberStyle: TextStyle
    public var rule: Stroke
    /// From the type area's top to the mark's top edge (GB/T 9704: 35 mm).
    public var markTop: Length
    /// 份号 (§7.2.1): six Arabic digits, flush left on the first line.
    public var copyNumber: String?
    /// 密级和保密期限 (§7.2.2), as printed: 机密★1年.
    public var secrecy: String?
    /// 紧急程度 (§7.2.3): 特急 or 加急.
    public var urgency: String?
    /// 份号, 密级 and 紧急程度 are 3号 黑体.
    public var cornerStyle: TextStyle
    /// A joint mark's organs, the host first (§7.2.4); empty for one organ.
    public var organs: [String]
    /// 签发人 of an 上行文 (§7.2.6), in the order of the organs.
    public var signers: [String]
    /// 签发人姓名 is 3号 楷体.
    public var signerStyle: TextStyle
    public var layout: MastheadLayout

    public init(mark: String, number: String?, markStyle: TextStyle = TextStyle(role: .xiaobiaosong, size: .pt(36), color: .officialRed),
                numberStyle: TextStyle = TextStyle(role: .fangsong, size: .pt(16)),
                rule: Stroke = Stroke(width: .pt(2.25), color: .officialRed), markTop: Length = .mm(35)) {
        self.mark = mark; self.number = number; self.markStyle = markStyle; self.numberStyle = numberStyle
        self.rule = rule; self.markTop = markTop
        self.copyNumber = nil; self.secrecy = nil; self.urgency = nil
        self.cornerStyle = TextStyle(role: .hei, size: .pt(16))
        self.organs = []; self.signers = []
        self.signerStyle = TextStyle(role: .kai, size: .pt(16))
        self.layout = .document
    }

    /// The 份号, 密级 and 紧急程度 lines, top to bottom, those given.
    public var corner: [String] { [copyNumber, secrecy, urgency].compactMap { $0 } }
}

/// Which GB/T 9704 head an official document has.
public enum MastheadLayout: String, Hashable, Sendable, CaseIterable {
    /// 文件格式 (§7.2): mark 35 mm under the type area's top, number, red rule.
    case document
    /// 信函格式 (§10.1): mark 30 mm from the page's top, red double rules 170 mm long under it and
    /// 20 mm above the page's foot, the number flush right under the first.
    case letter
    /// 命令（令）格式 (§10.2): mark 20 mm under the type area's top, 令号 centred two lines under
    /// it, no rule.
    case order
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
    /// Put the imprint on an even page (the back of the last sheet), leaving a blank page before
    /// it when it would fall on an odd one (§7.4, §7.5: neither page then shows a number).
    public var evenPage: Bool

    public init(copies: String?, printer: String, printed: String, style: TextStyle = TextStyle(role: .fangsong, size: .pt(14))) {
        self.copies = copies; self.printer = printer; self.printed = printed; self.style = style
        self.evenPage = false
    }

    /// A 信函's imprint (§10.1): 抄送 alone at the foot, without rules, 印发机关 or 印发日期.
    public var isLetter: Bool { printer.isEmpty && printed.isEmpty }

    /// The 抄送 line as printed (§7.4.2): 抄送： before the organs and a full stop after the last,
    /// each added when missing; nil when nothing is copied to.
    public var copiesText: String? {
        guard let c = copies?.trimmingCharacters(in: .whitespaces), !c.isEmpty else { return nil }
        var text = c.hasPrefix(Self.copiesLabel) ? c : Self.copiesLabel + c
        if !(text.hasSuffix("。") || text.hasSuffix(".")) { text += "。" }
        return text
    }
}
