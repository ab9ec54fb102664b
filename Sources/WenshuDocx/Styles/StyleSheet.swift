import WenshuCore

/// The named paragraph styles of a Word document, collected while the body is written: each
/// template style becomes a Word style (正文, 标题, 标题 1–4 for 一、（一）1.（1）, 附件, 落款,
/// 表格文字…) whose font, 字号, alignment and indent are those of its first paragraph, so a clerk
/// who changes the style changes every paragraph made in it.
final class StyleSheet {
    /// A paragraph style as Word keeps it.
    struct Style {
        var id: String
        var name: String
        var text: TextStyle
        var alignment: Alignment
        var firstLineChars: Double
        var keepNext: Bool
        /// 0 for 标题 1 …; nil for body styles.
        var outlineLevel: Int?
        var sampled: Bool
    }

    /// The template's style names with the Word names and ids they become.
    static let known: [String: (id: String, name: String, outline: Int?)] = [
        "正文": ("BodyText", "正文", nil),
        "标题": ("Title", "标题", nil),
        "一级标题": ("Heading1", "标题 1", 0),
        "二级标题": ("Heading2", "标题 2", 1),
        "三级标题": ("Heading3", "标题 3", 2),
        "四级标题": ("Heading4", "标题 4", 3),
        "表格": ("TableText", "表格文字", nil),
        "标签": ("TableLabel", "表格标签", nil),
        "附件": ("Attachment", "附件", nil),
        "落款": ("Signature", "落款", nil),
        "主送": ("Addressee", "主送", nil),
        "图注": ("Caption", "图注", nil),
        "发文机关标志": ("IssuerMark", "发文机关标志", nil),
        "发文字号": ("DocumentNumber", "发文字号", nil),
        "版记": ("Imprint", "版记", nil),
        "页眉": ("Header", "页眉", nil),
        "页脚": ("Footer", "页脚", nil),
        "目录标题": ("TOCHeading", "目录标题", nil),
        "目录 1": ("TOC1", "目录 1", nil),
        "目录 2": ("TOC2", "目录 2", nil),
        "目录 3": ("TOC3", "目录 3", nil),
        "目录 4": ("TOC4", "目录 4", nil),
    ]

    private(set) var styles: [Style] = []
    private var index: [String: Int] = [:]

    init() {
        // Word's default style keeps its built-in name (LibreOffice sizes the character grid from
        // the style called Normal); 正文, the body's style, is laid over it with the same font.
        styles = [Style(id: "Normal", name: "Normal", text: TextStyle(), alignment: .justified, firstLineChars: 0,
                        keepNext: false, outlineLevel: nil, sampled: true),
                  Style(id: "BodyText", name: "正文", text: TextStyle(), alignment: .justified, firstLineChars: 2,
                        keepNext: false, outlineLevel: nil, sampled: false)]
        index["正文"] = 1
    }

    /// The style for the template style `name`, made from this paragraph if it is the first.
    @discardableResult
    func style(_ name: String, text: TextStyle, paragraph: ParagraphStyle, keepNext: Bool) -> Style {
        if let i = index[name] {
            if !styles[i].sampled {
                styles[i].text = text; styles[i].alignment = paragraph.alignment
                styles[i].firstLineChars = paragraph.firstLineIndent; styles[i].keepNext = keepNext
                styles[i].sampled = true
            }
            return styles[i]
        }
        let k = Self.known[name]
        let s = Style(id: k?.id ?? "Style\(styles.count)", name: k?.name ?? name, text: text, alignment: paragraph.alignment,
                      firstLineChars: paragraph.firstLineIndent, keepNext: keepNext, outlineLevel: k?.outline, sampled: true)
        index[name] = styles.count
        styles.append(s)
        return s
    }

    /// The Word name of the template style `name` (for STYLEREF), if it has been used.
    func wordName(_ name: String) -> String? { index[name].map { styles[$0].name } }

    /// Word's value for an alignment.
    static func jc(_ a: Alignment) -> String {
        switch a {
        case .justified: "both"
        case .distributed: "distribute"
        case .left: "left"
        case .center: "center"
        case .right: "right"
        }
    }

    /// The run properties of `text` where they differ from `base` (all of them when `base` is nil).
    static func runProperties(_ text: TextStyle, over base: TextStyle?, condensed: Bool = false) -> String {
        var x = ""
        if base?.role != text.role { x += OfficeFonts.rFonts(text.role) }
        if base?.bold != text.bold { x += text.bold ? "<w:b/><w:bCs/>" : #"<w:b w:val="0"/><w:bCs w:val="0"/>"# }
        if base?.color != text.color { x += #"<w:color w:val="\#(OOXML.hex(text.color))"/>"# }
        if condensed { x += DocumentWriter.gridCondense }
        if base?.size != text.size {
            let hp = OOXML.halfPoints(text.size)
            x += #"<w:sz w:val="\#(hp)"/><w:szCs w:val="\#(hp)"/>"#
        }
        return x
    }

    /// styles.xml.
    var xml: String {
        let normal = styles[0].text
        var x = OOXML.header + #"<w:styles xmlns:w="\#(OOXML.wordNamespace)">"#
        x += "<w:docDefaults><w:rPrDefault><w:rPr>" + Self.runProperties(normal, over: nil)
        x += #"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#
        // No space between Han and Latin letters or digits (official documents set none; a paragraph
        // that wants it turns it on), and no right-indent adjustment to a grid.
        x += #"<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:adjustRightInd w:val="0"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        for s in styles {
            let isDefault = s.id == "Normal"
            x += #"<w:style w:type="paragraph" w:styleId="\#(s.id)""# + (isDefault ? #" w:default="1""# : "") + ">"
            x += #"<w:name w:val="\#(OOXML.escape(s.name))"/>"#
            if !isDefault { x += #"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>"# }
            x += "<w:qFormat/><w:pPr>"
            if s.keepNext { x += "<w:keepNext/>" }
            let first = OOXML.clamped(s.firstLineChars * 100, limit: 10_000)
            x += first >= 0 ? #"<w:ind w:firstLineChars="\#(first)"/>"# : #"<w:ind w:hangingChars="\#(-first)"/>"#
            x += #"<w:jc w:val="\#(Self.jc(s.alignment))"/>"#
            if let level = s.outlineLevel { x += #"<w:outlineLvl w:val="\#(level)"/>"# }
            x += "</w:pPr><w:rPr>" + Self.runProperties(s.text, over: nil) + "</w:rPr></w:style>"
        }
        // The character style of hyperlinks in the contents, and the default table style.
        x += #"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>"#
        x += #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        return x + "</w:styles>"
    }
}
