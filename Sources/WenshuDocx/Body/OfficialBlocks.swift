import Foundation
import WenshuCore

/// The parts of a GB/T 9704-2012 notice that Word has no element for, made of what it has: the
/// issuer mark a red 小标宋 paragraph, the red rule a paragraph border under the document number,
/// the seal an anchored picture over the signature, the imprint a table between rules.
extension DocumentWriter {
    /// 版头: the mark 35 mm below the type area's top, the number two blank lines below, the red
    /// rule 4 mm under the number.
    func masthead(_ m: MastheadBlock) -> String {
        var markStyle = m.markStyle
        // The mark shrinks to the type area's width, as on Wenshu's page.
        // A joint mark (§7.2.4), plainly: each organ a centred line, the word (文件) on the last.
        let markLines = m.organs.isEmpty ? [m.mark] : m.organs.dropLast() + [(m.organs.last ?? "") + m.mark]
        let ems = markLines.map { $0.unicodeScalars.reduce(0.0) { $0 + ($1.isASCII ? 0.5 : 1) } }.max() ?? 0
        // (a little under, so Word's rounding of the size to half-points never wraps it).
        if ems > 0, markStyle.size * ems > master.body.width { markStyle.size = master.body.width / ems * 0.98 }
        let line = markStyle.size * 1.2
        let mark = styles.style("发文机关标志", text: markStyle, paragraph: ParagraphStyle(firstLineIndent: 0, alignment: .center), keepNext: true)
        // The mark's line box is taller than the mark by `lead`; its top edge lands at markTop.
        let lead = (line - markStyle.size) / 2
        // 份号, 密级, 紧急程度 (§7.2.1–3): flush left on the first lines, in the mark's space before.
        let markBefore = max(m.markTop - lead - pitch * Double(m.corner.count), .zero)
        let numberBefore = max(pitch * 2 - lead, .zero)
        // The number's line ends where Wenshu's does; the rule's border adds its space and width
        // below it (Word and LibreOffice both count them in the paragraph's height); then an
        // empty line rounds the masthead up to whole line pitches, so the title and the body
        // below stand on the grid's lines. (Not the number's space after: LibreOffice lets the
        // next paragraph's space before swallow it.)
        let ruleSpace = Length.pt(Double(min(max(OOXML.clamped((Length.mm(4) - (pitch - m.numberStyle.size) / 2).points), 0), 31)))
        let used = pitch * Double(m.corner.count) + markBefore + line * Double(markLines.count) + numberBefore + pitch + ruleSpace + m.rule.width
        let rounded = pitch.points > 0 ? pitch * (used / pitch - 0.01).rounded(.up) : used
        var x = ""
        for text in m.corner {
            let corner = styles.style("版头要素", text: m.cornerStyle, paragraph: ParagraphStyle(firstLineIndent: 0, alignment: .left), keepNext: true)
            x += #"<w:p><w:pPr><w:pStyle w:val="\#(corner.id)"/><w:keepNext/><w:snapToGrid w:val="0"/>"#
            x += spacing(before: .zero, after: .zero, line: pitch)
            x += #"<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>"#
            x += run(InlineRun(text, style: m.cornerStyle), base: corner.text) + "</w:p>"
        }
        for (i, text) in markLines.enumerated() {
            x += #"<w:p><w:pPr><w:pStyle w:val="\#(mark.id)"/><w:keepNext/><w:snapToGrid w:val="0"/>"#
            x += spacing(before: i == 0 ? markBefore : .zero, after: .zero, line: line)
            x += #"<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>"#
            x += run(InlineRun(text, style: markStyle), base: mark.text) + "</w:p>"
        }
        let number = styles.style("发文字号", text: m.numberStyle, paragraph: ParagraphStyle(firstLineIndent: 0, alignment: .center), keepNext: true)
        x += #"<w:p><w:pPr><w:pStyle w:val="\#(number.id)"/><w:keepNext/>"#
        x += border("bottom", m.rule, space: ruleSpace)
        x += #"<w:snapToGrid w:val="0"/>"# + spacing(before: numberBefore, after: .zero, line: pitch)
        x += #"<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>"#
        if let n = m.number { x += run(InlineRun(n, style: m.numberStyle), base: number.text) }
        // 签发人 of an 上行文 (§7.2.6), plainly: after the number on its line.
        if !m.signers.isEmpty {
            x += run(InlineRun("　　签发人：", style: m.numberStyle), base: number.text)
            x += run(InlineRun(m.signers.joined(separator: "　"), style: m.signerStyle), base: number.text)
        }
        x += "</w:p>"
        if rounded - used >= .pt(1) { x += spacer(height: rounded - used) }
        return x
    }

    /// The width of `text` in characters of the grid: a Han character one, other characters half.
    static func cells(_ text: String) -> Double {
        text.unicodeScalars.reduce(0.0) { $0 + ($1.isASCII ? 0.5 : 1) }
    }

    /// 落款 with the seal (§7.3.5.1): the date four characters in from the right, the issuer
    /// centred over it on the third line below the text, the seal centred on both.
    func signature(_ s: SignatureBlock) throws -> String {
        let style = styles.style("落款", text: s.style, paragraph: ParagraphStyle(firstLineIndent: 0, alignment: .right), keepNext: false)
        let cell = characterWidth(s.style.size)
        let dateWidth = cell * Self.cells(s.date), issuerWidth = cell * Self.cells(s.issuer)
        let dateRight = cell * 4
        let issuerRight = max(.zero, dateRight + (dateWidth - issuerWidth) / 2)
        func line(_ text: String, right: Length, before: Length, keep: Bool, extra: String) -> String {
            var x = #"<w:p><w:pPr><w:pStyle w:val="\#(style.id)"/>"# + (keep ? "<w:keepNext/><w:keepLines/>" : "")
            x += #"<w:snapToGrid w:val="0"/>"# + spacing(before: before, after: .zero, line: pitch)
            x += #"<w:ind w:right="\#(OOXML.twips(right))" w:firstLine="0"/><w:jc w:val="right"/></w:pPr>"#
            return x + extra + run(InlineRun(text, style: s.style), base: style.text) + "</w:p>"
        }
        var seal = ""
        if let path = s.seal {
            let image = try loadImage(path)
            let size = image.info.fitted(width: .mm(42), height: .mm(42))
            let centreX = master.body.width - dateRight - dateWidth / 2
            // Wenshu's page: the seal's centre 0.3 line above the date line's top; the issuer line
            // starts two lines (its space before) below the block's top.
            let centreY = pitch * 3 - pitch * 0.3
            seal = "<w:r>" + anchoredPicture(image, size: size, x: centreX - size.width / 2, y: centreY - size.height / 2,
                                              name: "印章") + "</w:r>"
        }
        // A joint signature, one without a seal and a 签名章 with the signer's title (§7.3.5.1–3),
        // plainly: the other organs on the lines after the first, the title before the name.
        let first = s.layout == .signed ? (s.signerTitle.map { $0 + "　　" } ?? "") + s.issuer : s.issuer
        var x = line(first, right: issuerRight, before: pitch * (s.layout == .unsealed ? 1 : 2), keep: true, extra: seal)
        for other in s.others { x += line(other, right: issuerRight, before: .zero, keep: true, extra: "") }
        return x + line(s.date, right: dateRight, before: s.layout == .signed ? pitch : .zero, keep: false, extra: "")
    }

    /// The start of a table (up to its borders) floating on the type area's bottom edge.
    func floatingTable(width: Length) -> String {
        #"<w:tbl><w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" w:vertAnchor="margin" w:horzAnchor="margin" w:tblpXSpec="center" w:tblpYSpec="bottom"/>"#
            + #"<w:tblW w:w="\#(OOXML.twips(width))" w:type="dxa"/><w:jc w:val="center"/>"#
    }

    /// Blocks set at the foot of the page (after flexible space): one borderless cell of a table
    /// floating on the type area's bottom edge, then an empty line it is anchored to.
    func footBox(_ blocks: [Block]) throws -> String {
        guard !blocks.isEmpty else { return "" }
        // 5 mm narrower than the type area: LibreOffice floats a positioned table only when text
        // could stand beside it (Word floats it either way).
        let width = max(master.body.width - .mm(5), .mm(10))
        var x = floatingTable(width: width)
        x += #"<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>"#
        x += #"<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>"#
        x += #"<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="\#(OOXML.twips(width))"/></w:tblGrid>"#
        x += #"<w:tr><w:tc><w:tcPr><w:tcW w:w="\#(OOXML.twips(width))" w:type="dxa"/></w:tcPr>"#
        var inner = ""
        for b in blocks { inner += try block(b, inTable: false, width: width) }
        if !inner.hasSuffix("</w:p>") { inner += "<w:p/>" }
        return x + inner + "</w:tc></w:tr></w:tbl>" + spacer(height: .pt(1))
    }

    /// 版记 (§7.4): 抄送 and 印发机关 with 印发日期 in a table between rules as wide as the type area,
    /// the first and last 0.35 mm, the middle 0.25 mm, one character in from each side, each row
    /// exactly a line pitch tall.
    func imprint(_ i: ImprintBlock) -> String {
        let style = styles.style("版记", text: i.style, paragraph: ParagraphStyle(firstLineIndent: 0, alignment: .left), keepNext: false)
        let width = master.body.width
        let cell = characterWidth(i.style.size)
        let thick = OOXML.eighths(.mm(0.35)), thin = OOXML.eighths(.mm(0.25))
        // A floating table standing on the type area's bottom edge, as GB/T 9704 puts the last rule.
        var x = floatingTable(width: width)
        x += #"<w:tblBorders><w:top w:val="single" w:sz="\#(thick)" w:space="0" w:color="000000"/><w:left w:val="nil"/>"#
        x += #"<w:bottom w:val="single" w:sz="\#(thick)" w:space="0" w:color="000000"/><w:right w:val="nil"/>"#
        x += #"<w:insideH w:val="single" w:sz="\#(thin)" w:space="0" w:color="000000"/><w:insideV w:val="nil"/></w:tblBorders>"#
        x += #"<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>"#
        x += #"<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="\#(OOXML.twips(width))"/></w:tblGrid>"#
        let inset = OOXML.twips(cell)
        let tab = OOXML.twips(width - cell)
        func row(_ text: String, right: String?) -> String {
            var r = #"<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="\#(OOXML.twips(pitch))" w:hRule="exact"/></w:trPr><w:tc><w:tcPr><w:tcW w:w="\#(OOXML.twips(width))" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>"#
            r += #"<w:p><w:pPr><w:pStyle w:val="\#(style.id)"/><w:keepNext/>"#
            if right != nil { r += #"<w:tabs><w:tab w:val="right" w:pos="\#(tab)"/></w:tabs>"# }
            r += #"<w:snapToGrid w:val="0"/>"# + spacing(before: .zero, after: .zero, line: i.style.size * 1.5)
            r += #"<w:ind w:left="\#(inset)" w:right="\#(inset)" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>"#
            r += run(InlineRun(text, style: i.style), base: style.text)
            if let right { r += "<w:r><w:tab/></w:r>" + run(InlineRun(right, style: i.style), base: style.text) }
            return r + "</w:p></w:tc></w:tr>"
        }
        // §7.4.2: 抄送： before the organs, a full stop after the last, as Wenshu's page prints it.
        if let copies = i.copiesText { x += row(copies, right: nil) }
        // A 信函's imprint has no 印发机关 and 印发日期 (§10.1).
        if !i.isLetter { x += row(i.printer, right: i.printed) }
        return x + "</w:tbl>"
    }
}
