import WenshuCore
import WenshuData

/// An expression as templates write it between {{ and }}, or in `test=` and `in=` attributes:
/// a path into the data (school.name, photos[0].caption, 品牌名称), or a quoted string or a number,
/// followed by filters (`| 中文日期`, `| truncate 20 "…"`). Conditions add comparisons
/// (== != > >= < <=) joined by `and`/`or`, and `not`.
indirect enum Expression: Sendable, Equatable {
    case path([PathComponent], text: String)
    case literal(Value)
    case filtered(Expression, name: String, arguments: [Expression])
    case compare(Expression, op: String, Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case not(Expression)
}

/// Reads expressions. A small hand-written recursive-descent parser: the grammar is tiny and its
/// errors must say exactly what was expected where.
struct ExpressionParser {
    private let chars: [Character]
    private var i = 0
    /// Brackets and `not`s open around the current position.
    private var depth = 0
    /// Operators read so far (filters, comparisons, and, or, not, brackets).
    private var operators = 0
    let source: String

    /// How deeply brackets and `not`s may nest in one expression.
    static let maxDepth = 64
    /// How many operators one expression may hold (each is a level of evaluation).
    static let maxOperators = 256

    init(_ source: String) { self.source = source; self.chars = Array(source) }

    /// Parses a whole condition or value expression; throws a message with the 0-based offset.
    static func parse(_ text: String) throws(ParseFailure) -> Expression {
        var p = ExpressionParser(text)
        let e = try p.parseOr()
        p.skipSpace()
        guard p.i == p.chars.count else { throw p.fail("unexpected ‘\(p.chars[p.i])’ (expected a filter after ‘|’ or the end of the expression)") }
        return e
    }

    struct ParseFailure: Error { var message: String; var offset: Int }

    private func fail(_ message: String) -> ParseFailure { ParseFailure(message: message, offset: i) }

    /// Counts one more operator, refusing an expression beyond the budget.
    private mutating func count() throws(ParseFailure) {
        operators += 1
        guard operators <= ExpressionParser.maxOperators else {
            throw fail("表达式太长：运算超过 \(ExpressionParser.maxOperators) 个（more than \(ExpressionParser.maxOperators) filters and operators in one expression）；请拆成几个参数")
        }
    }

    /// Enters a bracket or `not`, refusing nesting beyond the budget.
    private mutating func enter() throws(ParseFailure) {
        depth += 1
        guard depth <= ExpressionParser.maxDepth else {
            throw fail("表达式嵌套太深：超过 \(ExpressionParser.maxDepth) 层括号或 not（brackets and nots nest more than \(ExpressionParser.maxDepth) deep）；请简化表达式")
        }
        try count()
    }

    private mutating func skipSpace() { while i < chars.count, chars[i].isWhitespace { i += 1 } }

    private mutating func keyword(_ k: String) -> Bool {
        skipSpace()
        let kc = Array(k)
        guard i + kc.count <= chars.count, Array(chars[i..<(i + kc.count)]) == kc else { return false }
        let after = i + kc.count
        if after < chars.count, chars[after].isLetter || chars[after].isNumber || chars[after] == "_" { return false }
        i = after
        return true
    }

    private mutating func parseOr() throws(ParseFailure) -> Expression {
        var e = try parseAnd()
        while keyword("or") || symbol("||") { try count(); e = .or(e, try parseAnd()) }
        return e
    }

    private mutating func parseAnd() throws(ParseFailure) -> Expression {
        var e = try parseNot()
        while keyword("and") || symbol("&&") { try count(); e = .and(e, try parseNot()) }
        return e
    }

    private mutating func parseNot() throws(ParseFailure) -> Expression {
        if keyword("not") || symbol("!") {
            try enter()
            defer { depth -= 1 }
            return .not(try parseNot())
        }
        return try parseComparison()
    }

    private mutating func symbol(_ s: String) -> Bool {
        skipSpace()
        let sc = Array(s)
        guard i + sc.count <= chars.count, Array(chars[i..<(i + sc.count)]) == sc else { return false }
        if s == "!" && i + 1 < chars.count && chars[i + 1] == "=" { return false }
        i += sc.count
        return true
    }

    private mutating func parseComparison() throws(ParseFailure) -> Expression {
        let left = try parseFiltered()
        for op in ["==", "!=", ">=", "<=", ">", "<"] where symbol(op) {
            try count()
            return .compare(left, op: op, try parseFiltered())
        }
        return left
    }

    private mutating func parseFiltered() throws(ParseFailure) -> Expression {
        var e = try parsePrimary()
        while true {
            skipSpace()
            guard i < chars.count, chars[i] == "|", !(i + 1 < chars.count && chars[i + 1] == "|") else { break }
            i += 1
            skipSpace()
            let name = identifier()
            guard !name.isEmpty else { throw fail("expected a filter name after ‘|’") }
            try count()
            var args: [Expression] = []
            while true {
                skipSpace()
                guard i < chars.count, chars[i] != "|", chars[i] != ")" else { break }
                if keywordAhead(["and", "or"]) || comparisonAhead() { break }
                args.append(try parsePrimary())
            }
            e = .filtered(e, name: name, arguments: args)
        }
        return e
    }

    private func keywordAhead(_ words: [String]) -> Bool {
        for w in words {
            let wc = Array(w)
            if i + wc.count <= chars.count, Array(chars[i..<(i + wc.count)]) == wc,
               i + wc.count == chars.count || chars[i + wc.count].isWhitespace { return true }
        }
        return false
    }

    private func comparisonAhead() -> Bool {
        guard i < chars.count else { return false }
        return "=!<>&".contains(chars[i])
    }

    private mutating func identifier() -> String {
        var s = ""
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "-" && !s.isEmpty {
            s.append(chars[i]); i += 1
        }
        return s
    }

    private mutating func parsePrimary() throws(ParseFailure) -> Expression {
        skipSpace()
        guard i < chars.count else { throw fail("expected a value (a data path, a quoted text or a number)") }
        let c = chars[i]
        if c == "(" {
            try enter()
            defer { depth -= 1 }
            i += 1
            let e = try parseOr()
            skipSpace()
            guard i < chars.count, chars[i] == ")" else { throw fail("expected ‘)’") }
            i += 1
            return e
        }
        if c == "\"" || c == "'" || c == "“" || c == "‘" {
            let close: Character = c == "“" ? "”" : c == "‘" ? "’" : c
            i += 1
            var s = ""
            while i < chars.count, chars[i] != close { s.append(chars[i]); i += 1 }
            guard i < chars.count else { throw fail("a quoted text is not closed (expected \(close))") }
            i += 1
            return .literal(.string(s))
        }
        if c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber) {
            var s = String(c); i += 1
            while i < chars.count, chars[i].isNumber || chars[i] == "." { s.append(chars[i]); i += 1 }
            guard let n = Double(s) else { throw fail("‘\(s)’ is not a number") }
            return .literal(.number(n))
        }
        if keyword("true") { return .literal(.bool(true)) }
        if keyword("false") { return .literal(.bool(false)) }
        if keyword("null") { return .literal(.null) }
        // A path: name(.name | [index])*
        let start = i
        var components: [PathComponent] = []
        let first = identifier()
        guard !first.isEmpty else { throw fail("expected a data path, a quoted text or a number, found ‘\(c)’") }
        components.append(.key(first))
        while i < chars.count {
            if chars[i] == "." {
                i += 1
                let name = identifier()
                guard !name.isEmpty else { throw fail("expected a name after ‘.’") }
                components.append(Int(name).map { .index($0) } ?? .key(name))
            } else if chars[i] == "[" {
                i += 1
                var digits = ""
                while i < chars.count, chars[i].isNumber { digits.append(chars[i]); i += 1 }
                guard let n = Int(digits), i < chars.count, chars[i] == "]" else { throw fail("expected an index like [0]") }
                i += 1
                components.append(.index(n))
            } else { break }
        }
        return .path(components, text: String(chars[start..<i]))
    }
}
