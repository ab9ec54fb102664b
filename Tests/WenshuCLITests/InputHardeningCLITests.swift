import Foundation
import Testing

/// Issue 10 as the user meets it: hostile templates, images and fonts end in one Chinese-first
/// line with the place, exit status 1 and no output file — no trap, hang or silent blank.
@Suite struct InputHardeningCLITests {
    let cli = CLITests()

    /// A folder with a template `t.xml` around `body` and the data `d.yaml`.
    func workspace(_ body: String, data: String = "name: 张三\n") throws -> String {
        let dir = try cli.folder()
        try "<template><body page=\"a4\">\n\(body)</body></template>".write(toFile: dir + "/t.xml", atomically: true, encoding: .utf8)
        try data.write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    func build(_ dir: String, _ extra: [String] = []) throws -> CLITests.Result {
        let r = try cli.wenshu(["build", dir + "/t.xml", dir + "/d.yaml", "-o", dir + "/out.pdf"] + extra)
        #expect(r.status == 1, "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        return r
    }

    @Test func folderAsSeal() throws {
        let r = try build(workspace("<signature issuer=\"甲\" date=\"乙\" seal=\"{{ seal }}\"/>", data: "seal: \".\"\n"))
        #expect(r.err.contains("t.xml:2:"))
        #expect(r.err.contains("文件夹"))
    }

    @Test(.timeLimit(.minutes(1)))
    func fifoAsImage() throws {
        let dir = try workspace("<image src=\"photo.png\"/>")
        #expect(mkfifo(dir + "/photo.png", 0o600) == 0)
        #expect(try build(dir).err.contains("命名管道"))
    }

    @Test func zeroLinePitch() throws {
        let dir = try cli.folder()
        try "<template><page name=\"p\" line-pitch=\"0pt\"/><body page=\"p\"><p>甲</p></body></template>"
            .write(toFile: dir + "/t.xml", atomically: true, encoding: .utf8)
        try "{}".write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        #expect(try build(dir).err.contains("line-pitch"))
    }

    @Test func mapAsText() throws {
        let r = try build(workspace("<p>{{ who }}</p>", data: "who:\n  姓: 张\n"))
        #expect(r.err.contains("d.yaml:2:"))
        #expect(r.err.contains("who 应为文字，这里是一组键值"))
    }

    /// A schema field holding a group of keys: `check` no longer says 没有问题.
    @Test func checkReportsAMapWhereTextBelongs() throws {
        let dir = try workspace("", data: "school:\n  name: 青石桥\n")
        let r = try cli.wenshu(["check", dir + "/d.yaml", "--template", "application", "--allow-placeholders"])
        #expect(r.status == 1)
        #expect(r.out.contains("应为文字，这里是一组键值"))
        #expect(!r.out.contains("没有问题"))
    }

    @Test(.timeLimit(.minutes(1)))
    func fontFolderTooLarge() throws {
        let r = try cli.wenshu(["fonts", "--font-dir", "/usr"])
        #expect(r.status == 1)
        #expect(r.err.hasPrefix("wenshu: /usr: 错误：字体文件夹太大"))
    }

    @Test(.timeLimit(.minutes(1)))
    func fifoAsFont() throws {
        let dir = try cli.folder()
        #expect(mkfifo(dir + "/font.ttf", 0o600) == 0)
        let r = try cli.wenshu(["typeset", dir + "/in.txt", "-o", dir + "/out.pdf", "--font", "仿宋=" + dir + "/font.ttf"])
        #expect(r.status == 1)
        #expect(r.err.contains("命名管道"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
    }
}
