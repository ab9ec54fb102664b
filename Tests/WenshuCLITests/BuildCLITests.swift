import Foundation
import Testing

/// `wenshu build` and `wenshu check`: exit 0 built, 1 invalid input (every problem listed, nothing
/// written), 2 usage.
@Suite struct BuildCLITests {
    let cli = CLITests()
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    func invalidData(_ dir: String) throws -> String {
        let path = dir + "/bad.yaml"
        try """
        单位名称: 青石桥实验小学
        党员数: -3
        联系电话: 12345
        品牌名称: 红烛领航书香润心党建品牌创建示范工程项目
        填表日期: 2023-02-30
        党组织名称: 中共青石桥实验小学支部委员会
        品牌简介: 以阅读育人。
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func buildsASample() throws {
        let dir = try cli.folder()
        let r = try cli.wenshu(["build", "notice", Self.root + "/samples/notice/data.yaml", "-o", dir + "/n.pdf"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("已写出 \(dir)/n.pdf，共 "))
    }

    @Test func checkListsEveryProblemWithItsPlace() throws {
        let dir = try cli.folder()
        let bad = try invalidData(dir)
        // Checked against the fields the application declares (its city placeholder aside).
        let r = try cli.wenshu(["check", bad, "--template", "application", "--allow-placeholders"])
        #expect(r.status == 1)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(bad):2:") && $0.contains("党员数应为正整数") })
        #expect(lines.contains { $0.hasPrefix("\(bad):3:") && $0.contains("不像电话号码") })
        #expect(lines.contains { $0.hasPrefix("\(bad):4:") && $0.contains("品牌名称超过16字") && $0.contains("(error: brand.name") })
        #expect(lines.contains { $0.hasPrefix("\(bad):5:") && $0.contains("不是有效日期") })
        #expect(lines.last == "4 个错误，0 个提醒 (4 errors, 0 warnings)")
    }

    @Test func checkPassesGoodData() throws {
        let r = try cli.wenshu(["check", Self.root + "/samples/application/data.yaml", "--template", "application"])
        #expect(r.status == 0)
    }

    @Test func buildRefusesInvalidDataAndWritesNothing() throws {
        let dir = try cli.folder()
        let bad = try invalidData(dir)
        let r = try cli.wenshu(["build", "application-form", bad, "-o", dir + "/f.pdf"])
        #expect(r.status == 1)
        #expect(r.err.contains("品牌名称超过16字"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/f.pdf"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test func forceBuildsAnyway() throws {
        let dir = try cli.folder()
        let bad = try invalidData(dir)
        let r = try cli.wenshu(["build", "application-form", bad, "-o", dir + "/f.pdf", "--force"])
        #expect(r.status == 0, "\(r.err)")
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try cli.wenshu(["build"]).status == 2)
        #expect(try cli.wenshu(["build", "notice"]).status == 2)
        #expect(try cli.wenshu(["check"]).status == 2)
    }

    @Test func unknownTemplateAndBadTemplateAreOneLine() throws {
        let dir = try cli.folder()
        let r = try cli.wenshu(["build", "no-such-template", Self.root + "/samples/notice/data.yaml", "-o", dir + "/x.pdf"])
        #expect(r.status == 1)
        #expect(r.err.hasPrefix("wenshu: 错误：没有名为 ‘no-such-template’ 的模板 (error: no template named ‘no-such-template’"))
        #expect(r.err.contains("；可用：application、application-blank、application-form、certificate"))
        try "<template><body><p>{{ school | shout }}</p></body></template>".write(toFile: dir + "/t.xml", atomically: true, encoding: .utf8)
        let t = try cli.wenshu(["build", dir + "/t.xml", Self.root + "/samples/plan/data.yaml", "-o", dir + "/x.pdf"])
        #expect(t.status == 1)
        #expect(t.err.hasPrefix("wenshu: \(dir)/t.xml:1:23: 错误：未知的过滤器 ‘shout’ (error: unknown filter ‘shout’)；"))
        #expect(t.err.contains("expected one of: cn_number,"))
        #expect(t.err.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.pdf"))
    }

    @Test func badDataFilesNameTheirPlace() throws {
        let dir = try cli.folder()
        try "a: 1\nb: [unclosed\n".write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let y = try cli.wenshu(["check", dir + "/bad.yaml"])
        #expect(y.status == 1 && y.err.hasPrefix("wenshu: \(dir)/bad.yaml:"))
        try "name,school\n甲,乙,丙\n".write(toFile: dir + "/bad.csv", atomically: true, encoding: .utf8)
        let c = try cli.wenshu(["check", dir + "/bad.csv"])
        #expect(c.status == 1 && c.err.hasPrefix("wenshu: \(dir)/bad.csv:2"))
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00]).write(to: URL(fileURLWithPath: dir + "/bad.xlsx"))
        let x = try cli.wenshu(["check", dir + "/bad.xlsx"])
        #expect(x.status == 1 && x.err.contains("bad.xlsx"))
    }
}
