import Foundation
import Testing

/// `wenshu build … -o OUT.docx` and `--format docx`: an editable Word document, or exit 1 with
/// nothing written.
@Suite struct DocxCLITests {
    let cli = CLITests()

    @Test func theExtensionOrTheFormatPicksWord() throws {
        let dir = try cli.folder()
        let data = BuildCLITests.root + "/samples/notice/data.yaml"
        let byName = try cli.wenshu(["build", "notice", data, "-o", dir + "/n.docx"])
        #expect(byName.status == 0, "\(byName.err)")
        #expect(byName.out == "已写出 \(dir)/n.docx (wrote \(dir)/n.docx)\n")
        let byFormat = try cli.wenshu(["build", "notice", data, "--format", "docx", "-o", dir + "/word"])
        #expect(byFormat.status == 0, "\(byFormat.err)")
        for path in [dir + "/n.docx", dir + "/word"] {
            let head = try #require(FileManager.default.contents(atPath: path)).prefix(4)
            #expect(Array(head) == [0x50, 0x4B, 0x03, 0x04], "\(path) is not a zip")
        }
    }

    @Test func aMissingSealExitsOneAndLeavesNoFile() throws {
        let dir = try cli.folder()
        let data = dir + "/notice.yaml"
        var text = try String(contentsOfFile: BuildCLITests.root + "/samples/notice/data.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "seal: seal.png", with: "seal: missing-seal.png")
        try text.write(toFile: data, atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["build", "notice", data, "-o", dir + "/n.docx"])
        #expect(r.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir + "/n.docx"))
        #expect((try FileManager.default.contentsOfDirectory(atPath: dir)).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test func batchWritesOneWordFilePerRowAndRefusesOneFile() throws {
        let dir = try cli.folder()
        try "姓名,学校,奖项,日期,证书编号\n王芳,青石桥实验小学,优秀共产党员,2022-12-20,NO-0001\n".write(toFile: dir + "/l.csv", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["batch", "--allow-placeholders", "certificate", dir + "/l.csv", "-o", dir + "/out", "--format", "docx"])
        #expect(r.status == 0, "\(r.err)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/NO-0001-王芳.docx"))
        let one = try cli.wenshu(["batch", "--allow-placeholders", "certificate", dir + "/l.csv", "-o", dir + "/all.pdf", "--format", "docx"])
        #expect(one.status == 2)
    }
}
