import WenshuData

/// The filters templates may apply with `|`, by name (Chinese or English), as data.
/// Each takes the value and its arguments and gives a value, or throws a message.
enum Filters {
    typealias Filter = @Sendable (Value, [Value]) throws(FilterFailure) -> Value

    struct FilterFailure: Error { var message: String }

    static let table: [String: Filter] = {
        var t: [String: Filter] = [:]
        func add(_ names: [String], _ f: @escaping Filter) { for n in names { t[n] = f } }
        add(["中文日期", "date"]) { v, _ throws(FilterFailure) in .string(try date(v).map { "\($0.year)年\($0.month)月\($0.day)日" } ?? "") }
        add(["大写日期", "date_upper"]) { v, _ throws(FilterFailure) in .string(try date(v).map(upperDate) ?? "") }
        add(["中文数字", "cn_number"]) { v, _ throws(FilterFailure) in .string(chineseNumber(try integer(v, "中文数字"))) }
        add(["大写数字", "cn_upper"]) { v, _ throws(FilterFailure) in .string(financialNumber(try integer(v, "大写数字"))) }
        add(["字数", "count"]) { v, _ in .number(Double(characterCount(v.description))) }
        add(["默认", "default"]) { v, args in v.isTruthy ? v : (args.first ?? .string("")) }
        add(["截断", "truncate"]) { v, args throws(FilterFailure) in
            guard let n = args.first, case .number(let raw) = n, let limit = width(raw) else {
                throw FilterFailure(message: "截断需要一个 0 到 \(maxWidth) 的长度（truncate takes a length from 0 to \(maxWidth), e.g. | truncate 20 \"…\"）")
            }
            let marker = args.count > 1 ? args[1].description : "…"
            let s = v.description
            guard s.count > limit else { return .string(s) }
            return .string(String(s.prefix(max(0, limit - marker.count))) + marker)
        }
        add(["补零", "pad"]) { v, args throws(FilterFailure) in
            guard let n = args.first, case .number(let raw) = n, let width = width(raw) else {
                throw FilterFailure(message: "补零需要一个 0 到 \(maxWidth) 的宽度（pad takes a width from 0 to \(maxWidth), e.g. | pad 5）")
            }
            let s = v.description
            return .string(String(repeating: "0", count: max(0, width - s.count)) + s)
        }
        add(["连接", "join"]) { v, args in
            let sep = args.first?.description ?? "、"
            if case .array(let a) = v { return .string(a.map(\.description).joined(separator: sep)) }
            return v
        }
        add(["加", "plus"]) { v, args throws(FilterFailure) in
            guard let a = args.first, case .number(let n) = a, let base = Double(v.description) else {
                throw FilterFailure(message: "plus takes a number and adds it to a number, e.g. | plus 1")
            }
            return .number(base + n)
        }
        add(["去空格", "trim"]) { v, _ in .string(v.description.trimmingCharacters(in: .whitespacesAndNewlines)) }
        add(["数量", "length"]) { v, _ in
            switch v {
            case .array(let a): .number(Double(a.count))
            case .object(let r): .number(Double(r.keys.count))
            default: .number(Double(v.description.count))
            }
        }
        return t
    }()

    static var names: [String] { table.keys.sorted() }

    /// Filters that take a group of keys as it is (the others read their value as text).
    static let takesObjects: Set<String> = ["数量", "length", "默认", "default", "连接", "join"]

    static func date(_ v: Value) throws(FilterFailure) -> DateValue? {
        switch v {
        case .date(let d): return d
        case .null: return nil
        case .string(let s) where s.isEmpty: return nil
        case .string(let s):
            guard let d = DateValue(parsing: s) else { throw FilterFailure(message: "‘\(s)’ is not a date (expected 2022-05-09 or 2022年5月9日)") }
            return d
        default: throw FilterFailure(message: "‘\(v)’ is not a date")
        }
    }

    /// The largest number 中文数字 and 大写数字 spell: 10^12 − 1 (九千九百九十九亿…); the units
    /// stop at 亿, and larger numbers have no reading a form would use.
    static let maxSpelled = 999_999_999_999
    /// The widest `pad` or `truncate` a template may ask for, in characters.
    static let maxWidth = 10_000

    static func integer(_ v: Value, _ filter: String) throws(FilterFailure) -> Int {
        let number: Double?
        switch v {
        case .number(let n): number = n
        case .string(let s): number = Int(s.trimmingCharacters(in: .whitespaces)).map(Double.init) ?? Double(s)
        default: number = nil
        }
        guard let n = number, n.isFinite, n == n.rounded() else {
            throw FilterFailure(message: "\(filter)需要一个整数，这里是‘\(v)’（\(filter) needs a whole number, got ‘\(v)’）")
        }
        guard abs(n) <= Double(maxSpelled) else {
            throw FilterFailure(message: "\(filter)只能写绝对值不超过 \(maxSpelled) 的整数，这里是‘\(v)’"
                + "（\(filter) spells whole numbers up to \(maxSpelled) in size）；请检查数据")
        }
        return Int(n)
    }

    /// A width or length argument as an Int, or nil when it is negative, fractional or beyond `maxWidth`.
    static func width(_ n: Double) -> Int? {
        guard n.isFinite, n >= 0, n <= Double(maxWidth), n == n.rounded() else { return nil }
        return Int(n)
    }

    /// Characters as the bureaus count them: everything but white space.
    static func characterCount(_ s: String) -> Int { s.filter { !$0.isWhitespace }.count }

    static let digits = Array("零一二三四五六七八九")
    static let upperDigits = Array("零壹贰叁肆伍陆柒捌玖")

    /// 0 → 零, 10 → 十, 12 → 十二, 105 → 一百零五, 20000 → 二万.
    static func chineseNumber(_ n: Int) -> String {
        spell(n, digits: digits, units: ["", "十", "百", "千"], big: ["", "万", "亿"], dropLeadingOne: true)
    }

    /// 12 → 壹拾贰 (the financial numerals, 大写).
    static func financialNumber(_ n: Int) -> String {
        spell(n, digits: upperDigits, units: ["", "拾", "佰", "仟"], big: ["", "万", "亿"], dropLeadingOne: false)
    }

    private static func spell(_ n: Int, digits: [Character], units: [String], big: [String], dropLeadingOne: Bool) -> String {
        if n < 0 { return "负" + spell(-n, digits: digits, units: units, big: big, dropLeadingOne: dropLeadingOne) }
        if n == 0 { return String(digits[0]) }
        var groups: [Int] = []
        var m = n
        while m > 0 { groups.append(m % 10000); m /= 10000 }
        var out = ""
        var pendingZero = false
        for (gi, g) in groups.enumerated().reversed() {
            if g == 0 { pendingZero = !out.isEmpty; continue }
            if pendingZero || (!out.isEmpty && g < 1000) { out.append(digits[0]) }
            pendingZero = false
            var part = ""
            var zero = false
            for pos in stride(from: 3, through: 0, by: -1) {
                let d = (g / Int(pow10(pos))) % 10
                if d == 0 { zero = !part.isEmpty; continue }
                if zero { part.append(digits[0]); zero = false }
                part.append(digits[d])
                part += units[pos]
            }
            out += part + big[min(gi, big.count - 1)]
        }
        if dropLeadingOne, out.hasPrefix(String(digits[1]) + units[1]), n < 20 { out.removeFirst() }
        return out
    }

    private static func pow10(_ p: Int) -> Double { [1, 10, 100, 1000][p] }

    /// 2022-05-09 → 二〇二二年五月九日.
    static func upperDate(_ d: DateValue) -> String {
        let year = String(d.year).map { c in c.wholeNumberValue.map { $0 == 0 ? "〇" : digits[$0] } ?? c }
        return String(year) + "年" + chineseNumber(d.month) + "月" + chineseNumber(d.day) + "日"
    }
}
