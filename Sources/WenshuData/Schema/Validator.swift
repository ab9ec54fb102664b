import Foundation
import WenshuCore

/// Checks the bureaus' limits on programme data (typesetting brief, documents.md): brand name at
/// most 16 characters, overview at most 300, introduction about 500 and report about 2000 (a warning
/// past 20% over), a member count that is a positive whole number, phone numbers that look like
/// Chinese phone numbers, dates that exist. Every problem is listed at once.
public enum Validator {
    /// The problems of `data` (already normalised to the schema's keys).
    public static func check(_ data: DataSet) -> [Problem] {
        var problems: [Problem] = []
        visit(data.root, path: [], data: data, problems: &problems)
        return problems
    }

    private static func visit(_ v: Value, path: ValuePath, data: DataSet, problems: inout [Problem]) {
        let schemaPath = path.filter { if case .key = $0 { true } else { false } }
        let field = ProgrammeSchema.field(at: path) ?? (path.count > 1 ? rowField(path) : nil)
        if let field { check(v, field: field, at: data.location(of: path), problems: &problems) }
        _ = schemaPath
        switch v {
        case .object(let r): for (k, x) in r.pairs { visit(x, path: path + [.key(k)], data: data, problems: &problems) }
        case .array(let a): for (i, x) in a.enumerated() { visit(x, path: path + [.index(i)], data: data, problems: &problems) }
        default: break
        }
    }

    /// Fields inside list rows (rows[3].date, photos[1].file) are checked by their last key.
    private static func rowField(_ path: ValuePath) -> ProgrammeSchema.Field? {
        guard path.contains(where: { if case .index = $0 { true } else { false } }), case .key(let k)? = path.last else { return nil }
        return ProgrammeSchema.fields.first { $0.path == [.key(k)] && ($0.kind == .date || $0.kind == .phone || $0.kind == .positiveInteger) }
    }

    /// The largest count accepted (2^53: every whole number up to it is exact as a Double).
    static let maxCount = 9_007_199_254_740_992.0

    static func count(_ s: String) -> Int { s.filter { !$0.isWhitespace }.count }

    private static func check(_ v: Value, field: ProgrammeSchema.Field, at location: SourceLocation?, problems: inout [Problem]) {
        func add(_ severity: Problem.Severity, _ zh: String, _ en: String) {
            problems.append(Problem(severity: severity, location: location, chinese: zh, english: en))
        }
        let label = field.labels.first ?? field.gloss
        switch (field.kind, v) {
        case (.text, .object), (.limitedText, .object), (.approximateText, .object), (.phone, .object), (.date, .object):
            // A group of keys where text belongs would print as nothing.
            add(.error, "\(label) 应为文字，这里是一组键值", "\(field.gloss) should be text, the data gives a group of keys")
            return
        default: break
        }
        switch field.kind {
        case .limitedText(let max):
            let n = count(v.description)
            if n > max { add(.error, "\(label)超过\(max)字（现为\(n)字）", "\(field.gloss) has \(n) characters, at most \(max) allowed") }
        case .approximateText(let target):
            let n = count(v.description)
            if Double(n) > Double(target) * 1.2 {
                add(.warning, "\(label)约\(target)字为宜（现为\(n)字）", "\(field.gloss) should be about \(target) characters, has \(n)")
            }
        case .positiveInteger:
            switch v {
            // 1e400 reads as infinity: a count must be finite and no larger than an Int holds exactly.
            case .number(let n) where n.isFinite && n == n.rounded() && n > 0 && n <= Validator.maxCount: break
            case .string(let s) where Int(s.trimmingCharacters(in: .whitespaces)).map({ $0 > 0 }) == true: break
            default: add(.error, "\(label)应为正整数（现为“\(v)”）", "\(field.gloss) must be a positive whole number, got ‘\(v)’")
            }
        case .phone:
            let s = v.description
            if !s.isEmpty && !plausiblePhone(s) {
                add(.error, "\(label)“\(s)”不像电话号码", "‘\(s)’ does not look like a phone number (mobile 1xxxxxxxxxx or landline 0xxx-xxxxxxx)")
            }
        case .date:
            switch v {
            case .date, .null: break
            case .string(let s) where s.isEmpty: break
            case .string(let s):
                if DateValue(parsing: s) == nil {
                    add(.error, "\(label)“\(s)”不是有效日期", "‘\(s)’ is not a real date (expected e.g. 2022-05-09 or 2022年5月9日)")
                }
            default: add(.error, "\(label)应为日期", "\(field.gloss) must be a date")
            }
        case .text, .list, .record:
            break
        }
    }

    /// Mobile numbers (11 digits starting 1), landlines with an area code (0xx-xxxxxxxx, with an
    /// optional extension), and 400/800 service numbers.
    public static func plausiblePhone(_ s: String) -> Bool {
        let t = s.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        let patterns = [#"^1[3-9]\d{9}$"#, #"^(\(0\d{2,3}\)|0\d{2,3}-?)\d{7,8}(-\d{1,6})?$"#, #"^[48]00-?\d{3}-?\d{4}$"#, #"^\d{7,8}$"#]
        return patterns.contains { t.range(of: $0, options: .regularExpression) != nil }
    }
}
