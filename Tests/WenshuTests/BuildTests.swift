import Foundation
import Testing
import WenshuCore
@testable import WenshuData
@testable import Wenshu
import WenshuTemplate
import ZIPFoundation

/// A workbook read as one document's record (`DocumentBuilder.tableAsRecord`): its list sheets.
@Suite struct BuildTests {
    /// The application's example fill-in workbook, with its 创建成果 sheet hidden or not.
    func workbook(hidingResults: Bool) throws -> (folder: String, path: String) {
        let folder = NSTemporaryDirectory() + "wenshu-build-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let template = try TemplateLoader(searchPaths: [repositoryRoot + "/templates"]).load("application")
        let schema = try #require(try TemplateFields.schema(for: template))
        let results = WorkbookWriter.Sheet(name: "创建成果", rows: [[.text("名称"), .text("授予单位"), .text("日期")],
                                                               [.text("清河市书香校园"), .text("清河市教育局"), .text("2023-04-23")]])
        var book = FillInWorkbook.make(schema, template: "application", example: true)
        book.sheets = book.sheets.filter { $0.name != "创建成果" && $0.name != "照片" } + [results]
        let path = folder + "/填写.xlsx"
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in book.parts() {
            let xml = name == "xl/workbook.xml" && hidingResults
                ? text.replacingOccurrences(of: #"<sheet name="创建成果""#, with: #"<sheet state="hidden" name="创建成果""#) : text
            let data = Data(xml.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return (folder, path)
    }

    @Test func aHiddenListSheetIsReadWithAWarningNamingIt() throws {
        let builder = DocumentBuilder(templateSearchPaths: [repositoryRoot + "/templates"])
        let hidden = try workbook(hidingResults: true)
        defer { try? FileManager.default.removeItem(atPath: hidden.folder) }
        let problems = try builder.check([hidden.path], template: "application")
        let warning = try #require(problems.first { $0.chinese.contains("隐藏") })
        #expect(warning.severity == .warning && warning.location?.place == "创建成果")
        #expect(warning.chinese == "工作表“创建成果”是隐藏的，已作为“创建成果”读取")
        let data = try DocumentBuilder.loadData([hidden.path], schema: try TemplateFields.schema(for: try builder.loader.load("application")))
        guard case .array(let rows)? = data.root["achievements"] else { Issue.record("the hidden sheet was not read"); return }
        #expect(rows.count == 1)

        let shown = try workbook(hidingResults: false)
        defer { try? FileManager.default.removeItem(atPath: shown.folder) }
        #expect(try builder.check([shown.path], template: "application").allSatisfy { !$0.chinese.contains("隐藏") })
    }
}
