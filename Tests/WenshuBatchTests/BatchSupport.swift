import Foundation
import WenshuCore
import WenshuData
import Wenshu
@testable import WenshuBatch
import ZIPFoundation

/// Helpers for the batch tests: folders, lists, runs, reports.
enum BatchSupport {
    static func folder(_ name: String = "batch") throws -> String {
        let dir = NSTemporaryDirectory() + "wenshu-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static var loader: DocumentBuilder { DocumentBuilder(templateSearchPaths: [repositoryRoot + "/templates"]) }

    /// The certificate's fields beside a copy of its template (a copy is a user's template, which
    /// gets only the fields it declares: without them its list's 姓名 column stays 姓名).
    static func copyCertificateFields(to path: String) throws {
        try FileManager.default.copyItem(atPath: repositoryRoot + "/templates/certificate/fields.yaml", toPath: path)
    }

    /// The certificate's column labels → keys (姓名 → name), as `BatchRun` reads its list.
    static func certificateKeys() throws -> [String: String] {
        try SchemaFile.load(repositoryRoot + "/templates/certificate/fields.yaml").columnKeys
    }

    /// Writes `text` as a CSV file and returns its path.
    static func csv(_ text: String, in dir: String, name: String = "list.csv") throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A batch of the certificate template over `list`.
    static func run(_ list: String, output: BatchOptions.Output, configure: (inout BatchOptions) -> Void = { _ in })
        throws -> (BatchSummary, BatchRun) {
        var options = BatchOptions(output: output)
        configure(&options)
        let run = try BatchRun(template: "certificate", list: list, options: options, compiler: sharedCompiler, loader: loader.loader)
        return (try run.run(), run)
    }

    /// The report's rows.
    static func report(_ path: String) throws -> [[String: String]] { try ReportWriter.read(path) }

    /// The PDF files of a folder (no hidden or temporary files).
    static func pdfs(_ dir: String) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") })
    }

    /// Temporary files left in a folder.
    static func temporaries(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".tmp") }
    }

    /// `count` rows of certificates, numbered from 1.
    static func rows(_ count: Int, from first: Int = 1) -> String {
        let names = ["王芳", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊"]
        let schools = ["青石桥实验小学", "清河市第二中学", "育才中学"]
        return (first..<(first + count)).map { i in
            "\(names[i % names.count]),\(schools[i % schools.count]),优秀共产党员,2022-12-20,NO-\(String(format: "%04d", i))"
        }.joined(separator: "\n")
    }

    static let header = "姓名,学校,奖项,日期,证书编号"

    /// Runs a command-line tool and returns its standard output.
    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [name] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = Pipe()
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The page count pdfinfo reports.
    static func pages(_ pdf: String) throws -> Int? {
        let info = try tool("pdfinfo", [pdf])
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
    }
}

/// A minimal .xlsx workbook for the tests, packed with ZIPFoundation: shared strings, numbers, and
/// numbers in a date-formatted cell (Excel's date serials, style 1 = built-in format 14).
struct SheetFixture {
    enum Cell {
        case text(String)
        case number(Double)
        /// A date serial in a cell formatted as a date.
        case date(Double)
        case none
    }

    var name = "名单"
    /// Rows by row number (missing numbers are rows Excel does not store: blank rows).
    var rows: [Int: [Cell]]

    func write(to path: String) throws {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var shared: [String] = []
        var sheet = head + "<worksheet xmlns=\"\(main)\"><sheetData>"
        for r in rows.keys.sorted() {
            sheet += "<row r=\"\(r)\">"
            for (j, cell) in rows[r]!.enumerated() {
                let ref = "\(String(UnicodeScalar(UInt8(65 + j))))\(r)"
                switch cell {
                case .text(let s):
                    shared.append("<si><t>\(s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</t></si>")
                    sheet += "<c r=\"\(ref)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
                case .number(let n): sheet += "<c r=\"\(ref)\"><v>\(n)</v></c>"
                case .date(let n): sheet += "<c r=\"\(ref)\" s=\"1\"><v>\(n)</v></c>"
                case .none: continue
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"),
            ("_rels/.rels", head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", head + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"\(name)\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId3\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"),
            ("xl/styles.xml", head + "<styleSheet xmlns=\"\(main)\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"),
            ("xl/sharedStrings.xml", head + "<sst xmlns=\"\(main)\" count=\"\(shared.count)\" uniqueCount=\"\(shared.count)\">" + shared.joined() + "</sst>"),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        let zip = try Archive(data: Data(), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try zip.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try (zip.data ?? Data()).write(to: URL(fileURLWithPath: path))
    }
}
