import Foundation
import Testing

/// `wenshu new`, then `check` and `build` of the folder, as a new user runs them.
@Suite struct NewCLITests {
    let cli = CLITests()

    @Test func newCheckBuildAFolder() throws {
        let dir = NSTemporaryDirectory() + "wenshu-new-\(UUID().uuidString)"
        let folder = dir + "/青石桥小学"
        let made = try cli.wenshu(["new", "application", folder + "/", "--example"])
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out.hasPrefix("已建立 \(folder)/： (made \(folder)/:)\n"), "\(made.out)")
        let check = try cli.wenshu(["check", folder])
        #expect(check.status == 0 && check.out.hasSuffix("没有问题 (no problems)\n"), "\(check.out)\(check.err)")
        let build = try cli.wenshu(["build", folder])
        #expect(build.status == 0, "\(build.err)")
        #expect(build.out.hasPrefix("已写出 \(folder)/申报书.pdf，共 "), "\(build.out)")
        #expect(FileManager.default.fileExists(atPath: folder + "/申报书.pdf"))
        // -o still chooses the output; the folder may also stand in the data's place.
        let word = try cli.wenshu(["build", "application", folder, "-o", dir + "/申报书.docx"], locale: "en_US.UTF-8")
        #expect(word.status == 0 && word.out == "wrote \(dir)/申报书.docx\n", "\(word.out)\(word.err)")
    }

    @Test func aBlankFolderFailsNamingTheCellsAndANonEmptyOneIsRefused() throws {
        let folder = NSTemporaryDirectory() + "wenshu-new-\(UUID().uuidString)"
        #expect(try cli.wenshu(["new", "application", folder]).status == 0)
        let check = try cli.wenshu(["check", folder])
        #expect(check.status == 1)
        #expect(check.out.contains("申报书填写.xlsx:基本信息!B2: 错误：缺少“单位名称”"), "\(check.out)")
        let build = try cli.wenshu(["build", folder])
        #expect(build.status == 1 && !FileManager.default.fileExists(atPath: folder + "/申报书.pdf"))
        let again = try cli.wenshu(["new", "application", folder])
        #expect(again.status == 1 && again.err.contains("已存在且不是空的"), "\(again.err)")
        // A data argument that is neither: build still asks for -o.
        let noOutput = try cli.wenshu(["build", "notice", "x.yaml"])
        #expect(noOutput.status == 2 && noOutput.err.hasPrefix("wenshu: 用法错误：缺少 -o"), "\(noOutput.err)")
    }
}
