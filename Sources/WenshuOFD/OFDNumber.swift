import Foundation
import WenshuCore

/// Numbers as OFD writes them: millimetres with at most three decimals (a micrometre), no
/// trailing zeros, never "-0".
enum OFDNumber {
    static func mm(_ length: Length) -> String { format(length.millimetres) }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let thousandths = (value * 1000).rounded()
        if thousandths == 0 { return "0" }
        // Integer digits (String(format:) is slow on Linux, and a page holds thousands of numbers);
        // a value too large for an Int (no page is) keeps the slow way.
        guard abs(thousandths) < 1e15 else { return String(format: "%.3f", thousandths / 1000) }
        let t = Int(abs(thousandths))
        let whole = (thousandths < 0 ? "-" : "") + String(t / 1000)
        var fraction = t % 1000
        guard fraction != 0 else { return whole }
        var digits = 3
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let f = String(fraction)
        return whole + "." + String(repeating: "0", count: digits - f.count) + f
    }

    /// Several numbers separated by spaces (ST_Array, ST_Box, ST_Pos).
    static func list(_ values: [Double]) -> String { values.map(format).joined(separator: " ") }

    /// A colour as CT_Color's Value: "R G B", each 0–255.
    static func rgb(_ c: Color) -> String {
        [c.red, c.green, c.blue].map { String(Int((min(1, max(0, $0)) * 255).rounded())) }.joined(separator: " ")
    }

    /// A colour's Alpha (0–255), nil when opaque (the default).
    static func alpha(_ c: Color) -> String? {
        c.alpha >= 1 ? nil : String(Int((max(0, c.alpha) * 255).rounded()))
    }
}
