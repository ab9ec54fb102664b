/// Text with `{{ }}` expressions in it, split into literal text and expressions: the one scanner of
/// `{{ }}` (the evaluator fills them in; `wenshu batch` reads which columns a template mentions).
public enum Interpolation {
    public enum Piece: Equatable, Sendable {
        /// Text printed as it is.
        case text(Substring)
        /// What stands between `{{` and `}}`, untrimmed.
        case expression(Substring)
    }

    /// The pieces of `text` in order, and the rest after a `{{` that is never closed (nil when
    /// every `{{` has its `}}`).
    public static func pieces(of text: String) -> (pieces: [Piece], unclosed: Substring?) {
        var out: [Piece] = []
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
}
