import Testing
import WenshuData
@testable import WenshuTemplate

@Suite struct FilterTests {
    func apply(_ name: String, _ v: Value, _ args: [Value] = []) throws -> String {
        try Filters.table[name]!(v, args).description
    }

    @Test func chineseDates() throws {
        let d = Value.date(DateValue(year: 2022, month: 5, day: 9)!)
        #expect(try apply("中文日期", d) == "2022年5月9日")
        #expect(try apply("date", .string("2022-05-09")) == "2022年5月9日")
        #expect(try apply("大写日期", d) == "二〇二二年五月九日")
        #expect(try apply("date_upper", .date(DateValue(year: 2020, month: 12, day: 31)!)) == "二〇二〇年十二月三十一日")
    }

    @Test(arguments: [(0, "零"), (1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"), (105, "一百零五"),
                      (110, "一百一十"), (1000, "一千"), (1010, "一千零一十"), (10000, "一万"), (20023, "二万零二十三")])
    func chineseNumerals(n: Int, text: String) {
        #expect(Filters.chineseNumber(n) == text)
    }

    @Test(arguments: [(1, "壹"), (10, "壹拾"), (12, "壹拾贰"), (305, "叁佰零伍"), (2022, "贰仟零贰拾贰")])
    func financialNumerals(n: Int, text: String) {
        #expect(Filters.financialNumber(n) == text)
    }

    @Test func countsDefaultsTruncationPadding() throws {
        #expect(try apply("字数", .string("红烛 领航，书香润心")) == "9")
        #expect(try apply("default", .null, [.string("—")]) == "—")
        #expect(try apply("default", .string("有"), [.string("—")]) == "有")
        #expect(try apply("truncate", .string("中共清河市委教育工作委员会"), [.number(6), .string("…")]) == "中共清河市…")
        #expect(try apply("截断", .string("短"), [.number(6)]) == "短")
        #expect(try apply("pad", .number(7), [.number(5)]) == "00007")
        #expect(try apply("join", .array([.string("甲"), .string("乙")]), [.string("、")]) == "甲、乙")
    }

    @Test func badInputIsAMessage() {
        #expect(throws: Filters.FilterFailure.self) { _ = try Filters.table["中文日期"]!(.string("2023-02-30"), []) }
        #expect(throws: Filters.FilterFailure.self) { _ = try Filters.table["中文数字"]!(.string("三"), []) }
    }
}

@Suite struct ExpressionTests {
    @Test func parsesPathsFiltersAndConditions() throws {
        #expect(try ExpressionParser.parse("school.name") == .path([.key("school"), .key("name")], text: "school.name"))
        #expect(try ExpressionParser.parse("photos[2].caption") == .path([.key("photos"), .index(2), .key("caption")], text: "photos[2].caption"))
        let f = try ExpressionParser.parse("title | truncate 20 \"…\"")
        guard case .filtered(_, let name, let args) = f else { Issue.record("\(f)"); return }
        #expect(name == "truncate" && args.count == 2)
        let c = try ExpressionParser.parse("members > 50 and not veto")
        guard case .and(.compare(_, ">", _), .not(_)) = c else { Issue.record("\(c)"); return }
    }

    @Test func errorsSayWhatWasExpected() {
        do { _ = try ExpressionParser.parse("school |"); Issue.record("no error") } catch {
            #expect(error.message == "expected a filter name after ‘|’")
        }
        do { _ = try ExpressionParser.parse("\"open"); Issue.record("no error") } catch {
            #expect(error.message.contains("not closed"))
        }
    }
}

/// Defect 3: numbers beyond what the filters can spell, and widths beyond Int, trapped.
@Suite struct FilterRangeTests {
    func apply(_ name: String, _ v: Value, _ args: [Value] = []) throws -> String {
        let filter = try #require(Filters.table[name])
        return try filter(v, args).description
    }

    @Test(arguments: [1e20, .infinity, -.infinity, .nan, -1e300, -9_223_372_036_854_775_808.0, 1e12])
    func numbersBeyondTheSpellingAreRefused(n: Double) throws {
        for name in ["中文数字", "大写数字"] {
            #expect(throws: Filters.FilterFailure.self) { _ = try apply(name, .number(n)) }
        }
    }

    @Test func textNumbersBeyondIntAreRefused() throws {
        #expect(throws: Filters.FilterFailure.self) { _ = try apply("中文数字", .string("-9223372036854775808")) }
        #expect(throws: Filters.FilterFailure.self) { _ = try apply("大写数字", .string("99999999999999999999999")) }
    }

    @Test func largestSpelledNumbers() throws {
        #expect(try apply("中文数字", .number(999_999_999_999)) == "九千九百九十九亿九千九百九十九万九千九百九十九")
        #expect(try apply("中文数字", .number(-12)) == "负十二")
    }

    @Test(arguments: [1e20, 1e300, .infinity, -1, 10_001, 2.5])
    func widthsBeyondTheBudgetAreRefused(width: Double) throws {
        #expect(throws: Filters.FilterFailure.self) { _ = try apply("pad", .string("7"), [.number(width)]) }
        #expect(throws: Filters.FilterFailure.self) { _ = try apply("truncate", .string("七"), [.number(width)]) }
    }
}
