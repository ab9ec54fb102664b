import Foundation
import WenshuCore

/// The checks of one value against its declared field: its type, its limits (an error past `max`,
/// a warning past 20% over `about`), a choice's values. Messages name the field as the data does.
struct FieldCheck {
    var field: FieldSchema.Field
    /// The field's name in the data (its label or alias as written, else the schema's label).
    var label: String
    /// Its path for the English gloss.
    var path: String
    var location: SourceLocation?

    /// The largest count accepted (2^53: every whole number up to it is exact as a Double).
    static let maxCount = 9_007_199_254_740_992.0

    /// Characters as the bureaus count them: white space is not counted.
    static func count(_ s: String) -> Int { s.filter { !$0.isWhitespace }.count }

    func problems(_ v: Value) -> [Problem] {
        var out: [Problem] = []
        func add(_ severity: Problem.Severity, _ zh: String, _ en: String, hint: String? = nil) {
            out.append(Problem(severity: severity, location: location, chinese: zh, english: en, hint: hint))
        }
        switch (field.type, v) {
        case (.list, .object), (.record, .array), (.list, .array), (.record, .object): break
        case (_, .object):
            // A group of keys where text belongs would print as nothing.
            add(.error, "\(label) 应为文字，这里是一组键值", "\(path) should be text, the data gives a group of keys")
            return out
        case (.record, _):
            add(.error, "“\(label)”应为一组键值", "\(path) should be a group of keys")
            return out
        default: break
        }
        if let max = field.max {
            let n = Self.count(v.description)
            if n > max { add(.error, "\(label)超过\(max)字（现为\(n)字）", "\(path) has \(n) characters, at most \(max) allowed") }
        }
        if let about = field.about {
            let n = Self.count(v.description)
            if Double(n) > Double(about) * 1.2 {
                add(.warning, "\(label)约\(about)字为宜（现为\(n)字）", "\(path) should be about \(about) characters, has \(n)")
            }
        }
        switch field.type {
        case .wholeNumber:
            let least = Double(field.minimum ?? 0)
            let n: Double? = switch v {
            case .number(let n): n
            case .string(let s): Int(s.trimmingCharacters(in: .whitespaces)).map(Double.init)
            default: nil
            }
            // 1e400 reads as infinity: a count must be finite and no larger than an Int holds exactly.
            guard let n, n.isFinite, n == n.rounded(), n >= least, n <= Self.maxCount else {
                let kind = least >= 1 ? "正整数" : "整数"
                add(.error, "\(label)应为\(kind)（现为“\(v)”）", "\(path) must be a \(least >= 1 ? "positive " : "")whole number, got ‘\(v)’",
                    hint: "只填阿拉伯数字，如 \(field.example ?? "12")，不要写汉字数字或“人”“个”等字")
                return out
            }
        case .phone:
            let s = v.description
            if !s.isEmpty && !Self.plausiblePhone(s) {
                add(.error, "\(label)“\(s)”不像电话号码", "‘\(s)’ does not look like a phone number (mobile 1xxxxxxxxxx or landline 0xxx-xxxxxxx)")
            }
        case .date:
            switch v {
            case .date, .null: break
            case .string(let s) where s.isEmpty: break
            case .string(let s):
                if DateValue(parsing: s) == nil {
                    add(.error, "\(label)“\(s)”不是有效日期", "‘\(s)’ is not a real date (expected e.g. 2022-05-09 or 2022年5月9日)",
                        hint: Self.dateForms)
                }
            case .number(let n):
                add(.error, "\(label)应为日期，这里是数字“\(v)”", "\(path) must be a date, the cell holds the number \(n)",
                    hint: "若是 Excel 的日期序号，请把该格设为日期格式；" + Self.dateForms)
            default: add(.error, "\(label)应为日期（现为“\(v)”）", "\(path) must be a date", hint: Self.dateForms)
            }
        case .choice:
            let s = v.description.trimmingCharacters(in: .whitespaces)
            if !field.values.contains(s) {
                add(.error, "\(label)“\(s)”不是可选的值", "‘\(s)’ is not one of the values of \(path)",
                    hint: "可选：\(field.values.joined(separator: "、"))")
            }
        case .text, .longText, .image, .list, .record:
            break
        }
        return out
    }

    /// The date forms accepted, as a hint.
    static let dateForms = "日期须有年月日，可写 2023-06-28、2023/6/28、2023.6.28 或 2023年6月28日，或在 Excel 中设为日期格式"

    /// Mobile numbers (11 digits starting 1), landlines with an area code (0xx-xxxxxxxx, with an
    /// optional extension), and 400/800 service numbers.
    static func plausiblePhone(_ s: String) -> Bool {
        let t = s.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        let patterns = [#"^1[3-9]\d{9}$"#, #"^(\(0\d{2,3}\)|0\d{2,3}-?)\d{7,8}(-\d{1,6})?$"#, #"^[48]00-?\d{3}-?\d{4}$"#, #"^\d{7,8}$"#]
        return patterns.contains { t.range(of: $0, options: .regularExpression) != nil }
    }
}
