import Foundation
import Testing
import WenshuCore
@testable import WenshuData

@Suite struct DataLoaderTests {
    @Test func missingFile() {
        let path = NSTemporaryDirectory() + "/wenshu-no-such-file-\(UUID().uuidString).yaml"
        let error = loaderError { try DataLoader.load(path) }
        #expect(error?.problem.english == "cannot read the file (does it exist?)")
        #expect(error?.location == WenshuCore.SourceLocation(file: path))
    }

    @Test func unknownExtensionNamesTheSupportedOnes() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let pdf = try folder.write("名单.pdf", "张三")
        let error = try #require(loaderError { try DataLoader.load(pdf) })
        #expect(error.message == "cannot read .pdf files (supported are .yaml, .yml, .json, .csv and .xlsx, and .docx or .txt for a long text)")
        #expect(error.location?.file == pdf)
        let doc = try folder.write("创建报告.doc", "")
        #expect(loaderError { try DataLoader.load(doc) }?.message.contains("save the text as a Word document (.docx)") == true)
        let xls = try folder.write("名单.xls", "")
        #expect(loaderError { try DataLoader.load(xls) }?.message.contains("save the sheet as an Excel workbook (.xlsx)") == true)
        let csv = try folder.write("a.csv", "a\n1\n")
        #expect(loaderError { try DataLoader.load(csv, sheet: "名单") }?.message.contains("only") == true)
        #expect(loaderError { try DataLoader.load(folder.url.path + "/.") } != nil)
    }

    @Test func extensionsIgnoreCase() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("A.YML", "a: 1\n"))
        #expect(data.valueAt("a") == .number(1))
    }

    @Test func mergeInOrderLaterWins() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let base = try folder.write("base.yaml", "学校:\n  名称: 一中\n  电话: 0371-1234567\n年度: 2022\n")
        let update = try folder.write("update.json", "{\"学校\": {\"电话\": \"0371-7654321\", \"校长\": \"王五\"}, \"年度\": 2023}")
        let table = try folder.write("名单.csv", "姓名\n张三\n")
        let data = try DataLoader.load([base, update, table])
        #expect(data.valueAt("学校", "名称") == .string("一中"))
        #expect(data.valueAt("学校", "电话") == .string("0371-7654321"))
        #expect(data.valueAt("学校", "校长") == .string("王五"))
        #expect(data.valueAt("年度") == .number(2023))
        #expect(data.valueAt("rows", 0, "姓名") == .string("张三"))
        // Locations follow the values: the name from the first file, the phone from the second.
        #expect(data.locationAt("学校", "名称")?.file == base)
        #expect(data.locationAt("学校", "电话") == WenshuCore.SourceLocation(file: update, line: 1, column: 15))
        #expect(data.locationAt("rows", 0, "姓名")?.file == table)
        // The other order: the first file wins nothing it shares.
        let reversed = try DataLoader.load([update, base])
        #expect(reversed.valueAt("学校", "电话") == .string("0371-1234567"))
        #expect(reversed.valueAt("学校", "校长") == .string("王五"))
        #expect(try DataLoader.load([]).root == .object(Record()))
    }

    @Test func anErrorInOneOfSeveralFilesNamesThatFile() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let good = try folder.write("a.yaml", "a: 1\n")
        let bad = try folder.write("b.yaml", "a: [1\n")
        #expect(loaderError { try DataLoader.load([good, bad]) }?.location?.file == bad)
    }
}
