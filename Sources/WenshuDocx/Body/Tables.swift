import WenshuCore

/// Tables as Word keeps them: a grid of columns, cells spanning columns (gridSpan) and rows
/// (vMerge), header rows repeated on each page (tblHeader), and rows at least their height.
extension DocumentWriter {
    /// The widths of the columns in a table `width` wide: fixed ones as given, the rest shared
    /// out by their fractions.
    static func columnWidths(_ columns: [ColumnWidth], width: Length) -> [Length] {
        let fixed = columns.reduce(Length.zero) { if case .fixed(let l) = $1 { return $0 + l } else { return $0 } }
        // Word sizes an automatic column by its content itself; here it counts as one share.
        let shares = columns.reduce(0.0) {
            switch $1 { case .fraction(let f): $0 + max(f, 0); case .auto: $0 + 1; case .fixed: $0 }
        }
        let left = max(width - fixed, .zero)
        return columns.map {
            switch $0 {
            case .fixed(let l): max(l, .pt(1))
            case .fraction(let f): shares > 0 ? max(left * (max(f, 0) / shares), .pt(1)) : .pt(1)
            case .auto: shares > 0 ? max(left / shares, .pt(1)) : .pt(1)
            }
        }
    }

    /// Where each row's cells stand: for every grid column, the cell starting there, a cell from
    /// above continuing down (vMerge), or nothing (a ragged row).
    enum Slot { case cell(TableCell), continued(span: Int), empty }

    static func layoutSlots(_ t: TableBlock, columns n: Int) -> [[Slot]] {
        var below = [Int](repeating: 0, count: n)      // rows a span from above still covers
        var belowSpan = [Int](repeating: 1, count: n)
        var grid: [[Slot]] = []
        for row in t.rows {
            var slots: [Slot] = []
            var queue = row.cells[...]
            var c = 0
            var nextBelow = below
            while c < n {
                if below[c] > 0 {
                    let span = min(belowSpan[c], n - c)
                    slots.append(.continued(span: span))
                    for k in c..<(c + span) { nextBelow[k] = below[c] - 1 }
                    c += span
                    continue
                }
                guard let cell = queue.popFirst() else { slots.append(.empty); c += 1; continue }
                // A span stops at the grid's edge or at a column held from above.
                var span = 1
                while span < max(cell.colspan, 1), c + span < n, below[c + span] == 0 { span += 1 }
                var placed = cell
                placed.colspan = span
                slots.append(.cell(placed))
                for k in c..<(c + span) {
                    nextBelow[k] = max(cell.rowspan - 1, 0)
                    belowSpan[k] = span
                }
                c += span
            }
            below = nextBelow
            grid.append(slots)
        }
        // Spans running past the last row simply end there.
        return grid
    }

    func tableBorder(_ side: String, _ s: Stroke?) -> String {
        guard let s else { return #"<w:\#(side) w:val="nil"/>"# }
        return #"<w:\#(side) w:val="single" w:sz="\#(OOXML.eighths(s.width))" w:space="0" w:color="\#(OOXML.hex(s.color))"/>"#
    }

    func table(_ t: TableBlock, width: Length) throws -> String {
        let widths = Self.columnWidths(t.columns.isEmpty ? [.fraction(1)] : t.columns, width: width)
        let n = widths.count
        var x = ""
        if t.linesBefore > 0 { x += spacer(height: pitch * t.linesBefore) }
        if pendingBreak { x += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#; pendingBreak = false }
        let total = widths.reduce(Length.zero, +)
        x += "<w:tbl><w:tblPr>"
        x += #"<w:tblW w:w="\#(OOXML.twips(total))" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>"#
        x += tableBorder("top", t.border) + tableBorder("left", t.border) + tableBorder("bottom", t.border) + tableBorder("right", t.border)
        x += tableBorder("insideH", t.innerRule) + tableBorder("insideV", t.innerRule) + "</w:tblBorders>"
        x += #"<w:tblLayout w:type="fixed"/><w:tblCellMar>"#
        x += #"<w:top w:w="\#(OOXML.twips(t.padding.top))" w:type="dxa"/><w:left w:w="\#(OOXML.twips(t.padding.left))" w:type="dxa"/>"#
        x += #"<w:bottom w:w="\#(OOXML.twips(t.padding.bottom))" w:type="dxa"/><w:right w:w="\#(OOXML.twips(t.padding.right))" w:type="dxa"/>"#
        x += #"</w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>"#
        for w in widths { x += #"<w:gridCol w:w="\#(OOXML.twips(w))"/>"# }
        x += "</w:tblGrid>"
        let slots = Self.layoutSlots(t, columns: n)
        for (r, row) in t.rows.enumerated() {
            x += "<w:tr><w:trPr>"
            if row.keepWhole { x += "<w:cantSplit/>" }
            if row.minHeight > .zero { x += #"<w:trHeight w:val="\#(OOXML.twips(row.minHeight))" w:hRule="atLeast"/>"# }
            if r < t.headerRows { x += "<w:tblHeader/>" }
            x += "</w:trPr>"
            var c = 0
            for slot in slots[r] {
                switch slot {
                case .cell(let cell):
                    let span = cell.colspan
                    let w = widths[c..<min(c + span, n)].reduce(Length.zero, +)
                    x += try self.cell(cell, width: w, span: span, inner: w - t.padding.left - t.padding.right)
                    c += span
                case .continued(let span):
                    let w = widths[c..<min(c + span, n)].reduce(Length.zero, +)
                    x += "<w:tc><w:tcPr>" + cellWidth(w, span: span) + "<w:vMerge/></w:tcPr><w:p/></w:tc>"
                    c += span
                case .empty:
                    x += "<w:tc><w:tcPr>" + cellWidth(widths[c], span: 1) + "</w:tcPr><w:p/></w:tc>"
                    c += 1
                }
            }
            x += "</w:tr>"
        }
        x += "</w:tbl>"
        if t.linesAfter > 0 { x += spacer(height: pitch * t.linesAfter) }
        return x
    }

    func cellWidth(_ w: Length, span: Int) -> String {
        #"<w:tcW w:w="\#(OOXML.twips(w))" w:type="dxa"/>"# + (span > 1 ? #"<w:gridSpan w:val="\#(span)"/>"# : "")
    }

    /// A cell: its blocks, then its foot (Word cannot pin a paragraph to the cell's bottom, so the
    /// foot follows the content, aligned as the template asks).
    func cell(_ cell: TableCell, width: Length, span: Int, inner: Length) throws -> String {
        var x = "<w:tc><w:tcPr>" + cellWidth(width, span: span)
        if cell.rowspan > 1 { x += #"<w:vMerge w:val="restart"/>"# }
        if let fill = cell.fill { x += #"<w:shd w:val="clear" w:color="auto" w:fill="\#(OOXML.hex(fill))"/>"# }
        // A cell holding only its foot (an opinion box: （盖章） 年 月 日) sets it at the bottom.
        let footOnly = !cell.foot.isEmpty && cell.content.allSatisfy { if case .paragraph(let p) = $0 { p.text.isEmpty } else { false } }
        switch footOnly ? .bottom : cell.verticalAlignment {
        case .top: break
        case .middle: x += #"<w:vAlign w:val="center"/>"#
        case .bottom: x += #"<w:vAlign w:val="bottom"/>"#
        }
        x += "</w:tcPr>"
        var body = ""
        for b in cell.content + cell.foot { body += try block(b, inTable: true, width: max(inner, .pt(10))) }
        // A cell ends with a paragraph.
        if !body.hasSuffix("</w:p>") { body += "<w:p/>" }
        return x + body + "</w:tc>"
    }
}
