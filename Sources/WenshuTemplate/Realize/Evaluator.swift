import WenshuCore
import WenshuData

/// Evaluates expressions and fills {{ }} in text, with errors that point at the expression.
struct Evaluator {
    var scope: Scope

    /// The value of `expression`; a missing path is an error unless `lenient` (conditions treat
    /// a missing path as false, and `| default` lets a value be absent).
    func evaluate(_ e: Expression, lenient: Bool = false, at location: SourceLocation) throws -> Value {
        switch e {
        case .literal(let v):
            return v
        case .path(let p, let text):
            if let v = scope.lookup(p) { return v }
            if lenient { return .null }
            throw TemplateError("the data has no ‘\(text)’ (expected a value for it in the data files, or a `| default` in the template)", at: location)
        case .filtered(let inner, let name, let args):
            let lenientInner = lenient || name == "default" || name == "默认"
            let v = try evaluate(inner, lenient: lenientInner, at: location)
            guard let filter = Filters.table[name] else {
                throw TemplateError("unknown filter ‘\(name)’ (expected one of: \(Filters.names.joined(separator: ", ")))", at: location)
            }
            let values = try args.map { try evaluate($0, lenient: lenient, at: location) }
            do { return try filter(v, values) } catch {
                throw TemplateError("filter ‘\(name)’: \(error.message)", at: location)
            }
        case .compare(let a, let op, let b):
            let x = try evaluate(a, lenient: true, at: location), y = try evaluate(b, lenient: true, at: location)
            return .bool(compare(x, op, y))
        case .and(let a, let b):
            return .bool(try evaluate(a, lenient: true, at: location).isTruthy && evaluate(b, lenient: true, at: location).isTruthy)
        case .or(let a, let b):
            return .bool(try evaluate(a, lenient: true, at: location).isTruthy || evaluate(b, lenient: true, at: location).isTruthy)
        case .not(let a):
            return .bool(!(try evaluate(a, lenient: true, at: location).isTruthy))
        }
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

    /// Parses and evaluates the expression `text` found in `source` near `line`.
    func evaluate(text: String, lenient: Bool = false, source: SourceFile, line: Int) throws -> Value {
        let location = source.locate(text, from: line)
        let e: Expression
        do { e = try ExpressionParser.parse(text) } catch {
            var l = location
            l.column = (l.column ?? 1) + error.offset
            throw TemplateError("in the expression ‘\(text)’: \(error.message)", at: l)
        }
        return try evaluate(e, lenient: lenient, at: location)
    }

    /// The pieces of `text`: literal text and values of its {{ }} expressions, in order.
    func interpolate(_ text: String, source: SourceFile, line: Int) throws -> [Value] {
        var out: [Value] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { out.append(.string(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw TemplateError("‘{{’ is not closed (expected ‘}}’)", at: source.locate("{{", from: line))
            }
            let expr = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            out.append(try evaluate(text: expr, source: source, line: line))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { out.append(.string(String(rest))) }
        return out
    }

    /// `text` with its expressions filled in, as a string.
    func string(_ text: String, source: SourceFile, line: Int) throws -> String {
        try interpolate(text, source: source, line: line).map(\.description).joined()
    }

    /// The value of an attribute that is one expression ("{{ photos }}" or "photos"), unwrapped.
    func value(_ text: String, source: SourceFile, line: Int, lenient: Bool = false) throws -> Value {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("{{") && t.hasSuffix("}}") { t = String(t.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces) }
        return try evaluate(text: t, lenient: lenient, source: source, line: line)
    }
}
