import Foundation
import Testing

/// 套打 on the command line: `calibrate`, `build --taoda`, `batch --taoda`, and their bad inputs
/// (exit 1 with the place and no output; conflicting flags exit 2).
@Suite struct OverprintCLITests {
    let cli = CLITests()
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "taoda-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func printScaling(_ pdf: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import pikepdf,sys; p=pikepdf.open(sys.argv[1]); v=p.Root.get('/ViewerPreferences'); print(v.get('/PrintScaling') if v else None)", pdf]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let d = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: d, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func calibrateWritesAnUnscaledPage() throws {
        let dir = try folder()
        let r = try cli.wenshu(["calibrate", "--size", "250x180", "-o", dir + "/cal.pdf", "--trace", dir + "/cal.txt"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try printScaling(dir + "/cal.pdf") == "/None")
        #expect(try String(contentsOfFile: dir + "/cal.txt", encoding: .utf8).hasPrefix("page 1 708.66x510.24"))
        #expect(try cli.wenshu(["calibrate", "--size", "huge", "-o", dir + "/x.pdf"]).status == 2)
    }

    @Test func badProfileIsExitOneWithItsPlaceAndNoOutput() throws {
        let dir = try folder()
        try "offset-x: 1\nscale: 3\n".write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["build", "certificate", Self.root + "/samples/certificate/data.yaml", "-o", dir + "/o.pdf",
                                "--taoda", "--printer-profile", dir + "/p.yaml"])
        #expect(r.status == 1 && r.err.contains("p.yaml:2") && r.err.contains("scale"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/o.pdf"))
        let scan = try cli.wenshu(["build", "certificate", Self.root + "/samples/certificate/data.yaml", "-o", dir + "/o.pdf",
                                   "--taoda", "--stock-scan", dir + "/none.png"])
        #expect(scan.status == 1 && scan.err.contains("none.png"), "\(scan.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/o.pdf"))
        let both = try cli.wenshu(["build", "certificate", Self.root + "/samples/certificate/data.yaml", "-o", dir + "/o.pdf",
                                   "--taoda", "--print-stock"])
        #expect(both.status == 2)
        let same = try cli.wenshu(["build", "certificate", Self.root + "/samples/certificate/data.yaml", "-o", dir + "/o.pdf",
                                   "--taoda", "--preview", dir + "/./o.pdf"])
        #expect(same.status == 2 && !FileManager.default.fileExists(atPath: dir + "/o.pdf"))
    }

    /// Thousands of certificates: the batch's one PDF holds the fields only and asks not to be scaled.
    @Test func batchTaoda() throws {
        let dir = try folder()
        try BatchCLITests.rows(3).write(toFile: dir + "/list.csv", atomically: true, encoding: .utf8)
        try "offset-x: 1.5\noffset-y: -1\n".write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["batch", "certificate", dir + "/list.csv", "-o", dir + "/out.pdf", "--taoda", "--printer-profile", dir + "/p.yaml",
                                "--allow-placeholders"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try printScaling(dir + "/out.pdf") == "/None")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["pdftotext", dir + "/out.pdf", "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(text.contains("李强") && !text.contains("荣誉证书"), "\(text)")
    }
}
