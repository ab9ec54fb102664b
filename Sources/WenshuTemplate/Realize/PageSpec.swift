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

    static func master(_ e: XMLElement, source: SourceFile, evaluator: Evaluator) throws -> PageMaster {
        func bad(_ key: String, _ expected: String) -> TemplateError {
            TemplateError("‘\(key)=\"\(e.attributes[key]!)\"’: expected \(expected)", at: source.locate("\(key)=", from: e.line))
        }
        let presetName = e.attributes["preset"] ?? "gbt9704"
        guard var m = preset(presetName) else { throw bad("preset", "gbt9704, gbt9704-free, a4, a4-landscape or book") }
        if let s = e.attributes["size"] {
            switch s.uppercased() {
            case "A4": m.size = .a4
            case "A5": m.size = Size(width: .mm(148), height: .mm(210))
            case "A3": m.size = Size(width: .mm(297), height: .mm(420))
            default:
                let parts = s.split(separator: " ").compactMap { Length.parse(String($0)) }
                guard parts.count == 2 else { throw bad("size", "A4, A5, A3 or two lengths such as \"210mm 297mm\"") }
                m.size = Size(width: parts[0], height: parts[1])
            }
        }
        if let o = e.attributes["orientation"] {
            switch o {
            case "landscape", "横向": if m.size.width < m.size.height { m.size = m.size.flipped }
            case "portrait", "纵向": if m.size.width > m.size.height { m.size = m.size.flipped }
            default: throw bad("orientation", "portrait or landscape")
            }
        }
        if let v = e.attributes["margin"] {
            let parts = v.split(separator: " ").compactMap { Length.parse(String($0)) }
            switch parts.count {
            case 1: m.margins = Sides(all: parts[0])
            case 2: m.margins = Sides(top: parts[0], right: parts[1], bottom: parts[0], left: parts[1])
            case 4: m.margins = Sides(top: parts[0], right: parts[1], bottom: parts[2], left: parts[3])
            default: throw bad("margin", "one, two or four lengths (top right bottom left)")
            }
        }
        for (key, side) in [("margin-top", 0), ("margin-right", 1), ("margin-bottom", 2), ("margin-left", 3)] {
            guard let v = e.attributes[key] else { continue }
            guard let l = Length.parse(v) else { throw bad(key, "a length such as 37mm") }
            switch side { case 0: m.margins.top = l; case 1: m.margins.right = l; case 2: m.margins.bottom = l; default: m.margins.left = l }
        }
        if let g = e.attributes["grid"] {
            if g == "none" || g == "false" { m.gridColumns = nil; m.gridLines = nil } else {
                let parts = g.split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2, parts[0] > 0, parts[1] > 0 else { throw bad("grid", "columns x lines, e.g. 28x22, or none") }
                m.gridColumns = parts[0]; m.gridLines = parts[1]
                m.linePitch = m.body.height / Double(parts[1])
            }
        }
        if let p = e.attributes["line-pitch"] {
            guard let l = Length.parse(p) else { throw bad("line-pitch", "a length such as 28.95pt") }
            m.linePitch = l
            if m.gridColumns == nil { m.gridLines = nil }
        }
        if let n = e.attributes["page-numbers"] {
            switch n {
            case "none": m.pageNumbers = nil
            case "dashes", "gbt9704": m.pageNumbers = m.pageNumbers ?? .officialDocument; m.pageNumbers?.format = .dashes
            case "page-of-pages", "第1页共N页": m.pageNumbers = m.pageNumbers ?? .officialDocument; m.pageNumbers?.format = .pageOfPages
            case "plain": m.pageNumbers = m.pageNumbers ?? .officialDocument; m.pageNumbers?.format = .plain
            case "chinese", "第1页": m.pageNumbers = m.pageNumbers ?? .officialDocument; m.pageNumbers?.format = .chinese
            case "roman": m.pageNumbers = m.pageNumbers ?? .officialDocument; m.pageNumbers?.format = .roman
            default: throw bad("page-numbers", "dashes, page-of-pages, plain, chinese, roman or none")
            }
        }
        if let f = e.attributes["number-font"] {
            guard let r = FontRole(name: f) else { throw bad("number-font", "a font role") }
            m.pageNumbers?.style.role = r
        }
        if let s = e.attributes["number-size"] {
            guard let l = Length.parse(s) else { throw bad("number-size", "a 字号 or a length") }
            m.pageNumbers?.style.size = l
        }
        if let p = e.attributes["number-position"] {
            switch p {
            case "outside":
                let inset = m.pageNumbers?.style.size ?? .pt(14)
                m.pageNumbers?.placement = .outside(inset: inset)
            case "center": m.pageNumbers?.placement = .center
            default: throw bad("number-position", "outside or center")
            }
        }
        if let d = e.attributes["number-distance"] {
            guard let l = Length.parse(d) else { throw bad("number-distance", "a length") }
            m.pageNumbers?.distanceBelowBody = l
        }
        if let v = e.attributes["mirror"] {
            switch v {
            case "true", "是": m.mirrored = true
            case "false", "否": m.mirrored = false
            default: throw bad("mirror", "true or false")
            }
        }
        if let g = e.attributes["gutter"] {
            guard let l = Length.parse(g), l >= .zero, l < m.size.width / 4 else { throw bad("gutter", "a length such as 5mm, under a quarter of the page's width") }
            m.gutter = l
        }
        if let raw = e.attributes["border"] {
            let v = try evaluator.string(raw, source: source, line: e.line)
            // "INSET WIDTH COLOUR; …": rules round the page, e.g. "8mm 2pt #B0120A; 10mm 0.5pt #B0120A".
            m.borders = []
            for part in v.split(separator: ";") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                let words = part.split(separator: " ").map(String.init)
                guard words.count == 2 || words.count == 3, let inset = Length.parse(words[0]), let width = Length.parse(words[1]),
                      inset >= .zero, inset < min(m.size.width, m.size.height) / 2, width > .zero, width <= .mm(10),
                      let color = words.count == 3 ? StyleSpec.color(words[2]) : .black else {
                    throw bad("border", "rules as \"inset width colour\" separated by ;, e.g. \"8mm 2pt #B0120A; 10mm 0.5pt #B0120A\"")
                }
                m.borders.append(PageBorder(inset: inset, stroke: Stroke(width: width, color: color)))
            }
        }
        if let v = e.attributes["border-stock"] {
            // 套打: the border is printed on the stock already.
            switch v {
            case "true": m.borderLayer = .stock
            case "false": m.borderLayer = .content
            default: throw bad("border-stock", "true (the stock carries the border: not printed in 套打) or false")
            }
        }
        if let v = e.attributes["chapter-headers"] {
            switch v {
            case "none": m.plainChapterOpenings = true
            case "show": m.plainChapterOpenings = false
            default: throw bad("chapter-headers", "none (no running header on a chapter's opening page) or show")
            }
        }
        for child in e.elements where child.name == "header" || child.name == "footer" {
            var f = Furniture(text: try evaluator.string(child.textContent.trimmingCharacters(in: .whitespacesAndNewlines),
                                                         source: source, line: child.line))
            let spec = try StyleSpec(child, source: source)
            if let r = spec.role { f.style.role = r }
            if let s = spec.size { f.style.size = s }
            if let a = spec.alignment { f.alignment = a }
            if child.attributes["rule"] == "none" { f.rule = nil } else if let r = child.attributes["rule"], let l = Length.parse(r) { f.rule = Stroke(width: l) }
            if let d = child.attributes["distance"], let l = Length.parse(d) { f.distance = l }
            let even = child.attributes["even"] == "true"
            switch (child.name, even) {
            case ("header", false): m.header = f
            case ("header", true): m.evenHeader = f
            case ("footer", false): m.footer = f
            default: m.evenFooter = f
            }
        }
        try checkTypeArea(m, e, source: source)
        return m
    }

    /// The smallest type area (版心) a page may keep inside its margins, each way.
    static let minBody = Length.mm(10)

    /// Refuses margins that leave (almost) no type area, and a line pitch taller than it.
    static func checkTypeArea(_ m: PageMaster, _ e: XMLElement, source: SourceFile) throws {
        let body = m.body
        let place = ["margin", "margin-left", "margin-right", "margin-top", "margin-bottom", "size"].first { e.attributes[$0] != nil }
        let location = source.locate(place.map { "\($0)=" } ?? "<page", from: e.line)
        guard body.width >= minBody, body.height >= minBody else {
            let w = Int(max(-1e6, body.width.millimetres).rounded()), h = Int(max(-1e6, body.height.millimetres).rounded())
            throw TemplateError("页边距留下的版心只有 \(w)×\(h) mm，至少要 10×10 mm（the margins leave a type area of \(w)×\(h) mm; at least 10×10 mm is needed）；请减小页边距或加大纸张",
                                at: location)
        }
        guard m.linePitch <= body.height else {
            throw TemplateError("行距大于版心高度（the line pitch is taller than the type area）；请减小 line-pitch 或 grid 的行数",
                                at: source.locate(e.attributes["line-pitch"] != nil ? "line-pitch=" : "<page", from: e.line))
        }
    }
}
