import Foundation
import WenshuCore
import WenshuData

/// What an attribute's value must be, and the one decoder for each kind: written values are decoded
/// when the template is compiled, values filled in from {{ }} by the same decoder once evaluated.
/// `Vocabulary` says which attribute of which element has which type.
enum AttributeType: Sendable {
    /// Text, which may hold {{ }} (a mark, an issuer, a caption, a file name).
    case text
    /// A name used as written, never filled in (a style, a page master, a loop variable).
    case name
    /// One expression, with or without {{ }} (`in=`, `test=`, `seal=`, `value=`).
    case expression
    /// A length (or a 字号 name) between `min` and `max` points; `above` excludes `min` itself.
    case length(min: Double, max: Double, above: Bool = false)
    /// One of `counts` lengths, each between `min` and `max` points, or one of `words` (A4).
    case lengths(counts: [Int], min: Double, max: Double, words: [String] = [])
    /// A length, or one of `words` (none).
    case lengthOr(words: [String], min: Double, max: Double)
    /// A number, with or without its unit word (2字, 1行), between `min` and `max`.
    case number(min: Double, max: Double, unit: String = "")
    /// A whole number between `min` and `max`.
    case integer(min: Int, max: Int)
    /// true or false (also yes/no, 是/否, 1/0).
    case flag
    /// One of a fixed list of words.
    case choice([String])
    /// A colour: #RRGGBB, red/红, black/黑.
    case color
    /// A font role: 宋体, 黑体, 楷体, 仿宋, 小标宋.
    case fontRole
    /// An alignment: justify, left, center, right, distribute.
    case alignment
    /// A cell's vertical alignment: top, middle (center), bottom.
    case verticalAlignment
    /// Column widths: lengths or shares (2fr).
    case columns
    /// columns x lines, or none.
    case grid
    /// Lines and a smallest size: fit="1 14pt".
    case fit
    /// Rules round the page: "inset width colour; …".
    case borders
    /// A length, or a number of lines of the text it holds ("3行": writing room in a blank form).
    case lengthOrLines(min: Double, max: Double, lines: Double)

    static let mm = Length.pointsPerMillimetre
    /// Longest page side, and so the largest length anywhere: 5 m (a banner).
    static let maxPage = 5000 * mm
    static let fontSize = AttributeType.length(min: 0, max: 500, above: true)
    static let stroke = AttributeType.lengthOr(words: ["none"], min: 0, max: 50)
    static let distance = AttributeType.length(min: 0, max: 1000 * mm)
    static let maxColumns = 100
    static let maxGrid = (columns: 200, lines: 500)

    static let flagWords = ["true", "false", "yes", "no", "是", "否", "1", "0"]
    static let alignmentWords = ["justify", "justified", "两端对齐", "left", "左", "center", "centre", "居中", "right", "右",
                                 "distribute", "distributed", "分散对齐", "分散"]
    static let verticalWords = ["top", "middle", "center", "bottom"]
    static let colorWords = ["red", "红", "红色", "black", "黑", "黑色"]
    static let fontWords = ["宋体", "黑体", "楷体", "仿宋", "小标宋"]

    /// Why a value does not decode: what is wrong (Chinese, then an English gloss) and, when a
    /// close allowed word exists, the one the writer probably meant.
    struct Problem: Error, Sendable {
        var message: String
        var suggestion: String?
    }

    /// `raw` decoded as this type (text kinds are returned as text; expressions are parsed by the compiler).
    func decode(_ raw: String) -> Result<AttributeValue, Problem> {
        let t = raw.trimmingCharacters(in: .whitespaces)
        switch self {
        case .text, .name, .expression:
            return .success(.text(raw))
        case .length(let min, let max, let above):
            return AttributeType.length(t, min: min, max: max, above: above).map(AttributeValue.length)
        case .lengths(let counts, let min, let max, let words):
            if words.contains(t) { return .success(.word(t)) }
            let parts = t.split(separator: " ").map(String.init)
            guard counts.contains(parts.count) else {
                let list = counts.map(String.init)
                return .failure(Problem(message: "应写 \(list.joined(separator: "、")) 个长度（expected \(list.joined(separator: " or ")) lengths）"
                                        + (words.isEmpty ? "" : "，或 \(words.joined(separator: "、"))"),
                                        suggestion: AttributeType.closest(t, in: words)))
            }
            var out: [Length] = []
            for p in parts {
                switch AttributeType.length(p, min: min, max: max, above: false) {
                case .success(let l): out.append(l)
                case .failure(let f): return .failure(f)
                }
            }
            return .success(.lengths(out))
        case .lengthOrLines(let min, let max, let lines):
            guard t.hasSuffix("行") else { return AttributeType.length(t, min: min, max: max, above: false).map(AttributeValue.length) }
            guard let n = Double(t.dropLast()), n.isFinite, n >= 0, n <= lines else {
                return .failure(Problem(message: "行数应在 0 到 \(AttributeType.format(lines)) 之间（expected 0 to \(AttributeType.format(lines)) lines, e.g. 3行）"))
            }
            return .success(.lines(n))
        case .lengthOr(let words, let min, let max):
            if words.contains(t) { return .success(.word(t)) }
            return AttributeType.length(t, min: min, max: max, above: false).map(AttributeValue.length)
                .mapError { Problem(message: $0.message + "，或 \(words.joined(separator: "、"))", suggestion: AttributeType.closest(t, in: words)) }
        case .number(let min, let max, let unit):
            let digits = unit.isEmpty ? t : t.replacingOccurrences(of: unit, with: "")
            guard let n = Double(digits), n.isFinite else { return .failure(Problem(message: "应为数字（expected a number）")) }
            guard n >= min, n <= max else {
                return .failure(Problem(message: "应在 \(AttributeType.format(min)) 到 \(AttributeType.format(max)) 之间（expected \(AttributeType.format(min)) to \(AttributeType.format(max))）"))
            }
            return .success(.number(n))
        case .integer(let min, let max):
            guard let n = Int(t) else { return .failure(Problem(message: "应为整数（expected a whole number）")) }
            guard n >= min, n <= max else { return .failure(Problem(message: "应在 \(min) 到 \(max) 之间（expected \(min) to \(max)）")) }
            return .success(.integer(n))
        case .flag:
            switch t {
            case "true", "yes", "是", "1": return .success(.flag(true))
            case "false", "no", "否", "0": return .success(.flag(false))
            default: return .failure(AttributeType.oneOf(t, ["true", "false"]))
            }
        case .choice(let words):
            return words.contains(t) ? .success(.word(t)) : .failure(AttributeType.oneOf(t, words))
        case .color:
            guard let c = AttributeType.color(t) else {
                return .failure(Problem(message: "应为颜色，如 #E60012、red（红）、black（黑）（expected a colour such as #E60012, red or black）",
                                        suggestion: AttributeType.closest(t, in: AttributeType.colorWords)))
            }
            return .success(.color(c))
        case .fontRole:
            guard let r = FontRole(name: t) else { return .failure(AttributeType.oneOf(t, AttributeType.fontWords, what: "字体角色（a font role）")) }
            return .success(.fontRole(r))
        case .alignment:
            guard let a = AttributeType.alignment(t) else {
                // “middle” is what a cell's valign calls centred: a slip for it means center.
                var p = AttributeType.oneOf(t, ["justify", "left", "center", "right", "distribute"], extra: AttributeType.alignmentWords + ["middle"])
                if p.suggestion == "middle" { p.suggestion = "center" }
                return .failure(p)
            }
            return .success(.alignment(a))
        case .verticalAlignment:
            guard let v = t == "center" ? VerticalAlignment.middle : VerticalAlignment(rawValue: t) else {
                return .failure(AttributeType.oneOf(t, AttributeType.verticalWords))
            }
            return .success(.verticalAlignment(v))
        case .columns:
            let parts = t.split(separator: " ")
            guard (1...AttributeType.maxColumns).contains(parts.count) else {
                return .failure(Problem(message: "应有 1 到 \(AttributeType.maxColumns) 列（expected 1 to \(AttributeType.maxColumns) columns）"))
            }
            var out: [ColumnWidth] = []
            for part in parts {
                if part == "auto" { out.append(.auto); continue }
                if part.hasSuffix("fr"), let f = Double(part.dropLast(2)) {
                    guard f.isFinite, f > 0, f <= 1000 else {
                        return .failure(Problem(message: "份额 \(part) 应在 0 到 1000 之间（a share must be above 0 and at most 1000fr）"))
                    }
                    out.append(.fraction(f))
                } else {
                    switch AttributeType.length(String(part), min: 0, max: AttributeType.maxPage, above: true) {
                    case .success(let l): out.append(.fixed(l))
                    case .failure:
                        return .failure(Problem(message: "‘\(part)’ 不是列宽，应为长度（如 3cm）、份额（如 2fr）或 auto（‘\(part)’ is not a width: expected lengths such as 3cm, shares such as 2fr, or auto）"))
                    }
                }
            }
            return .success(.columns(out))
        case .grid:
            if t == "none" || t == "false" { return .success(.word("none")) }
            let parts = t.split(separator: "x").map { Int($0) }
            guard parts.count == 2, let c = parts[0], let l = parts[1], (1...AttributeType.maxGrid.columns).contains(c),
                  (1...AttributeType.maxGrid.lines).contains(l) else {
                return .failure(Problem(message: "应写成 字数x行数，字数 1 到 \(AttributeType.maxGrid.columns)，行数 1 到 \(AttributeType.maxGrid.lines)，或 none（expected columns x lines, e.g. 28x22, or none）"))
            }
            return .success(.grid(columns: c, lines: l))
        case .fit:
            let parts = t.split(separator: " ").map(String.init)
            guard parts.count == 2, let n = Int(parts[0]), (1...100).contains(n) else {
                return .failure(Problem(message: "应写成 行数 最小字号，行数 1 到 100（expected lines and a smallest size, e.g. fit=\"1 14pt\"）"))
            }
            return AttributeType.length(parts[1], min: 0, max: 500, above: true).map { .fit(ShrinkFit(maxLines: n, minimumSize: $0)) }
        case .borders:
            var out: [PageBorder] = []
            for part in t.split(separator: ";") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                let words = part.split(separator: " ").map(String.init)
                guard words.count == 2 || words.count == 3, let inset = Length.parse(words[0]), let width = Length.parse(words[1]),
                      inset >= .zero, inset < .mm(2500), width > .zero, width <= .mm(10),
                      let color = words.count == 3 ? AttributeType.color(words[2]) : .black else {
                    return .failure(Problem(message: "应写成“内缩 线宽 颜色”，多条用 ; 隔开，如 \"8mm 2pt #B0120A; 10mm 0.5pt #B0120A\"（expected rules as \"inset width colour\" separated by ;）"))
                }
                out.append(PageBorder(inset: inset, stroke: Stroke(width: width, color: color)))
            }
            return .success(.borders(out))
        }
    }

    private static func length(_ t: String, min: Double, max: Double, above: Bool) -> Result<Length, Problem> {
        guard let l = Length.parse(t), l.points.isFinite else {
            return .failure(Problem(message: "应为字号或长度，如 三号、16pt、37mm（expected a 字号 or a length such as 16pt or 37mm）"))
        }
        let low = above ? l.points <= min : l.points < min
        guard low || l.points > max else { return .success(l) }
        let lo = above ? "大于 \(format(min / mm)) mm" : "不小于 \(format(min / mm)) mm"
        return .failure(Problem(message: "应\(lo)、不大于 \(format(max / mm)) mm（expected \(above ? "above" : "at least") \(format(min / mm)) mm and at most \(format(max / mm)) mm）"))
    }

    /// “应为 a、b 之一（expected one of a, b）” with the closest allowed word as a suggestion.
    private static func oneOf(_ t: String, _ words: [String], what: String = "", extra: [String] = []) -> Problem {
        Problem(message: "应为\(what.isEmpty ? " " : what + "：")\(words.joined(separator: "、")) 之一（expected one of \(words.joined(separator: ", "))）",
                suggestion: closest(t, in: words + extra))
    }

    /// The allowed word nearest to `t` when it is close enough to be a slip (a third of its letters at most).
    static func closest(_ t: String, in words: [String]) -> String? {
        Suggestion.closest(to: t, among: words)
    }

    static func alignment(_ s: String) -> Alignment? {
        switch s {
        case "justify", "justified", "两端对齐": .justified
        case "left", "左": .left
        case "center", "centre", "居中": .center
        case "right", "右": .right
        case "distribute", "distributed", "分散对齐", "分散": .distributed
        default: nil
        }
    }

    static func color(_ s: String) -> Color? {
        switch s {
        case "red", "红", "红色": .officialRed
        case "black", "黑", "黑色": .black
        default: Color(hex: s)
        }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.1f", x)
    }
}
