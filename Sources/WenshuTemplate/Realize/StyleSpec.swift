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
        if let s = e.attributes["size"] {
            guard let l = Length.parse(s) else { throw bad("size", "a 字号 (三号, 小四…) or a length such as 16pt") }
            size = l
        }
        bold = try flag("bold")
        if let c = e.attributes["color"] {
            guard let col = StyleSpec.color(c) else { throw bad("color", "a colour such as #E60012 or red") }
            color = col
        }
        if let a = e.attributes["align"] {
            guard let al = StyleSpec.alignment(a) else { throw bad("align", "justify, left, center, right or distribute (分散对齐)") }
            alignment = al
        }
        if let i = e.attributes["indent"] {
            guard let v = Double(i.replacingOccurrences(of: "字", with: "")) else { throw bad("indent", "a number of characters, e.g. 2") }
            indent = v
        }
        if let v = e.attributes["space-before"] {
            guard let d = Double(v.replacingOccurrences(of: "行", with: "")) else { throw bad("space-before", "a number of lines") }
            spaceBefore = d
        }
        if let v = e.attributes["space-after"] {
            guard let d = Double(v.replacingOccurrences(of: "行", with: "")) else { throw bad("space-after", "a number of lines") }
            spaceAfter = d
        }
        if let v = e.attributes["line-height"] {
            guard let l = Length.parse(v) else { throw bad("line-height", "a length such as 28pt") }
            lineHeight = l
        }
        if let v = e.attributes["left-indent"] {
            guard let d = Double(v.replacingOccurrences(of: "字", with: "")) else { throw bad("left-indent", "a number of characters") }
            leftIndent = d
        }
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
        ]
    }()
}
