import Foundation
import WenshuCore

/// Writes the content tree as WordprocessingML: one pass down the blocks, paragraphs with their
/// named styles and exact line pitch, tables, drawings, section breaks, the contents field and
/// the parts (headers, footers, images) they need. The layout's frames are never read: a Word
/// document flows, so the clerk can still edit it.
final class DocumentWriter {
    let content: DocumentContent
    let styles = StyleSheet()
    let parts = PartList()
    /// The master of the section being written.
    var master: PageMaster
    /// How the section being written starts ("nextPage", "oddPage") and whether it restarts numbering.
    var sectionStart = "nextPage"
    var restartNumbering = false
    /// The page break asked for before the next paragraph.
    var pendingBreak = false
    /// Headings that get a bookmark (for the contents and PDF-style navigation), in order.
    var headings: [(level: Int, text: String, name: String)] = []
    /// Each heading's page label from a layout, when one was given.
    var headingLabels: [String?] = []
    var nextBookmark = 0
    var nextDrawing = 1
    /// Whether odd and even pages have their own headers and footers anywhere in the document.
    let evenAndOdd: Bool
    /// Whether a master is mirrored for binding (Word's mirrorMargins is the document's).
    let mirrored: Bool
    /// The Word style name of the top-level headings (for {title} in running heads).
    var topHeadingStyle: String?
    /// Where the pictures are read from.
    let world: any World

    init(content: DocumentContent, headingPages: [(title: String, label: String)] = [], world: any World = FileWorld()) {
        self.content = content
        self.world = world
        self.master = content.master
        var masters = [content.master]
        for case .section(let s) in content.blocks { masters.append(s.master) }
        mirrored = masters.contains { $0.mirrored }
        evenAndOdd = masters.contains { m in
            if case .outside? = m.pageNumbers?.placement { return true }
            return m.evenHeader != nil || m.evenFooter != nil
        }
        headings = Self.collectHeadings(content.blocks)
        // Match the layout's bookmarks to the headings in order, by their text.
        var rest = headingPages[...]
        headingLabels = headings.map { h in
            guard let i = rest.firstIndex(where: { $0.title == h.text }) else { return nil }
            defer { rest = rest[(i + 1)...] }
            return rest[i].label
        }
    }

    /// The bookmarked headings of the body, each with its bookmark name.
    static func collectHeadings(_ blocks: [Block]) -> [(level: Int, text: String, name: String)] {
        var out: [(level: Int, text: String, name: String)] = []
        for case .paragraph(let p) in blocks {
            if let level = p.bookmarkLevel { out.append((level, p.text, "_Toc\(100_000 + out.count)")) }
        }
        return out
    }

    /// The whole of word/document.xml.
    func document() throws -> String {
        var body = ""
        var rest = content.blocks[...]
        while let block = rest.popFirst() {
            guard case .fill = block else {
                body += try self.block(block, inTable: false, width: master.body.width)
                continue
            }
            // Flexible space pushes what follows (up to the next page break) to the page's foot:
            // in Word, those blocks float in a frameless table on the type area's bottom edge.
            let end = rest.firstIndex { if case .pageBreak = $0 { true } else if case .section = $0 { true } else { false } } ?? rest.endIndex
            body += try footBox(Array(rest[..<end]))
            rest = rest[end...]
        }
        if pendingBreak { body += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"# }
        // The body ends with a paragraph: Word wants one after a table, and a floating table
        // (the imprint) is anchored to the paragraph that follows it.
        if body.hasSuffix("</w:tbl>") { body += spacer(height: .pt(1)) }
        body += sectionProperties()
        return OOXML.header
            + #"<w:document xmlns:w="\#(OOXML.wordNamespace)" xmlns:r="\#(OOXML.relNamespace)" "#
            + #"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#
            + #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#
            + #"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>"#
            + body + "</w:body></w:document>"
    }

    // MARK: Blocks

    func block(_ block: Block, inTable: Bool, width: Length) throws -> String {
        switch block {
        case .paragraph(let p):
            return paragraph(p, inTable: inTable, width: width)
        case .table(let t):
            return try table(t, width: width)
        case .image(let i):
            return try image(i, width: width)
        case .space(let lines):
            let h = pitch * lines
            guard h.points >= 1 else { return "" }
            return spacer(height: h)
        case .pageBreak(let toOdd):
            if toOdd && !inTable { return sectionBreak(next: master, start: "oddPage", restart: false) }
            pendingBreak = true
            return ""
        case .rule(let r):
            return "<w:p><w:pPr>" + border("bottom", r.stroke, space: .zero) + #"<w:snapToGrid w:val="0"/>"#
                + spacing(before: r.above, after: r.below, line: .pt(1)) + "</w:pPr></w:p>"
        case .signature(let s):
            return try signature(s)
        case .contents(let c):
            return contents(c)
        case .section(let s):
            return sectionBreak(next: s.master, start: s.oddPage ? "oddPage" : "nextPage", restart: s.restartNumbering)
        case .fill:
            // Inside a table cell flexible space has nothing to push (see document()).
            return ""
        case .masthead(let m):
            return masthead(m)
        case .imprint(let i):
            return imprint(i)
        case .layer:
            // Word has no 套打 print: the stock's parts stay in the document as drawn.
            return ""
        }
    }

    /// An empty paragraph `height` tall.
    func spacer(height: Length) -> String {
        let h = min(height, .pt(1584))
        return #"<w:p><w:pPr><w:snapToGrid w:val="0"/>"# + spacing(before: .zero, after: .zero, line: h)
            + #"<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>"#
    }

    // MARK: Paragraphs

    /// The section's line pitch in whole twips, rounded down so that Word and LibreOffice, which
    /// count the lines a page holds by dividing the type area's height, find all of them (GB/T
    /// 9704: 225 mm / 22 = 579.8 twips → 579, as the standard's Word templates have it).
    var pitch: Length { Length(points: (master.linePitch.points * 20).rounded(.down) / 20) }

    /// Character spacing for text on the character grid: LibreOffice gives a character wider
    /// than the grid's column two columns, so 三号 text (16 pt) is condensed a quarter point to
    /// stand in one column of 15.79 pt; Word lays the same 28 characters a line.
    static let gridCondense = #"<w:spacing w:val="-5"/>"#

    /// The width of one character of a paragraph for indents: the grid's column, or the font size.
    func characterWidth(_ size: Length) -> Length {
        if let grid = master.grid, size.approximatelyEquals(.pt(16), tolerance: 0.6) { return grid.pitch }
        if master.gridLines != nil, size.approximatelyEquals(.pt(16), tolerance: 0.6) { return size - .pt(0.25) }
        return size
    }

    /// `<w:spacing>` with exact line height (nil: auto, single).
    func spacing(before: Length, after: Length, line: Length?) -> String {
        var x = #"<w:spacing w:before="\#(max(0, OOXML.twips(before)))" w:after="\#(max(0, OOXML.twips(after)))""#
        if let line { x += #" w:line="\#(min(max(OOXML.twips(line), 2), 31_680))" w:lineRule="exact""# } else { x += #" w:line="240" w:lineRule="auto""# }
        return x + "/>"
    }

    /// A paragraph border on one side.
    func border(_ side: String, _ stroke: Stroke, space: Length) -> String {
        #"<w:pBdr><w:\#(side) w:val="single" w:sz="\#(OOXML.eighths(stroke.width))" w:space="\#(min(max(OOXML.clamped(space.points), 0), 31))" w:color="\#(OOXML.hex(stroke.color))"/></w:pBdr>"#
    }

    /// The line height of a paragraph: its own, 1.5 × the font in tables, else the master's pitch
    /// (whole pitches for text too big for one).
    func lineHeight(_ p: ParagraphBlock, size: Length, inTable: Bool) -> Length {
        if let h = p.lineHeight { return h }
        if inTable { return size * 1.5 }
        let needed = size * 1.15
        guard needed > pitch, pitch.points > 0 else { return pitch }
        return pitch * min((needed / pitch).rounded(.up), 20)
    }

    func paragraph(_ p: ParagraphBlock, inTable: Bool, width: Length) -> String {
        var runs = p.runs.filter { !$0.text.isEmpty }
        guard let first = runs.first?.style ?? p.runs.first?.style else { return "" }
        let name = p.styleName ?? (inTable ? "表格" : "正文")
        let style = styles.style(name, text: first, paragraph: p.style, keepNext: p.keepWithNext)
        if let fit = p.fit { runs = Self.shrunk(runs, fit: fit, width: width) }
        let size = runs.map(\.style.size).max() ?? first.size
        var pPr = #"<w:pStyle w:val="\#(style.id)"/>"#
        if p.keepWithNext { pPr += "<w:keepNext/>" }
        if pendingBreak && !inTable { pPr += "<w:pageBreakBefore/>"; pendingBreak = false }
        // The section's docGrid tells Word the page is 22 lines of 28 characters; our paragraphs
        // keep to it by their exact line pitch and, for the body's 三号 text, by the condensing
        // (LibreOffice spreads grid-snapped text of a size over the column over two columns).
        // A paragraph a clerk adds in the same style snaps to Word's grid.
        // GB/T 9704's type area holds 28 三号 characters a line with or without the character grid.
        let onGrid = p.style.snapToGrid && master.gridLines != nil && runs.allSatisfy { $0.style.size.approximatelyEquals(.pt(16), tolerance: 0.6) }
        if p.style.hanLatinSpacing { pPr += #"<w:autoSpaceDE/><w:autoSpaceDN/>"# }
        pPr += #"<w:snapToGrid w:val="0"/>"#
        pPr += spacing(before: pitch * p.linesBefore, after: pitch * p.linesAfter,
                       line: lineHeight(p, size: size, inTable: inTable))
        pPr += indent(left: p.style.leftIndent, first: p.style.firstLineIndent, right: 0, size: first.size)
        pPr += #"<w:jc w:val="\#(StyleSheet.jc(p.style.alignment))"/>"#
        var x = "<w:p><w:pPr>" + pPr + "</w:pPr>"
        var bookmark: String? = nil
        if p.bookmarkLevel != nil, !inTable, nextBookmark < headings.count {
            bookmark = headings[nextBookmark].name
            x += #"<w:bookmarkStart w:id="\#(nextBookmark)" w:name="\#(headings[nextBookmark].name)"/>"#
        }
        for r in runs { x += run(r, base: style.text, condensed: onGrid) }
        if bookmark != nil { x += #"<w:bookmarkEnd w:id="\#(nextBookmark)"/>"#; nextBookmark += 1 }
        return x + "</w:p>"
    }

    /// `<w:ind>` in characters (with twips for readers that ignore the character units).
    func indent(left: Double, first: Double, right: Double, size: Length) -> String {
        let cw = characterWidth(size)
        func chars(_ v: Double) -> Int { OOXML.clamped(v * 100, limit: 100_000) }
        var x = "<w:ind"
        if left != 0 { x += #" w:leftChars="\#(chars(left))" w:left="\#(OOXML.twips(cw * left))""# }
        if right != 0 { x += #" w:rightChars="\#(chars(right))" w:right="\#(OOXML.twips(cw * right))""# }
        if first >= 0 {
            x += #" w:firstLineChars="\#(chars(first))" w:firstLine="\#(OOXML.twips(cw * first))""#
        } else {
            x += #" w:hangingChars="\#(chars(-first))" w:hanging="\#(OOXML.twips(cw * -first))""#
        }
        return x + "/>"
    }

    /// A run: its properties where they differ from the paragraph style's, its text with line breaks.
    func run(_ r: InlineRun, base: TextStyle, condensed: Bool = false) -> String {
        let props = StyleSheet.runProperties(r.style, over: base, condensed: condensed)
        let rPr = props.isEmpty ? "" : "<w:rPr>" + props + "</w:rPr>"
        var x = ""
        for (i, piece) in r.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { x += "<w:r>" + rPr + "<w:br/></w:r>" }
            if !piece.isEmpty { x += "<w:r>" + rPr + #"<w:t xml:space="preserve">"# + OOXML.escape(String(piece)) + "</w:t></w:r>" }
        }
        return x
    }

    /// Runs shrunk so the text fits `fit.maxLines` lines of `width` (a name on a certificate),
    /// not below the smallest size: the font size Word would need, estimated from the characters'
    /// widths (a Han character one em, other characters half).
    static func shrunk(_ runs: [InlineRun], fit: ShrinkFit, width: Length) -> [InlineRun] {
        let ems = runs.reduce(0.0) { total, r in
            total + r.text.unicodeScalars.reduce(0.0) { $0 + ($1.isASCII ? 0.5 : 1) } * (r.style.size / runs[0].style.size)
        }
        guard ems > 0 else { return runs }
        let room = width * Double(max(fit.maxLines, 1)) / ems
        guard room < runs[0].style.size else { return runs }
        let scale = max(room, fit.minimumSize) / runs[0].style.size
        return runs.map { var r = $0; r.style.size = r.style.size * scale; return r }
    }
}
