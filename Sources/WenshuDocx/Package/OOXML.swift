import WenshuCore

/// The small vocabulary every part shares: XML escaping and Word's units, each converted with
/// rounding that cannot trap (a length from input may be huge or not a number).
enum OOXML {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// Text or an attribute value with &, <, >, " escaped and characters XML 1.0 forbids dropped.
    static func escape(_ s: String) -> String { XMLEscape.escape(s) }

    /// `value` rounded to an integer within ±limit; 0 when not a number.
    static func clamped(_ value: Double, limit: Double = 1e9) -> Int {
        guard value.isFinite else { return 0 }
        return Int(min(max(value.rounded(), -limit), limit))
    }

    /// Twentieths of a point (dxa), the unit of page geometry, indents and spacing.
    static func twips(_ l: Length) -> Int { clamped(l.points * 20, limit: 31_680 * 100) }
    /// Half-points, the unit of font sizes (1…1638).
    static func halfPoints(_ l: Length) -> Int { min(max(clamped(l.points * 2), 1), 1638) }
    /// Eighths of a point, the unit of border widths (2…96 for line borders).
    static func eighths(_ l: Length) -> Int { min(max(clamped(l.points * 8), 2), 96) }
    /// English Metric Units (12,700 a point), the unit of drawings.
    static func emu(_ l: Length) -> Int { clamped(l.points * 12_700, limit: 27_273_042_316_900) }
    /// A colour as Word writes it: six hex digits, no #.
    static func hex(_ c: Color) -> String { String(c.hex.dropFirst()) }
}
