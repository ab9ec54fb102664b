import Foundation
import Testing
@testable import WenshuPDFA

/// The object-level joiner: pages in order under one page tree, bookmarks joined, identical
/// images and font files written once, and a join of joins equal to one join.
@Suite struct PDFJoinerTests {
    static func join(_ parts: [[UInt8]], date: PDFDate? = PDFDate(epoch: 0)) throws -> [UInt8] {
        var out: [UInt8] = []
        let joiner = PDFJoiner(date: date) { out += $0 }
        for (k, bytes) in parts.enumerated() { try joiner.append(try joiner.open(bytes: bytes, name: "part \(k)")) }
        try joiner.finish()
        return out
    }

    /// A one-page document with a bookmark to its page.
    static func bookmarked(_ title: String) -> [UInt8] {
        MiniPDF.make([
            (1, "<< /Type /Pages /Kids [ 2 0 R ] /Count 1 /MediaBox [ 0 0 100 100 ] >>"),
            (2, "<< /Type /Page /Parent 1 0 R /Contents 3 0 R /Resources << >> >>"),
            (3, "<< /Length 0 >>\nstream\n\nendstream"),
            (4, "<< /Type /Outlines /First 5 0 R /Last 5 0 R /Count 1 >>"),
            (5, "<< /Title (\(title)) /Parent 4 0 R /Dest [ 2 0 R /XYZ 0 100 0 ] >>"),
            (6, "<< /Type /Catalog /Pages 1 0 R /Outlines 4 0 R >>"),
        ], trailer: "/Root 6 0 R")
    }

    @Test func pagesAreJoinedInOrderUnderOnePageTree() throws {
        let out = try PDFJoinerTests.join([MiniPDF.cairoLike, MiniPDF.cairoLike, MiniPDF.cairoLike])
        let pdf = try PDFFile(bytes: out, file: "joined")
        func dictionary(_ ref: PDFValue?) throws -> PDFDictionary {
            try #require(try pdf.object(ref?.referenceNumber ?? 0)?.value.dictionaryValue)
        }
        let catalog = try dictionary(pdf.trailer["Root"])
        let pages = try dictionary(catalog["Pages"])
        #expect(pages["Count"]?.integerValue == 3)
        guard case .array(let kids)? = pages["Kids"] else { Issue.record("no kids"); return }
        #expect(kids.count == 3)
        for kid in kids {
            let page = try dictionary(kid)
            #expect(page["Parent"]?.referenceNumber == catalog["Pages"]?.referenceNumber)
        }
        // The info's date is the one given.
        let info = try dictionary(pdf.trailer["Info"])
        #expect(info["CreationDate"]?.stringBytes == Array(PDFDate(epoch: 0).pdf.utf8))
    }

    @Test func identicalImagesAreWrittenOnce() throws {
        let one = try PDFJoinerTests.join([MiniPDF.cairoLike])
        let three = try PDFJoinerTests.join([MiniPDF.cairoLike, MiniPDF.cairoLike, MiniPDF.cairoLike])
        func images(_ bytes: [UInt8]) -> Int {
            String(decoding: bytes, as: UTF8.self).components(separatedBy: "/Subtype /Image").count - 1
        }
        #expect(images(one) == 2)
        // The soft mask (a leaf) is shared; the image that points at it is copied per part.
        #expect(images(three) == 4)
    }

    @Test func aJoinOfJoinsIsTheSameBytesAsOneJoin() throws {
        let a = PDFJoinerTests.bookmarked("A"), b = MiniPDF.cairoLike, c = PDFJoinerTests.bookmarked("C")
        let flat = try PDFJoinerTests.join([a, b, c])
        let nested = try PDFJoinerTests.join([try PDFJoinerTests.join([a, b]), try PDFJoinerTests.join([c])])
        #expect(flat == nested)
        let text = String(decoding: flat, as: UTF8.self)
        #expect(text.contains("/Type /Outlines"))
        #expect(text.contains("/Count 2"))
    }

    @Test func aRangeOfPagesTakesItsBookmarksOnly() throws {
        var out: [UInt8] = []
        let joiner = PDFJoiner { out += $0 }
        let ab = try PDFJoinerTests.join([PDFJoinerTests.bookmarked("A"), PDFJoinerTests.bookmarked("B")])
        let part = try joiner.open(bytes: ab, name: "ab")
        #expect(part.pageCount == 2)
        try joiner.append(part, pages: 1..<2)
        try joiner.finish()
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.contains("/Count 1"))
        #expect(text.contains("<42>"))   // B's title, as a hexadecimal string
        #expect(!text.contains("<41>"))
        #expect(throws: PDFAError.self) { try joiner.append(part, pages: 1..<3) }
    }

    /// A page whose content stream says `3 0 R`, whose /Length is indirect and whose resources are
    /// inherited from the page tree as a reference.
    static let inheriting: [UInt8] = MiniPDF.make([
        (1, "<< /Type /Pages /Kids [ 2 0 R ] /Count 1 /Resources 5 0 R /MediaBox [ 0 0 100 100 ] >>"),
        (2, "<< /Type /Page /Parent 1 0 R /Contents 3 0 R >>"),
        (3, "<< /Length 4 0 R >>\nstream\n(3 0 R) Tj 3 0 R endobj\nendstream"),
        (4, "23"),
        (5, "<< /Font << /F1 6 0 R >> >>"),
        (6, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        (7, "<< /Type /Catalog /Pages 1 0 R >>"),
    ], trailer: "/Root 7 0 R")

    @Test func streamsAreCopiedAsBytesAndInheritedReferencesRenumbered() throws {
        let out = try PDFJoinerTests.join([PDFJoinerTests.inheriting, PDFJoinerTests.inheriting])
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.components(separatedBy: "stream\n(3 0 R) Tj 3 0 R endobj\nendstream").count == 3)
        #expect(text.contains("/Length 23"))
        let pdf = try PDFFile(bytes: out, file: "joined")
        guard case .array(let kids)? = try pdf.object(2)?.value.dictionaryValue?["Kids"] else { Issue.record("no kids"); return }
        #expect(kids.count == 2)
        for kid in kids {
            let page = try #require(try pdf.object(kid.referenceNumber ?? 0)?.value.dictionaryValue)
            #expect(page["MediaBox"] != nil)
            let resources = try #require(try pdf.object(page["Resources"]?.referenceNumber ?? 0)?.value.dictionaryValue)
            let font = resources["Font"]?.dictionaryValue?["F1"]?.referenceNumber ?? 0
            #expect(try pdf.object(font)?.value.dictionaryValue?["BaseFont"]?.nameValue == "Helvetica")
            let contents = try #require(try pdf.object(page["Contents"]?.referenceNumber ?? 0))
            #expect(try pdf.read(try #require(contents.stream)) == Array("(3 0 R) Tj 3 0 R endobj".utf8))
        }
        // Joined again, the same bytes.
        #expect(try PDFJoinerTests.join([try PDFJoinerTests.join([PDFJoinerTests.inheriting]), PDFJoinerTests.inheriting]) == out)
    }

    @Test func aReferenceToAMissingObjectIsRefused() throws {
        let broken = MiniPDF.make([
            (1, "<< /Type /Pages /Kids [ 2 0 R ] /Count 1 >>"),
            (2, "<< /Type /Page /Parent 1 0 R /Contents 8 0 R >>"),
            (3, "<< /Type /Catalog /Pages 1 0 R >>"),
        ], trailer: "/Root 3 0 R")
        #expect(throws: PDFAError.self) { _ = try PDFJoinerTests.join([broken]) }
    }
}
