import Testing
@testable import WenshuPDFA

@Suite struct PDFTextStringTests {
    @Test func decodesUTF16WithMarkAndPlainBytes() {
        #expect(PDFTextString.decode([0xFE, 0xFF, 0x65, 0x87, 0x4E, 0x66]) == "文书")
        #expect(PDFTextString.decode(Array("Wenshu".utf8)) == "Wenshu")
        #expect(PDFTextString.decode([0xEF, 0xBB, 0xBF] + Array("文".utf8)) == "文")
    }

    @Test func encodesASCIIPlainAndOtherTextAsUTF16() {
        #expect(PDFTextString.encode("Wenshu") == Array("Wenshu".utf8))
        #expect(PDFTextString.encode("文书") == [0xFE, 0xFF, 0x65, 0x87, 0x4E, 0x66])
    }
}
