import WenshuCore
import WenshuData

/// A style as a template gives it: any of font, size, weight, colour, alignment, indent, spacing.
/// Unset fields fall through to the style it is laid over.
struct StyleSpec: Sendable {
    var role: FontRole?
    var size: Length?
    var bold: Bool?
    var color: Color?
    var alignment: Alignment?
    var indent: Double?
    var spaceBefore: Double?
    var spaceAfter: Double?
    var lineHeight: Length?
    var keepWithNext: Bool?
    var hanLatin: Bool?
    var grid: Bool?
    var leftIndent: Double?
    /// The style's name when it came from a named style (kept for Word's paragraph styles).
    var name: String?

    /// Reads the style attributes of `e`.
    init(_ e: XMLElement, source: SourceFile) throws {
        func bad(_ key: String, _ expected: String) -> TemplateError {
            TemplateError("‘\(key)=\"\(e.attributes[key]!)\"’: expected \(expected)", at: source.locate("\(key)=", from: e.line))
        }
        func flag(_ key: String) throws -> Bool? {
            guard let v = e.attributes[key] else { return nil }
            switch v { case "true", "yes", "是", "1": return true
            case "false", "no", "否", "0": return false
            default: throw bad(key, "true or false") }
        }
        if let f = e.attributes["font"] {
            guard let r = FontRole(name: f) else { throw bad("font", "a font role: 宋体, 黑体, 楷体, 仿宋 or 小标宋") }
            role = r
        }
        /// The attribute `key` read by `parse`, or nil when absent; an error saying `expected` when malformed.
        func value<T>(_ key: String, _ expected: String, _ parse: (String) -> T?) throws -> T? {
            guard let raw = e.attributes[key] else { return nil }
            guard let v = parse(raw) else { throw bad(key, expected) }
            return v
        }
        /// A number written with or without its unit word (2字, 1行).
        func count(_ unit: String) -> (String) -> Double? { { Double($0.replacingOccurrences(of: unit, with: "")) } }
        size = try value("size", "a 字号 (三号, 小四…) or a length such as 16pt", Length.parse)
        bold = try flag("bold")
        color = try value("color", "a colour such as #E60012 or red", StyleSpec.color)
        alignment = try value("align", "justify, left, center, right or distribute (分散对齐)", StyleSpec.alignment)
        indent = try value("indent", "a number of characters, e.g. 2", count("字"))
        leftIndent = try value("left-indent", "a number of characters", count("字"))
        spaceBefore = try value("space-before", "a number of lines", count("行"))
        spaceAfter = try value("space-after", "a number of lines", count("行"))
        lineHeight = try value("line-height", "a length such as 28pt", Length.parse)
        keepWithNext = try flag("keep-with-next")
        hanLatin = try flag("han-latin-space")
        grid = try flag("grid")
    }

    init() {}

    /// This spec laid over `base`.
    func over(_ base: StyleSpec) -> StyleSpec {
        var s = base
        if let role { s.role = role }
        if let size { s.size = size }
        if let bold { s.bold = bold }
        if let color { s.color = color }
        if let alignment { s.alignment = alignment }
        if let indent { s.indent = indent }
        if let spaceBefore { s.spaceBefore = spaceBefore }
        if let spaceAfter { s.spaceAfter = spaceAfter }
        if let lineHeight { s.lineHeight = lineHeight }
        if let keepWithNext { s.keepWithNext = keepWithNext }
        if let hanLatin { s.hanLatin = hanLatin }
        if let grid { s.grid = grid }
        if let leftIndent { s.leftIndent = leftIndent }
        if let name { s.name = name }
        return s
    }

    var textStyle: TextStyle {
        TextStyle(role: role ?? .fangsong, size: size ?? .pt(16), bold: bold ?? false, color: color ?? .black)
    }

    var paragraphStyle: ParagraphStyle {
        var p = ParagraphStyle(firstLineIndent: indent ?? 0, alignment: alignment ?? .justified, hanLatinSpacing: hanLatin ?? false)
        p.snapToGrid = grid ?? true
        p.leftIndent = leftIndent ?? 0
        return p
    }

    static func alignment(_ s: String) -> Alignment? {
        switch s {
        case "justify", "justified", "两端对齐": .justified
        case "left", "左": .left
        case "center", "centre", "居中": .center
        case "right", "右": .right
        case "distribute", "distributed", "分散对齐", "分散": .distributed
        default: nil
        }
    }

    static func color(_ s: String) -> Color? {
        switch s {
        case "red", "红", "红色": .officialRed
        case "black", "黑", "黑色": .black
        default: Color(hex: s)
        }
    }

    /// The styles every template has without defining them (GB/T 9704-2012 §7.3 for the defaults).
    static let builtIn: [String: StyleSpec] = {
        func s(_ role: FontRole, _ size: Double, indent: Double = 0, align: Alignment = .justified, bold: Bool = false,
               keep: Bool = false, after: Double? = nil) -> StyleSpec {
            var x = StyleSpec()
            x.role = role; x.size = .pt(size); x.indent = indent; x.alignment = align; x.bold = bold
            x.keepWithNext = keep; x.spaceAfter = after
            return x
        }
        return [
            "正文": s(.fangsong, 16, indent: 2),
            "标题": s(.xiaobiaosong, 22, align: .center, keep: true),
            "一级标题": s(.hei, 16, indent: 2, keep: true),
            "二级标题": s(.kai, 16, indent: 2, keep: true),
            "三级标题": s(.fangsong, 16, indent: 2, keep: true),
            "四级标题": s(.fangsong, 16, indent: 2, keep: true),
            "表格": s(.fangsong, 14, align: .left),
            "标签": s(.fangsong, 14, align: .distributed),
            "图注": s(.kai, 14, align: .center),
            "落款": s(.fangsong, 16),
            "主送": s(.fangsong, 16),
            "附件": s(.fangsong, 16),
        ]
    }()
}
