import Foundation
import WenshuCore

/// Builds one XML part of an OFD package: every element in the standard's namespace with the
/// `ofd:` prefix, attributes unqualified, text and attribute values escaped. Attributes whose
/// value is nil are left out, so optional attributes read as they are written.
struct OFDXML {
    /// The namespace of GB/T 33190-2016.
    static let namespace = "http://www.ofdspec.org/2016"

    private(set) var text: String
    private var open: [String] = []
    /// A fragment (elements to be appended inside another part) has no prolog and declares no namespace.
    private let isFragment: Bool

    init(fragment: Bool = false) {
        isFragment = fragment
        text = fragment ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    }

    /// Whether nothing has been written (a fragment only).
    var isEmpty: Bool { isFragment && text.isEmpty }

    /// Appends a fragment's elements inside the open element.
    mutating func append(_ fragment: OFDXML) { text += fragment.text }

    /// Opens `name` (the root also declares the namespace).
    mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        text += "<ofd:" + name
        if open.isEmpty && !isFragment { text += " xmlns:ofd=\"\(Self.namespace)\"" }
        write(attributes)
        text += ">"
        open.append(name)
    }

    /// Closes the innermost open element.
    mutating func end() {
        guard let name = open.popLast() else { return }
        text += "</ofd:\(name)>"
        if open.isEmpty && !isFragment { text += "\n" }
    }

    /// An element with attributes and optional text content, closed at once.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text content: String? = nil) {
        text += "<ofd:" + name
        write(attributes)
        if let content {
            text += ">" + Self.escape(content) + "</ofd:\(name)>"
        } else {
            text += "/>"
        }
    }

    /// The part as UTF-8 bytes.
    var data: Data { Data(text.utf8) }

    private mutating func write(_ attributes: KeyValuePairs<String, String?>) {
        for (key, value) in attributes {
            guard let value else { continue }
            text += " \(key)=\"\(Self.escape(value, attribute: true))\""
        }
    }

    /// `s` with the characters XML reserves escaped, and those XML 1.0 forbids replaced.
    static func escape(_ s: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                // A character XML 1.0 forbids becomes U+FFFD rather than nothing: a TextCode's
                // DeltaX counts its characters.
                let forbidden = u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF
                out.unicodeScalars.append(forbidden ? "\u{FFFD}" : u)
            }
        }
        return out
    }
}

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
