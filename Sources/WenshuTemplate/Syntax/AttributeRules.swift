import Foundation
import WenshuCore
import WenshuData

/// The range every length and number attribute of the template language may take, as data, and
/// the check that applies it: at load for values written in the template, and again after
/// realisation for values filled in from {{ }}. A negative size, a margin wider than the page, a
/// pitch of zero or `lines="1e12"` is an error at the attribute's place, not a silent build or a trap.
enum AttributeRules {
    /// What an attribute's value must be.
    enum Rule {
        /// A length (or a 字号 name) between `min` and `max` points; `above` excludes `min` itself.
        case length(min: Double, max: Double, above: Bool = false)
        /// One of `counts` lengths, each between `min` and `max` points (margin, padding, page size).
        case lengths(counts: [Int], min: Double, max: Double, words: Set<String> = [])
        /// A number, with or without its unit word (2字, 1行), between `min` and `max`.
        case number(min: Double, max: Double, unit: String = "")
        /// A whole number between `min` and `max`.
        case integer(min: Int, max: Int)
        /// A length, or a number of lines of the text it holds (3行: writing room in a blank form).
        case lengthOrLines(min: Double, max: Double, lines: Double)
        /// `length` or a word (none).
        case lengthOr(words: Set<String>, min: Double, max: Double)
        /// Column widths: lengths or shares (2fr), at most `maxColumns` of them.
        case columns
        /// columns x lines, or none.
        case grid
        /// lines and a smallest size: fit="1 14pt".
        case fit
    }

    static let mm = Length.pointsPerMillimetre
    /// Longest page side, and so the largest length anywhere: 5 m (a banner).
    static let maxPage = 5000 * mm
    static let fontSize = Rule.length(min: 0, max: 500, above: true)
    static let stroke = Rule.lengthOr(words: ["none"], min: 0, max: 50)
    static let maxColumns = 100
    static let maxGrid = (columns: 200, lines: 500)

    /// The rule for `attribute` of `element`, or nil when the attribute is not a length or number.
    static func rule(_ element: String, _ attribute: String) -> Rule? {
        switch (element, attribute) {
        case ("page", "size"): return .lengths(counts: [2], min: 10 * mm, max: maxPage, words: ["A3", "A4", "A5", "a3", "a4", "a5"])
        case ("page", "margin"): return .lengths(counts: [1, 2, 4], min: 0, max: maxPage)
        case ("page", "margin-top"), ("page", "margin-right"), ("page", "margin-bottom"), ("page", "margin-left"):
            return .length(min: 0, max: maxPage)
        case ("page", "line-pitch"): return .length(min: 1, max: 1000)
        case ("page", "grid"): return .grid
        case ("page", "number-size"): return fontSize
        case ("page", "number-distance"), (_, "distance"), ("masthead", "top"): return .length(min: 0, max: 1000 * mm)
        case ("header", "rule"), ("footer", "rule"), ("masthead", "rule"), ("table", "border"), ("table", "rule"): return stroke
        case ("rule", "width"): return .length(min: 0, max: 50)
        case ("rule", "space-before"), ("rule", "space-after"): return .length(min: 0, max: 1000 * mm)
        case ("image", "width"), ("image", "height"): return .length(min: 0, max: maxPage, above: true)
        case ("space", "height"): return .length(min: 0, max: maxPage)
        case ("row", "min-height"): return .lengthOrLines(min: 0, max: maxPage, lines: 500)
        case ("space", "lines"): return .number(min: 0, max: 1000)
        case ("table", "padding"): return .lengths(counts: [1, 2], min: 0, max: 100 * mm)
        case ("table", "columns"): return .columns
        case ("table", "header-rows"): return .integer(min: 0, max: 1000)
        case ("table", "space-before"), ("table", "space-after"): return .number(min: 0, max: 100)
        case ("cell", "colspan"): return .integer(min: 1, max: maxColumns)
        case ("cell", "rowspan"): return .integer(min: 1, max: 10_000)
        case ("contents", "levels"), ("h", "level"): return .integer(min: 1, max: 4)
        case ("p", "fit"): return .fit
        case (_, "size"), (_, "number-size"): return fontSize
        case (_, "line-height"): return .length(min: 0, max: 500, above: true)
        case (_, "indent"): return .number(min: -100, max: 100, unit: "字")
        case (_, "left-indent"): return .number(min: 0, max: 100, unit: "字")
        case (_, "space-before"), (_, "space-after"): return .number(min: 0, max: 100, unit: "行")
        default: return nil
        }
    }

    /// Checks the length and number attributes of `element` whose values hold no {{ }} (those are
    /// checked once filled in, see `check(_:_:_:at:)`). `TemplateSyntax.check` calls it on every element.
    static func check(_ element: XMLElement, source: SourceFile) throws {
        for (key, value) in element.attributes where !value.contains("{{") {
            try check(element.name, key, value, at: source.locate("\(key)=", from: element.line))
        }
    }

    /// Checks one attribute's value (written, or filled in from {{ }}).
    static func check(_ element: String, _ key: String, _ value: String, at location: SourceLocation) throws {
        guard let rule = rule(element, key), let problem = problem(value, rule) else { return }
        throw TemplateError("<\(element)> 的 \(key)=\"\(Evaluator.excerpt(value))\" 不可用：\(problem)；请改成合理的值", at: location)
    }

    /// What is wrong with `value` under `rule` (Chinese, then an English gloss), or nil when it is fine.
    static func problem(_ value: String, _ rule: Rule) -> String? {
        let t = value.trimmingCharacters(in: .whitespaces)
        switch rule {
        case .length(let min, let max, let above):
            return lengthProblem(t, min: min, max: max, above: above)
        case .lengths(let counts, let min, let max, let words):
            if words.contains(t) { return nil }
            let parts = t.split(separator: " ").map(String.init)
            guard counts.contains(parts.count) else {
                return "应写 \(counts.map(String.init).joined(separator: "、")) 个长度（expected \(counts.map(String.init).joined(separator: " or ")) lengths）"
            }
            return parts.lazy.compactMap { lengthProblem($0, min: min, max: max, above: false) }.first
        case .lengthOrLines(let min, let max, let lines):
            guard t.hasSuffix("行") else { return lengthProblem(t, min: min, max: max, above: false) }
            guard let n = Double(t.dropLast()), n.isFinite, n >= 0, n <= lines else { return "行数应在 0 到 \(format(lines)) 之间（expected 0 to \(format(lines)) lines, e.g. 3行）" }
            return nil
        case .lengthOr(let words, let min, let max):
            return words.contains(t) ? nil : lengthProblem(t, min: min, max: max, above: false)
        case .number(let min, let max, let unit):
            let raw = unit.isEmpty ? t : t.replacingOccurrences(of: unit, with: "")
            guard let n = Double(raw), n.isFinite else { return "应为数字（expected a number）" }
            return n < min || n > max ? "应在 \(format(min)) 到 \(format(max)) 之间（expected \(format(min)) to \(format(max))）" : nil
        case .integer(let min, let max):
            guard let n = Int(t) else { return "应为整数（expected a whole number）" }
            return n < min || n > max ? "应在 \(min) 到 \(max) 之间（expected \(min) to \(max)）" : nil
        case .columns:
            let parts = t.split(separator: " ")
            guard (1...maxColumns).contains(parts.count) else { return "应有 1 到 \(maxColumns) 列（expected 1 to \(maxColumns) columns）" }
            for part in parts {
                if part == "auto" { continue }
                if part.hasSuffix("fr"), let f = Double(part.dropLast(2)) {
                    guard f.isFinite, f > 0, f <= 1000 else { return "份额 \(part) 应在 0 到 1000 之间（a share must be above 0 and at most 1000fr）" }
                } else if let p = lengthProblem(String(part), min: 0, max: maxPage, above: true) {
                    return p
                }
            }
            return nil
        case .grid:
            if t == "none" || t == "false" { return nil }
            let parts = t.split(separator: "x").map { Int($0) }
            guard parts.count == 2, let c = parts[0], let l = parts[1], (1...maxGrid.columns).contains(c), (1...maxGrid.lines).contains(l) else {
                return "应写成 字数x行数，字数 1 到 \(maxGrid.columns)，行数 1 到 \(maxGrid.lines)（expected columns x lines, e.g. 28x22）"
            }
            return nil
        case .fit:
            let parts = t.split(separator: " ").map(String.init)
            guard parts.count == 2, let n = Int(parts[0]), (1...100).contains(n) else {
                return "应写成 行数 最小字号，行数 1 到 100（expected lines and a smallest size, e.g. fit=\"1 14pt\"）"
            }
            return lengthProblem(parts[1], min: 0, max: 500, above: true)
        }
    }

    private static func lengthProblem(_ t: String, min: Double, max: Double, above: Bool) -> String? {
        guard let l = Length.parse(t), l.points.isFinite else { return "应为字号或长度，如 三号、16pt、37mm（expected a 字号 or a length such as 16pt or 37mm）" }
        let low = above ? l.points <= min : l.points < min
        guard low || l.points > max else { return nil }
        let lo = above ? "大于 \(format(min / mm)) mm" : "不小于 \(format(min / mm)) mm"
        return "应\(lo)、不大于 \(format(max / mm)) mm（expected \(above ? "above" : "at least") \(format(min / mm)) mm and at most \(format(max / mm)) mm）"
    }

    private static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.1f", x)
    }
}
