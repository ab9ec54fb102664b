import Foundation
import WenshuCore

/// Reads the data files a document is made from: YAML, JSON, CSV and Excel (.xlsx). Every value
/// keeps where it came from (file and line/column, or file and Sheet!Cell), so that later stages
/// can point at it; every problem is a `DataError` with such a location.
public enum DataLoader {
    /// The file extensions `load` understands (lower case, without the dot).
    public static let supportedExtensions = ["yaml", "yml", "json", "csv", "xlsx"]

    /// Loads a data file by its extension: .yaml/.yml, .json, .csv, .xlsx. For .xlsx, `sheet` picks a
    /// sheet by name (default: the first sheet).
    public static func load(_ path: String, sheet: String? = nil) throws -> DataSet {
        let ext = (path as NSString).pathExtension.lowercased()
        guard supportedExtensions.contains(ext) else {
            throw DataError(unsupportedMessage(ext), at: SourceLocation(file: path))
        }
        if sheet != nil && ext != "xlsx" {
            throw DataError("a sheet can only be chosen in an .xlsx file", at: SourceLocation(file: path))
        }
        let data = try read(path)
        switch ext {
        case "xlsx":
            return try XLSXLoader.load(data: data, file: path, sheet: sheet)
        case "csv":
            return try CSVLoader.load(text: TextDecoding.decode(data, file: path, kind: "CSV"), file: path)
        case "json":
            return try JSONLoader.load(text: TextDecoding.decode(data, file: path, kind: "JSON"), file: path)
        default:
            return try YAMLLoader.load(text: TextDecoding.decode(data, file: path, kind: "YAML"), file: path)
        }
    }

    /// Loads several files and merges them in order (later wins), as `wenshu build T a.yaml b.yaml` does.
    public static func load(_ paths: [String]) throws -> DataSet {
        var result = DataSet()
        for path in paths { result.merge(try load(path)) }
        return result
    }

    static func read(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DataError("this is a folder, not a data file", at: SourceLocation(file: path))
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DataError("cannot read the file (does it exist?)", at: SourceLocation(file: path))
        }
    }

    static func unsupportedMessage(_ ext: String) -> String {
        let supported = "supported are .yaml, .yml, .json, .csv and .xlsx"
        switch ext {
        case "":
            return "the file name has no extension (\(supported))"
        case "xls", "et", "ods", "numbers", "xlsm", "xlsb":
            return "cannot read .\(ext) files; save the sheet as an Excel workbook (.xlsx) or as CSV UTF-8 (\(supported))"
        default:
            return "cannot read .\(ext) files (\(supported))"
        }
    }
}
