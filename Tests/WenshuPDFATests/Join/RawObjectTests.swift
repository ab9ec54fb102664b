import Testing
@testable import WenshuPDFA

/// The joiner's copier: an object's references found by scanning its bytes (never inside a
/// string, a name, a comment or a stream's data), its /Length made direct, its bytes otherwise
/// copied as they stand.
@Suite struct RawObjectTests {
    /// Object 1 with `body`, beside an object 2 (`26`, a length) and an object 9.
    static func raw(_ body: String, number: Int = 1) throws -> RawObject {
        let pdf = try PDFFile(bytes: MiniPDF.make([(1, body), (2, "26"), (9, "<< >>")], trailer: "/Root 9 0 R"), file: "t")
        return try #require(try pdf.raw(number))
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func referencesAreFoundWithTheirKeys() throws {
        let o = try RawObjectTests.raw("<< /Type /Page /Parent 3 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [ 6 0 R 7 0 R ] >>")
        #expect(o.references.map(\.number) == [3, 5, 6, 7])
        #expect(o.references.map(\.key) == ["Parent", "F1", "Annots", "Annots"])
        #expect(o.stream == nil)
        let out = try o.rewritten(streamLength: nil) { $0.number * 10 }
        #expect(RawObjectTests.text(out) == "<< /Type /Page /Parent 30 0 R /Resources << /Font << /F1 50 0 R >> >> /Annots [ 60 0 R 70 0 R ] >>")
    }

    @Test func aReferenceInAStringANameOrACommentIsNone() throws {
        let body = "<< /Title (see 5 0 R \\) and (6 0 R) inside) /Alt <3520302052> /R 4 0 R % 8 0 R\n /N /5 /M [ 1 2 3 0 R ] >>"
        let o = try RawObjectTests.raw(body)
        #expect(o.references.map(\.number) == [4, 3])
        #expect(o.references.map(\.key) == ["R", "M"])
        let out = RawObjectTests.text(try o.rewritten(streamLength: nil) { _ in 77 })
        #expect(out.contains("(see 5 0 R \\) and (6 0 R) inside)"))
        #expect(!out.contains("8 0 R"))   // the comment is dropped
        #expect(out.contains("/R 77 0 R"))
        #expect(out.contains("[ 1 2 77 0 R ]"))
    }

    @Test func aStreamHoldingRAndEndobjIsCopiedAsBytes() throws {
        let data = "1 0 R endobj (2 0 R"
        let o = try RawObjectTests.raw("<< /Length \(data.utf8.count) /Filter /None >>\nstream\n\(data)\nendstream")
        #expect(o.references.isEmpty)
        #expect(o.length == data.utf8.count)
        let pdf = try PDFFile(bytes: MiniPDF.make([(1, "<< /Length \(data.utf8.count) >>\nstream\n\(data)\nendstream")], trailer: ""), file: "t")
        let range = try #require(try pdf.raw(1)?.stream)
        #expect(try pdf.read(range) == Array(data.utf8))
    }

    @Test func anIndirectLengthIsWrittenAsTheNumber() throws {
        let data = String(repeating: "x", count: 26)
        let o = try RawObjectTests.raw("<< /Length 2 0 R /Subtype /Image >>\nstream\n\(data)\nendstream")
        #expect(o.links.isEmpty)
        #expect(o.references.map(\.number) == [2])
        #expect(o.subtype == "Image")
        #expect(o.stream?.count == 26)
        let out = try o.rewritten(streamLength: 26) { _ in 99 }
        #expect(RawObjectTests.text(out) == "<< /Length 26 /Subtype /Image >>")
    }

    @Test func aValueLongerThanTheFirstWindowIsReadWhole() throws {
        let long = String(repeating: "a", count: 5000)
        let o = try RawObjectTests.raw("<< /T (\(long)) /P 9 0 R >>")
        #expect(o.references.map(\.number) == [9])
        #expect(o.body.count > 5000)
    }

    @Test func whitespaceAndCommentsBetweenTokensBecomeOneSpace() throws {
        let o = try RawObjectTests.raw("<< /Type /Page % 1\n   /Parent 3 0 R\n   /T (a   b)\n>>")
        #expect(RawObjectTests.text(o.body) == "<< /Type /Page /Parent 3 0 R /T (a   b) >>")
        #expect(o.references.first?.range == 23..<28)
    }

    @Test func extraEntriesGoAtTheEndOfTheDictionary() throws {
        let o = try RawObjectTests.raw("<< /Type /Page /Contents 4 0 R >>")
        var asked: [Int] = []
        let out = try o.rewritten(streamLength: nil, extra: { asked.append(0); return Array("/Rotate 90".utf8) }) { asked.append($0.number); return 1 }
        #expect(RawObjectTests.text(out) == "<< /Type /Page /Contents 1 0 R /Rotate 90 >>")
        #expect(asked == [4, 0])
    }

    @Test(arguments: ["<< /T (unterminated >>", "<< /A 1 0 R ]", "[ 1 2 >>", "<< /A <12Z4> >>", "<< /A ) >>"])
    func malformedObjectsAreRefused(_ body: String) throws {
        #expect(throws: PDFAError.self) { _ = try RawObjectTests.raw(body) }
    }

    @Test func nestingIsBounded() throws {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: PDFAError.self) { _ = try RawObjectTests.raw(deep) }
    }
}
