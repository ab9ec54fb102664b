import Foundation

/// Wenshu's one reader of dates written as text (the loaders, the validator, the `date` filters and
/// the batch's lists all read dates through it).
///
/// Exactly (a table cell, a YAML scalar): 2022-05-09, 2022/5/9 and 2022年5月9日, and nothing else
/// around them. Leniently (a value a template or the schema is asked to take as a date): any of
/// - / . 年 月 日 between the three numbers, 日 optional, spaces around.
public enum DateForms {
    /// The parts of `text` when it writes a date (the date may still not exist, as 2022-02-30).
    public static func parts(_ text: String, lenient: Bool = false) -> (year: Int, month: Int, day: Int)? {
        let trimmed = lenient ? text.trimmingCharacters(in: .whitespaces) : text
        // Cheap refusals first, before any copy: a cell is read for a date on every row of a long list.
        let view = trimmed.utf8
        guard view.count >= (lenient ? 5 : 8), view.count <= (lenient ? 40 : 17), let head = view.first, head >= 0x30, head <= 0x39 else {
            return nil
        }
        let u = Array(view)
        var i = 0
        func number(_ minDigits: Int, _ maxDigits: Int) -> Int? {
            var n = 0, count = 0
            while i < u.count, count < maxDigits, u[i] >= 0x30, u[i] <= 0x39 { n = n * 10 + Int(u[i] - 0x30); count += 1; i += 1 }
            return count >= minDigits ? n : nil
        }
        func take(_ word: [UInt8]) -> Bool {
            guard u.count - i >= word.count, u[i..<(i + word.count)].elementsEqual(word) else { return false }
            i += word.count; return true
        }
        /// One of the separators, or nil.
        func separator() -> [UInt8]? {
            for s in separators where take(s) { return s }
            return nil
        }
        guard let year = number(4, 4), let first = separator(), let month = number(1, 2), let second = separator(),
              let day = number(1, 2) else { return nil }
        if lenient {
            _ = separator()   // 2022年5月9日, or a stray mark after the day (2022.5.9.)
        } else {
            // Exactly: - - or / /, or 年 月 日.
            guard first == nian ? second == yue && take(ri) : second == first && (first == dash || first == slash) else { return nil }
        }
        guard i == u.count else { return nil }
        return (year, month, day)
    }

    private static let nian = Array("年".utf8), yue = Array("月".utf8), ri = Array("日".utf8)
    private static let dash = Array("-".utf8), slash = Array("/".utf8)
    private static let separators: [[UInt8]] = [dash, slash, nian, yue, Array(".".utf8), ri]

    /// The date `text` writes, when it is exactly a date form and the date exists.
    public static func date(_ text: String, lenient: Bool = false) -> DateValue? {
        guard let p = parts(text, lenient: lenient) else { return nil }
        return DateValue(year: p.year, month: p.month, day: p.day)
    }

    /// A trimmed table cell as a value: a date when it is exactly a date form of an existing date,
    /// else the text (an impossible date such as 2022-02-30 stays text for the validator to flag).
    public static func cell(_ text: String) -> Value {
        if let d = date(text) { return .date(d) }
        return .string(text)
    }
}
