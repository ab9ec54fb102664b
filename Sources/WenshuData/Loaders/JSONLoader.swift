import Foundation
import WenshuCore

/// Reads JSON data files through the YAML parser (JSON is YAML's flow syntax), so that every value
/// has its line and column. Numbers stay numbers (JSON writers quote phone numbers); a string that
/// is exactly a date (2022-05-09, 2022/5/9, 2022年5月9日) becomes a date, as JSON has no dates.
enum JSONLoader {
    static func load(text: String, file: String, limits: Limits = .standard) throws -> DataSet {
        var line = 1, column = 1
        for c in text.unicodeScalars {
            switch c {
            case "\n": line += 1; column = 1
            case " ", "\t", "\r": column += 1
            case "{", "[":
                var converter = NodeConverter(file: file, syntax: .json, limits: limits)
                return try converter.load(text)
            default:
                throw DataError("expected a JSON object or array (a '{' or '[')", at: SourceLocation(file: file, line: line, column: column))
            }
        }
        throw DataError("expected a JSON object or array, but the file is empty", at: SourceLocation(file: file, line: line, column: column))
    }
}
