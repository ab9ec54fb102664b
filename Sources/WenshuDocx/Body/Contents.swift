import WenshuCore

/// The contents as Word's TOC field over the headings' bookmarks: Word (or LibreOffice) fills in
/// the page numbers when it updates the field; the entries are written as the field's result so
/// the list reads right before any update.
extension DocumentWriter {
    func contents(_ c: ContentsBlock) -> String {
        var x = ""
        if let title = c.title {
            var ts = c.style
            ts.size = ts.size * 1.4
            ts.role = .hei
            var p = ParagraphBlock(runs: [InlineRun(title, style: ts)], style: ParagraphStyle(firstLineIndent: 0, alignment: .center),
                                   linesAfter: 1)
            p.styleName = "目录标题"
            x += paragraph(p, inTable: false, width: master.body.width)
        }
        let levels = max(1, min(c.levels, 4))
        let entries = headings.indices.filter { headings[$0].level <= levels }.map { (headings[$0], headingLabels[$0]) }
        let right = OOXML.twips(master.body.width)
        let begin = #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-\#(levels)" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
        let end = #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        if entries.isEmpty { return x + "<w:p>" + begin + end + "</w:p>" }
        for (k, (e, label)) in entries.enumerated() {
            let level = max(1, min(e.level, 4))
            let style = styles.style("目录 \(level)", text: c.style, paragraph: ParagraphStyle(firstLineIndent: 0, alignment: .left), keepNext: false)
            x += #"<w:p><w:pPr><w:pStyle w:val="\#(style.id)"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="\#(right)"/></w:tabs>"#
            x += #"<w:snapToGrid w:val="0"/>"# + spacing(before: .zero, after: .zero, line: max(pitch, c.style.size * 1.8))
            x += #"<w:ind w:leftChars="\#((level - 1) * 200)" w:left="\#(OOXML.twips(c.style.size * Double(2 * (level - 1))))" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>"#
            if k == 0 { x += begin }
            x += #"<w:hyperlink w:anchor="\#(e.name)" w:history="1">"#
            x += run(InlineRun(e.text, style: c.style), base: style.text) + "<w:r><w:tab/></w:r>"
            x += #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF \#(e.name) \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
            if let label { x += run(InlineRun(label, style: c.style), base: style.text) }
            x += #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
            x += "</w:hyperlink>"
            if k == entries.count - 1 { x += end }
            x += "</w:p>"
        }
        return x
    }
}
