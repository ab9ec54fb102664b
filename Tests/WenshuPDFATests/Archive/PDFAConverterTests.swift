import Foundation
import Testing
@testable import WenshuPDFA

@Suite struct PDFAConverterTests {
    static let date = PDFDate(year: 2023, month: 11, day: 14, hour: 22, minute: 13, second: 20)

    func convert(_ bytes: [UInt8] = MiniPDF.cairoLike) throws -> PDFFile {
        let out = try PDFAConverter(date: Self.date).convert(bytes, file: "t.pdf")
        return try PDFFile(bytes: out, file: "out.pdf")
    }

    func dictionary(_ pdf: PDFFile, _ n: Int) throws -> PDFDictionary {
        try #require(try pdf.object(n)?.value.dictionaryValue)
    }

    @Test func addsXMPMetadataAndTheSRGBOutputIntentToTheCatalog() throws {
        let pdf = try convert()
        let catalog = try dictionary(pdf, 11)
        let metadataNumber = try #require(catalog["Metadata"]?.referenceNumber)
        let metadata = try #require(try pdf.object(metadataNumber))
        #expect(metadata.value.dictionaryValue?["Subtype"] == .name("XML"))
        let xmpRange = try #require(metadata.stream)
        let xmp = String(decoding: try pdf.read(xmpRange), as: UTF8.self)
        #expect(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"))
        #expect(xmp.contains("<rdf:li xml:lang=\"x-default\">文书</rdf:li>"))
        #expect(xmp.contains("<pdf:Producer>cairo 1.16.0 (https://cairographics.org)</pdf:Producer>"))
        #expect(xmp.contains("<xmp:CreateDate>2023-11-14T22:13:20+00:00</xmp:CreateDate>"))
        guard case .array(let intents)? = catalog["OutputIntents"], let intent = intents.first?.dictionaryValue else {
            Issue.record("no output intent"); return
        }
        #expect(intent["S"] == .name("GTS_PDFA1"))
        let profileNumber = try #require(intent["DestOutputProfile"]?.referenceNumber)
        let profile = try #require(try pdf.object(profileNumber))
        #expect(profile.value.dictionaryValue?["N"] == .integer(3))
        let profileRange = try #require(profile.stream)
        #expect(try pdf.read(profileRange) == SRGBProfile.bytes)
    }

    @Test func infoDatesMatchTheXMPDates() throws {
        let pdf = try convert()
        let info = try dictionary(pdf, 10)
        #expect(info["CreationDate"] == .string(Array("D:20231114221320+00'00'".utf8)))
        #expect(info["ModDate"] == info["CreationDate"])
        #expect(info["Title"] == .string([0xFE, 0xFF, 0x65, 0x87, 0x4E, 0x66]))
    }

    @Test func keepsCairosDateWithoutSourceDateEpoch() throws {
        let out = try PDFAConverter(date: nil).convert(MiniPDF.cairoLike, file: "t.pdf")
        let info = try dictionary(try PDFFile(bytes: out, file: "out.pdf"), 10)
        #expect(info["CreationDate"] == .string(Array("D:20261128172258+00'00'".utf8)))
    }

    @Test func fixesFontsImagesAndAnnotations() throws {
        let pdf = try convert()
        #expect(try dictionary(pdf, 6)["CIDToGIDMap"] == .name("Identity"))
        #expect(try dictionary(pdf, 7)["Interpolate"] == .bool(false))
        #expect(try dictionary(pdf, 8)["Interpolate"] == .bool(false))
        #expect(try dictionary(pdf, 9)["F"] == .integer(4))
        // The image data is copied unchanged, the page (and its transparency group) too.
        let image = try #require(try pdf.object(7))
        let imageRange = try #require(image.stream)
        #expect(try pdf.read(imageRange) == [1, 2, 3])
        let page = try #require(try pdf.object(2))
        #expect(String(decoding: try pdf.read(page.raw), as: UTF8.self).contains("/Type /Page % 1"))
    }

    @Test func clearsHiddenAnnotationFlags() throws {
        let v = try PDFAConverter(date: nil).fix(.dictionary(PDFDictionary([("Type", .name("Annot")), ("F", .integer(2 | 32))])),
                                                 object: 1, file: "t.pdf")
        #expect(v.dictionaryValue?["F"] == .integer(4))
    }

    @Test func writesADocumentIDFromTheContentSoTheSameInputGivesTheSameFile() throws {
        let a = try PDFAConverter(date: Self.date).convert(MiniPDF.cairoLike, file: "t.pdf")
        let b = try PDFAConverter(date: Self.date).convert(MiniPDF.cairoLike, file: "t.pdf")
        #expect(a == b)
        let pdf = try PDFFile(bytes: a, file: "out.pdf")
        guard case .array(let id)? = pdf.trailer["ID"], id.count == 2, let first = id.first?.stringBytes else {
            Issue.record("no /ID"); return
        }
        #expect(first.count == 16)
        let other = try PDFAConverter(date: PDFDate(epoch: 0)).convert(MiniPDF.cairoLike, file: "t.pdf")
        #expect(try PDFFile(bytes: other, file: "o.pdf").trailer["ID"] != pdf.trailer["ID"])
    }

    @Test func startsWithABinaryCommentAndEndsAtEOF() throws {
        let out = try PDFAConverter(date: Self.date).convert(MiniPDF.cairoLike, file: "t.pdf")
        #expect(Array(out[0..<9]) == Array("%PDF-1.5\n".utf8))
        #expect(out[10...13].allSatisfy { $0 > 127 })
        #expect(String(decoding: out.suffix(6), as: UTF8.self) == "%%EOF\n")
    }

    @Test func skipsObjectsCairoAllocatedButNeverWrote() throws {
        // Object 4 is in the table (pointing at object 3) and only an orphan refers to it.
        let bytes = MiniPDF.make([(1, "<< /Type /Pages /Kids [] /Count 0 >>"), (2, "[ 4 0 R ]"), (3, "<< /Type /Catalog /Pages 1 0 R >>")],
                                 trailer: "/Root 3 0 R", stale: [4])
        let pdf = try convert(bytes)
        #expect(try pdf.object(2) == nil)
        #expect(try pdf.object(4) == nil)
        #expect(try dictionary(pdf, 3)["Metadata"] != nil)
        // An Info dictionary is made when the file has none.
        let info = try #require(pdf.trailer["Info"]?.referenceNumber)
        #expect(try dictionary(pdf, info)["Producer"] == .string(Array("Wenshu".utf8)))
    }

    @Test func refusesWhatPDFAForbids() {
        let cases: [(String, String)] = [
            ("<< /Type /Catalog /Pages 1 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>", ""),
            ("<< /Type /Catalog /Pages 1 0 R /AA << >> >>", ""),
            ("<< /Type /Catalog /Pages 1 0 R >>", "/Encrypt 1 0 R"),
        ]
        for (catalog, extra) in cases {
            let bytes = MiniPDF.make([(1, "<< /Type /Pages /Kids [] /Count 0 >>"), (2, catalog)], trailer: "/Root 2 0 R \(extra)")
            #expect {
                try PDFAConverter(date: Self.date).convert(bytes, file: "t.pdf")
            } throws: { error in
                if case PDFAError.forbidden = error { true } else { false }
            }
        }
        let lzw = MiniPDF.make([(1, "<< /Length 0 /Filter [ /LZWDecode ] >>\nstream\n\nendstream"),
                                (2, "<< /Type /Catalog /Pages 1 0 R >>")], trailer: "/Root 2 0 R")
        #expect(throws: PDFAError.self) { try PDFAConverter(date: Self.date).convert(lzw, file: "t.pdf") }
    }

    @Test func errorsSayWhatToDoInChineseFirst() {
        let e = PDFAError.forbidden(file: "a.pdf", object: 7, "JavaScript")
        #expect(e.description.hasPrefix("a.pdf:obj 7: 该 PDF 含有 PDF/A 禁止的内容"))
        #expect(e.description.contains("JavaScript"))
    }

    @Test func convertsAFileInPlaceAtomically() throws {
        let path = NSTemporaryDirectory() + "wenshu-pdfa-\(UUID().uuidString).pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(MiniPDF.cairoLike)))
        try PDFAConverter(date: Self.date).convert(file: path, to: path)
        let out = try #require(FileManager.default.contents(atPath: path))
        #expect(try PDFFile(bytes: [UInt8](out), file: path).object(11)?.value.dictionaryValue?["Metadata"] != nil)
        #expect(throws: PDFAError.self) { try PDFAConverter().convert(file: path + ".missing", to: path) }
    }
}

extension PDFAConverterTests {
    @Test func replacesTheSourcesMetadataAndDropsIt() throws {
        let bytes = MiniPDF.make([(1, "<< /Type /Pages /Kids [] /Count 0 >>"),
                                  (2, "<< /Type /Metadata /Subtype /XML /Length 3 >>\nstream\nold\nendstream"),
                                  (3, "<< /Type /Catalog /Pages 1 0 R /Metadata 2 0 R >>")], trailer: "/Root 3 0 R")
        let pdf = try convert(bytes)
        #expect(try pdf.object(2) == nil)
        #expect(try dictionary(pdf, 3)["Metadata"] != .reference(2, 0))
        #expect(pdf.offsets.filter { $0 > 0 }.count == 5)   // pages, catalog, the Info made, metadata, profile: no old stream
    }

    @Test func anInfoTheFileLacksOrTheCatalogItselfGetsANewInfo() throws {
        for info in ["/Info 99 0 R", "/Info 2 0 R", "/Info 0 0 R"] {
            let bytes = MiniPDF.make([(1, "<< /Type /Pages /Kids [] /Count 0 >>"), (2, "<< /Type /Catalog /Pages 1 0 R >>")],
                                     trailer: "/Root 2 0 R \(info)")
            let pdf = try convert(bytes)
            let number = try #require(pdf.trailer["Info"]?.referenceNumber)
            #expect(number == 3, "\(info)")
            #expect(try dictionary(pdf, 2)["Type"] == .name("Catalog"))
        }
    }
}
