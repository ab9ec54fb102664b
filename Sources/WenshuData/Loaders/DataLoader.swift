import Foundation
import WenshuCore

/// Reads the data files a document is made from: YAML, JSON, CSV and Excel (.xlsx). Every value
/// keeps where it came from (file and line/column, or file and Sheet!Cell), so that later stages
/// can point at it; every problem is a `DataError` with such a location.
public enum DataLoader {
    /// The file extensions `load` understands (lower case, without the dot).
    public static let supportedExtensions = ["yaml", "yml", "json", "csv", "xlsx", "txt", "docx"]

    /// Loads a data file by its extension: .yaml/.yml, .json, .csv, .xlsx. For .xlsx, `sheet` picks a
    /// sheet by name (default: the first sheet). A file past one of `limits` is refused. The file is
    /// read from `world` (the file system unless told otherwise).
    public static func load(_ path: String, sheet: String? = nil, limits: Limits = .standard,
                            world: any World = FileWorld()) throws -> DataSet {
        let ext = (path as NSString).pathExtension.lowercased()
        guard supportedExtensions.contains(ext) else {
            throw DataError(unsupportedMessage(ext), at: SourceLocation(file: path))
        }
        if sheet != nil && ext != "xlsx" {
            throw DataError("a sheet can only be chosen in an .xlsx file", at: SourceLocation(file: path))
        }
        let data = try read(path, limits: limits, world: world)
        return try load(data: data, format: ext, file: path, sheet: sheet, limits: limits)
    }

    /// The worksheets of the .xlsx workbook at `path`, in order, with whether each is hidden.
    public static func sheets(_ path: String, limits: Limits = .standard, world: any World = FileWorld()) throws -> [(name: String, hidden: Bool)] {
        try XLSXLoader.sheets(data: try read(path, limits: limits, world: world), file: path, limits: limits)
    }

    /// Loads a data file's bytes already read: `format` is its extension (yaml, yml, json, csv,
    /// xlsx); `file` names it in errors.
    public static func load(data: Data, format: String, file: String, sheet: String? = nil,
                            limits: Limits = .standard) throws -> DataSet {
        switch format.lowercased() {
        case "xlsx":
            return try XLSXLoader.load(data: data, file: file, sheet: sheet, limits: limits)
        case "csv":
            return try CSVLoader.load(text: text(of: data, file: file, kind: "CSV"), file: file, limits: limits)
        case "json":
            return try JSONLoader.load(text: text(of: data, file: file, kind: "JSON"), file: file, limits: limits)
        case "yaml", "yml":
            return try YAMLLoader.load(text: text(of: data, file: file, kind: "YAML"), file: file, limits: limits)
        case "txt", "docx":
            return try LongTextFile.load(data: data, format: format.lowercased(), file: file, limits: limits)
        default:
            throw DataError(unsupportedMessage(format), at: SourceLocation(file: file))
        }
    }

    /// The text of a data file's bytes, as every loader reads it: UTF-8 (with or without a BOM),
    /// UTF-16 with a BOM, else GB18030/GBK. Bytes that are none of these are an error naming the
    /// line of the first byte that is not UTF-8; `kind` (CSV, YAML, JSON) words the hint.
    public static func text(of data: Data, file: String, kind: String) throws -> String {
        try TextDecoding.decode(data, file: file, kind: kind)
    }

    /// The UTF-8 text of `bytes`, or the line of the first byte that is not UTF-8.
    public static func utf8Text(_ bytes: [UInt8]) -> Result<String, NotUTF8> {
        if let s = String(validating: bytes, as: UTF8.self) { return .success(s) }
        return .failure(NotUTF8(line: TextDecoding.firstInvalidLine(bytes)))
    }

    /// Bytes that are not UTF-8 from `line` on.
    public struct NotUTF8: Error { public var line: Int }

    /// Loads several files and merges them in order (later wins), as `wenshu build T a.yaml b.yaml` does.
    public static func load(_ paths: [String], limits: Limits = .standard) throws -> DataSet {
        var result = DataSet()
        for path in paths { result.merge(try load(path, limits: limits)) }
        return result
    }

    /// The bytes of the data file at `path` in `world`, whole (the file system's: a regular file only).
    public static func read(_ path: String, limits: Limits = .standard, world: any World = FileWorld()) throws -> Data {
        switch world.entry(path) {
        case .folder?:
            throw DataError("this is a folder, not a data file", at: SourceLocation(file: path))
        case nil:
            throw DataError("无法读取文件，它存在吗？", "cannot read the file (does it exist?)", at: SourceLocation(file: path))
        case .file?, .other?:
            break
        }
        do {
            return try world.read(path, limit: limits.maxDataFileBytes)
        } catch {
            if error.reason.hasPrefix("文件太大") {
                // Past the budget: say what to do with a data file (the reader's words are generic).
                throw DataError("数据文件超过 \(Limits.size(limits.maxDataFileBytes))，请拆分后分别处理",
                                "the data file is larger than \(Limits.size(limits.maxDataFileBytes)); split it into smaller files",
                                at: SourceLocation(file: path))
            }
            throw DataError("无法读取数据文件（cannot read the data file）：\(error.reason)", at: SourceLocation(file: path))
        }
    }

    static func unsupportedMessage(_ ext: String) -> String {
        let supported = "supported are .yaml, .yml, .json, .csv and .xlsx, and .docx or .txt for a long text"
        switch ext {
        case "doc", "wps", "rtf", "odt":
            return "cannot read .\(ext) files; save the text as a Word document (.docx) or as .txt (\(supported))"
        case "":
            return "the file name has no extension (\(supported))"
        case "xls", "et", "ods", "numbers", "xlsm", "xlsb":
            return "cannot read .\(ext) files; save the sheet as an Excel workbook (.xlsx) or as CSV UTF-8 (\(supported))"
        default:
            return "cannot read .\(ext) files (\(supported))"
        }
    }
}
