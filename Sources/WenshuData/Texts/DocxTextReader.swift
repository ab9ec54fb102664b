import Foundation
import WenshuCore

/// A long text from a Word document (.docx, as Word and WPS save it): the body's paragraphs in
/// order, headings by their style (Heading 1–4, 标题 1–4, WPS's numeric style ids) or by their
/// number (一、 （一）…, which ReportText reads), bold runs kept.
///
/// What the text cannot carry is never dropped silently: a picture, a chart, a text box (its text
/// quoted) or a table is a warning naming its paragraph (the text around it is taken); tracked changes (修订) and embedded objects
/// (an Excel sheet, an equation object) are errors saying what to do, since which text counts is
/// then unclear. The package is read within `limits` (`OfficePackage`), like an .xlsx workbook.
public enum DocxTextReader {
    /// Elements that mean revisions are being tracked in the text.
    static let revisions: Set<String> = ["ins", "del", "moveFrom", "moveTo"]
    /// Elements that embed another document or object.
    static let embedded: Set<String> = ["object", "altChunk", "control", "OLEObject"]

    public static func read(_ data: Data, file: String, limits: Limits = .standard) throws -> LongText {
        let package = try OfficePackage(data: data, file: file, kind: .docx, limits: limits)
        var mainPath = "word/document.xml"
        if let main = try package.relationships(of: "").values.first(where: { $0.type.hasSuffix("/officeDocument") }) {
            mainPath = main.path
        }
        guard let xml = try package.part(mainPath) else {
            throw DataError("不是 Word 文档（压缩包中没有 word/document.xml），请在 Word 或 WPS 中另存为 .docx",
                            "not a Word document (no word/document.xml in the zip)", at: SourceLocation(file: file))
        }
        let root = try package.xml(xml, part: mainPath)
        guard let body = root.childElements.first(where: { $0.name == "body" }) else {
            throw DataError("Word 文档没有正文，请检查文件", "the Word document has no body", at: SourceLocation(file: file))
        }
        var reader = Walk(file: file)
        try reader.blocks(body)
        guard reader.paragraphs.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) else {
            throw DataError("Word 文档中没有文字，请写入内容后再用", "the Word document has no text", at: SourceLocation(file: file))
        }
        return LongText(paragraphs: reader.paragraphs.filter { !$0.text.allSatisfy(\.isWhitespace) }, notes: reader.notes)
    }

    /// The heading level a paragraph style gives: Heading1–4 (Word's ids), 1–4 (WPS's ids),
    /// 标题1–4; nil for other styles.
    static func headingLevel(style: String) -> Int? {
        let s = style.replacingOccurrences(of: " ", with: "").lowercased()
        for prefix in ["heading", "标题", ""] where s.hasPrefix(prefix) {
            if let n = Int(s.dropFirst(prefix.count)), (1...4).contains(n) { return n }
        }
        return nil
    }

    /// One pass over the body, collecting paragraphs and notes.
    struct Walk {
        let file: String
        var paragraphs: [LongText.Paragraph] = []
        var notes: [Problem] = []

        /// "第 N 段" of the paragraph about to be read, as the place of a note or an error.
        var place: SourceLocation { SourceLocation(file: file, place: "第\(paragraphs.count + 1)段") }

        mutating func blocks(_ parent: XMLElement) throws {
            for child in parent.childElements {
                switch child.name {
                case "p": try paragraph(child)
                case "tbl":
                    let text = Self.allText(child).prefix(20)
                    notes.append(Problem(severity: .warning, location: place,
                                         chinese: "Word 文档中的表格（“\(text)…”）未采用，正文只取段落文字",
                                         english: "a table in the Word document was not taken; only paragraphs are",
                                         hint: "表格内容请写成段落，或填入数据表中相应的栏目"))
                case "sdt":
                    if let content = child.childElements.first(where: { $0.name == "sdtContent" }) { try blocks(content) }
                case _ where DocxTextReader.revisions.contains(child.name):
                    throw revisionsError()
                case _ where DocxTextReader.embedded.contains(child.name):
                    throw embeddedError()
                default: continue  // sectPr, bookmarks, proofing marks
                }
            }
        }

        mutating func paragraph(_ p: XMLElement) throws {
            var level: Int?
            if let properties = p.childElements.first(where: { $0.name == "pPr" }),
               let style = properties.childElements.first(where: { $0.name == "pStyle" })?.attributes["val"] {
                level = DocxTextReader.headingLevel(style: style)
            }
            var spans: [LongText.Span] = []
            try runs(p, into: &spans)
            paragraphs.append(LongText.Paragraph(level: level, spans: Self.merged(spans)))
        }

        mutating func runs(_ parent: XMLElement, into spans: inout [LongText.Span]) throws {
            for child in parent.childElements {
                switch child.name {
                case "r": try run(child, into: &spans)
                case "hyperlink", "smartTag", "fldSimple", "customXml":
                    try runs(child, into: &spans)
                case "sdt":
                    if let content = child.childElements.first(where: { $0.name == "sdtContent" }) { try runs(content, into: &spans) }
                case _ where DocxTextReader.revisions.contains(child.name):
                    throw revisionsError()
                case _ where DocxTextReader.embedded.contains(child.name):
                    throw embeddedError()
                default: continue
                }
            }
        }

        mutating func run(_ r: XMLElement, into spans: inout [LongText.Span]) throws {
            let bold = r.childElements.first(where: { $0.name == "rPr" })?.childElements.first(where: { $0.name == "b" })
                .map { b in !["0", "false", "off"].contains(b.attributes["val"] ?? "1") } ?? false
            var text = ""
            for piece in r.childElements {
                switch piece.name {
                case "t": text += Self.allText(piece)
                case "tab": text += " "
                case "br", "cr": text += "\n"
                case "noBreakHyphen": text += "-"
                case "drawing", "pict", "AlternateContent":
                    // Word writes a text box or a shape as AlternateContent (a drawing and its VML
                    // fallback): one note for the pair, saying what it is.
                    notes.append(drawingNote(piece))
                case _ where DocxTextReader.embedded.contains(piece.name):
                    throw embeddedError()
                case _ where DocxTextReader.revisions.contains(piece.name):
                    throw revisionsError()
                default: continue  // rPr, field codes (instrText), footnote references
                }
            }
            if !text.isEmpty { spans.append(LongText.Span(text, bold: bold)) }
        }

        /// What a drawing in a run holds, as a warning at its paragraph: a text box's text (quoted,
        /// so that it can be moved into the body), a chart, SmartArt, else a picture.
        func drawingNote(_ e: XMLElement) -> Problem {
            var names: Set<String> = []
            var stack = [e]
            while let next = stack.popLast() { names.insert(next.name); stack += next.childElements }
            if names.contains("txbxContent") || names.contains("textbox") {
                let box = Self.textBoxText(e)
                let quoted = box.count > 20 ? String(box.prefix(20)) + "…" : box
                return Problem(severity: .warning, location: place,
                               chinese: "Word 文档中文本框里的文字（“\(quoted)”）未采用，正文只取段落文字",
                               english: "the text in a text box of the Word document was not taken; only the body's paragraphs are",
                               hint: "请把文本框中的文字剪切到正文段落中")
            }
            if names.contains("chart") {
                return Problem(severity: .warning, location: place, chinese: "Word 文档中的图表未采用，正文只取文字",
                               english: "a chart in the Word document was not taken; only text is",
                               hint: "图表请改成文字叙述，或另存为图片作为照片提供")
            }
            if names.contains("relIds") {
                return Problem(severity: .warning, location: place, chinese: "Word 文档中的 SmartArt 图形未采用，正文只取文字",
                               english: "a SmartArt graphic in the Word document was not taken; only text is",
                               hint: "其中的文字请写成段落")
            }
            return Problem(severity: .warning, location: place, chinese: "Word 文档中的图片未采用，正文只取文字",
                           english: "a picture in the Word document was not taken; only text is",
                           hint: "照片请另行提供（如数据中的 photos 一栏）")
        }

        /// The text of a text box: its first `txbxContent` (a drawing's; the VML fallback repeats it).
        static func textBoxText(_ e: XMLElement) -> String {
            var stack = [e]
            while let next = stack.popLast() {
                if next.name == "txbxContent" { return allText(next).trimmingCharacters(in: .whitespacesAndNewlines) }
                stack += next.childElements.reversed()
            }
            return ""
        }

        func revisionsError() -> DataError {
            DataError("Word 文档含有修订（第\(paragraphs.count + 1)段起），不知以哪一稿为准；请在 Word 或 WPS 中“接受所有修订”并关闭修订后保存",
                      "the Word document has tracked changes; accept or reject them all and save it again",
                      at: place)
        }

        func embeddedError() -> DataError {
            DataError("Word 文档含有嵌入的对象（第\(paragraphs.count + 1)段），其内容无法读取；请删去或改成文字后保存",
                      "the Word document embeds an object (an Excel sheet, an equation…) whose content cannot be read; remove it or turn it into text",
                      at: place)
        }

        /// Neighbouring spans of the same weight as one.
        static func merged(_ spans: [LongText.Span]) -> [LongText.Span] {
            var out: [LongText.Span] = []
            for s in spans {
                if let last = out.last, last.bold == s.bold { out[out.count - 1].text += s.text } else { out.append(s) }
            }
            return out
        }

        /// All the text under an element, in order.
        static func allText(_ e: XMLElement) -> String {
            e.children.map { node in
                switch node {
                case .text(let t): return t
                case .element(let child): return child.name == "delText" || child.name == "instrText" ? "" : allText(child)
                }
            }.joined()
        }
    }
}
