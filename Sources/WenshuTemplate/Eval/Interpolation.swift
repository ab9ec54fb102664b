import WenshuCore
import WenshuData

/// Text with {{ }} expressions, parsed once when the template is compiled: literal pieces and
/// expressions, each expression with the place it was written.
struct Interpolation: Sendable {
    enum Piece: Sendable {
        case literal(String)
        case expression(Expression, place: SourceLocation)
    }

    var pieces: [Piece]

    /// Parses the {{ }} of `text`, found in `source` at or after `line`.
    init(_ text: String, source: SourceFile, line: Int) throws {
        var out: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { out.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw TemplateError("‘{{’ 没有配对的 ‘}}’（‘{{’ is not closed: expected ‘}}’）", at: source.locate("{{", from: line))
            }
            let expr = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            let (e, place) = try Interpolation.parse(expr, source: source, line: line)
            out.append(.expression(e, place: place))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { out.append(.literal(String(rest))) }
        pieces = out
    }

    /// Parses the expression `text` found in `source` near `line`: the expression and its place.
    static func parse(_ text: String, source: SourceFile, line: Int) throws -> (Expression, SourceLocation) {
        let location = source.locate(String(text.prefix(200)), from: line)
        do { return (try ExpressionParser.parse(text), location) } catch {
            var l = location
            l.column = (l.column ?? 1) + error.offset
            throw TemplateError("表达式‘\(Evaluator.excerpt(text))’有误（in the expression）：\(error.message)", at: l)
        }
    }

    /// "{{ photos }}" → "photos".
    static func unwrapped(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("{{") && t.hasSuffix("}}") { t = String(t.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces) }
        return t
    }
}
