import WenshuCore
import WenshuData

/// The data paths a compiled template reads, found in its tree: every path of every expression,
/// with `each` loop variables resolved to the list they walk (`photos[].caption`), and neither
/// parameters nor the loop's counter (`loop`, or its `index=` name) counted. Fragments named by
/// <include> are read when the document is made, so their paths are not among these.
struct FreeVariables {
    /// Names that are not data: the template's parameters.
    let parameters: Set<String>
    /// Each path found, with where it was first written.
    private(set) var found: [String: SourceLocation] = [:]
    /// Loop variables in force, innermost last: the name and the path it stands for (nil: not data).
    private var loops: [(name: String, path: String?)] = []

    init(parameters: Set<String>) { self.parameters = parameters }

    mutating func visit(_ node: TemplateNode) {
        for (key, a) in node.attributes.sorted(by: { $0.key < $1.key }) where !(node.kind == .each && key == "in") {
            visit(a.form, at: a.place)
        }
        if node.kind == .each, let a = node.attributes["in"], let name = node["as"] {
            var listPath: String?
            if case .expression(let e, let place) = a.form {
                visit(e, at: place)
                listPath = path(of: e)
            }
            loops.append((name, listPath.map { $0 + "[]" }))
            loops.append((node["index"] ?? "loop", nil))
            defer { loops.removeLast(2) }
            visitChildren(node)
        } else {
            visitChildren(node)
        }
    }

    /// A text with {{ }} written outside the tree of elements (a parameter's value, a document's title).
    mutating func visit(_ interpolation: Interpolation) {
        for case .expression(let e, let place) in interpolation.pieces { visit(e, at: place) }
    }

    private mutating func visitChildren(_ node: TemplateNode) {
        if let c = node.content { visit(c) }
        for child in node.children {
            switch child {
            case .element(let e): visit(e)
            case .text(let t):
                // Every collapsed form holds the same expressions; one is enough.
                if let i = t.filled[TemplateNode.TextNode.key(first: false, last: false)] { visit(i) }
            }
        }
    }

    private mutating func visit(_ form: TemplateNode.Form, at place: SourceLocation) {
        switch form {
        case .decoded: break
        case .filled(let i): visit(i)
        case .expression(let e, let at): visit(e, at: at)
        }
    }

    private mutating func visit(_ e: Expression, at place: SourceLocation) {
        switch e {
        case .literal: break
        case .path:
            if let p = path(of: e), found[p] == nil { found[p] = place }
        case .filtered(let inner, _, let arguments):
            visit(inner, at: place)
            for a in arguments { visit(a, at: place) }
        case .compare(let a, _, let b), .and(let a, let b), .or(let a, let b):
            visit(a, at: place); visit(b, at: place)
        case .not(let a):
            visit(a, at: place)
        }
    }

    /// The data path `e` reads, resolved through the loops in force; nil when it is not data.
    private func path(of e: Expression) -> String? {
        switch e {
        case .path(let components, _):
            guard case .key(let first)? = components.first else { return nil }
            var out: String
            if let loop = loops.last(where: { $0.name == first }) {
                guard let base = loop.path else { return nil }
                out = base
            } else if parameters.contains(first) {
                return nil
            } else {
                out = first
            }
            for c in components.dropFirst() {
                switch c {
                case .key(let k): out += "." + k
                case .index(let n): out += "[\(n)]"
                }
            }
            return out
        case .filtered(let inner, _, _):
            return path(of: inner)
        default:
            return nil
        }
    }
}

extension Template {
    /// The data paths the template reads, sorted: from its body, page masters, styles, parameters'
    /// defaults and document properties; loop items as `list[].field`; parameters left out.
    public var freeVariables: [String] { freeVariablePlaces.keys.sorted() }

    /// Each data path the template reads, with the place it is first written.
    public var freeVariablePlaces: [String: SourceLocation] {
        var v = FreeVariables(parameters: Set(parameterNames))
        for p in parameters { v.visit(p.filled) }
        for (_, i) in info.sorted(by: { $0.key < $1.key }) { v.visit(i) }
        for name in pageOrder { if let (node, _) = pages[name] { v.visit(node) } }
        for (_, s) in styles.sorted(by: { $0.key < $1.key }) { v.visit(s.node) }
        if let (node, _) = body { v.visit(node) }
        return v.found
    }
}
