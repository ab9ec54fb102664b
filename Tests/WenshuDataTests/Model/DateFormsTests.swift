import Testing
import WenshuCore
@testable import WenshuData

/// The one date reader (it replaced the batch list's own and `DateValue(parsing:)`'s).
@Suite struct DateFormsTests {
    @Test func exactFormsAreTheThreeWrittenForms() {
        #expect(DateForms.date("2022-05-09") == DateValue(year: 2022, month: 5, day: 9))
        #expect(DateForms.date("2022/5/9") == DateValue(year: 2022, month: 5, day: 9))
        #expect(DateForms.date("2022年5月9日") == DateValue(year: 2022, month: 5, day: 9))
        // Mixed marks, a missing 日, a dot, anything around: text, not a date.
        for text in ["2022-5/9", "2022年5月9", "2022.5.9", "2022-05-09 ", "x2022-05-09", "2022--5-9", "2022年5-9日", "22-05-09"] {
            #expect(DateForms.date(text) == nil, "\(text)")
        }
        // The parts of a date that does not exist, but no date.
        #expect(DateForms.parts("2022-02-30")?.day == 30)
        #expect(DateForms.date("2022-02-30") == nil)
    }

    @Test func lenientFormsTakeAnyMarkAndSpaces() {
        #expect(DateForms.date("2022.5.9", lenient: true) == DateValue(year: 2022, month: 5, day: 9))
        #expect(DateForms.date(" 2022年5月9 ", lenient: true) == DateValue(year: 2022, month: 5, day: 9))
        #expect(DateForms.date("2022-5/9", lenient: true) == DateValue(year: 2022, month: 5, day: 9))
        #expect(DateForms.date("2022年", lenient: true) == nil)
        #expect(DateForms.date("九月", lenient: true) == nil)
        // DateValue(parsing:) is the lenient reading.
        #expect(DateValue(parsing: "2022.5.9") == DateValue(year: 2022, month: 5, day: 9))
        #expect(DateValue(parsing: "99999999999999999999-1-1") == nil)
    }

    @Test func aCellIsADateOnlyWhenExactlyOne() {
        #expect(DateForms.cell("2022/5/9") == .date(DateValue(year: 2022, month: 5, day: 9)!))
        #expect(DateForms.cell("2022.5.9") == .string("2022.5.9"))
        #expect(DateForms.cell("2022-02-30") == .string("2022-02-30"))
    }
}
