import Foundation
import Testing
import WenshuCore
@testable import WenshuData

/// The fill-in workbook of a template's fields (issue 12 item 3) reads back as the record it asks for.
@Suite struct FillInWorkbookTests {
    static var schema: FieldSchema {
        var name = FieldSchema.Field(path: ["brand", "name"], label: "品牌名称")
        name.required = true; name.max = 16; name.example = "红烛领航"; name.help = "党建品牌的名称"
        var members = FieldSchema.Field(path: ["members"], label: "党员数")
        members.type = .wholeNumber; members.example = "36"
        var results = FieldSchema.Field(path: ["achievements"], label: "创建成果")
        results.type = .list
        var title = FieldSchema.Field(path: ["name"], label: "名称"); title.example = "书香校园"
        results.fields = [title, FieldSchema.Field(path: ["by"], label: "授予单位")]
        return FieldSchema(fields: [name, members, results],
                           placeholders: [FieldSchema.Placeholder(parameter: "city", label: "城市", value: "清河市")])
    }

    @Test func theExampleWorkbookReadsBackAsItsRecord() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.url.path + "/填写.xlsx"
        try FillInWorkbook.make(Self.schema, template: "application", example: true).write(to: path)
        #expect(try DataLoader.sheets(path).map(\.name) == ["基本信息", "创建成果", "填写说明"])
        let record = try #require(TableRecord.record(try DataLoader.load(path)))
        #expect(record.root["品牌名称"]?.description == "红烛领航")
        #expect(record.root["党员数"]?.description == "36", "a whole number is written as a number")
        #expect(record.root["city"]?.description == "清河市", "the placeholder's row, under its parameter's name")
        #expect(record.location(of: [.key("品牌名称")])?.place == "基本信息!B2")
        let list = try DataLoader.load(path, sheet: "创建成果")
        guard case .array(let rows)? = list.root["rows"] else { Issue.record("no rows"); return }
        #expect(rows.first?["名称"]?.description == "书香校园")
    }

    @Test func aBlankWorkbookHasTheLabelsAndTheHelp() throws {
        let book = FillInWorkbook.make(Self.schema, template: "application")
        let info = try #require(book.sheets.first)
        #expect(info.rows.map { $0.first } == [.text("项目"), .text("品牌名称"), .text("党员数"), .text("city")])
        #expect(info.rows[1][1] == .empty && info.rows[1][2] == .text("必填；≤16字；党建品牌的名称"))
        #expect(info.prompts.first?.range == "B2")
        let sheet = book.parts().first { $0.0 == "xl/worksheets/sheet1.xml" }?.1 ?? ""
        #expect(sheet.contains("showInputMessage=\"1\"") && sheet.contains("党建品牌的名称"), "Excel shows the help on the cell")
        #expect(book.sheets[1].rows.count == 1, "a list sheet holds its header only")
    }
}
