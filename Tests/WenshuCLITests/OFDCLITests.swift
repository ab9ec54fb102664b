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
        #expect(r.out.hasPrefix("wrote \(dir)/n.ofd (3 pages)"))
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
}
