import Foundation
import Testing
import WenshuCore
@testable import WenshuData

/// A clerk's sheet as one document's record (issue 12 item 1): one row, or 项目/内容 columns, each
/// value keeping its cell.
@Suite struct TableRecordTests {
    @Test func oneRowIsTheRecord() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.url.path + "/学校.xlsx"
        try XLSXFixture("学校信息", rows: [[.text("单位名称"), .text("党员数")], [.text("青石桥小学"), .number(36)]]).write(to: path)
        let record = try #require(TableRecord.record(try DataLoader.load(path)))
        #expect(record.root["单位名称"]?.description == "青石桥小学" && record.root["党员数"]?.description == "36")
        #expect(record.location(of: [.key("党员数")])?.place == "学校信息!B2")
    }

    @Test func itemAndValueColumnsGiveAFieldPerRow() throws {
        let csv = "项目,内容\n单位名称,青石桥小学\n品牌名称,红烛领航\n"
        let record = try #require(TableRecord.record(try CSVLoader.load(text: csv, file: "a.csv")))
        #expect(record.root["品牌名称"]?.description == "红烛领航")
        #expect(record.location(of: [.key("品牌名称")])?.line == 3)
    }

    /// Nothing is dropped silently: a field given twice and a value with no item name are said.
    @Test func aRepeatedOrNamelessRowIsSaid() throws {
        let csv = "项目,内容\n品牌名称,甲\n品牌名称,乙\n,丙\n"
        let record = try #require(TableRecord.record(try CSVLoader.load(text: csv, file: "a.csv")))
        #expect(record.root["品牌名称"]?.description == "乙")
        #expect(record.notes.map(\.chinese) == ["“品牌名称”填了两次，采用后一次", "这一行有内容但没有“项目”，未采用"])
        #expect(record.notes.last?.location?.line == 4)
    }

    @Test func aListOfSeveralRowsStaysAList() throws {
        let csv = "姓名,学校\n王芳,育才中学\n李明,城东小学\n"
        #expect(TableRecord.record(try CSVLoader.load(text: csv, file: "a.csv")) == nil)
    }

    @Test func anotherSheetFillsItsList() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.url.path + "/学校.xlsx"
        try XLSXFixture(sheets: [
            .init(name: "基本信息", rows: [[.text("项目"), .text("内容")], [.text("单位名称"), .text("青石桥小学")]]),
            .init(name: "创建成果", rows: [[.text("名称"), .text("日期")], [.text("书香校园"), .text("2023-04-23")], [.text("示范点"), .text("2023-09-10")]]),
        ]).write(to: path)
        var record = try #require(TableRecord.record(try DataLoader.load(path)))
        TableRecord.attach(try DataLoader.load(path, sheet: "创建成果"), as: "achievements", to: &record)
        guard case .array(let rows)? = record.root["achievements"] else { Issue.record("no list"); return }
        #expect(rows.count == 2)
        #expect(record.location(of: [.key("achievements"), .index(1), .key("名称")])?.place == "创建成果!A3")
        #expect(try DataLoader.sheets(path).map(\.name) == ["基本信息", "创建成果"])
    }
}
