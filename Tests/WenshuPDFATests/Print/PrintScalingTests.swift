import Foundation
import Testing
@testable import WenshuPDFA

/// The no-scaling preference is an incremental update: the old bytes unchanged, a new catalog
/// with /ViewerPreferences << /PrintScaling /None >> that the cross-reference chain finds, the
/// rest of the catalog kept.
@Suite struct PrintScalingTests {
    @Test func catalogGainsThePreferenceAndTheRestIsKept() throws {
        let dir = NSTemporaryDirectory() + "scaling-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let original = MiniPDF.cairoLike
        try Data(original).write(to: URL(fileURLWithPath: dir + "/in.pdf"))
        try PrintScaling.disable(file: dir + "/in.pdf", to: dir + "/out.pdf")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/out.pdf")))
        #expect(Array(bytes.prefix(original.count)) == original, "the original bytes stand unchanged")
        let pdf = try PDFFile(bytes: bytes, file: "out.pdf")
        let before = try PDFFile(bytes: original, file: "in.pdf")
        let root = try #require(pdf.trailer["Root"]?.referenceNumber)
        let catalog = try #require(try pdf.object(root)?.value.dictionaryValue)
        #expect(catalog["ViewerPreferences"]?.dictionaryValue?["PrintScaling"] == .name("None"))
        let old = try #require(try before.object(root)?.value.dictionaryValue)
        #expect(old.keys.allSatisfy { catalog[$0] == old[$0] }, "the catalog's other entries are kept")
        #expect(pdf.trailer["Prev"]?.integerValue == (try PDFFile.startXref(PDFSource(bytes: original, file: "in.pdf"))))
        #expect(pdf.trailer["Info"] == before.trailer["Info"] && pdf.highestNumber == before.highestNumber)
    }

    @Test func notAPDFIsAnError() throws {
        let path = NSTemporaryDirectory() + "scaling-\(UUID().uuidString).pdf"
        try "not a pdf, only words".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: PDFAError.self) { try PrintScaling.disable(file: path, to: path + ".out") }
        #expect(!FileManager.default.fileExists(atPath: path + ".out"))
    }
}
