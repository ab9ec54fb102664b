import Foundation
import Testing
import WenshuCore
@testable import WenshuBatch
import ZIPFoundation

/// The zip of a run, written by ZIPFoundation's Archive (the hand-written ZipWriter is gone).
@Suite struct ZipPackerTests {
    @Test func theZipHoldsTheFilesInOrderWithTheirChineseNamesAndBytes() throws {
        let dir = try BatchSupport.folder("zip")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let names = ["2-王芳.pdf", "1-李雷.pdf", "row-3.pdf"]
        for (k, name) in names.enumerated() {
            try Data(repeating: UInt8(k + 65), count: 70_000 + k).write(to: URL(fileURLWithPath: dir + "/" + name))
        }
        try ZipPacker.pack(names, from: dir, to: dir + "/out.zip")
        let archive = try Archive(url: URL(fileURLWithPath: dir + "/out.zip"), accessMode: .read)
        #expect(archive.map(\.path) == names)
        for (k, entry) in archive.enumerated() {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            #expect(bytes == Data(repeating: UInt8(k + 65), count: 70_000 + k))
        }
        // Nothing left beside it but the zip and the documents.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == (names + ["out.zip"]).sorted())
    }

    @Test func aMissingDocumentLeavesNoZip() throws {
        let dir = try BatchSupport.folder("zip")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("a".utf8).write(to: URL(fileURLWithPath: dir + "/a.pdf"))
        #expect(throws: BatchError.self) { try ZipPacker.pack(["a.pdf", "gone.pdf"], from: dir, to: dir + "/out.zip") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.pdf"])
    }
}
