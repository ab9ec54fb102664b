import Foundation
import Testing
import WenshuCore
import WenshuData
@testable import Wenshu

/// The new user's path end to end, through the facade: `wenshu new` makes the folder, a blank
/// workbook names each missing field at its cell, a filled one (the fields' examples) builds the
/// book with the school's name and the report from the folder's Word file.
@Suite struct DocumentFolderTests {
    let builder = DocumentBuilder(templateSearchPaths: [repositoryRoot + "/templates"])

    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "wenshu-folder-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func newMakesTheWorkbookTheReportsTheReadmeAndTheMarker() throws {
        let path = try scratch() + "/青石桥小学"
        let folder = try DocumentFolder.create(template: "application", at: path, loader: builder.loader)
        #expect(folder.workbook == "申报书填写.xlsx" && folder.output == "申报书.pdf")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: path))
        #expect(names == ["申报书填写.xlsx", "创建报告.docx", "品牌建设情况.docx", "README.txt", "wenshu.yaml"])
        // README.txt: UTF-8 with a byte-order mark (Notepad), the three steps and the exact commands.
        let readme = try #require(FileManager.default.contents(atPath: path + "/README.txt"))
        #expect(readme.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: readme.dropFirst(3), as: UTF8.self)
        for step in ["一、填写", "二、检查", "三、生成", "wenshu check \(path)", "wenshu build \(path)", "申报书.pdf"] {
            #expect(text.contains(step), "\(step)")
        }
        // The workbook names the Word file for the report, and the Word file reads back with headings.
        let report = try LongTextFile.read(data: try #require(FileManager.default.contents(atPath: path + "/创建报告.docx")),
                                           format: "docx", file: "创建报告.docx")
        #expect(report.text.contains("一、基本情况") && report.text.contains("（一）建强组织"))
        let schema = try TemplateFields.schema(for: try builder.loader.load("application"))
        let data = try DocumentBuilder.loadData(folder.dataPaths, schema: schema)
        #expect(data.root["report"]?.description.contains("（一）建强组织") == true)
        #expect(try DocumentFolder.open(path) == folder)
    }

    @Test func aBlankWorkbookNamesEachMissingFieldAtItsCell() throws {
        let path = try scratch() + "/blank"
        let folder = try DocumentFolder.create(template: "application", at: path, loader: builder.loader)
        let errors = try builder.check(folder.dataPaths, template: folder.template).filter { $0.severity == .error }
        let places = errors.map { $0.location?.description ?? "" }
        #expect(places == ["\(path)/申报书填写.xlsx:基本信息!B2", "\(path)/申报书填写.xlsx:基本信息!B3", "\(path)/申报书填写.xlsx:基本信息!B8"],
                "\(errors)")
        #expect(errors.map(\.chinese) == ["缺少“单位名称”", "缺少“党组织名称”", "缺少“品牌名称”"])
    }

    @Test func aFilledFolderBuildsTheBookWithTheSchoolsName() throws {
        let path = try scratch() + "/filled"
        try DocumentFolder.create(template: "application", at: path, loader: builder.loader, example: true)
        let folder = try #require(try DocumentFolder.open(path + "/"))
        #expect(try builder.check(folder.dataPaths, template: folder.template).filter { $0.severity == .error }.isEmpty)
        let (content, _) = try builder.build(template: folder.template, data: folder.dataPaths)
        let frames = try sharedCompiler.layout(content)
        let text = frames.flatMap(\.textLines).map(\.text).joined()
        #expect(text.contains("清河市青石桥实验小学"))
        #expect(text.contains("这是示例"))  // the report came from the folder's Word file
        try sharedCompiler.write(frames, info: content.info, pdf: folder.outputPath)
        #expect(folder.outputPath == path + "/申报书.pdf")
        #expect(FileManager.default.fileExists(atPath: folder.outputPath))
    }

    @Test func aFolderThatIsNotEmptyIsRefusedAndLeftAlone() throws {
        let path = try scratch()
        try "mine".write(toFile: path + "/我的.txt", atomically: true, encoding: .utf8)
        #expect(throws: DataError.self) { try DocumentFolder.create(template: "application", at: path, loader: builder.loader) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["我的.txt"])
        // An unknown template makes nothing at all.
        #expect(throws: (any Error).self) { try DocumentFolder.create(template: "aplication", at: path + "/x", loader: builder.loader) }
        #expect(!FileManager.default.fileExists(atPath: path + "/x"))
    }

    @Test func aDocumentFolderAmongDataFilesStandsForItsWorkbook() throws {
        let path = try scratch() + "/expand"
        try DocumentFolder.create(template: "application", at: path, loader: builder.loader)
        #expect(try DocumentFolder.expand(["a.yaml", path]) == ["a.yaml", path + "/申报书填写.xlsx"])
        #expect(try DocumentFolder.open(repositoryRoot + "/samples/compilation") == nil)
    }
}
