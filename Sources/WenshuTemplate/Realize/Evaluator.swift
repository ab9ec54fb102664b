import WenshuCore
import WenshuData

/// Evaluates expressions and fills {{ }} in text, with errors that point at the expression.
struct Evaluator {
    var scope: Scope
    /// Where each value of the data came from, to point at the data file when a value is of the
    /// wrong kind.
    var dataLocations: [ValuePath: SourceLocation] = [:]

    /// The value of `expression`; a missing path is an error unless `lenient` (conditions treat
    /// a missing path as false, and `| default` lets a value be absent).
    func evaluate(_ e: Expression, lenient: Bool = false, at location: SourceLocation) throws -> Value {
        try trace(e, lenient: lenient, at: location).value
    }

    /// The value of `e` and, when it is a piece of the data, the data path it came from.
    private func trace(_ e: Expression, lenient: Bool, at location: SourceLocation) throws -> (value: Value, origin: ValuePath?) {
        switch e {
        case .literal(let v):
            return (v, nil)
        case .path(let p, let text):
            if let found = scope.resolve(p) { return found }
            if lenient { return (.null, nil) }
            throw TemplateError.missing(text, at: location)
        case .filtered(let inner, let name, let args):
            let lenientInner = lenient || name == "default" || name == "默认"
            let (v, origin) = try trace(inner, lenient: lenientInner, at: location)
            guard let filter = Filters.table[name] else {
                throw TemplateError("未知的过滤器 ‘\(name)’", "unknown filter ‘\(name)’", hint: Suggestion.hint(for: name, among: Filters.names), at: location)
            }
            if case .object = v, !Filters.takesObjects.contains(name) {
                throw wrongKind(v, named: Evaluator.name(of: inner), origin: origin, at: location)
            }
            let values = try args.map { try evaluate($0, lenient: lenient, at: location) }
            do { return (try filter(v, values), nil) } catch {
                // A value the filter cannot take is the data's fault when it comes from the data: point there.
                let here = dataPlace(origin)
                let used = here == nil ? "" : "（模板 \(location) 处）"
                throw TemplateError("过滤器‘\(name)’\(used)（filter）：\(error.message)", at: here ?? location)
            }
        case .compare(let a, let op, let b):
            let x = try evaluate(a, lenient: true, at: location), y = try evaluate(b, lenient: true, at: location)
            return (.bool(compare(x, op, y)), nil)
        case .and(let a, let b):
            return (.bool(try evaluate(a, lenient: true, at: location).isTruthy && evaluate(b, lenient: true, at: location).isTruthy), nil)
        case .or(let a, let b):
            return (.bool(try evaluate(a, lenient: true, at: location).isTruthy || evaluate(b, lenient: true, at: location).isTruthy), nil)
        case .not(let a):
            return (.bool(!(try evaluate(a, lenient: true, at: location).isTruthy)), nil)
        }
    }

    /// The name a message gives the value of `e`: its path as written, or the expression's kind.
    private static func name(of e: Expression) -> String {
        switch e {
        case .path(_, let text): text
        case .filtered(let inner, _, _): name(of: inner)
        default: "这个值"
        }
    }

    /// The value of `e` used as text: a group of keys or a null is an error, at the data value's
    /// place when it comes from the data, since it would print as nothing.
    func text(_ e: Expression, at location: SourceLocation) throws -> Value {
        try traced(e, at: location).value
    }

    /// Where the data value at `origin` (or its nearest ancestor with a place) was written.
    func dataPlace(_ origin: ValuePath?) -> SourceLocation? {
        guard var p = origin else { return nil }
        while true {
            if let l = dataLocations[p] { return l }
            if p.isEmpty { return nil }
            p.removeLast()
        }
    }

    /// “姓名 应为文字，这里是一组键值”, at the data's place (or the template's when the value is not data).
    private func wrongKind(_ v: Value, named name: String, origin: ValuePath?, at location: SourceLocation) -> TemplateError {
        let here = dataPlace(origin)
        let what: String, gloss: String, hint: String
        if case .null = v {
            (what, gloss, hint) = ("空值", "null", "请在数据里填上，或在模板里写 | default \"\"")
        } else {
            (what, gloss, hint) = ("一组键值", "a group of keys", "请在数据里写成文字，或在模板里取它下面的某一项")
        }
        let used = here == nil ? "" : "（模板 \(location) 处把它当文字用）"
        return TemplateError("\(name) 应为文字，这里是\(what)\(used)（‘\(name)’ should be text, the data gives \(gloss)）；\(hint)",
                             at: here ?? location)
    }

    private func compare(_ x: Value, _ op: String, _ y: Value) -> Bool {
        let order: Int
        switch (x, y) {
        case (.number(let a), .number(let b)): order = a < b ? -1 : a > b ? 1 : 0
        case (.date(let a), .date(let b)): order = a < b ? -1 : a > b ? 1 : 0
        default:
            if let a = Double(x.description), let b = Double(y.description) { order = a < b ? -1 : a > b ? 1 : 0 }
            else { order = x.description < y.description ? -1 : x.description > y.description ? 1 : 0 }
        }
        switch op {
        case "==": return order == 0
        case "!=": return order != 0
        case ">": return order > 0
        case ">=": return order >= 0
        case "<": return order < 0
        default: return order <= 0
        }
    }

    /// At most 40 characters of an expression, for a message.
    static func excerpt(_ text: String) -> String { text.count <= 40 ? text : String(text.prefix(40)) + "…" }

    /// The pieces of `text`: literal text and the values of its expressions, in order, each
    /// value with the data path it came from (nil for literal text and values not from the data).
    func interpolate(_ text: Interpolation) throws -> [(value: Value, origin: ValuePath?)] {
        try text.pieces.map { piece in
            switch piece {
            case .literal(let s): return (.string(s), nil)
            case .expression(let e, let place): return try self.traced(e, at: place)
            }
        }
    }

    /// `text` with its expressions filled in, as a string.
    func string(_ text: Interpolation) throws -> String {
        try interpolate(text).map(\.value.description).joined()
    }

    /// The value of `e` used as text, with the data path it came from (see `text(_:at:)`).
    func traced(_ e: Expression, at location: SourceLocation) throws -> (value: Value, origin: ValuePath?) {
        let (v, origin) = try trace(e, lenient: false, at: location)
        switch v {
        case .object, .null: throw wrongKind(v, named: Evaluator.name(of: e), origin: origin, at: location)
        default: return (v, origin)
        }
    }

    /// The value of `e` and the data path it came from, a missing path being null when `lenient`.
    func traced(_ e: Expression, lenient: Bool, at location: SourceLocation) throws -> (value: Value, origin: ValuePath?) {
        try trace(e, lenient: lenient, at: location)
    }

    /// The value of attribute `key` of `e`: decoded when the template was compiled, or filled in
    /// now and decoded by the same type. Nil when the element does not have it.
    func value(_ e: TemplateNode, _ key: String) throws -> AttributeValue? {
        assert(Vocabulary.rule(e.kind).attributes[key] != nil, "<\(e.name)> has no attribute \(key) in the Vocabulary")
        guard let a = e.attributes[key] else { return nil }
        switch a.form {
        case .decoded(let v): return v
        case .filled(let i):
            let text = try string(i)
            switch a.type {
            case .text, .name, .expression: return .text(text)
            default: return try TemplateCompiler.decode(text, type: a.type, element: e.name, key: key, at: a.place)
            }
        case .expression: return .text(a.raw)
        }
    }

    /// A text attribute of `e` with its expressions filled in; nil when absent.
    func string(_ e: TemplateNode, _ key: String) throws -> String? { try value(e, key)?.text }

    /// The value of the one-expression attribute `key` of `e` used as text (see `text(_:at:)`), with
    /// the data path it came from; nil when absent.
    func text(_ e: TemplateNode, _ key: String) throws -> (value: Value, origin: ValuePath?)? {
        guard case .expression(let x, let place)? = e.attributes[key]?.form else { return nil }
        return try traced(x, at: place)
    }

    /// The value of the one-expression attribute `key` of `e` (`in=`, `test=`, `seal=`) with the data
    /// path it came from; nil when absent.
    func traced(_ e: TemplateNode, _ key: String, lenient: Bool) throws -> (value: Value, origin: ValuePath?)? {
        guard case .expression(let x, let place)? = e.attributes[key]?.form else { return nil }
        return try trace(x, lenient: lenient, at: place)
    }
}
