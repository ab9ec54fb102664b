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
                throw TemplateError("unknown filter ‘\(name)’ (expected one of: \(Filters.names.joined(separator: ", ")))", at: location)
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
        let (v, origin) = try trace(e, lenient: false, at: location)
        switch v {
        case .object, .null: throw wrongKind(v, named: Evaluator.name(of: e), origin: origin, at: location)
        default: return v
        }
    }

    /// Where the data value at `origin` (or its nearest ancestor with a place) was written.
    private func dataPlace(_ origin: ValuePath?) -> SourceLocation? {
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

    /// Parses the expression `text` found in `source` near `line`; its location and the expression.
    func parse(_ text: String, source: SourceFile, line: Int) throws -> (Expression, SourceLocation) {
        let location = source.locate(String(text.prefix(200)), from: line)
        do { return (try ExpressionParser.parse(text), location) } catch {
            var l = location
            l.column = (l.column ?? 1) + error.offset
            throw TemplateError("表达式‘\(Evaluator.excerpt(text))’有误（in the expression）：\(error.message)", at: l)
        }
    }

    /// Parses and evaluates the expression `text` found in `source` near `line`.
    func evaluate(text: String, lenient: Bool = false, source: SourceFile, line: Int) throws -> Value {
        let (e, location) = try parse(text, source: source, line: line)
        return try evaluate(e, lenient: lenient, at: location)
    }

    /// At most 40 characters of an expression, for a message.
    static func excerpt(_ text: String) -> String { text.count <= 40 ? text : String(text.prefix(40)) + "…" }

    /// The pieces of `text`: literal text and values of its {{ }} expressions, in order.
    func interpolate(_ text: String, source: SourceFile, line: Int) throws -> [Value] {
        let (pieces, unclosed) = Interpolation.pieces(of: text)
        if unclosed != nil { throw TemplateError("‘{{’ is not closed (expected ‘}}’)", at: source.locate("{{", from: line)) }
        return try pieces.map { piece in
            switch piece {
            case .text(let t): return .string(String(t))
            case .expression(let expr):
                let (e, location) = try parse(expr.trimmingCharacters(in: .whitespacesAndNewlines), source: source, line: line)
                return try self.text(e, at: location)
            }
        }
    }

    /// `text` with its expressions filled in, as a string.
    func string(_ text: String, source: SourceFile, line: Int) throws -> String {
        try interpolate(text, source: source, line: line).map(\.description).joined()
    }

    /// The value of an attribute that is one expression ("{{ photos }}" or "photos"), unwrapped.
    func value(_ text: String, source: SourceFile, line: Int, lenient: Bool = false) throws -> Value {
        try traced(text, source: source, line: line, lenient: lenient).value
    }

    /// The value of an attribute that is one expression, with the data path it came from.
    func traced(_ text: String, source: SourceFile, line: Int, lenient: Bool = false) throws -> (value: Value, origin: ValuePath?) {
        let (e, location) = try parse(Evaluator.unwrapped(text), source: source, line: line)
        return try trace(e, lenient: lenient, at: location)
    }

    /// The value of an attribute that is one expression, used as text (see `text(_:at:)`).
    func textValue(_ text: String, source: SourceFile, line: Int) throws -> Value {
        let (e, location) = try parse(Evaluator.unwrapped(text), source: source, line: line)
        return try self.text(e, at: location)
    }

    /// "{{ photos }}" → "photos".
    static func unwrapped(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("{{") && t.hasSuffix("}}") { t = String(t.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces) }
        return t
    }
}
