import WenshuCore
import WenshuData

/// Reads a <page> element into a page master, starting from a preset.
enum PageSpec {
    /// The presets: `gbt9704` (official documents, on the grid), `gbt9704-free` (the same type area
    /// justified freely), `a4` (25 mm margins), `a4-landscape` (certificates), `book` (A4, for
    /// compilations: 25/20 mm margins, page numbers centred).
    static func preset(_ name: String) -> PageMaster? {
        switch name {
        case "gbt9704": return .officialDocument(grid: true)
        case "gbt9704-free": return .officialDocument(grid: false)
        case "a4":
            return PageMaster(size: .a4, margins: Sides(all: .mm(25)), linePitch: .pt(24),
                              pageNumbers: PageNumberStyle(format: .plain, style: TextStyle(role: .song, size: .pt(10.5)),
                                                           placement: .center, distanceBelowBody: .mm(10)))
        case "a4-landscape":
            return PageMaster(size: Size.a4.flipped, margins: Sides(all: .mm(25)), linePitch: .pt(28))
        case "book":
            return PageMaster(size: .a4, margins: Sides(top: .mm(28), right: .mm(22), bottom: .mm(25), left: .mm(25)),
                              linePitch: .pt(22),
                              pageNumbers: PageNumberStyle(format: .dashes, style: TextStyle(role: .song, size: .pt(10.5)),
                                                           placement: .center, distanceBelowBody: .mm(10)))
        default: return nil
        }
    }

    static func master(_ e: TemplateNode, source: SourceFile, evaluator: Evaluator) throws -> PageMaster {
        func get(_ key: String) throws -> AttributeValue? { try evaluator.value(e, key) }
        func bad(_ key: String, _ expected: String) -> TemplateError {
            TemplateError("‘\(key)=\"\(e[key] ?? "")\"’: expected \(expected)", at: e.attributes[key]?.place ?? e.place)
        }
        guard var m = preset(try get("preset")?.word ?? "gbt9704") else { throw bad("preset", Vocabulary.presets.joined(separator: ", ")) }
        switch try get("size") {
        case .word(let w)?:
            switch w.uppercased() {
            case "A5": m.size = Size(width: .mm(148), height: .mm(210))
            case "A3": m.size = Size(width: .mm(297), height: .mm(420))
            default: m.size = .a4
            }
        case .lengths(let l)? where l.count == 2: m.size = Size(width: l[0], height: l[1])
        default: break
        }
        switch try get("orientation")?.word {
        case "landscape"?, "横向"?: if m.size.width < m.size.height { m.size = m.size.flipped }
        case "portrait"?, "纵向"?: if m.size.width > m.size.height { m.size = m.size.flipped }
        default: break
        }
        if let parts = try get("margin")?.lengths {
            switch parts.count {
            case 1: m.margins = Sides(all: parts[0])
            case 2: m.margins = Sides(top: parts[0], right: parts[1], bottom: parts[0], left: parts[1])
            default: m.margins = Sides(top: parts[0], right: parts[1], bottom: parts[2], left: parts[3])
            }
        }
        if let l = try get("margin-top")?.length { m.margins.top = l }
        if let l = try get("margin-right")?.length { m.margins.right = l }
        if let l = try get("margin-bottom")?.length { m.margins.bottom = l }
        if let l = try get("margin-left")?.length { m.margins.left = l }
        switch try get("grid") {
        case .grid(let columns, let lines)?:
            m.gridColumns = columns; m.gridLines = lines
            m.linePitch = m.body.height / Double(lines)
        case .word?: m.gridColumns = nil; m.gridLines = nil
        default: break
        }
        if let l = try get("line-pitch")?.length {
            m.linePitch = l
            if m.gridColumns == nil { m.gridLines = nil }
        }
        if let n = try get("page-numbers")?.word {
            switch n {
            case "none": m.pageNumbers = nil
            case "dashes", "gbt9704": m.pageNumbers = m.pageNumbers ?? .officialDocument; m.pageNumbers?.format = .dashes
            case "page-of-pages", "第1页共N页": m.pageNumbers = m.pageNumbers ?? .officialDocument; m.pageNumbers?.format = .pageOfPages
            case "plain": m.pageNumbers = m.pageNumbers ?? .officialDocument; m.pageNumbers?.format = .plain
            case "chinese", "第1页": m.pageNumbers = m.pageNumbers ?? .officialDocument; m.pageNumbers?.format = .chinese
            default: m.pageNumbers = m.pageNumbers ?? .officialDocument; m.pageNumbers?.format = .roman
            }
        }
        if let r = try get("number-font")?.fontRole { m.pageNumbers?.style.role = r }
        if let l = try get("number-size")?.length { m.pageNumbers?.style.size = l }
        switch try get("number-position")?.word {
        case "outside"?:
            let inset = m.pageNumbers?.style.size ?? .pt(14)
            m.pageNumbers?.placement = .outside(inset: inset)
        case "center"?: m.pageNumbers?.placement = .center
        default: break
        }
        if let l = try get("number-distance")?.length { m.pageNumbers?.distanceBelowBody = l }
        if let v = try get("mirror")?.flag { m.mirrored = v }
        if let g = try get("gutter")?.length {
            guard g < m.size.width / 4 else { throw bad("gutter", "a length such as 5mm, under a quarter of the page's width") }
            m.gutter = g
        }
        if case .borders(let borders)? = try get("border") {
            guard borders.allSatisfy({ $0.inset < min(m.size.width, m.size.height) / 2 }) else {
                throw bad("border", "rules as \"inset width colour\" separated by ;, each inset under half the page, e.g. \"8mm 2pt #B0120A; 10mm 0.5pt #B0120A\"")
            }
            m.borders = borders
        }
        // 套打: the border is printed on the stock already.
        if let v = try get("border-stock")?.flag { m.borderLayer = v ? .stock : .content }
        switch try get("chapter-headers")?.word {
        case "none"?: m.plainChapterOpenings = true
        case "show"?: m.plainChapterOpenings = false
        default: break
        }
        for child in e.elements where child.kind == .header || child.kind == .footer {
            var f = Furniture(text: try child.content.map(evaluator.string) ?? "")
            if let r = try evaluator.value(child, "font")?.fontRole { f.style.role = r }
            if let s = try evaluator.value(child, "size")?.length { f.style.size = s }
            if let a = try evaluator.value(child, "align")?.alignment { f.alignment = a }
            switch try evaluator.value(child, "rule") {
            case .word?: f.rule = nil
            case .length(let l)?: f.rule = Stroke(width: l)
            default: break
            }
            if let d = try evaluator.value(child, "distance")?.length { f.distance = d }
            let even = try evaluator.value(child, "even")?.flag ?? false
            switch (child.kind, even) {
            case (.header, false): m.header = f
            case (.header, true): m.evenHeader = f
            case (.footer, false): m.footer = f
            default: m.evenFooter = f
            }
        }
        try checkTypeArea(m, e, source: source)
        return m
    }

    /// The smallest type area (版心) a page may keep inside its margins, each way.
    static let minBody = Length.mm(10)

    /// Refuses margins that leave (almost) no type area, and a line pitch taller than it.
    static func checkTypeArea(_ m: PageMaster, _ e: TemplateNode, source: SourceFile) throws {
        let body = m.body
        let place = ["margin", "margin-left", "margin-right", "margin-top", "margin-bottom", "size"].first { e.attributes[$0] != nil }
        let location = place.flatMap { e.attributes[$0]?.place } ?? e.place
        guard body.width >= minBody, body.height >= minBody else {
            let w = Int(max(-1e6, body.width.millimetres).rounded()), h = Int(max(-1e6, body.height.millimetres).rounded())
            throw TemplateError("页边距留下的版心只有 \(w)×\(h) mm，至少要 10×10 mm（the margins leave a type area of \(w)×\(h) mm; at least 10×10 mm is needed）；请减小页边距或加大纸张",
                                at: location)
        }
        guard m.linePitch <= body.height else {
            throw TemplateError("行距大于版心高度（the line pitch is taller than the type area）；请减小 line-pitch 或 grid 的行数",
                                at: e.attributes["line-pitch"]?.place ?? e.place)
        }
    }
}
