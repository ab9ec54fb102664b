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
        members.type = .wholeNumber; members.example = "36"; members.minimum = 1
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
        #expect(info.validations.first?.range == "B2")
        let sheet = book.parts().first { $0.0 == "xl/worksheets/sheet1.xml" }?.1 ?? ""
        #expect(sheet.contains("showInputMessage=\"1\"") && sheet.contains("党建品牌的名称"), "Excel shows the help on the cell")
        #expect(book.sheets[1].rows.count == 1, "a list sheet holds its header only")
    }

    /// The schema with a date, a choice and a text of about 2000 characters besides.
    static var wider: FieldSchema {
        var s = schema
        var filled = FieldSchema.Field(path: ["filled"], label: "填表日期"); filled.type = .date; filled.example = "2023-10-15"
        var kind = FieldSchema.Field(path: ["kind"], label: "公文格式"); kind.type = .choice; kind.values = ["文件", "信函", "命令"]
        var report = FieldSchema.Field(path: ["report"], label: "创建报告"); report.type = .longText; report.about = 2000
        report.help = "创建报告，2000字左右"
        var date = FieldSchema.Field(path: ["date"], label: "日期"); date.type = .date
        s.fields.insert(contentsOf: [filled, kind, report], at: 2)
        s.fields[s.fields.count - 1].fields.append(date)
        return s
    }

    /// The `<dataValidation>` of `range` in a sheet's XML, or "".
    static func rule(_ xml: String, _ range: String) -> String {
        xml.components(separatedBy: "<dataValidation ").first { $0.contains("sqref=\"\(range)\"") }
            .map { $0.components(separatedBy: "</dataValidation>")[0] } ?? ""
    }

    @Test func theValueCellsAreValidatedAsExcelDoes() throws {
        let book = FillInWorkbook.make(Self.wider, template: "application", example: true)
        let info = book.parts().first { $0.0 == "xl/worksheets/sheet1.xml" }?.1 ?? ""
        // Rows: 品牌名称 B2, 党员数 B3, 填表日期 B4, 公文格式 B5, 创建报告 B6.
        let name = Self.rule(info, "B2"), members = Self.rule(info, "B3"), date = Self.rule(info, "B4")
        let kind = Self.rule(info, "B5"), report = Self.rule(info, "B6")
        #expect(name.contains(#"type="textLength""#) && name.contains(#"operator="lessThanOrEqual""#)
                && name.contains("<formula1>16</formula1>") && !name.contains("errorStyle"), "≤16字 is refused past it")
        #expect(name.contains(#"promptTitle="填写说明""#) && name.contains("党建品牌的名称") && name.contains(#"errorTitle="字数超出""#))
        #expect(members.contains(#"type="whole""#) && members.contains(#"operator="greaterThanOrEqual""#)
                && members.contains("<formula1>1</formula1>") && members.contains("阿拉伯数字"))
        #expect(date.contains(#"type="date""#) && date.contains(#"operator="between""#)
                && date.contains("<formula1>7306</formula1><formula2>73415</formula2>"), "1920-01-01 to 2100-12-31")
        #expect(date.contains(#"error="“填表日期”应为1920年至2100年间的日期"#))
        #expect(kind.contains(#"type="list""#) && kind.contains("<formula1>\"文件,信函,命令\"</formula1>"))
        #expect(report.contains(#"type="textLength""#) && report.contains(#"errorStyle="warning""#)
                && report.contains("<formula1>2400</formula1>"), "about 2000: a warning 20% over")
        #expect(info.contains(#"<c r="B4" s="3"><v>45214</v></c>"#), "the example date is a date-formatted serial (2023-10-15)")
        #expect(info.contains(#"<c r="B3" s="4"><v>36.0</v></c>"#), "a whole number's cell is a number's")
        let list = book.parts().first { $0.0 == "xl/worksheets/sheet2.xml" }?.1 ?? ""
        #expect(Self.rule(list, "C2:C1000").contains(#"type="date""#), "a list's date column, validated down the sheet")
        #expect(list.contains(#"<col min="3" max="3" width="24.0" style="3" customWidth="1"/>"#), "and formatted as dates")
    }

    @Test func aLongHelpIsCutToExcelsLimit() throws {
        var long = FieldSchema.Field(path: ["x"], label: "说明文字"); long.help = String(repeating: "很", count: 400)
        let xml = WorkbookWriter.validation(FillInWorkbook.validation(long, range: "B2"))
        let prompt = xml.components(separatedBy: #"prompt=""#).last?.prefix { $0 != "\"" } ?? ""
        #expect(prompt.count == 255)
    }

    @Test func theExampleWithValidationStillReadsBack() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.url.path + "/填写.xlsx"
        try FillInWorkbook.make(Self.wider, template: "application", example: true).write(to: path)
        let record = try #require(TableRecord.record(try DataLoader.load(path)))
        #expect(record.root["填表日期"] == .date(try #require(DateValue(year: 2023, month: 10, day: 15))))
        #expect(record.root["党员数"] == .number(36))
    }
}
