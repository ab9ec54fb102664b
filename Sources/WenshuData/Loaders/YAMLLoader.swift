import Foundation
import WenshuCore
import Yams

/// Reads YAML data files. Scalars resolve by the YAML 1.2 core schema (so 是/否, yes/no and 14:30
/// stay text), with two rules for office data: a plain integer of 11 or more digits, or with a
/// leading 0, stays text (phone, ID and certificate numbers), and a scalar that is exactly a date
/// (2022-05-09, 2022/5/9, 2022年5月9日) becomes a date. Every node's line and column is recorded.
enum YAMLLoader {
    static func load(text: String, file: String, limits: Limits = .standard) throws -> DataSet {
        var converter = NodeConverter(file: file, syntax: .yaml, limits: limits)
        return try converter.load(text)
    }
}

/// Turns the nodes Yams composes into `Value`s with their locations; JSON goes the same way (it is
/// YAML's flow syntax) with JSON's stricter rules for scalars and keys.
struct NodeConverter {
    enum Syntax { case yaml, json }

    let file: String
    let syntax: Syntax
    private var locations: [ValuePath: SourceLocation] = [:]

    /// Aliases may repeat a subtree many times over ("billion laughs"). Without aliases a file
    /// cannot hold more values than it has bytes, so past ten values a byte (and at least 100,000,
    /// at most a million) the file is refused instead of filling memory.
    static func maxValues(forBytes bytes: Int) -> Int { min(1_000_000, max(100_000, 10 * bytes)) }
    /// Yams (and this converter) recurse per level of nesting and overflow the stack somewhere
    /// past a few thousand levels, so nesting deeper than `limits.maxNestingDepth` is refused
    /// before parsing.
    let limits: Limits

    init(file: String, syntax: Syntax, limits: Limits = .standard) {
        self.file = file; self.syntax = syntax; self.limits = limits
    }

    mutating func load(_ text: String) throws -> DataSet {
        try checkNesting(text)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, text: text)
        }
        guard let node else {
            return DataSet(root: .object(Record()), locations: [[]: SourceLocation(file: file, line: 1, column: 1)])
        }
        let limit = NodeConverter.maxValues(forBytes: text.utf8.count)
        var budget = limit
        guard NodeConverter.fits(node, budget: &budget) else {
            throw DataError("the aliases (*name) in this file repeat data to more than \(limit) values", at: location(node.mark))
        }
        let root = try value(of: node, at: [])
        return DataSet(root: root, locations: locations)
    }

    private func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line, column: mark?.column)
    }

    // MARK: Nodes

    /// Whether `node`, with its aliases expanded, has at most `budget` values.
    private static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar: return true
        case .sequence(let sequence):
            for item in sequence where !fits(item, budget: &budget) { return false }
        case .mapping(let mapping):
            for (key, value) in mapping where !fits(key, budget: &budget) || !fits(value, budget: &budget) { return false }
        }
        return true
    }

    private mutating func value(of node: Node, at path: ValuePath) throws -> Value {
        locations[path] = location(node.mark)
        switch node {
        case .scalar(let scalar):
            return try value(of: scalar)
        case .sequence(let sequence):
            // (Yams does not report a collection's style reliably, so JSON is told from YAML by
            // its first character, before parsing.)
            var items: [Value] = []
            items.reserveCapacity(sequence.count)
            for (i, item) in sequence.enumerated() {
                items.append(try value(of: item, at: path + [.index(i)]))
            }
            return .array(items)
        case .mapping(let mapping):
            return .object(try record(of: mapping, at: path))
        }
    }

    private mutating func record(of mapping: Node.Mapping, at path: ValuePath) throws -> Record {
        var record = Record()
        var firstSeen: [String: Mark?] = [:]
        var mergeSources: [Node] = []
        for (keyNode, valueNode) in mapping {
            if isMergeKey(keyNode) {
                mergeSources += valueNode.sequence.map(Array.init) ?? [valueNode]
                continue
            }
            let key = try keyText(keyNode)
            if let first = firstSeen[key] {
                let at = first.map { " (first at line \($0.line), column \($0.column))" } ?? ""
                throw DataError("duplicate key '\(key)'\(at)", at: location(keyNode.mark))
            }
            firstSeen[key] = keyNode.mark
        }
        // `<<: *name` (or a list of them) copies the keys of those mappings, the first one
        // winning; keys written in the mapping itself win over all of them.
        for source in mergeSources {
            guard case .mapping(let sourceMapping) = source else {
                throw DataError("expected a mapping (or a list of them) after '<<'", at: location(source.mark))
            }
            let outer = locations
            locations = [:]
            let merged = try self.record(of: sourceMapping, at: path)
            let added = Dictionary(grouping: locations.filter { $0.key.count > path.count }, by: { $0.key[path.count] })
            locations = outer
            for (key, value) in merged.pairs where record[key] == nil && firstSeen[key] == nil {
                record[key] = value
                for (p, l) in added[.key(key)] ?? [] { locations[p] = l }
            }
        }
        for (keyNode, valueNode) in mapping where !isMergeKey(keyNode) {
            let key = try keyText(keyNode)
            record[key] = try value(of: valueNode, at: path + [.key(key)])
        }
        return record
    }

    private func isMergeKey(_ node: Node) -> Bool {
        guard syntax == .yaml, case .scalar(let s) = node else { return false }
        return s.style == .plain && s.string == "<<" && s.tag.description.isEmpty
    }

    private func keyText(_ node: Node) throws -> String {
        guard case .scalar(let s) = node else {
            throw DataError("expected a text key, found a \(node.mapping != nil ? "mapping" : "list")", at: location(node.mark))
        }
        if syntax == .json, s.style != .doubleQuoted {
            throw DataError("expected a key in double quotes (JSON)", at: location(s.mark))
        }
        return s.string
    }

    // MARK: Scalars

    private func value(of scalar: Node.Scalar) throws -> Value {
        syntax == .yaml ? try yamlValue(scalar) : try jsonValue(scalar)
    }

    private func yamlValue(_ scalar: Node.Scalar) throws -> Value {
        let text = scalar.string
        let tag = scalar.tag.description
        switch tag {
        case "":
            return NodeConverter.plainValue(text)
        case Tag.Name.str.rawValue:
            // Quoted text and block text; a date written exactly is still a date, but an explicit
            // `!!str 2022-05-09` keeps it text.
            if scalar.style == .plain { return .string(text) }
            return DateForms.date(text).map(Value.date) ?? .string(text)
        case "!":
            return .string(text)
        case Tag.Name.int.rawValue, Tag.Name.float.rawValue:
            guard let n = NodeConverter.number(text, allowRadix: tag == Tag.Name.int.rawValue) else {
                throw DataError("expected a number after the tag \(shortTag(tag)), found '\(text)'", at: location(scalar.mark))
            }
            return .number(n)
        case Tag.Name.bool.rawValue:
            guard let b = NodeConverter.bool(text) else {
                throw DataError("expected true or false after the tag !!bool, found '\(text)'", at: location(scalar.mark))
            }
            return .bool(b)
        case Tag.Name.null.rawValue:
            return .null
        case Tag.Name.timestamp.rawValue:
            // A time after the date (2022-05-09T08:30:00) is dropped: values are dates.
            let day = text.split(whereSeparator: { $0 == "T" || $0 == "t" || $0 == " " }).first.map(String.init) ?? text
            guard let d = DateForms.date(day) else {
                throw DataError("expected a date such as 2022-05-09 after the tag !!timestamp, found '\(text)'", at: location(scalar.mark))
            }
            return .date(d)
        default:
            throw DataError("unsupported YAML tag \(shortTag(tag)) (write the value without a tag)", at: location(scalar.mark))
        }
    }

    private func shortTag(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }

    private func jsonValue(_ scalar: Node.Scalar) throws -> Value {
        let text = scalar.string
        switch scalar.style {
        case .doubleQuoted:
            guard scalar.tag.description == Tag.Name.str.rawValue else { break }
            return DateForms.date(text).map(Value.date) ?? .string(text)
        case .plain:
            guard scalar.tag.description.isEmpty else { break }
            switch text {
            case "null": return .null
            case "true": return .bool(true)
            case "false": return .bool(false)
            default:
                if NodeConverter.isJSONNumber(text), let n = Double(text) { return .number(n) }
                throw DataError("expected a JSON value (text must be in double quotes), found '\(text)'", at: location(scalar.mark))
            }
        case .singleQuoted:
            throw DataError("expected a string in double quotes (JSON does not use single quotes)", at: location(scalar.mark))
        default:
            break
        }
        throw DataError("expected a JSON value, found YAML syntax", at: location(scalar.mark))
    }

    /// A plain (unquoted, untagged) YAML scalar by the core schema, with the office rules.
    static func plainValue(_ text: String) -> Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let n = number(text, allowRadix: false) {
            // Phones, ID and certificate numbers: 13800000000, 0372…, 007 stay as written.
            var digits = Substring(text)
            if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
            let integerPart = digits.prefix { $0 != "." && $0 != "e" && $0 != "E" }
            let isInteger = integerPart.count == digits.count
            if integerPart.count > 1 && integerPart.first == "0" { return .string(text) }
            if isInteger && integerPart.count >= 11 { return .string(text) }
            return .number(n)
        }
        if let d = DateForms.date(text) { return .date(d) }
        return .string(text)
    }

    /// A core-schema number: decimal integers and floats, .inf and .nan; with `allowRadix` also
    /// 0x and 0o integers.
    static func number(_ text: String, allowRadix: Bool) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        if allowRadix {
            if text.hasPrefix("0x"), let n = Int(text.dropFirst(2), radix: 16) { return Double(n) }
            if text.hasPrefix("0o"), let n = Int(text.dropFirst(2), radix: 8) { return Double(n) }
        }
        // [-+]? ( \.[0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        let s = Array(text.utf8)
        var i = 0
        func digits() -> Int { let start = i; while i < s.count, (48...57).contains(s[i]) { i += 1 }; return i - start }
        if i < s.count, s[i] == 43 || s[i] == 45 { i += 1 }
        if i < s.count, s[i] == 46 {
            i += 1
            guard digits() > 0 else { return nil }
        } else {
            guard digits() > 0 else { return nil }
            if i < s.count, s[i] == 46 { i += 1; _ = digits() }
        }
        if i < s.count, s[i] == 69 || s[i] == 101 {
            i += 1
            if i < s.count, s[i] == 43 || s[i] == 45 { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == s.count else { return nil }
        return Double(text) ?? Double(text.hasSuffix(".") ? text + "0" : text)
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
    static func isJSONNumber(_ text: String) -> Bool {
        let s = Array(text.utf8)
        var i = 0
        func digits() -> Int { let start = i; while i < s.count, (48...57).contains(s[i]) { i += 1 }; return i - start }
        if i < s.count, s[i] == 45 { i += 1 }
        if i < s.count, s[i] == 48 { i += 1 } else if digits() == 0 { return false }
        if i < s.count, s[i] == 46 { i += 1; if digits() == 0 { return false } }
        if i < s.count, s[i] == 69 || s[i] == 101 {
            i += 1
            if i < s.count, s[i] == 43 || s[i] == 45 { i += 1 }
            if digits() == 0 { return false }
        }
        return i == s.count
    }

    // MARK: Errors

    /// Refuses nesting deeper than Yams can take before it sees the text. Flow brackets are
    /// counted (in YAML even inside quotes, so this overestimates; in JSON not inside strings). Block nesting is estimated from the
    /// lines: each deeper indentation opens at most two levels (a mapping and a list written at
    /// its indentation), and each `- `, `? ` or `: ` that starts a line opens one more. Lines end
    /// in \n, \r\n, a lone \r, or U+0085, U+2028, U+2029, as libyaml reads them.
    func checkNesting(_ text: String) throws {
        let maxDepth = limits.maxNestingDepth
        var flow = 0
        var indents: [Int] = []
        var line = 1, column = 0
        var indent = 0, indicators = 0
        var atLineStart = true
        var previousCR = false
        var inJSONString = false, escaped = false
        // The last character outside strings that was not blank: a quote opens a JSON string only
        // where a value or key may start (after [ { , : or at the start), as a YAML parser reads it;
        // a quote inside a plain word (ows") is text, and the brackets after it still count.
        var lastSignificant: Unicode.Scalar? = nil
        let scalars = Array(text.unicodeScalars)
        func tooDeep() -> DataError {
            DataError("数据嵌套超过 \(maxDepth) 层，请减少列表或映射的嵌套层数",
                      "the data is nested more than \(maxDepth) levels deep; nest fewer lists and mappings",
                      at: SourceLocation(file: file, line: line, column: column))
        }
        for (k, c) in scalars.enumerated() {
            switch c {
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                if !(c == "\n" && previousCR) { line += 1 }
                previousCR = c == "\r"
                column = 0; indent = 0; indicators = 0; atLineStart = true
                continue
            default:
                previousCR = false
            }
            column += 1
            if atLineStart && flow == 0 {
                let next = k + 1 < scalars.count ? scalars[k + 1] : "\n"
                let endsIndicator = next == " " || next == "\t" || next == "\n" || next == "\r"
                switch c {
                case " ", "\t":
                    if indicators == 0 { indent += 1 }
                    continue
                case "-", "?", ":":
                    guard endsIndicator else { break }
                    indicators += 1
                    if indicators > maxDepth { throw tooDeep() }
                    continue
                case "#":
                    atLineStart = false // a comment line says nothing of the nesting
                    continue
                default:
                    break
                }
                // The first character of the line's content: its indentation opens or closes levels.
                while let last = indents.last, last >= indent { indents.removeLast() }
                indents.append(indent)
                if 2 * indents.count + indicators > maxDepth { throw tooDeep() }
                atLineStart = false
            }
            atLineStart = false
            if syntax == .json {
                if inJSONString {
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inJSONString = false }
                    continue
                }
                if c == "\"", lastSignificant == nil || "[{,:".unicodeScalars.contains(lastSignificant ?? " ") {
                    inJSONString = true
                    continue
                }
                if c != " " && c != "\t" { lastSignificant = c }
            }
            switch c {
            case "[", "{":
                flow += 1
                if flow + 2 * indents.count > maxDepth { throw tooDeep() }
            case "]", "}":
                flow = max(0, flow - 1)
            default:
                break
            }
        }
    }

    private func syntaxError(_ error: YamlError, text: String) -> DataError {
        let what = syntax == .yaml ? "YAML syntax" : "JSON syntax"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            if problem.contains("another document") || (syntax == .json && problem.contains("<document start>")) {
                let message = syntax == .yaml
                    ? "YAML syntax: a second document starts here; a data file holds one (remove the '---' line)"
                    : "JSON syntax: more text after the end of the JSON data"
                return DataError(message, at: location(mark))
            }
            if problem.contains("could not find expected ':'"), let context, context.text.contains("simple key") {
                // libyaml gives up a line later; the line at fault is the one with the key.
                let message = "\(what): expected ':' and a space after the key on this line"
                    + hint(problem: problem, mark: context.mark, text: text)
                return DataError(message, at: location(context.mark))
            }
            var message = "\(what): \(problem)"
            if let context, !context.text.isEmpty {
                if context.mark.line == mark.line && context.mark.column == mark.column {
                    message += " (\(context.text))"
                } else {
                    message += " (\(context.text) from line \(context.mark.line), column \(context.mark.column))"
                }
            }
            message += hint(problem: problem, mark: mark, text: text)
            return DataError(message, at: location(mark))
        case let .reader(problem, offset, _, _):
            var line = 1
            if let offset { line += text.utf8.prefix(offset).reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }
            return DataError("\(what): \(problem)", at: SourceLocation(file: file, line: line))
        default:
            // Yams' own errors (memory, emitter, representer, decoding) say nothing a user can act on.
            return DataError(syntax == .yaml ? "无法读取此 YAML 文件，请检查其格式" : "无法读取此 JSON 文件，请检查其格式",
                             "\(what): the file cannot be read; check that it is well-formed",
                             at: SourceLocation(file: file))
        }
    }

    /// A hint for the mistakes people make most: tabs, the full-width colon, no space after a
    /// colon, text with ': ' or a leading @ or ` that needs quotes, a line indented too far.
    private func hint(problem: String, mark: Mark, text: String) -> String {
        guard syntax == .yaml else { return "" }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        func line(_ n: Int) -> Substring? { lines.indices.contains(n - 1) ? lines[n - 1] : nil }
        let here = line(mark.line) ?? ""
        let previous = (1..<max(1, mark.line)).reversed().lazy.compactMap(line).first { !$0.allSatisfy(\.isWhitespace) }
        let near = [previous, here].compactMap { $0 }
        if near.contains(where: { $0.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") }) {
            return "; indent with spaces, not tabs"
        }
        if near.contains(where: { $0.contains("：") && !$0.contains(": ") }) {
            return "; after a key write a half-width ':' and a space, not '：'"
        }
        if problem.contains("cannot start any token") {
            let c = here.unicodeScalars.dropFirst(mark.column - 1).first
            if let c, c == "@" || c == "`" { return "; put a value that starts with \(c) in quotes" }
        }
        if problem.contains("mapping values are not allowed") {
            if let previous, previous.contains(":"), !previous.contains(": "), !previous.hasSuffix(":") {
                return "; write a space after the ':' of a key (\"名称: 一中\", not \"名称:一中\")"
            }
            if here.components(separatedBy: ": ").count > 2 {
                return "; put text that contains ': ' in quotes"
            }
            return "; check how far this line is indented"
        }
        return ""
    }
}
