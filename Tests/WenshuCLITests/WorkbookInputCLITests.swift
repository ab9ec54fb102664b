import Foundation
import Testing
import ZIPFoundation

/// `wenshu build` from a fill-in workbook that cannot be read as it is (issue 12, "Bad input"):
/// exit 1, one Chinese message at the cell or file saying what to do, and no output file; a
/// formula with its saved value builds, with a note.
@Suite struct WorkbookInputCLITests {
    let cli = CLITests()

    /// The application's example workbook with its 党员数 cell (基本信息!B4) written as `cell`.
    func workbook(_ dir: String, members cell: String) throws -> String {
        let example = dir + "/example.xlsx"
        #expect(try cli.wenshu(["workbook", "application", "--example", "-o", example]).status == 0)
        let source = try Archive(url: URL(fileURLWithPath: example), accessMode: .read)
        let path = dir + "/填写.xlsx"
        let target = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            if entry.path == "xl/worksheets/sheet1.xml" {
                let xml = String(decoding: data, as: UTF8.self)
                let original = #"<c r="B4" s="4"><v>36.0</v></c>"#
                #expect(xml.contains(original), "the example's 党员数 cell moved")
                data = Data(xml.replacingOccurrences(of: original, with: cell).utf8)
            }
            let bytes = data
            try target.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }

    @Test func aFormulaWithoutItsValueStopsTheBuildAtItsCell() throws {
        let dir = try cli.folder()
        let path = try workbook(dir, members: #"<c r="B4" s="4"><f>30+6</f></c>"#)
        let r = try cli.wenshu(["build", "application", path, "-o", dir + "/out.pdf"])
        #expect(r.status == 1)
        #expect(r.err.contains("填写.xlsx:基本信息!B4: 错误：公式没有计算结果：请在 Excel 或 WPS 中打开并保存一次"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
    }

    @Test func aFormulaWithItsValueBuildsWithANote() throws {
        let dir = try cli.folder()
        let path = try workbook(dir, members: #"<c r="B4" s="4"><f>30+6</f><v>36</v></c>"#)
        let r = try cli.wenshu(["build", "application", path, "-o", dir + "/out.pdf"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("基本信息!B4: 说明：工作表“基本信息”有 1 个公式单元格"), "\(r.err)")
    }

    @Test func textInTheNumberCellStopsTheBuildWithWhatToWrite() throws {
        let dir = try cli.folder()
        let path = try workbook(dir, members: #"<c r="B4" s="2" t="inlineStr"><is><t>十二人</t></is></c>"#)
        let r = try cli.wenshu(["build", "application", path, "-o", dir + "/out.pdf"])
        #expect(r.status == 1)
        #expect(r.err.contains("基本信息!B4: 错误：党员数应为正整数（现为“十二人”）") && r.err.contains("只填阿拉伯数字"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
    }

    @Test func anEncryptedWorkbookIsSaidSo() throws {
        let dir = try cli.folder()
        let path = dir + "/加密.xlsx"
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
            + "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data(ole).write(to: URL(fileURLWithPath: path))
        let r = try cli.wenshu(["build", "application", path, "-o", dir + "/out.pdf"])
        #expect(r.status == 1 && r.err.contains("加密.xlsx: 错误：工作簿已加密：请在 Excel 或 WPS 中取消密码后另存为 .xlsx"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
    }
}
