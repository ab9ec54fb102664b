import Foundation
import Testing
@testable import WenshuPDFA

@Suite struct PDFFileTests {
    @Test func readsObjectsAndStreamsThroughTheTable() throws {
        let pdf = try PDFFile(bytes: MiniPDF.cairoLike, file: "t.pdf")
        #expect(pdf.version == "1.5")
        #expect(pdf.trailer["Root"] == .reference(11, 0))
        let contents = try #require(try pdf.object(3))
        let range = try #require(contents.stream)
        #expect(String(decoding: try pdf.read(range), as: UTF8.self) == "BT /f-0-0 12 Tf (ab) Tj ET")
        let raw = String(decoding: try pdf.read(contents.raw), as: UTF8.self)
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

extension PDFFileTests {
    @Test func refusesANegativeLengthAndHugeObjectNumbers() throws {
        let negative = MiniPDF.make([(1, "<< /Length 2 0 R >>\nstream\nabc\nendstream"), (2, "-5")], trailer: "/Root 1 0 R")
        let pdf = try PDFFile(bytes: negative, file: "t.pdf")
        #expect(throws: PDFAError.self) { try pdf.object(1) }
        var huge = Array("%PDF-1.5\n%\u{B5}\u{ED}\n".utf8)
        let at = huge.count
        huge += Array("xref\n9223372036854775800 1\n0000000009 00000 n \ntrailer\n<< /Size 1 >>\nstartxref\n\(at)\n%%EOF\n".utf8)
        #expect(throws: PDFAError.self) { try PDFFile(bytes: huge, file: "t.pdf") }
    }

    @Test func followsPreviousSectionsNewestFirst() throws {
        // An incremental update: object 1 written again after the first table.
        var bytes = MiniPDF.make([(1, "<< /V 1 >>"), (2, "<< /Type /Catalog >>")], trailer: "/Root 2 0 R")
        let firstTable = try PDFFile.startXref(PDFSource(bytes: bytes, file: "t.pdf"))
        let at = bytes.count
        bytes += Array("1 0 obj\n<< /V 2 >>\nendobj\n".utf8)
        let table = bytes.count
        let s = String(at)
        bytes += Array("xref\n1 1\n\(String(repeating: "0", count: 10 - s.count) + s) 00000 n \ntrailer\n<< /Size 3 /Root 2 0 R /Prev \(firstTable) >>\nstartxref\n\(table)\n%%EOF\n".utf8)
        let pdf = try PDFFile(bytes: bytes, file: "t.pdf")
        #expect(try pdf.object(1)?.value.dictionaryValue?["V"] == .integer(2))
        #expect(try pdf.object(2) != nil)
    }
}

extension PDFFileTests {
    /// A file read a block at a time gives the objects the bytes in memory give, also across the
    /// blocks' edges (objects larger than the first window read).
    @Test func readsTheSameFromAFileInBlocks() throws {
        let big = String(repeating: "1000 ", count: 8000)   // 40 KB: ten blocks of 4 KB (more than are kept), wider than a first window
        let bytes = MiniPDF.make([(1, "<< /W [ \(big)] >>"), (2, "<< /Length 3 >>\nstream\nabc\nendstream"),
                                  (3, "<< /Type /Catalog >>")], trailer: "/Root 3 0 R")
        let path = NSTemporaryDirectory() + "wenshu-pdffile-\(UUID().uuidString).pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let inMemory = try PDFFile(bytes: bytes, file: path)
        let onDisk = try PDFFile(source: PDFSource(path: path, blockSize: 4096))
        for n in 1...3 {
            let a = try inMemory.object(n), b = try onDisk.object(n)
            #expect(a == b)
            if let raw = a?.raw { #expect(try inMemory.read(raw) == onDisk.read(raw)) }
        }
        #expect(try onDisk.read(0..<bytes.count) == bytes)
    }
}

