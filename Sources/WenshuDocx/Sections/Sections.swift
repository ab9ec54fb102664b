import WenshuCore

/// Sections: each page master becomes a sectPr (page size, margins, the document grid of GB/T
/// 9704 as `docGrid`), with its headers and footers (page numbers as PAGE fields).
extension DocumentWriter {
    /// Ends the section being written and starts one on `next`.
    func sectionBreak(next: PageMaster, start: String, restart: Bool) -> String {
        let x = #"<w:p><w:pPr><w:snapToGrid w:val="0"/>"# + spacing(before: .zero, after: .zero, line: .pt(1))
            + #"<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>"# + sectionProperties() + "</w:pPr></w:p>"
        master = next
        sectionStart = start
        restartNumbering = restart
        pendingBreak = false
        return x
    }

    /// The character pitch of the grid, given as Word wants it: the extra over the default font
    /// size, in 4096ths of a point, rounded down so the line still holds every column.
    static func charSpace(pitch: Length, defaultSize: Length) -> Int {
        OOXML.clamped(((pitch - defaultSize).points * 4096).rounded(.down), limit: 1_000_000)
    }

    /// The sectPr of the section being written.
    func sectionProperties() -> String {
        let m = master
        var x = "<w:sectPr>"
        x += #"<w:headerReference w:type="default" r:id="\#(parts.furniture(furniture(m.header, numbers: nil, header: true, even: false), header: true))"/>"#
        x += #"<w:footerReference w:type="default" r:id="\#(parts.furniture(furniture(m.footer, numbers: m.pageNumbers, header: false, even: false), header: false))"/>"#
        if evenAndOdd {
            x += #"<w:headerReference w:type="even" r:id="\#(parts.furniture(furniture(m.evenHeader ?? m.header, numbers: nil, header: true, even: true), header: true))"/>"#
            x += #"<w:footerReference w:type="even" r:id="\#(parts.furniture(furniture(m.evenFooter ?? m.footer, numbers: m.pageNumbers, header: false, even: true), header: false))"/>"#
        }
        x += #"<w:type w:val="\#(sectionStart)"/>"#
        let landscape = m.size.width > m.size.height
        x += #"<w:pgSz w:w="\#(OOXML.twips(m.size.width))" w:h="\#(OOXML.twips(m.size.height))""# + (landscape ? #" w:orient="landscape""# : "") + "/>"
        let footerSize = m.pageNumbers?.style.size ?? m.footer?.style.size ?? .pt(10.5)
        let footer = m.margins.bottom - (m.pageNumbers?.distanceBelowBody ?? m.footer?.distance ?? .mm(8)) - footerSize * 0.6
        let headerSize = m.header?.style.size ?? .pt(10.5)
        let header = m.margins.top - (m.header?.distance ?? .mm(8)) - headerSize
        x += #"<w:pgMar w:top="\#(OOXML.twips(m.margins.top))" w:right="\#(OOXML.twips(m.margins.right))" w:bottom="\#(OOXML.twips(m.margins.bottom))" w:left="\#(OOXML.twips(m.margins.left))""#
        x += #" w:header="\#(max(0, OOXML.twips(header)))" w:footer="\#(max(0, OOXML.twips(footer)))" w:gutter="\#(OOXML.twips(m.gutter))"/>"#
        let numbering = m.pageNumbers?.format == .roman ? "lowerRoman" : "decimal"
        x += #"<w:pgNumType w:fmt="\#(numbering)""# + (restartNumbering ? #" w:start="1""# : "") + "/>"
        x += "<w:cols w:space=\"425\"/>"
        let pitch = OOXML.twips(self.pitch)
        if let grid = m.grid, m.gridLines != nil {
            x += #"<w:docGrid w:type="linesAndChars" w:linePitch="\#(pitch)" w:charSpace="\#(Self.charSpace(pitch: grid.pitch, defaultSize: styles.styles[0].text.size))"/>"#
        } else if m.gridLines != nil {
            x += #"<w:docGrid w:type="lines" w:linePitch="\#(pitch)"/>"#
        } else {
            x += #"<w:docGrid w:linePitch="\#(pitch)"/>"#
        }
        sectionStart = "nextPage"
        restartNumbering = false
        return x + "</w:sectPr>"
    }

    /// A field in a run of `style`.
    func field(_ code: String, style: TextStyle, base: TextStyle, shown: String) -> String {
        let props = StyleSheet.runProperties(style, over: base)
        let rPr = props.isEmpty ? "" : "<w:rPr>" + props + "</w:rPr>"
        return "<w:r>" + rPr + #"<w:fldChar w:fldCharType="begin"/></w:r><w:r>"# + rPr + #"<w:instrText xml:space="preserve"> \#(code) </w:instrText></w:r>"#
            + "<w:r>" + rPr + #"<w:fldChar w:fldCharType="separate"/></w:r><w:r>"# + rPr + "<w:t>\(OOXML.escape(shown))</w:t></w:r>"
            + "<w:r>" + rPr + #"<w:fldChar w:fldCharType="end"/></w:r>"#
    }

    /// A header or footer part: the running text (with {page}, {pages} and {title} as fields)
    /// and, in a footer, the page number in the master's form — "— 1 —" outside (odd pages right,
    /// even pages left, one character in) for GB/T 9704.
    func furniture(_ f: Furniture?, numbers: PageNumberStyle?, header: Bool, even: Bool) -> String {
        let tag = header ? "w:hdr" : "w:ftr"
        var x = OOXML.header + #"<\#(tag) xmlns:w="\#(OOXML.wordNamespace)" xmlns:r="\#(OOXML.relNamespace)">"#
        let styleName = header ? "页眉" : "页脚"
        var any = false
        if let f {
            let style = styles.style(styleName, text: f.style, paragraph: ParagraphStyle(firstLineIndent: 0, alignment: f.alignment), keepNext: false)
            x += #"<w:p><w:pPr><w:pStyle w:val="\#(style.id)"/>"#
            if let rule = f.rule { x += border(header ? "bottom" : "top", rule, space: .pt(1)) }
            x += #"<w:snapToGrid w:val="0"/>"# + spacing(before: .zero, after: .zero, line: f.style.size * 1.3)
            x += #"<w:ind w:firstLine="0"/><w:jc w:val="\#(StyleSheet.jc(f.alignment))"/></w:pPr>"#
            x += furnitureText(f.text, style: f.style, base: style.text)
            x += "</w:p>"
            any = true
        }
        if let n = numbers, !header {
            let style = styles.style(styleName, text: n.style, paragraph: ParagraphStyle(firstLineIndent: 0, alignment: .center), keepNext: false)
            var align = "center"
            var ind = #"<w:ind w:firstLine="0"/>"#
            if case .outside(let inset) = n.placement {
                align = even ? "left" : "right"
                ind = #"<w:ind w:\#(even ? "left" : "right")="\#(OOXML.twips(inset))" w:firstLine="0"/>"#
            }
            x += #"<w:p><w:pPr><w:pStyle w:val="\#(style.id)"/><w:snapToGrid w:val="0"/>"# + spacing(before: .zero, after: .zero, line: n.style.size * 1.2)
            x += ind + #"<w:jc w:val="\#(align)"/></w:pPr>"#
            let page = field("PAGE", style: n.style, base: style.text, shown: "1")
            let text: (String) -> String = { self.run(InlineRun($0, style: n.style), base: style.text) }
            switch n.format {
            case .dashes: x += text("— ") + page + text(" —")
            case .pageOfPages: x += text("第") + page + text("页 共") + field("NUMPAGES", style: n.style, base: style.text, shown: "1") + text("页")
            case .plain: x += page
            case .chinese: x += text("第") + page + text("页")
            case .roman: x += page  // the section's page numbering is lowerRoman
            }
            x += "</w:p>"
            any = true
        }
        // An empty part holds one hairline paragraph, so it takes no room from a small margin.
        if !any { x += #"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>"# }
        return x + "</\(tag)>"
    }

    /// Running text with its placeholders as fields.
    func furnitureText(_ text: String, style: TextStyle, base: TextStyle) -> String {
        var x = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            x += run(InlineRun(String(rest[..<open]), style: style), base: base)
            rest = rest[open...]
            if rest.hasPrefix("{page}") {
                x += field("PAGE", style: style, base: base, shown: "1"); rest = rest.dropFirst(6)
            } else if rest.hasPrefix("{pages}") {
                x += field("NUMPAGES", style: style, base: base, shown: "1"); rest = rest.dropFirst(7)
            } else if rest.hasPrefix("{title}") {
                let name = topHeadingStyle ?? "标题 1"
                x += field("STYLEREF \"\(name)\"", style: style, base: base, shown: ""); rest = rest.dropFirst(7)
            } else {
                x += run(InlineRun("{", style: style), base: base); rest = rest.dropFirst()
            }
        }
        return x + run(InlineRun(String(rest), style: style), base: base)
    }

    /// settings.xml.
    var settings: String {
        var x = OOXML.header + #"<w:settings xmlns:w="\#(OOXML.wordNamespace)">"#
        x += #"<w:zoom w:percent="100"/>"#
        if mirrored { x += "<w:mirrorMargins/>" }
        x += #"<w:defaultTabStop w:val="420"/>"#
        if evenAndOdd { x += "<w:evenAndOddHeaders/>" }
        x += #"<w:characterSpacingControl w:val="doNotCompress"/>"#
        if !headings.isEmpty && content.blocks.contains(where: { if case .contents = $0 { true } else { false } }) {
            x += "<w:updateFields w:val=\"true\"/>"
        }
        x += #"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
        x += #"<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>"#
        return x + "</w:settings>"
    }
}
