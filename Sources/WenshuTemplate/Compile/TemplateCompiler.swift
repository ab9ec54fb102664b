import WenshuCore
import WenshuData

/// Compiles a template file's XML into `TemplateNode`s, once: every element checked against the
/// `Vocabulary`, every attribute decoded by its type or, when it holds {{ }}, parsed into an
/// expression kept with its place, and every child checked against what its parent may hold. A
/// misspelt element, a bad value (`width="thick"`, `align="middel"`) or a child the realizer
/// could not place (a table inside a cell) is an error at its line and column, before any data is read.
struct TemplateCompiler {
    let source: SourceFile

    /// Compiles `root` (a <template> or a <fragment>) and everything under it.
    func compile(_ root: XMLElement) throws -> TemplateNode {
        try compile(root, context: .template)
    }

    private func compile(_ e: XMLElement, context: Vocabulary.Content) throws -> TemplateNode {
        let here = source.locate("<\(e.name)", from: e.line)
        guard let kind = ElementKind(rawValue: e.name) else {
            let known = ElementKind.allCases.map(\.rawValue).sorted()
            throw TemplateError("未知的元素 <\(e.name)>", "unknown element <\(e.name)>",
                                hint: Suggestion.hint(for: e.name, among: known), at: here)
        }
        let rule = Vocabulary.rule(kind)
        var attributes: [String: TemplateNode.Attribute] = [:]
        for (key, raw) in e.attributes where !key.hasPrefix("xmlns") {
            let place = source.locate("\(key)=", from: e.line)
            guard let type = rule.attributes[key] else {
                let allowed = rule.attributes.keys.sorted()
                throw TemplateError("<\(e.name)> 没有属性 ‘\(key)’", "<\(e.name)> has no attribute ‘\(key)’",
                                    hint: allowed.isEmpty ? "此元素不带属性（it takes no attributes）" : Suggestion.hint(for: key, among: allowed), at: place)
            }
            attributes[key] = TemplateNode.Attribute(raw: raw, place: place, type: type,
                                                     form: try form(raw, type: type, element: e.name, key: key, place: place, line: e.line))
        }
        for key in rule.required where e.attributes[key] == nil {
            throw TemplateError("<\(e.name)> 缺少属性 ‘\(key)’（<\(e.name)> needs the attribute ‘\(key)’）；请补上", at: here)
        }
        let inner = rule.content == .inherited ? context : rule.content
        var children: [TemplateNode.Child] = []
        var line = e.line
        for child in e.children {
            switch child {
            case .element(let c):
                line = c.line
                guard let childKind = ElementKind(rawValue: c.name) else {
                    children.append(.element(try compile(c, context: inner)))  // reports it as unknown
                    continue
                }
                guard allows(inner, childKind, in: kind) else {
                    throw TemplateError("<\(c.name)> 不能放在 <\(e.name)> 里（<\(c.name)> cannot stand inside <\(e.name)>）；这里可以写：\(Vocabulary.expected(inner))",
                                        at: source.locate("<\(c.name)", from: c.line))
                }
                children.append(.element(try compile(c, context: inner)))
            case .text(let raw):
                let text = try self.text(raw, line: line, context: inner, element: e.name)
                line += raw.filter { $0 == "\n" }.count
                children.append(.text(text))
            }
        }
        var node = TemplateNode(kind: kind, line: e.line, place: here, attributes: attributes, children: children)
        if inner == .text {
            node.content = try Interpolation(node.textContent.trimmingCharacters(in: .whitespacesAndNewlines), source: source, line: e.line)
        }
        return node
    }

    /// Whether `child` may stand in `content` directly under `parent`: an <else> only in an <if>,
    /// a <foot> only in a <cell>.
    private func allows(_ content: Vocabulary.Content, _ child: ElementKind, in parent: ElementKind) -> Bool {
        switch child {
        case .else: parent == .if
        case .foot: parent == .cell
        default: Vocabulary.allows(content, child)
        }
    }

    /// An attribute's value in its compiled form.
    private func form(_ raw: String, type: AttributeType, element: String, key: String, place: SourceLocation,
                      line: Int) throws -> TemplateNode.Form {
        switch type {
        case .expression:
            let (e, place) = try Interpolation.parse(Interpolation.unwrapped(raw), source: source, line: line)
            return .expression(e, place: place)
        case .name:
            return .decoded(.text(raw))
        default:
            if raw.contains("{{") { return .filled(try Interpolation(raw, source: source, line: line)) }
            return .decoded(try TemplateCompiler.decode(raw, type: type, element: element, key: key, at: place))
        }
    }

    /// `raw` decoded by `type`, or an error at `place` saying what the attribute takes.
    static func decode(_ raw: String, type: AttributeType, element: String, key: String, at place: SourceLocation) throws -> AttributeValue {
        switch type.decode(raw) {
        case .success(let v): return v
        case .failure(let p):
            let hint = p.suggestion.map { "您是不是要用 \($0)？（did you mean \($0)?）" } ?? "请改成合理的值"
            throw TemplateError("<\(element)> 的 \(key)=\"\(Evaluator.excerpt(raw))\" 不可用：\(p.message)；\(hint)", at: place)
        }
    }

    /// A text child, refused where its parent holds no text; its {{ }} parsed for each way it may collapse.
    private func text(_ raw: String, line: Int, context: Vocabulary.Content, element: String) throws -> TemplateNode.TextNode {
        var node = TemplateNode.TextNode(raw: raw, line: line, filled: [:])
        if node.isBlank { return node }
        switch context {
        case .empty, .template, .page, .rows, .cells:
            let excerpt = Evaluator.excerpt(raw.trimmingCharacters(in: .whitespacesAndNewlines))
            throw TemplateError("<\(element)> 里不能直接写文字“\(excerpt)”（<\(element)> holds no text here）；请把文字放进 \(Vocabulary.expected(context == .empty ? .inline : context))",
                                at: source.locate(String(excerpt.prefix(20)), from: line))
        default:
            break
        }
        guard raw.contains("{{") else { return node }
        for first in [false, true] {
            for last in [false, true] {
                let collapsed = Realizer.collapse(raw, first: first, last: last)
                node.filled[TemplateNode.TextNode.key(first: first, last: last)] = try Interpolation(collapsed, source: source, line: line)
            }
        }
        return node
    }

    /// “您是不是要用 x？” when a known name is close to `name`.

    /// "；您是不是要用 X？" for a name close to one of `known`, else nothing.
    static func hint(_ name: String, _ known: [String]) -> String {
        Suggestion.closest(to: name, among: known).map { "；您是不是要用 \($0)？（did you mean \($0)?）" } ?? ""
    }
}
