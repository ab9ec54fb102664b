import Foundation
import Testing
import WenshuCore
@testable import WenshuData

/// A clerk's workbooks that cannot be read as they are (issue 12, "Bad input"): each is one clear
/// Chinese message at its sheet and cell, saying what to do, or is read with a note; nothing is
/// dropped silently.
@Suite struct XLSXBadInputTests {
    static let header: [XLSXFixture.Cell] = [.text("姓名"), .text("人数")]

    @Test func aFormulaWithoutItsValueIsRefusedAtItsCell() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("f.xlsx")
        try XLSXFixture("名单", rows: [Self.header, [.text("一支部"), .formula("SUM(C2:C9)")]]).write(to: path)
        let error = try #require(loaderError { try DataLoader.load(path) })
        #expect(error.location?.place == "名单!B2")
        #expect(error.message.hasPrefix("公式没有计算结果：请在 Excel 或 WPS 中打开并保存一次"))
    }

    @Test func aFormulaWithItsValueIsReadAsTheValueWithANote() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("f.xlsx")
        try XLSXFixture("名单", rows: [Self.header, [.text("一支部"), .formulaText("十二")], [.text("二支部"), .formulaText("七")]]).write(to: path)
        let data = try DataLoader.load(path)
        #expect(data.valueAt("rows", 0, "人数") == .string("十二"))
        #expect(data.notes.count == 1, "one note for the sheet, not one per formula")
        let note = try #require(data.notes.first)
        #expect(note.severity == .note && note.location?.place == "名单!B2" && note.chinese.contains("2 个公式单元格"))
    }

    @Test func hiddenRowsAndColumnsAreReadWithAWarning() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("h.xlsx")
        try XLSXFixture(sheets: [.init(name: "名单", rows: [Self.header, [.text("张三"), .number(3)], [.text("李四"), .number(4)]],
                                       hiddenRows: [3])]).write(to: path)
        let data = try DataLoader.load(path)
        #expect(data.root.loadedRows.count == 2, "a hidden row is read")
        let note = try #require(data.notes.first)
        #expect(note.severity == .warning && note.location?.place == "名单!A3" && note.chinese.contains("隐藏的行或列"))

        let columns = folder.path("c.xlsx")
        try XLSXFixture(sheets: [.init(name: "名单", rows: [Self.header, [.text("张三"), .number(3)]], hiddenColumns: [2])]).write(to: columns)
        #expect(try DataLoader.load(columns).notes.first?.location?.place == "名单!B1", "the hidden column's header is its first cell")

        let plain = folder.path("p.xlsx")
        try XLSXFixture("名单", rows: [Self.header, [.text("张三"), .number(3)]]).write(to: plain)
        #expect(try DataLoader.load(plain).notes.isEmpty)
    }

    @Test func aMergedAreaAcrossColumnsOfTheDataIsRefusedAtItsRange() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("m.xlsx")
        try XLSXFixture(sheets: [.init(name: "名单", rows: [Self.header, [.text("张三"), .number(3)], [.text("合计：3人")]],
                                       merges: ["A3:B3"])]).write(to: path)
        let error = try #require(loaderError { try DataLoader.load(path) })
        #expect(error.location?.place == "名单!A3:B3")
        #expect(error.message.contains("取消合并并在每格填值"))
    }

    /// An OLE compound file: the magic, and a directory entry naming `stream` in UTF-16LE.
    static func ole(_ stream: String) -> Data {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        bytes += stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [UInt8](repeating: 0, count: 64)
        return Data(bytes)
    }

    @Test func anEncryptedWorkbookAndAnOldXlsAreToldApart() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let encrypted = folder.path("加密.xlsx"), old = folder.path("旧.xlsx")
        try Self.ole("EncryptedPackage").write(to: URL(fileURLWithPath: encrypted))
        try Self.ole("Workbook").write(to: URL(fileURLWithPath: old))
        let e1 = try #require(loaderError { try DataLoader.load(encrypted) })
        #expect(e1.message.hasPrefix("工作簿已加密：请在 Excel 或 WPS 中取消密码后另存") && e1.location?.file == encrypted)
        let e2 = try #require(loaderError { try DataLoader.load(old) })
        #expect(e2.message.hasPrefix("这是旧版 .xls 文件：请在 Excel 或 WPS 中另存为 .xlsx"))
    }

    @Test(arguments: [
        ("姓名,人数\n张三,3\n", "这是改了扩展名的 CSV 文本文件"),
        ("\u{FEFF}<!DOCTYPE html><html><body><table><tr><td>张三</td></tr></table></body></html>", "这是改了扩展名的网页 HTML 文件"),
        (#"<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>"#, "这是 Excel 2003 XML 表格"),
        ("just words", "不是 .xlsx 文件（不是 zip 包）"),
    ])
    func aRenamedFileIsSaidAsWhatItIs(_ text: String, _ said: String) throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("名单.xlsx")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(loaderError { try DataLoader.load(path) })
        #expect(error.message.hasPrefix(said), "\(error.message)")
    }

    @Test func aValueMergedDownOverSeveralItemsIsAnError() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("r.xlsx")
        try XLSXFixture(sheets: [.init(name: "基本信息", rows: [[.text("项目"), .text("内容")], [.text("单位名称"), .text("青石桥小学")],
                                                             [.text("党组织名称"), .none]], merges: ["B2:B3"])]).write(to: path)
        let record = try #require(TableRecord.record(try DataLoader.load(path)))
        let error = try #require(record.notes.first { $0.severity == .error })
        #expect(error.location?.place == "基本信息!B2" && error.chinese.contains("取消合并并在每格填值"))
        #expect(error.chinese.contains("单位名称") && error.chinese.contains("党组织名称"))
    }
}
