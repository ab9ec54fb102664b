import Testing
@testable import WenshuPDFA

@Suite struct PDFFileTests {
    @Test func readsObjectsAndStreamsThroughTheTable() throws {
        let pdf = try PDFFile(bytes: MiniPDF.cairoLike, file: "t.pdf")
        #expect(pdf.version == "1.5")
        #expect(pdf.trailer["Root"] == .reference(11, 0))
        let contents = try #require(try pdf.object(3))
        let range = try #require(contents.stream)
        #expect(String(decoding: pdf.bytes[range], as: UTF8.self) == "BT /f-0-0 12 Tf (ab) Tj ET")
        let raw = String(decoding: pdf.bytes[contents.raw], as: UTF8.self)
        #expect(raw.hasPrefix("3 0 obj") && raw.hasSuffix("endobj"))
        #expect(try pdf.object(99) == nil)
    }

    @Test func refusesCrossReferenceStreams() {
        var bytes = Array("%PDF-1.5\n%\u{B5}\u{ED}\n".utf8)
        let at = bytes.count
        bytes += Array("1 0 obj\n<< /Type /XRef /Size 2 /W [1 2 1] /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n\(at)\n%%EOF\n".utf8)
        #expect {
            try PDFFile(bytes: bytes, file: "t.pdf")
        } throws: { error in
            if case PDFAError.unsupported = error { true } else { false }
        }
    }

    @Test func refusesAFileThatIsNotPDF() {
        #expect(throws: PDFAError.self) { try PDFFile(bytes: Array("hello, this is not a PDF at all".utf8), file: "t.pdf") }
        var cut = MiniPDF.cairoLike
        cut.removeLast(40)
        #expect(throws: PDFAError.self) { try PDFFile(bytes: cut, file: "t.pdf") }
    }

    @Test func namesAnEntryThatPointsAtAnotherObject() throws {
        let bytes = MiniPDF.make([(1, "<< /A 1 >>"), (2, "<< /Type /Catalog >>")], trailer: "/Root 2 0 R", stale: [3])
        let pdf = try PDFFile(bytes: bytes, file: "t.pdf")
        #expect(throws: PDFAError.self) { try pdf.object(3) }
    }
}
