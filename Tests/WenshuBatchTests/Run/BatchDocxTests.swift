import Foundation
import Testing
import WenshuCore
import Wenshu
@testable import WenshuBatch

/// One editable Word document per row, zipped like the PDFs.
@Suite struct BatchDocxTests {
    @Test func oneDocxPerRowAndTheZipHoldsThem() throws {
        let dir = try BatchSupport.folder("docx")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(3), in: dir)
        let out = dir + "/out"
        let (summary, _) = try BatchSupport.run(list, output: .files(folder: out, pattern: nil)) {
            $0.format = .docx
            $0.zip = true
        }
        #expect(summary.counts.written == 3)
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".docx") }.sorted()
        #expect(files.count == 3 && files.allSatisfy { $0.hasPrefix("NO-000") })
        // Each file is a Word package whose body holds its row's name.
        let first = try Data(contentsOf: URL(fileURLWithPath: out + "/" + files[0]))
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let listing = try BatchSupport.tool("unzip", ["-p", out + "/" + files[0], "word/document.xml"])
        #expect(listing.contains("李强") && listing.contains("<w:sectPr>"))
        let zip = try #require(summary.outputs.first { $0.hasSuffix(".zip") })
        let names = try BatchSupport.tool("unzip", ["-Z1", zip])
        #expect(files.allSatisfy { names.contains($0) })
    }

    @Test func resumeKeepsWholeWordFilesAndRewritesCutOnes() throws {
        let dir = try BatchSupport.folder("docx-resume")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(2), in: dir)
        let out = dir + "/out"
        _ = try BatchSupport.run(list, output: .files(folder: out, pattern: nil)) { $0.format = .docx }
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".docx") }.sorted()
        #expect(files.count == 2)
        // Cut the second file short, as a stopped run would have left it.
        let cut = out + "/" + files[1]
        let data = try Data(contentsOf: URL(fileURLWithPath: cut))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: cut))
        #expect(!BatchRun.isWholeDocument(cut) && BatchRun.isWholeDocument(out + "/" + files[0]))
        let (again, _) = try BatchSupport.run(list, output: .files(folder: out, pattern: nil)) { $0.format = .docx; $0.resume = true }
        #expect(again.counts.kept == 1 && again.counts.written == 1)
        #expect(BatchRun.isWholeDocument(cut))
    }
}
