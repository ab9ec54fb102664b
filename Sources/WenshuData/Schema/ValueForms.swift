import Foundation
import WenshuCore

/// Text typed where a whole number or a date belongs, read as what it means when that is not in
/// doubt: full-width digits (３６, ２０２３年６月２８日, as a Chinese input method types them) as
/// their ASCII digits, with a note; a date written 2023.6.28 or 2023/6/28 in a General cell as the
/// date. Anything else is left for `FieldCheck` to refuse at its cell with the forms accepted.
enum ValueForms {
    /// The value `v` of `field` read as its type, and a note when it was changed from what was typed
    /// (nil: left as it is).
    static func read(_ v: Value, as field: FieldSchema.Field, label: String) -> (Value, Problem?)? {
        guard field.type == .wholeNumber || field.type == .date, case .string(let typed) = v else { return nil }
        let wide = typed.unicodeScalars.contains { (0xFF10...0xFF19).contains($0.value) }
        // NFKC folds full-width digits and marks (．／－) to ASCII, and nothing a number or date needs otherwise.
        let text = (wide ? typed.precomposedStringWithCompatibilityMapping : typed).trimmingCharacters(in: .whitespaces)
        let read: Value
        switch field.type {
        case .wholeNumber:
            guard let n = Int(text) else { return nil }
            read = .number(Double(n))
        default:
            guard let d = DateValue(parsing: text) else { return wide ? (.string(text), nil) : nil }
            read = .date(d)
        }
        let note = wide ? Problem(severity: .note, chinese: "“\(label)”的全角数字“\(typed)”已按“\(read)”读取",
                                  english: "the full-width digits ‘\(typed)’ of \(field.key) were read as ‘\(read)’",
                                  hint: "以后可用半角数字填写") : nil
        return (read, note)
    }
}
