import WenshuCore
import WenshuData

/// Text with {{ }} expressions, parsed once when the template is compiled: literal pieces and
/// expressions, each expression with the place it was written. `scan` is the one scanner of
/// {{ }} (the compiler parses what it finds; `wenshu batch` reads which columns a template mentions).
public struct Interpolation: Sendable {
    enum Piece: Sendable {
        case literal(String)
        case expression(Expression, place: SourceLocation)
    }

    var pieces: [Piece]

    /// A piece of text as scanned, before its expressions are parsed.
    public enum RawPiece: Equatable, Sendable {
        /// Text printed as it is.
        case text(Substring)
        /// What stands between `{{` and `}}`, untrimmed.
        case expression(Substring)
    }

    /// The pieces of `text` in order, and the rest after a `{{` that is never closed (nil when
    /// every `{{` has its `}}`).
    public static func scan(_ text: String) -> (pieces: [RawPiece], unclosed: Substring?) {
        var out: [RawPiece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { out.append(.text(rest[..<open.lowerBound])) }
            guard let close = rest[open.upperBound...].range(of: "}}") else { return (out, rest[open.upperBound...]) }
            out.append(.expression(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { out.append(.text(rest)) }
        return (out, nil)
    }

    /// Parses the {{ }} of `text`, found in `source` at or after `line`.
    init(_ text: String, source: SourceFile, line: Int) throws {
        let (raw, unclosed) = Interpolation.scan(text)
        if unclosed != nil {
            throw TemplateError("‘{{’ 没有配对的 ‘}}’（‘{{’ is not closed: expected ‘}}’）", at: source.locate("{{", from: line))
        }
        pieces = try raw.map { piece in
            switch piece {
            case .text(let t): return .literal(String(t))
            case .expression(let expr):
                let (e, place) = try Interpolation.parse(expr.trimmingCharacters(in: .whitespacesAndNewlines), source: source, line: line)
                return .expression(e, place: place)
            }
        }
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
