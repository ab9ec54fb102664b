import Foundation
import WenshuCore

/// A long text given as a file of its own: a Word document (.docx) or a text file (.txt).
///
/// As a data file (`wenshu build application 学校信息.xlsx 创建报告.docx`) the file fills the field
/// its name gives: 创建报告.docx is `{创建报告: …}`, which the template's schema maps to its key as
/// any label. In a data value, `见 创建报告.docx` (or the file name alone) stands for the file's
/// text, found beside the data file (`resolveReferences`).
public enum LongTextFile {
    public static let extensions: Set<String> = ["txt", "docx"]

    /// The text of a .docx or .txt file's bytes.
    public static func read(data: Data, format: String, file: String, limits: Limits = .standard) throws -> LongText {
        // An old binary Word file (.doc, or a .docx saved with a password) is neither a zip nor text.
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw OfficeKind.docx.oldFormat(file, data: data) }
        return format == "docx" ? try DocxTextReader.read(data, file: file, limits: limits) : try PlainTextReader.read(data, file: file)
    }

    /// The file as a data set of one field, named by the file's name without its extension.
    static func load(data: Data, format: String, file: String, limits: Limits) throws -> DataSet {
        let text = try read(data: data, format: format, file: file, limits: limits)
        let field = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var record = Record()
        record[field] = .string(text.text)
        var set = DataSet(root: .object(record), locations: [[]: SourceLocation(file: file), [.key(field)]: SourceLocation(file: file, line: 1)])
        set.notes = text.notes
        return set
    }

    /// The file a value refers to: `见 创建报告.docx`, `见《创建报告.docx》`, `详见 report.txt` or the
    /// name alone, nothing else in the value.
    public static func reference(in value: String) -> String? {
        var s = value.trimmingCharacters(in: .whitespacesAndNewlines)
        for lead in ["详见", "见", "参见"] where s.hasPrefix(lead) { s = String(s.dropFirst(lead.count)).trimmingCharacters(in: .whitespaces); break }
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: "《》“”\"'：:"))
        let ext = (s as NSString).pathExtension.lowercased()
        guard extensions.contains(ext), !s.contains("\n"), s.count < 256 else { return nil }
        return s
    }

    /// Replaces every string value of `data` that refers to a .docx or .txt file (`reference`) by
    /// that file's text. The file is looked for in `folder` (the data file's folder) and must stay
    /// inside it; a reference to a missing file is an error at the value's place.
    public static func resolveReferences(_ data: DataSet, folder: String, limits: Limits = .standard,
                                         world: any World = FileWorld()) throws -> DataSet {
        var out = data
        func visit(_ v: Value, _ path: ValuePath) throws -> Value {
            switch v {
            case .string(let s):
                guard let name = reference(in: s) else { return v }
                let at = data.location(of: path)
                guard !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
                    throw DataError("“\(s)”指向数据文件夹以外的文件；请把文件放在数据文件旁边", "a referenced text must lie beside the data file", at: at)
                }
                let path = (folder as NSString).appendingPathComponent(name)
                guard world.entry(path) != nil else {
                    throw DataError("找不到“\(name)”；请把它放在数据文件旁边，或改正文件名", "no file ‘\(name)’ beside the data file", at: at)
                }
                let bytes = try DataLoader.read(path, limits: limits, world: world)
                let text = try read(data: bytes, format: (name as NSString).pathExtension.lowercased(), file: path, limits: limits)
                out.notes += text.notes
                return .string(text.text)
            case .object(var r):
                for (k, x) in r.pairs { r[k] = try visit(x, path + [.key(k)]) }
                return .object(r)
            case .array(let a):
                return .array(try a.enumerated().map { try visit($1, path + [.index($0)]) })
            default:
                return v
            }
        }
        out.root = try visit(data.root, [])
        return out
    }
}
