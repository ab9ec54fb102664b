import Testing
@testable import WenshuPDFA

@Suite struct PDFDateTests {
    @Test func readsCairoAndZonedDates() throws {
        let utc = try #require(PDFDate(pdf: "D:20261128172258Z"))
        #expect(utc.xmp == "2026-11-28T17:22:58+00:00")
        let east = try #require(PDFDate(pdf: "D:20230306091500+08'00'"))
        #expect(east.pdf == "D:20230306091500+08'00'")
        #expect(east.xmp == "2023-03-06T09:15:00+08:00")
        #expect(PDFDate(pdf: "D:2023")?.xmp == "2023-01-01T00:00:00+00:00")
        #expect(PDFDate(pdf: "D:20231399") == nil)
        #expect(PDFDate(pdf: "yesterday") == nil)
    }

    @Test func sourceDateEpochGivesUTC() {
        #expect(PDFDate.sourceDateEpoch(["SOURCE_DATE_EPOCH": "1700000000"])?.pdf == "D:20231114221320+00'00'")
        #expect(PDFDate.sourceDateEpoch(["SOURCE_DATE_EPOCH": "soon"]) == nil)
        #expect(PDFDate.sourceDateEpoch([:]) == nil)
    }
}
