import Foundation
import WenshuCore

/// The text of a CSV file as UTF-8 bytes, decoded once (`TextDecoding`: UTF-8 with or without a
/// BOM, UTF-16 with a BOM, else GB18030), with its separator. `CSVParser` reads records from it
/// at any record start, so a long list can be indexed once and a row read again when it is needed.
public final class CSVText: Sendable {
    public let bytes: [UInt8]
    public let delimiter: UInt8
    /// The file, for places in errors.
    public let file: String

    public init(bytes: [UInt8], delimiter: UInt8, file: String) {
        self.bytes = bytes; self.delimiter = delimiter; self.file = file
    }

    /// Text already decoded; the separator is detected.
    public convenience init(text: String, file: String) {
        let bytes = Array(text.utf8)
        self.init(bytes: bytes, delimiter: CSVText.detectDelimiter(bytes), file: file)
    }

    /// The file at `path`, decoded as every data file is (`DataLoader.read` checks its size).
    public convenience init(path: String, limits: Limits = .standard) throws {
        let data = try DataLoader.read(path, limits: limits)
        self.init(text: try TextDecoding.decode(data, file: path, kind: "CSV"), file: path)
    }

    /// The separator of the table: a comma, unless the first line has none but has tabs or
    /// semicolons (Excel in some regions, and "Unicode text" exports).
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var comma = 0, tab = 0, semicolon = 0
        var inQuotes = false
        for b in bytes {
            if b == 0x22 { inQuotes.toggle() }
            if inQuotes { continue }
            if b == 0x0A || b == 0x0D {
                if comma + tab + semicolon > 0 { break } else { continue }
            }
            switch b {
            case 0x2C: comma += 1
            case 0x09: tab += 1
            case 0x3B: semicolon += 1
            default: break
            }
        }
        if comma > 0 { return 0x2C }
        if tab > 0 { return 0x09 }
        if semicolon > 0 { return 0x3B }
        return 0x2C
    }
}
