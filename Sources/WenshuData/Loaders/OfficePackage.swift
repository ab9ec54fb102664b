import Foundation
import WenshuCore
import ZIPFoundation

/// The two kinds of Office zip package Wenshu reads, with the words their messages use.
enum OfficeKind: String, Sendable {
    case xlsx, docx

    var ext: String { "." + rawValue }
    var app: String { self == .xlsx ? "Excel" : "Word" }
    /// What to do with a package too large to read.
    var split: (zh: String, en: String) {
        self == .xlsx ? ("请拆分工作簿或另存为 CSV", "split the workbook or save it as CSV")
                      : ("请删去文档中的图片等大对象，或另存为纯文本 .txt", "remove large objects such as pictures, or save the text as .txt")
    }

    /// The error for an old binary (OLE) file: a .xls or .doc, or a password-protected package.
    func oldFormat(_ file: String) -> DataError {
        switch self {
        case .xlsx:
            return DataError("not an .xlsx file (it is an old Excel 97–2003 .xls file or a password-protected workbook; save it as .xlsx without a password)",
                             at: SourceLocation(file: file))
        case .docx:
            return DataError("这是旧版 Word 97–2003 .doc 文件或加密文档，请在 Word 或 WPS 中另存为 .docx（不设密码）",
                             "an old Word 97–2003 .doc file or a password-protected document; save it as .docx without a password",
                             at: SourceLocation(file: file))
        }
    }
}

/// The parts of the zip, found by path without regard to case or leading slashes. The zip's
/// directory is checked first (`ZipDirectory`), and the archive is read from a temporary file
/// (ZIPFoundation's reader of bytes in memory traps on some damaged archives).
struct OfficePackage {
    let archive: Archive
    let entries: [String: Entry]
    let file: String
    let limits: Limits
    let kind: OfficeKind
    /// Unpacked bytes so far, against `limits.maxUnpackedBytes`.
    let unpacked = Counter()

    final class Counter: @unchecked Sendable { var value = 0 }

    init(data: Data, file: String, kind: OfficeKind = .xlsx, limits: Limits = .standard) throws {
        self.file = file
        self.kind = kind
        self.limits = limits
        let directory: ZipDirectory
        do {
            directory = try ZipDirectory(data)
        } catch .notZip {
            if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw kind.oldFormat(file) }
            throw DataError("不是 \(kind.ext) 文件（不是 zip 包），请在 \(kind.app) 中另存为 \(kind.ext)",
                            "not an \(kind.ext) file (it is not a zip archive)", at: SourceLocation(file: file))
        } catch .damaged(let why) {
            throw DataError("此 \(kind.ext) 文件已损坏（\(why)），请在 \(kind.app) 中打开并另存一次",
                            "the \(kind.ext) file is damaged (\(why)); open it in \(kind.app) and save it again",
                            at: SourceLocation(file: file))
        }
        for entry in directory.entries where entry.uncompressedSize > limits.maxPartBytes {
            throw OfficePackage.tooLarge(entry.path, limits.maxPartBytes, file, kind)
        }
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("wenshu-\(kind.rawValue)-\(UUID().uuidString).zip")
        let archive: Archive
        do {
            try data.write(to: temporary)
            defer { try? FileManager.default.removeItem(at: temporary) }
            // The archive keeps its file open, so the name can go at once.
            archive = try Archive(url: temporary, accessMode: .read)
        } catch {
            throw DataError("无法读取此 \(kind.ext) 文件，请在 \(kind.app) 中打开并另存一次",
                            "cannot open the \(kind.ext) file; open it in \(kind.app) and save it again", at: SourceLocation(file: file))
        }
        self.archive = archive
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[OfficePackage.normalize(entry.path)] = entry
        }
        self.entries = entries
    }

    static func tooLarge(_ path: String, _ limit: Int, _ file: String, _ kind: OfficeKind) -> DataError {
        DataError("\(kind.ext) 文件中的 \(path) 解压后超过 \(Limits.size(limit))，\(kind.split.zh)",
                  "the \(kind.ext) file is too large to read (\(path) unpacks to more than \(Limits.size(limit))); \(kind.split.en)",
                  at: SourceLocation(file: file))
    }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.replacingOccurrences(of: "\\", with: "/").split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/").lowercased()
    }

    /// The unpacked part, or nil when the zip has no such part.
    func part(_ path: String) throws -> Data? {
        guard let entry = entries[OfficePackage.normalize(path)] else { return nil }
        enum Stop: Error { case part, total }
        let partLimit = limits.maxPartBytes, totalLimit = limits.maxUnpackedBytes
        guard entry.uncompressedSize <= UInt64(partLimit) else { throw OfficePackage.tooLarge(path, partLimit, file, kind) }
        var data = Data()
        let counter = unpacked
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                counter.value += chunk.count
                if data.count > partLimit { throw Stop.part }
                if counter.value > totalLimit { throw Stop.total }
            }
        } catch Stop.part {
            throw OfficePackage.tooLarge(path, partLimit, file, kind)
        } catch Stop.total {
            throw DataError("\(kind.ext) 文件解压后总共超过 \(Limits.size(totalLimit))，\(kind.split.zh)",
                            "the \(kind.ext) file unpacks to more than \(Limits.size(totalLimit)) in all; \(kind.split.en)",
                            at: SourceLocation(file: file))
        } catch {
            throw DataError("此 \(kind.ext) 文件已损坏（\(path) 无法解压），请在 \(kind.app) 中打开并另存一次",
                            "the \(kind.ext) file is damaged (\(path) cannot be unpacked); open it in \(kind.app) and save it again",
                            at: SourceLocation(file: file))
        }
        return data
    }

    func xml(_ data: Data, part: String) throws -> XMLElement {
        do {
            return try XMLReader.parse(data, file: part)
        } catch let error as XMLError {
            if error.isOverLimit {
                throw DataError("\(kind.ext) 文件中的 \(part) 有超出 XML 读取限度的文本或嵌套，请检查后另存",
                                "the \(kind.ext) file is too large to read (\(part) has a text or nesting past the XML reader's limits)",
                                at: SourceLocation(file: file))
            }
            let line = error.location?.line.map { " at line \($0)" } ?? ""
            throw DataError("the \(kind.ext) file is damaged (\(part) is not well-formed XML\(line))", at: SourceLocation(file: file))
        }
    }

    /// The relationships of `part` (from _rels/NAME.rels next to it): Id → (type, target path).
    func relationships(of part: String) throws -> [String: (type: String, path: String)] {
        let dir = (part as NSString).deletingLastPathComponent
        let relsPath = (dir.isEmpty ? "" : dir + "/") + "_rels/" + (part as NSString).lastPathComponent + ".rels"
        guard let data = try self.part(relsPath) else { return [:] }
        var result: [String: (type: String, path: String)] = [:]
        for rel in XLSXLoader.elements(in: try xml(data, part: relsPath), named: "Relationship") {
            guard let id = rel.attributes["Id"], let target = rel.attributes["Target"],
                  rel.attributes["TargetMode"] != "External" else { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : (dir.isEmpty ? target : dir + "/" + target)
            result[id] = (rel.attributes["Type"] ?? "", path)
        }
        return result
    }

}
