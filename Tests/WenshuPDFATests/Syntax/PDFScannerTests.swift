import Testing
@testable import WenshuPDFA

@Suite struct PDFScannerTests {
    func read(_ text: String) throws -> PDFValue {
        var s = PDFScanner(bytes: Array(text.utf8), file: "t.pdf")
        return try s.value()
    }

    @Test func readsCairoDictionaryWithCommentsAndReferences() throws {
        let v = try read("<< /Type /Page % 1\n /Parent 1 0 R\n /MediaBox [ 0 0 595.275591 841.889764 ] /I true >>")
        let d = try #require(v.dictionaryValue)
        #expect(d.keys == ["Type", "Parent", "MediaBox", "I"])
        #expect(d["Parent"] == .reference(1, 0))
        #expect(d["MediaBox"] == .array([.integer(0), .integer(0), .real("595.275591"), .real("841.889764")]))
        #expect(d["I"] == .bool(true))
    }

    @Test func readsLiteralAndHexStrings() throws {
        #expect(try read("(a\\(b\\) \\101\\n(c))") == .string(Array("a(b) A\n(c)".utf8)))
        #expect(try read("<FEFF 6587>") == .string([0xFE, 0xFF, 0x65, 0x87]))
        #expect(try read("<7>") == .string([0x70]))
    }

    @Test func keepsAnIntegerThatIsNotAReference() throws {
        #expect(try read("[ 1 2 3 ]") == .array([.integer(1), .integer(2), .integer(3)]))
        #expect(try read("[ 1 2 R 3 ]") == .array([.reference(1, 2), .integer(3)]))
    }

    @Test func refusesBrokenSyntaxWithItsOffset() {
        #expect(throws: PDFAError.self) { try read("<< /A (unterminated >>") }
        #expect(throws: PDFAError.self) { try read("<< /A 1") }
        #expect(throws: PDFAError.self) { try read(String(repeating: "[", count: 300)) }
        do {
            _ = try read("<< /A ) >>")
            Issue.record("no error")
        } catch let PDFAError.syntax(_, offset, _) {
            #expect(offset == 6)
        } catch {
            Issue.record("wrong error \(error)")
        }
    }

    @Test func writesWhatItReads() throws {
        let text = "<< /Type /Font /W [0 [1000 500]] /Ref 12 0 R /S <41> /N null >>"
        let v = try read(text)
        #expect(try read(String(decoding: v.serialized(), as: UTF8.self)) == v)
    }
}
