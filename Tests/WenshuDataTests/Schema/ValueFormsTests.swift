import Foundation
import Testing
import WenshuCore
@testable import WenshuData

/// Numbers and dates as a clerk types them in Excel (issue 12, "Bad input"): full-width digits are
/// read with a note, an unambiguous date written as text is the date, and text where a number or
/// a full date belongs is an error at its cell saying what to write.
@Suite struct ValueFormsTests {
    /// A one-row sheet 名单!A1:C2 of 党员数, 日期 and 单位名称 read against the checker's schema.
    func read(members: XLSXFixture.Cell, date: XLSXFixture.Cell) throws -> (DataSet, [Problem]) {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let path = folder.path("表.xlsx")
        try XLSXFixture("名单", rows: [[.text("党员数"), .text("日期"), .text("单位名称"), .text("品牌名称")],
                                     [members, date, .text("青石桥小学"), .text("红烛")]]).write(to: path)
        let record = try #require(TableRecord.record(try DataLoader.load(path)))
        let checker = SchemaChecker(SchemaCheckerTests.schema)
        let data = checker.normalize(record)
        return (data, data.notes + checker.check(data))
    }

    @Test func fullWidthDigitsAreReadWithANote() throws {
        let (data, problems) = try read(members: .text("３６"), date: .text("２０２３年６月２８日"))
        #expect(data.root["members"] == .number(36))
        #expect(data.root["date"] == loaderDate(2023, 6, 28))
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        let notes = problems.filter { $0.severity == .note }
        #expect(notes.count == 2)
        #expect(notes.contains { $0.location?.place == "名单!A2" && $0.chinese == "“党员数”的全角数字“３６”已按“36”读取" })
        #expect(notes.contains { $0.location?.place == "名单!B2" && $0.chinese.contains("2023年6月28日") })
    }

    @Test(arguments: ["2023.6.28", "2023/6/28", "2023-06-28", " 2023.06.28 "])
    func anUnambiguousDateTypedAsTextIsTheDate(_ typed: String) throws {
        let (data, problems) = try read(members: .number(12), date: .inline(typed))
        #expect(data.root["date"] == loaderDate(2023, 6, 28))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func aDateWithoutItsYearIsAnErrorWithTheFormsAccepted() throws {
        let (_, problems) = try read(members: .number(12), date: .text("6月28日"))
        let error = try #require(problems.first { $0.severity == .error })
        #expect(error.location?.place == "名单!B2" && error.chinese == "日期“6月28日”不是有效日期")
        #expect(error.hint?.contains("2023年6月28日") == true && error.hint?.contains("须有年月日") == true)
    }

    @Test(arguments: ["十二", "12人", "１２人"])
    func textWhereAWholeNumberBelongsIsAnErrorAtItsCell(_ typed: String) throws {
        let (_, problems) = try read(members: .text(typed), date: .none)
        let error = try #require(problems.first { $0.severity == .error })
        #expect(error.location?.place == "名单!A2" && error.chinese.hasPrefix("党员数应为正整数"))
        #expect(error.hint?.contains("只填阿拉伯数字") == true)
    }

    @Test func aSerialWhereADateBelongsSaysToFormatTheCell() throws {
        let (_, problems) = try read(members: .number(12), date: .number(45105))
        let error = try #require(problems.first { $0.severity == .error })
        #expect(error.chinese.contains("这里是数字") && error.hint?.contains("设为日期格式") == true)
    }
}
