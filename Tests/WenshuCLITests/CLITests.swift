import Foundation
import Testing

/// The `wenshu` executable as a user runs it: exit codes and one-line errors.
@Suite struct CLITests {
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wenshu").path
    }

    struct Result { var status: Int32; var out: String; var err: String }

    /// Runs the binary under `locale` (LANG, "" for none; LC_ALL and LC_MESSAGES unset), nil for the test's
    /// own environment. The CLI's tests run under C.UTF-8 unless they say otherwise, so that their
    /// Chinese-with-gloss messages hold on a machine with an English locale too.
    func wenshu(_ arguments: [String], locale: String? = "C.UTF-8") throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = arguments
        if let locale {
            var environment = ProcessInfo.processInfo.environment
            environment["LC_ALL"] = nil
            environment["LC_MESSAGES"] = nil
            environment["LANG"] = locale.isEmpty ? nil : locale  // "": no locale at all
            p.environment = environment
        }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "wenshu-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "实施方案\n\n一、指导思想\n\n坚持立德树人。".write(toFile: dir + "/in.txt", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func typesetWritesPDF() throws {
        let dir = try folder()
        let r = try wenshu(["typeset", dir + "/in.txt", "-o", dir + "/out.pdf", "--png", dir + "/png", "--trace", dir + "/t.txt"])
        #expect(r.status == 0, "\(r.err)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out.pdf"))
        #expect(FileManager.default.fileExists(atPath: dir + "/png/page-1.png"))
    }

    @Test func missingFontIsOneLineAndExitOne() throws {
        let dir = try folder()
        let r = try wenshu(["typeset", dir + "/in.txt", "-o", dir + "/out.pdf", "--font", "仿宋=/no/such.ttf"])
        #expect(r.status == 1)
        #expect(r.err == "wenshu: /no/such.ttf: 错误：找不到字体文件 (error: font file not found)；请检查 --font 的路径\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
    }

    @Test func notAFontIsOneLine() throws {
        let dir = try folder()
        let r = try wenshu(["typeset", dir + "/in.txt", "-o", dir + "/out.pdf", "--font", "fangsong=" + dir + "/in.txt"])
        #expect(r.status == 1)
        #expect(r.err.hasPrefix("wenshu: " + dir + "/in.txt: 错误：不是可用的字体文件 (error: not a font file"))
        #expect(r.err.split(separator: "\n").count == 1)
    }

    @Test func unwritableOutputLeavesNoFile() throws {
        let dir = try folder()
        let r = try wenshu(["typeset", dir + "/in.txt", "-o", "/nonexistent-wenshu/out.pdf"])
        #expect(r.status == 1)
        #expect(r.err.contains("/nonexistent-wenshu/out.pdf: 错误：无法写入：文件夹 /nonexistent-wenshu 不存在"), "\(r.err)")
    }

    @Test func missingInputIsOneLine() throws {
        let r = try wenshu(["typeset", "/no/such/input.txt", "-o", "/tmp/x.pdf"])
        #expect(r.status == 1)
        #expect(r.err == "wenshu: /no/such/input.txt: 错误：无法读取文件：文件不存在 (error: cannot read the file: No such file or directory)\n")
    }

    @Test func usageErrorExitsTwo() throws {
        let r = try wenshu(["typeset"])
        #expect(r.status == 64 || r.status == 2)
    }

    @Test func fontsListsEveryRole() throws {
        let r = try wenshu(["fonts"])
        #expect(r.status == 0)
        for role in ["宋体", "黑体", "楷体", "仿宋", "小标宋"] { #expect(r.out.contains(role + " (")) }
    }
}
