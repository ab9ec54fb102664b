import Foundation
import Testing
import WenshuCore
@testable import WenshuData

@Suite struct XLSXLoaderTests {
    typealias C = XLSXFixture.Cell

    static let members = XLSXFixture("名单", rows: [
        [.text("姓名"), .text("职务"), .text("入党日期"), .text("手机"), .text("党龄"), .text("在职"), .text("备注")],
        [.text("张三"), .rich(["书", "记"]), .date(44927), .number(13_800_000_000), .number(8), .bool(true), .none],
        [.inline(" 李四 "), .text("委员"), .chineseDate(43_101), .text("0372-5061092"), .number(2.5), .bool(false), .formulaText("优秀")],
        [.text("王五"), .text("委员"), .text("2022年5月9日"), .raw("1.10101199001011E+17"), .time(0.604166666666667), .none, .text("a & b <c>")],
    ])

    @Test func valuesAndTypes() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("名单.xlsx")
        try XLSXLoaderTests.members.write(to: path)
        let data = try DataLoader.load(path)
        #expect(data.valueAt("sheet") == .string("名单"))
        let rows = data.root.loadedRows
        #expect(rows.count == 3)
        guard case .object(let first) = rows[0] else { Issue.record("not an object"); return }
        #expect(first.keys == ["姓名", "职务", "入党日期", "手机", "党龄", "在职", "备注"])
        #expect(rows[0]["职务"] == .string("书记"))
        // 44927 in a date-formatted cell is 2023-01-01, never the number.
        #expect(rows[0]["入党日期"] == loaderDate(2023, 1, 1))
        #expect(rows[0]["手机"] == .string("13800000000"))
        #expect(rows[0]["党龄"] == .number(8))
        #expect(rows[0]["在职"] == .bool(true))
        #expect(rows[0]["备注"] == .string(""))
        #expect(rows[1]["姓名"] == .string("李四"))
        #expect(rows[1]["入党日期"] == loaderDate(2018, 1, 1))
        #expect(rows[1]["手机"] == .string("0372-5061092"))
        #expect(rows[1]["党龄"] == .number(2.5))
        #expect(rows[1]["在职"] == .bool(false))
        #expect(rows[1]["备注"] == .string("优秀"))
        #expect(rows[2]["入党日期"] == loaderDate(2022, 5, 9))
        #expect(rows[2]["手机"] == .string("110101199001011000"))
        #expect(rows[2]["党龄"] == .string("14:30"))
        #expect(rows[2]["备注"] == .string("a & b <c>"))
        #expect(data.valueAt("skippedBlankLines") == .array([]))
    }

    @Test func locationsAreSheetAndCell() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("名单.xlsx")
        try XLSXLoaderTests.members.write(to: path)
        let data = try DataLoader.load(path)
        #expect(data.locationAt("rows", 1, "职务") == WenshuCore.SourceLocation(file: path, place: "名单!B3"))
        #expect(data.locationAt("rows", 0, "备注") == WenshuCore.SourceLocation(file: path, place: "名单!G2"))
        #expect(data.locationAt("rows", 2) == WenshuCore.SourceLocation(file: path, place: "名单!A4"))
        #expect(data.location(of: [.key("rows"), .index(2), .key("手机")])?.description == "\(path):名单!D4")
    }

    @Test func sheetsByName() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("book.xlsx")
        try XLSXFixture(sheets: [
            .init(name: "说明", rows: [[.text("本表由组织委员填写")]], hidden: true),
            .init(name: "名单", rows: [[.text("姓名")], [.text("张三")]]),
            .init(name: "统计", rows: [[.text("支部"), .text("人数")], [.text("一支部"), .number(12)]]),
        ]).write(to: path)
        // The first sheet that is not hidden.
        #expect(try DataLoader.load(path).valueAt("rows", 0, "姓名") == .string("张三"))
        let stats = try DataLoader.load(path, sheet: "统计")
        #expect(stats.valueAt("rows", 0, "人数") == .number(12))
        #expect(stats.locationAt("rows", 0, "人数")?.place == "统计!B2")
        let error = try #require(loaderError { try DataLoader.load(path, sheet: "Sheet1") })
        #expect(error.message == "no sheet named 'Sheet1' in the workbook (its sheets are: 说明, 名单, 统计)")
        #expect(error.location?.file == path)
    }

    @Test func corruptFilesAreErrors() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        var generator = SystemRandomNumberGenerator()
        let random = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let file = try folder.write("random.xlsx", random)
        let error = try #require(loaderError { try DataLoader.load(file) })
        #expect(error.message.contains("not an .xlsx file"))
        #expect(error.location?.file == file)
        let xls = try folder.write("old.xlsx", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)))
        #expect(loaderError { try DataLoader.load(xls) }?.message.contains(".xls") == true)
        #expect(loaderError { try DataLoader.load(folder.write("empty.xlsx", Data())) }?.message.contains("not an .xlsx file") == true)
    }

    @Test func zipWithoutWorkbookIsNotAnXLSX() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        // A Word document renamed: a zip, but no workbook in it.
        let only = folder.path("only.xlsx")
        try XLSXFixture.writeParts([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>")], to: only)
        let error = try #require(loaderError { try DataLoader.load(only) })
        #expect(error.message == "not an .xlsx file (no xl/workbook.xml in the zip)")
    }

    @Test func errorCellIsAnErrorAtTheCell() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("e.xlsx")
        try XLSXFixture("统计", rows: [[.text("支部"), .text("比例")], [.text("一支部"), .number(1)], [.text("二支部"), .error("#DIV/0!")]]).write(to: path)
        let error = try #require(loaderError { try DataLoader.load(path) })
        #expect(error.location == WenshuCore.SourceLocation(file: path, place: "统计!B3"))
        #expect(error.message.contains("#DIV/0!"))
        #expect(error.description == "\(path):统计!B3: \(error.message)")
    }

    @Test func blankRowsMergedCellsAndStrayValues() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("m.xlsx")
        try XLSXFixture(sheets: [.init(name: "名单", rows: [
            [.text("支部"), .text("姓名")],
            [.text("第一支部"), .text("张三")],
            [.none, .text("李四")],
            [],
            [.text("第二支部"), .text("王五")],
            [.text("合计：3人")],
            [],
        ], merges: ["A4:A5"], firstRow: 3)]).write(to: path)
        let data = try DataLoader.load(path)
        let rows = data.root.loadedRows
        // The header is the first row with anything in it (row 3 here).
        #expect(data.locationAt("rows") == WenshuCore.SourceLocation(file: path, place: "名单!A3"))
        #expect(rows.count == 4)
        // A4:A5 is merged, so 李四's 支部 is 第一支部 (and located at the merged cell).
        #expect(rows[1]["支部"] == .string("第一支部"))
        #expect(data.locationAt("rows", 1, "支部")?.place == "名单!A4")
        #expect(rows[2]["姓名"] == .string("王五"))
        #expect(data.valueAt("skippedBlankLines") == .array([.number(6)]))
        // A row with one cell filled is a row like the others (merged across the columns it is
        // refused: XLSXBadInputTests).
        #expect(rows[3]["支部"] == .string("合计：3人"))
        #expect(rows[3]["姓名"] == .string(""))

        let stray = folder.path("s.xlsx")
        try XLSXFixture(rows: [[.text("姓名"), .none, .text("职务")], [.text("张三"), .text("?"), .text("书记")]]).write(to: stray)
        let error = try #require(loaderError { try DataLoader.load(stray) })
        #expect(error.location?.place == "Sheet1!B2")
        #expect(error.message.contains("column B has no name") && error.problem.chinese.contains("B 列在表头") && error.problem.hint?.contains("标题行") == true)
    }

    @Test func dates1904AndSerialsOutOfRange() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("mac.xlsx")
        try XLSXFixture(sheets: [.init(name: "S", rows: [[.text("日期")], [.date(43_465)]])], date1904: true).write(to: path)
        #expect(try DataLoader.load(path).valueAt("rows", 0, "日期") == loaderDate(2023, 1, 1))
        let bad = folder.path("bad.xlsx")
        try XLSXFixture(rows: [[.text("日期")], [.date(-3)]]).write(to: bad)
        let error = try #require(loaderError { try DataLoader.load(bad) })
        #expect(error.location?.place == "Sheet1!A2")
    }

    @Test func numberFormats() {
        typealias K = XLSXLoader.NumberKind
        #expect(K(numFmtId: 14, code: nil) == .date)
        #expect(K(numFmtId: 31, code: nil) == .date)
        #expect(K(numFmtId: 57, code: nil) == .date)
        #expect(K(numFmtId: 20, code: nil) == .time)
        #expect(K(numFmtId: 0, code: nil) == .number)
        #expect(K(numFmtId: 49, code: nil) == .number)
        #expect(K(formatCode: "yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(K(formatCode: "[$-804]yyyy/mm/dd;@") == .date)
        #expect(K(formatCode: "[DBNum1][$-804]m\"月\"d\"日\"") == .date)
        #expect(K(formatCode: "mmm-yy") == .date)
        #expect(K(formatCode: "mmmm") == .date)
        #expect(K(formatCode: "yyyy-mm-dd hh:mm") == .date)
        #expect(K(formatCode: "h:mm") == .time)
        #expect(K(formatCode: "[h]:mm:ss") == .time)
        #expect(K(formatCode: "上午/下午h\"时\"mm\"分\"") == .time)
        #expect(K(formatCode: "h:mm AM/PM") == .time)
        #expect(K(formatCode: "General") == .number)
        #expect(K(formatCode: "0.00E+00") == .number)
        #expect(K(formatCode: "#,##0.00_);[Red](#,##0.00)") == .number)
        #expect(K(formatCode: "0\"天\"") == .number)
        #expect(K(formatCode: "\"Day\" 0") == .number)
        #expect(K(formatCode: "@") == .number)
    }

    @Test func references() {
        #expect(XLSXLoader.columnName(1) == "A")
        #expect(XLSXLoader.columnName(28) == "AB")
        #expect(XLSXLoader.columnName(16_384) == "XFD")
        #expect(XLSXLoader.parseReference("C14").map { [$0.column, $0.row] } == [3, 14])
        #expect(XLSXLoader.parseReference("$AB$2").map { [$0.column, $0.row] } == [28, 2])
        #expect(XLSXLoader.parseReference("14C") == nil)
        #expect(XLSXLoader.timeText(0.5) == "12:00")
        #expect(XLSXLoader.timeText(44927.75) == "18:00")
        #expect(XLSXLoader.timeText(1.0 / 86_400 * 3_725) == "1:02:05")
        #expect(XLSXLoader.decodeEscapes("第一行_x000D_\n第二行") == "第一行\r\n第二行")
    }
}

/// A workbook written by openpyxl rather than by `XLSXFixture`: inline strings and no shared
/// strings part, styled empty cells, formulas without cached results, a datetime, a theme and
/// document properties. Made once with this script (openpyxl 3.1.5); tests only read the file:
///
///     import datetime, openpyxl
///     from openpyxl.styles import Font, Alignment
///     wb = openpyxl.Workbook(); ws = wb.active; ws.title = "名单"
///     ws.append(["支部", "姓名", "性别", "出生日期", "入党时间", "手机", "党龄", "备注"])
///     for c in ws[1]: c.font = Font(bold=True, name="宋体")
///     for r in [["第一支部", "张三", "男", datetime.date(1980, 3, 15), datetime.date(2005, 7, 1), 13800000000, 18, "书记"],
///               [None, "李四", "女", datetime.date(1990, 12, 1), datetime.datetime(2015, 6, 30, 9, 30), 13912345678, 8.5, None],
///               ["第二支部", "王五", "男", datetime.date(1975, 1, 31), "2001年7月1日", "0372-5061092", 22, "=\"优秀\"&\"党员\""]]:
///         ws.append(r)
///     ws.append([])
///     ws.append(["第二支部", "赵六", "女", datetime.date(2000, 2, 29), datetime.date(2023, 1, 1), 15000000000, 1, "预备党员"])
///     ws.merge_cells("A2:A3")
///     for r in range(2, 7): ws.cell(r, 4).number_format = 'yyyy"年"m"月"d"日"'
///     ws.cell(6, 5).number_format = "yyyy/m/d"
///     ws["A2"].alignment = Alignment(vertical="center")
///     st = wb.create_sheet("统计")
///     st.append(["支部", "人数", "比例"]); st.append(["第一支部", 2, 0.5]); st.append(["第二支部", 2, "=B3/4"])
///     wb.save("党员名单.xlsx")
/// and then the two formulas given the values Excel would save with them (名单!H4 t="str" 优秀党员,
/// 统计!C3 0.5): openpyxl saves a formula with no value, which is refused.
@Suite struct XLSXOpenpyxlFixtureTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/党员名单.xlsx").path

    @Test func readsTheMembersSheet() throws {
        let data = try DataLoader.load(XLSXOpenpyxlFixtureTests.path)
        #expect(data.valueAt("sheet") == .string("名单"))
        let rows = data.root.loadedRows
        #expect(rows.count == 4)
        #expect(rows[0]["姓名"] == .string("张三"))
        #expect(rows[0]["出生日期"] == loaderDate(1980, 3, 15))
        #expect(rows[0]["入党时间"] == loaderDate(2005, 7, 1))
        #expect(rows[0]["手机"] == .string("13800000000"))
        #expect(rows[0]["党龄"] == .number(18))
        // A2:A3 is merged.
        #expect(rows[1]["支部"] == .string("第一支部"))
        // A datetime keeps its date.
        #expect(rows[1]["入党时间"] == loaderDate(2015, 6, 30))
        #expect(rows[1]["党龄"] == .number(8.5))
        #expect(rows[1]["备注"] == .string(""))
        #expect(rows[2]["入党时间"] == loaderDate(2001, 7, 1))
        #expect(rows[2]["手机"] == .string("0372-5061092"))
        // A formula is read as the value saved with it (the fixture's H4 and 统计!C3 were given the
        // values Excel saves; openpyxl had left them empty), with a note naming the sheet.
        #expect(rows[2]["备注"] == .string("优秀党员"))
        #expect(data.notes.contains { $0.severity == .note && $0.chinese.contains("公式") && $0.location?.place == "名单!H4" })
        #expect(rows[3]["出生日期"] == loaderDate(2000, 2, 29))
        #expect(rows[3]["入党时间"] == loaderDate(2023, 1, 1))
        #expect(data.valueAt("skippedBlankLines") == .array([.number(5)]))
        #expect(data.locationAt("rows", 3, "手机")?.place == "名单!F6")
    }

    @Test func readsTheSecondSheet() throws {
        let data = try DataLoader.load(XLSXOpenpyxlFixtureTests.path, sheet: "统计")
        #expect(data.valueAt("rows", 0, "比例") == .number(0.5))
        #expect(data.valueAt("rows", 1, "人数") == .number(2))
        #expect(data.valueAt("rows", 1, "比例") == .number(0.5), "a formula's saved value")
    }
}

/// A workbook saved by LibreOffice Calc 7.4 (Fixtures/LibreOffice名单.xlsx): made by openpyxl as
///     ws.append(["姓名", "党员", "入党日期", "出生日期", "人数", "说明"])
///     ws.append(["张三", True, date(2005, 7, 1), date(1980, 3, 15), 12, '=A2&"（书记）"'])
///     ws.append(["李四", False, date(2015, 6, 30), date(1990, 12, 1), "=E2+1", "预备党员"])
/// with C2 yyyy"年"m"月"d"日", C3 yyyy/m/d, D2 mm-dd-yy, D3 yyyy-mm-dd and row 6 given the text
/// format only, then `soffice --headless --convert-to xlsx`. LibreOffice writes its own file: shared
/// strings, t="n" on numbers, the booleans as formulas TRUE() with t="b", the formulas calculated
/// (t="str" for text), its own format codes (yyyy\年m\月d\日, m/d/yyyy for Excel's 14,
/// yyyy\-mm\-dd), hidden="false" on every row and column, and the styled empty row 6.
@Suite struct XLSXLibreOfficeFixtureTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/LibreOffice名单.xlsx").path

    @Test func readsWhatLibreOfficeWrote() throws {
        let data = try DataLoader.load(Self.path)
        let rows = data.root.loadedRows
        #expect(rows.count == 2, "the empty styled row is no row")
        #expect(rows[0]["姓名"] == .string("张三") && rows[1]["说明"] == .string("预备党员"))
        #expect(rows[0]["党员"] == .bool(true) && rows[1]["党员"] == .bool(false))
        #expect(rows[0]["入党日期"] == loaderDate(2005, 7, 1) && rows[1]["入党日期"] == loaderDate(2015, 6, 30))
        #expect(rows[0]["出生日期"] == loaderDate(1980, 3, 15) && rows[1]["出生日期"] == loaderDate(1990, 12, 1))
        #expect(rows[0]["说明"] == .string("张三（书记）") && rows[1]["人数"] == .number(13), "formulas, as calculated")
        #expect(data.notes.count == 1 && data.notes.first?.severity == .note, "the formulas are noted once, hidden=\"false\" is not hidden")
    }
}

