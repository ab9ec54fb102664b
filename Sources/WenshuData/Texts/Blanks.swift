/// Blanks at the ends of a line, trimmed without Foundation: the characters of
/// `CharacterSet.whitespaces` as swift-corelibs-foundation has them (tab, Unicode's space
/// separators, Zs: the ideographic space U+3000, no-break space, the fixed-width spaces; and the
/// zero-width space U+200B), so `Blanks.trim(s)` equals
/// `s.trimmingCharacters(in: .whitespaces)`, which bridges every line to NSString (a tenth of a
/// long report's instructions went there).
public enum Blanks {
    /// True for a tab or a space separator (Zs).
    public static func isBlank(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || s.value == 0x09 }
        return s.value == 0x200B || s.properties.generalCategory == .spaceSeparator
    }

    /// `text` without the blanks at either end.
    public static func trim(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isBlank($0) }),
              let end = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(scalars[start...end])
    }

    public static func trim(_ text: String) -> String { trim(text[...]) }

    /// `text` with CRLF line ends made LF, and a lone CR too unless `keepLoneCR`; the text itself
    /// when it has no CR (no copy). Folds as `replacingOccurrences` of "\r\n", then of "\r", did.
    public static func unixLineEnds(_ text: String, keepLoneCR: Bool = false) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return String(decoding: text.utf8.split(separator: 0x0D, omittingEmptySubsequences: false).enumerated().flatMap { i, part -> [UInt8] in
            i == 0 ? Array(part) : (part.first == 0x0A ? Array(part) : [keepLoneCR ? 0x0D : 0x0A] + Array(part))
        }, as: UTF8.self)
    }

    /// `text` cut at its LF characters, as `text.split(separator: "\n", omittingEmptySubsequences:
    /// false)` cuts it. With no CR in the text a line feed is always a character of its own, and
    /// the text is cut by its bytes, without walking it character by character.
    public static func lines(_ text: String) -> [Substring] {
        guard !text.utf8.contains(0x0D) else { return text.split(separator: "\n", omittingEmptySubsequences: false) }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }
}
