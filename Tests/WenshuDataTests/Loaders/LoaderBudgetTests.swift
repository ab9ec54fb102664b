import Foundation
import Testing
import WenshuCore
@testable import WenshuData

/// The defects the hardening campaign found in the data loaders (issue 10), each with the input
/// that reproduced it: no trap, no stack overflow, no runaway memory or time, and a message with
/// the place and what to do.
@Suite struct LoaderBudgetTests {
    // MARK: 1. Dates

    @Test func aDigitRunBeyondInt64IsNotADate() {
        #expect(DateValue(parsing: "99999999999999999999-1-1") == nil)
        #expect(DateValue(parsing: "2022-1-99999999999999999999") == nil)
        #expect(DateValue(parsing: "2022-5-9") == DateValue(year: 2022, month: 5, day: 9))
        let data = DataSet(root: .object(Record([("date", .string("99999999999999999999-1-1"))])))
        let problems = SchemaChecker(SchemaCheckerTests.schema).check(data)
        #expect(problems.contains { $0.chinese.contains("不是有效日期") })
    }

    // MARK: 2. Nesting

    static func deepList(_ lineEnd: String) -> String {
        "school:" + lineEnd + String(repeating: "- ", count: 10_000) + "x" + lineEnd
    }

    @Test(arguments: ["\r", "\r\n", "\n", "\u{85}", "\u{2028}"])
    func deepYAMLIsRefusedWhateverTheLineEnds(_ lineEnd: String) throws {
        let text = Self.deepList(lineEnd)
        let error = try #require(loaderError { try DataLoader.load(data: Data(text.utf8), format: "yaml", file: "deep.yaml") })
        #expect(error.message.contains("嵌套超过 200 层"))
        #expect(error.message.contains("nested more than 200 levels"))
        #expect(error.location?.line == 2)
    }

    @Test func deepIndentedMappingsAreRefusedButOrdinaryNestingIsRead() throws {
        func nested(_ levels: Int, _ end: String) -> String {
            (0..<levels).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: end) + " v" + end
        }
        #expect(loaderError { try DataLoader.load(data: Data(nested(5_000, "\r").utf8), format: "yaml", file: "m.yaml") } != nil)
        let data = try DataLoader.load(data: Data(nested(60, "\r").utf8), format: "yaml", file: "m.yaml")
        var v = data.root
        for _ in 0..<60 { v = v["k"] ?? .null }
        #expect(v == .string("v"))
    }

    @Test(arguments: ["\n", "\r"])
    func deepJSONIsRefused(_ lineEnd: String) throws {
        let text = lineEnd + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try #require(loaderError { try DataLoader.load(data: Data(text.utf8), format: "json", file: "deep.json") })
        #expect(error.message.contains("nested more than 200 levels"))
        #expect(error.location?.line == 2)
        // Brackets inside a JSON string are text, not nesting.
        let brackets = "{\"note\": \"" + String(repeating: "[\\\"", count: 300) + "\"}"
        let data = try DataLoader.load(data: Data(brackets.utf8), format: "json", file: "note.json")
        #expect(data.root["note"] == .string(String(repeating: "[\"", count: 300)))
        // A quote inside a plain word does not open a string for the YAML parser that reads JSON:
        // the brackets after it are nesting (a fuzzer's stack overflow).
        let word = "[ows\": [{\"a\": { " + String(repeating: "[{", count: 5_000)
        let deep = try #require(loaderError { try DataLoader.load(data: Data(word.utf8), format: "json", file: "word.json") })
        #expect(deep.message.contains("nested more than 200 levels"))
    }

    // MARK: 3–5. Workbooks

    /// A small valid workbook's bytes.
    static func workbook(_ sheet: XLSXFixture.Sheet) throws -> Data {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("w.xlsx")
        try XLSXFixture(sheets: [sheet]).write(to: path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Overwrites four little-endian bytes.
    static func patch(_ data: inout Data, at offset: Int, _ value: UInt32) {
        for k in 0..<4 { data[data.startIndex + offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    }

    /// The offset of the first central-directory record.
    static func centralDirectory(_ data: Data) throws -> Int {
        let bytes = [UInt8](data)
        let signature: [UInt8] = [0x50, 0x4B, 5, 6]
        var end = bytes.count - 22
        while end > 0, Array(bytes[end..<(end + 4)]) != signature { end -= 1 }
        var offset = 0
        for k in (16..<20).reversed() { offset = offset << 8 | Int(bytes[end + k]) }
        return offset
    }

    @Test func aZipWhoseDirectoryPointsPastTheEndIsDamagedNotATrap() throws {
        var data = try Self.workbook(XLSXFixture.Sheet(name: "名单", rows: [[.text("姓名")], [.text("张三")]]))
        let directory = try Self.centralDirectory(data)
        // The first part's local header offset far past the end: ZIPFoundation's in-memory reader
        // seeks there and traps on a negative range.
        Self.patch(&data, at: directory + 42, 0x7FFF_FFF0)
        let error = try #require(loaderError { try DataLoader.load(data: data, format: "xlsx", file: "bad.xlsx") })
        #expect(error.message.contains("已损坏"))
        #expect(error.message.contains("open it in Excel and save it again"))
        #expect(error.location?.file == "bad.xlsx")

        var lying = try Self.workbook(XLSXFixture.Sheet(name: "名单", rows: [[.text("姓名")], [.text("张三")]]))
        Self.patch(&lying, at: directory + 20, 0x00FF_FFFF) // a packed size past the end
        #expect(loaderError { try DataLoader.load(data: lying, format: "xlsx", file: "bad.xlsx") }?.message.contains("已损坏") == true)
    }

    @Test func aHugeMergedAreaIsRefusedBeforeItIsFilled() throws {
        var header = [XLSXFixture.Cell](repeating: .none, count: 16_384)
        header[0] = .text("姓名"); header[16_383] = .text("备注")
        let sheet = XLSXFixture.Sheet(name: "名单", rows: [header, [.text("张三")]], merges: ["A2:XFD10001"])
        let data = try Self.workbook(sheet)
        let start = Date()
        let error = try #require(loaderError { try DataLoader.load(data: data, format: "xlsx", file: "m.xlsx") })
        #expect(Date().timeIntervalSince(start) < 10)
        // Across columns of the data it is refused at once, at its range.
        #expect(error.message.contains("合并单元格 A2:XFD10001 横跨数据的几列"))
        #expect(error.location?.place == "名单!A2:XFD10001")

        // Areas down single columns are filled, within the sheet's cell budget.
        let columns = ["A", "B", "C", "D", "E", "F"]
        let tall = XLSXFixture.Sheet(name: "名单", rows: [columns.map { .text("列\($0)") }, columns.map { .text("值\($0)") }],
                                     merges: columns.map { "\($0)2:\($0)10001" })
        var small = Limits()
        small.maxCells = 50_000
        let over = try #require(loaderError { try DataLoader.load(data: try Self.workbook(tall), format: "xlsx", file: "m.xlsx", limits: small) })
        #expect(over.message.contains("覆盖的单元格太多（工作表最多 50000 个）"), "\(over.message)")
    }

    @Test func partsAndSheetsPastTheirBudgetsAreRefused() throws {
        let rows: [[XLSXFixture.Cell]] = [[.text("姓名"), .text("备注")]]
            + (0..<2_000).map { [.inline("张三\($0)"), .inline(String(repeating: "好", count: 20))] }
        let data = try Self.workbook(XLSXFixture.Sheet(name: "名单", rows: rows))
        #expect(try DataLoader.load(data: data, format: "xlsx", file: "w.xlsx").root["rows"].map { if case .array(let a) = $0 { a.count } else { 0 } } == 2_000)

        var small = Limits()
        small.maxPartBytes = 64 << 10
        let part = try #require(loaderError { try DataLoader.load(data: data, format: "xlsx", file: "w.xlsx", limits: small) })
        #expect(part.message.contains("解压后超过 64 KB"))

        var total = Limits()
        total.maxUnpackedBytes = 100 << 10
        let all = try #require(loaderError { try DataLoader.load(data: data, format: "xlsx", file: "w.xlsx", limits: total) })
        #expect(all.message.contains("in all"))

        var cells = Limits()
        cells.maxCells = 1_000
        let many = try #require(loaderError { try DataLoader.load(data: data, format: "xlsx", file: "w.xlsx", limits: cells) })
        #expect(many.message.contains("超过 1000 个单元格"))
        #expect(many.location?.place == "名单")

        var field = Limits()
        field.maxFieldBytes = 32
        let long = try #require(loaderError { try DataLoader.load(data: data, format: "xlsx", file: "w.xlsx", limits: field) })
        #expect(long.location?.place == "名单!B2")
    }

    // MARK: 6. Wide CSV

    @Test func aWideCSVRowIsReadInLinearTimeAndRefusedPastTheColumnBudget() throws {
        let wide = (1...16_000).map { "c\($0)" }.joined(separator: ",") + "\n" + (1...16_000).map { "\($0)" }.joined(separator: ",") + "\n"
        let start = Date()
        let data = try DataLoader.load(data: Data(wide.utf8), format: "csv", file: "wide.csv")
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(data.valueAt("rows", 0, "c16000") == .string("16000"))

        let tooWide = (1...100_000).map { "c\($0)" }.joined(separator: ",") + "\n"
        let error = try #require(loaderError { try DataLoader.load(data: Data(tooWide.utf8), format: "csv", file: "wide.csv") })
        #expect(error.message.contains("超过 16384 列"))
        #expect(error.location?.line == 1)

        var limits = Limits()
        limits.maxFieldBytes = 10
        let field = try #require(loaderError { try DataLoader.load(data: Data("a,b\n1,\"0123456789ab\"\n".utf8), format: "csv", file: "f.csv", limits: limits) })
        #expect(field.location?.line == 2)
        #expect(field.location?.column == 2)
    }

    @Test func manyKeysNormaliseInLinearTime() throws {
        // Normalising copied the whole top-level record for every key: 40,000 keys took a minute.
        let text = (0..<40_000).map { "k\($0): \($0)" }.joined(separator: "\n") + "\n品牌名称: 红烛\n"
        let data = try DataLoader.load(data: Data(text.utf8), format: "yaml", file: "keys.yaml")
        let start = Date()
        let normalized = SchemaChecker(SchemaCheckerTests.schema).normalize(data)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(normalized.root["k39999"] == .number(39_999))
        #expect(normalized.root["brand"]?["name"] == .string("红烛"))
        guard case .object(let root) = normalized.root else { Issue.record("not an object"); return }
        #expect(root.keys.prefix(2) == ["k0", "k1"])
    }

    // MARK: 7. Numbers

    @Test func aCountThatIsNotFiniteIsAnError() throws {
        let data = try DataLoader.load(data: Data("members: 1e400\n".utf8), format: "yaml", file: "s.yaml")
        let checker = SchemaChecker(SchemaCheckerTests.schema)
        let problems = checker.check(checker.normalize(data))
        #expect(problems.contains { $0.english.contains("positive whole number") && $0.location?.line == 1 })
        let fine = try DataLoader.load(data: Data("members: 32\n".utf8), format: "yaml", file: "s.yaml")
        #expect(!checker.check(checker.normalize(fine)).contains { $0.english.contains("whole number") })
    }

    // MARK: 8. Encodings

    @Test(arguments: ["\n", "\r", "\r\n"])
    func invalidUTF8NamesItsLine(_ end: String) throws {
        var bytes = Data("姓名,职务\(end)张三,书记\(end)".utf8)
        bytes.append(contentsOf: [0xFF, 0x2C, 0x41])
        bytes.append(contentsOf: Data(end.utf8))
        let error = try #require(loaderError { try DataLoader.text(of: bytes, file: "a.csv", kind: "CSV") })
        #expect(error.location?.line == 3)
        #expect(error.message.hasPrefix("第 3 行起不是 UTF-8 或 GBK 文本"))
        #expect(loaderError { try DataLoader.load(data: bytes, format: "csv", file: "a.csv") }?.location?.line == 3)
    }

    // MARK: 9. Library text

    @Test func libxml2sOwnWordsDoNotReachTheUser() throws {
        let huge = "<a>" + String(repeating: "x", count: 10_000_001) + "</a>"
        let error = try #require(throws: XMLError.self) { try XMLReader.parse(Data(huge.utf8), file: "big.xml") }
        #expect(error.isOverLimit)
        #expect(!error.message.contains("internal error"))
        #expect(!error.message.contains("Huge input lookup"))
        #expect(error.message.hasPrefix("XML 文本过大"))
        let explained = XMLReader.explain("internal error: Huge input lookup", code: 1)
        #expect(explained.overLimit && !explained.message.contains("Huge"))
        #expect(XMLReader.explain("Opening and ending tag mismatch: a line 1 and b", code: 76).message.hasPrefix("XML 格式不正确"))
    }
}
