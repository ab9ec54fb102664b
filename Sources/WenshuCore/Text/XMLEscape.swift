/// Text made safe for XML 1.0 (content and attribute values): the reserved characters escaped and
/// the characters XML 1.0 forbids (controls other than tab, newline and return; U+FFFE, U+FFFF)
/// dropped or replaced. One function for every writer of XML: Word parts, OFD parts, XMP packets.
public enum XMLEscape {
    /// What becomes of a character XML 1.0 forbids.
    public enum Forbidden: Sendable {
        /// Left out.
        case drop
        /// U+FFFD in its place, so that a count of characters stays right (an OFD TextCode's DeltaX).
        case replace
    }

    /// - Parameters:
    ///   - quotes: escape `"` (for attribute values; harmless in content).
    ///   - newlines: write a newline as `&#10;` (attribute values, where a parser would fold it).
    public static func escape(_ s: String, quotes: Bool = true, newlines: Bool = false, forbidden: Forbidden = .drop) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "\n" where newlines: out += "&#10;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                    if forbidden == .replace { out.unicodeScalars.append("\u{FFFD}") }
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }
}
