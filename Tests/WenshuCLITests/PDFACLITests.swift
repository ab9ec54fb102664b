import Foundation
import Testing

/// `--pdfa` on `wenshu build` and `wenshu batch`: the PDF/A-2b identification and output intent
/// are in the file, its text is the plain PDF's, and no draft is left beside it.
@Suite struct PDFACLITests {
    let cli = CLITests()

    func text(_ pdf: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["pdftotext", pdf, "-"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func isPDFA(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let s = String(decoding: data, as: UTF8.self)
        return s.contains("<pdfaid:part>2</pdfaid:part>") && s.contains("/S /GTS_PDFA1") && s.contains("/ID [<")
    }

    @Test func buildWritesPDFAWithTheSameTextAndNoDraft() throws {
        let dir = try cli.folder()
        let data = BuildCLITests.root + "/samples/notice/data.yaml"
        let plain = try cli.wenshu(["build", "notice", data, "-o", dir + "/n.pdf"])
        let archival = try cli.wenshu(["build", "notice", data, "-o", dir + "/a.pdf", "--pdfa"])
        #expect(plain.status == 0 && archival.status == 0, "\(archival.err)")
        #expect(isPDFA(dir + "/a.pdf"))
        #expect(!isPDFA(dir + "/n.pdf"))
        #expect(try text(dir + "/a.pdf") == text(dir + "/n.pdf"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test func pdfaIsForPDFOnly() throws {
        let dir = try cli.folder()
        let data = BuildCLITests.root + "/samples/notice/data.yaml"
        #expect(try cli.wenshu(["build", "notice", data, "-o", dir + "/n.docx", "--pdfa"]).status == 2)
        #expect(try cli.wenshu(["build", "notice", data, "-o", dir + "/n.pdf", "--format", "tiff"]).status == 2)
    }

    @Test func batchWritesPDFAForTheOnePDFAndForEachRow() throws {
        let dir = try cli.folder()
        try BatchCLITests.rows(3).write(toFile: dir + "/list.csv", atomically: true, encoding: .utf8)
        let one = try cli.wenshu(["batch", "--allow-placeholders", "certificate", dir + "/list.csv", "-o", dir + "/all.pdf", "--pdfa"])
        #expect(one.status == 0, "\(one.err)")
        #expect(isPDFA(dir + "/all.pdf"))
        let rows = try cli.wenshu(["batch", "--allow-placeholders", "certificate", dir + "/list.csv", "-o", dir + "/rows", "--pdfa", "--zip"])
        #expect(rows.status == 0, "\(rows.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/rows").filter { $0.hasSuffix(".pdf") }
        #expect(files.count == 3)
        #expect(files.allSatisfy { isPDFA(dir + "/rows/" + $0) })
    }

    @Test func typesetWritesPDFA() throws {
        let dir = try cli.folder()
        let r = try cli.wenshu(["typeset", dir + "/in.txt", "-o", dir + "/t.pdf", "--pdfa"])
        #expect(r.status == 0, "\(r.err)")
        #expect(isPDFA(dir + "/t.pdf"))
    }
}
