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

    /// Reads the style attributes of `e`, each decoded by its type (filled in from {{ }} by `value` first).
    init(_ e: TemplateNode, value: (TemplateNode, String) throws -> AttributeValue?) throws {
        // Elements take some of the style attributes (a <span> no indent): read those it has.
        func get(_ key: String) throws -> AttributeValue? { e.attributes[key] == nil ? nil : try value(e, key) }
        if case .fontRole(let r)? = try get("font") { role = r }
        size = try get("size")?.length
        bold = try get("bold")?.flag
        color = try get("color")?.color
        if case .alignment(let a)? = try get("align") { alignment = a }
        indent = try get("indent")?.number
        leftIndent = try get("left-indent")?.number
        spaceBefore = try get("space-before")?.number
        spaceAfter = try get("space-after")?.number
        lineHeight = try get("line-height")?.length
        keepWithNext = try get("keep-with-next")?.flag
        hanLatin = try get("han-latin-space")?.flag
        grid = try get("grid")?.flag
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

    /// The built-in styles of headings, by level (1 to 4).
    static let headings = ["一级标题", "二级标题", "三级标题", "四级标题"]

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
