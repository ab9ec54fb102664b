/// PDF text strings (ISO 32000-1 §7.9.2.2): UTF-16BE after a byte-order mark, UTF-8 after its
/// mark (PDF 2.0), else PDFDocEncoding (read here as Latin-1, which it equals for the characters
/// Cairo writes unmarked: printable ASCII).
enum PDFTextString {
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            var units: [UInt16] = []
            var k = 2
            while k + 1 < bytes.count {
                units.append(UInt16(bytes[k]) << 8 | UInt16(bytes[k + 1]))
                k += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        return String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    /// `text` as a PDF text string: plain bytes when printable ASCII, else UTF-16BE with its mark.
    static func encode(_ text: String) -> [UInt8] {
        if text.unicodeScalars.allSatisfy({ (0x20..<0x7F).contains($0.value) }) { return Array(text.utf8) }
        var out: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { out += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        return out
    }
}
