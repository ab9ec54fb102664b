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

    /// The error for an old binary (OLE compound) file: a password-protected package (Office keeps
    /// an encrypted .xlsx or .docx as an OLE file holding an `EncryptedPackage` stream), else an old
    /// .xls or .doc.
    func oldFormat(_ file: String, data: Data) -> DataError {
        let place = SourceLocation(file: file)
        let encrypted = OfficeKind.containsUTF16(data, "EncryptedPackage")
        switch (self, encrypted) {
        case (.xlsx, true):
            return DataError("工作簿已加密：请在 Excel 或 WPS 中取消密码后另存为 .xlsx",
                             "the workbook is password-protected; remove the password in Excel or WPS and save it again", at: place)
        case (.xlsx, false):
            return DataError("这是旧版 .xls 文件：请在 Excel 或 WPS 中另存为 .xlsx",
                             "an old Excel 97–2003 .xls file; save it as .xlsx in Excel or WPS", at: place)
        case (.docx, true):
            return DataError("文档已加密：请在 Word 或 WPS 中取消密码后另存为 .docx",
                             "the document is password-protected; remove the password in Word or WPS and save it again", at: place)
        case (.docx, false):
            return DataError("这是旧版 Word 97–2003 .doc 文件，请在 Word 或 WPS 中另存为 .docx",
                             "an old Word 97–2003 .doc file; save it as .docx in Word or WPS", at: place)
        }
    }

    /// The error for a file that is not a zip at all: said as what it is when it shows (a web page
    /// or Excel 2003 XML saved under the name, a CSV or text file renamed), else as not a package.
    func notPackage(_ file: String, data: Data) -> DataError {
        let place = SourceLocation(file: file)
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
            .trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
        if head.hasPrefix("<") {
            if head.contains("urn:schemas-microsoft-com:office:spreadsheet") {
                return DataError("这是 Excel 2003 XML 表格，不是 \(ext) 文件：请在 \(app) 或 WPS 中打开后另存为 \(ext)",
                                 "an Excel 2003 XML spreadsheet, not an \(ext) file; open it and save it as \(ext)", at: place)
            }
            if head.contains("<html") || head.contains("<!doctype") || head.contains("<table") {
                return DataError("这是改了扩展名的网页 HTML 文件，不是 \(ext) 文件：请在 \(app) 或 WPS 中打开后另存为 \(ext)",
                                 "a web page (HTML) renamed, not an \(ext) file; open it in \(app) or WPS and save it as \(ext)", at: place)
            }
        }
        let sample = data.prefix(4096)
        if self == .xlsx, !sample.contains(0), sample.contains(where: { $0 == 0x2C || $0 == 0x09 }) {
            return DataError("这是改了扩展名的 CSV 文本文件，不是 .xlsx 文件：请把扩展名改回 .csv，或在 Excel 或 WPS 中另存为 .xlsx",
                             "a text (CSV) file renamed, not an .xlsx file; name it .csv again, or save it as .xlsx", at: place)
        }
        return DataError("不是 \(ext) 文件（不是 zip 包），请在 \(app) 中另存为 \(ext)",
                         "not an \(ext) file (it is not a zip archive)", at: place)
    }

    /// Whether `data` holds `name` in UTF-16LE, as an OLE file's directory names its streams.
    static func containsUTF16(_ data: Data, _ name: String) -> Bool {
        let needle = Data(name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return data.range(of: needle) != nil
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
            if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw kind.oldFormat(file, data: data) }
            throw kind.notPackage(file, data: data)
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
