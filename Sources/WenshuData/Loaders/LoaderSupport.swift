import Foundation
import WenshuCore

/// Turning the bytes of a text data file (YAML, JSON, CSV) into a `String`.
enum TextDecoding {
    /// GB18030 (a superset of GBK and GB2312), as Excel and Notepad on Chinese Windows save "ANSI"
    /// text. The raw value is `CFStringConvertEncodingToNSStringEncoding(kCFStringEncodingGB_18030_2000)`,
    /// which Linux Foundation does not export by name.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The text of `data`: UTF-8 (a byte-order mark is dropped), UTF-16 with a byte-order mark, or
    /// else GB18030/GBK. Binary content (a zip, an old .xls, NUL bytes) is an error naming what the
    /// file seems to be.
    static func decode(_ data: Data, file: String, kind: String) throws -> String {
        let bytes = [UInt8](data.prefix(8))
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw DataError("this is a zip file (an Excel .xlsx?), not \(kind) text; give it the right extension",
                            at: SourceLocation(file: file))
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw DataError("this is an old Excel .xls file, not \(kind) text; save it as .xlsx or as CSV UTF-8",
                            at: SourceLocation(file: file))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = String(data: data.dropFirst(3), encoding: .utf8) else { throw notText(data, file, kind) }
            return s
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let s = String(data: data.dropFirst(2), encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
                throw notText(data, file, kind)
            }
            return s
        }
        if data.contains(0) { throw notText(data, file, kind) }
        if let s = String(data: data, encoding: .utf8) { return s }
        if let s = String(data: data, encoding: gb18030) { return s }
        throw notText(data, file, kind)
    }

    private static func notText(_ data: Data, _ file: String, _ kind: String) -> DataError {
        // Name the line of the first byte that is not UTF-8, so that the odd character can be found.
        let line = firstInvalidLine([UInt8](data))
        let (zh, en) = kind == "CSV"
            ? ("请另存为 UTF-8（Excel 中选“CSV UTF-8”）", "save the CSV as UTF-8; in Excel choose \"CSV UTF-8\"")
            : ("请另存为 UTF-8", "save the file as UTF-8")
        return DataError("第 \(line) 行起不是 UTF-8 或 GBK 文本，\(zh)", "not UTF-8 or GBK text from line \(line); \(en)",
                         at: SourceLocation(file: file, line: line))
    }

    /// The line of the first byte of `bytes` that is not UTF-8 (lines end in \n, \r\n or a lone \r).
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b == 0 ? 0 : b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0
            guard length > 0, i + length <= bytes.count,
                  bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) else { break }
            if b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { line += 1 }
            i += length
        }
        return line
    }
}

extension String {
    /// The text without surrounding spaces (ASCII, full-width 　, tabs) and line breaks, as every
    /// table cell is read.
    public var trimmedCell: String {
        guard let f = utf8.first, let l = utf8.last else { return self }
        // Fast path: an ASCII letter, digit or punctuation at both ends needs no trimming.
        if f > 0x20 && f < 0x7F && l > 0x20 && l < 0x7F { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
