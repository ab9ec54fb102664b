import Foundation
import Testing

/// `wenshu build … -o X.ofd` (or `--format ofd`): an OFD package instead of a PDF.
@Suite struct OFDCLITests {
    let cli = CLITests()

    /// The first zip entry's name of the file at `path` (OFD.xml for an OFD package).
    func firstEntry(_ path: String) throws -> String {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard bytes.count > 30, bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return "" }
        let length = Int(bytes[26]) | Int(bytes[27]) << 8
        return String(decoding: bytes[30..<min(bytes.count, 30 + length)], as: UTF8.self)
    }

    @Test func extensionPicksOFD() throws {
        let dir = try cli.folder()
        let r = try cli.wenshu(["build", "notice", BuildCLITests.root + "/samples/notice/data.yaml", "-o", dir + "/n.ofd"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("已写出 \(dir)/n.ofd，共 3 页 (wrote \(dir)/n.ofd (3 pages))"))
        #expect(try firstEntry(dir + "/n.ofd") == "OFD.xml")
    }

    @Test func formatOptionWinsOverTheExtension() throws {
        let dir = try cli.folder()
        let r = try cli.wenshu(["build", "notice", BuildCLITests.root + "/samples/notice/data.yaml", "-o", dir + "/n.pdf", "--format", "ofd"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try firstEntry(dir + "/n.pdf") == "OFD.xml")
    }

    @Test func unknownFormatIsAUsageError() throws {
        let dir = try cli.folder()
        let r = try cli.wenshu(["build", "notice", BuildCLITests.root + "/samples/notice/data.yaml", "-o", dir + "/n.x", "--format", "xps"])
        #expect(r.status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir + "/n.x"))
    }

    /// `wenshu batch --format ofd`: one OFD per row, zipped; --resume keeps the whole ones; one
    /// PDF of every row cannot be an OFD.
    @Test func batchWritesOneOFDPerRowAndZips() throws {
        let dir = try cli.folder()
        let csv = try BatchCLITests().list(BatchCLITests.rows(3), in: dir)
        let r = try cli.wenshu(["batch", "--allow-placeholders", "certificate", csv, "-o", dir + "/certs", "--format", "ofd", "--zip"])
        #expect(r.status == 0, "\(r.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/certs").sorted()
        #expect(files.count == 3 && files.allSatisfy { $0.hasSuffix(".ofd") }, "\(files)")
        for f in files { #expect(try firstEntry(dir + "/certs/" + f) == "OFD.xml") }
        let zip = try Data(contentsOf: URL(fileURLWithPath: dir + "/certs.zip"))
        #expect(zip.range(of: Data(files[0].utf8)) != nil)
        let again = try cli.wenshu(["batch", "--allow-placeholders", "certificate", csv, "-o", dir + "/certs", "--format", "ofd", "--resume"])
        #expect(again.out.contains("0 written, 3 kept"), "\(again.out)")
        let onePDF = try cli.wenshu(["batch", "--allow-placeholders", "certificate", csv, "-o", dir + "/all.pdf", "--format", "ofd"])
        #expect(onePDF.status == 2)
    }
}
