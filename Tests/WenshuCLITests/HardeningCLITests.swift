import Foundation
import Testing

/// The command line against hostile options and circumstances: numbers that would trap, outputs
/// that are inputs, signals, a full disk. Every case exits 1 (2 for usage) with a message, and
/// leaves neither an output file nor a temporary.
@Suite struct HardeningCLITests {
    let cli = CLITests()

    /// A copy of the notice's sample data (with its seal) in `dir`; returns its data file.
    func samples(_ dir: String) throws -> String {
        try FileManager.default.copyItem(atPath: BuildCLITests.root + "/samples/notice", toPath: dir + "/notice")
        return dir + "/notice/data.yaml"
    }

    /// Files of `dir` that a failed run must not leave: temporaries and the given outputs.
    func leftovers(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".tmp") || $0.hasPrefix("out") }
    }

    /// --shard 10^18/10^18 overflowed; --dpi nan or inf trapped converting to Int32: usage errors now.
    @Test(arguments: [
        ["batch", "--allow-placeholders", "certificate", "LIST", "-o", "DIR/out.pdf", "--shard", "1000000000000000000/1000000000000000000"],
        ["batch", "--allow-placeholders", "certificate", "LIST", "-o", "DIR/out.pdf", "--shard", "9223372036854775807/9223372036854775807"],
        ["batch", "--allow-placeholders", "certificate", "LIST", "-o", "DIR/out.pdf", "--chunk", "1000000000000000000"],
        ["typeset", "DIR/in.txt", "-o", "DIR/out.pdf", "--png", "DIR/png", "--dpi", "nan"],
        ["typeset", "DIR/in.txt", "-o", "DIR/out.pdf", "--png", "DIR/png", "--dpi", "inf"],
        ["typeset", "DIR/in.txt", "-o", "DIR/out.pdf", "--png", "DIR/png", "--dpi", "-96"],
        ["typeset", "DIR/in.txt", "-o", "DIR/out.pdf", "--png", "DIR/png", "--dpi", "1e9"],
    ])
    func numericOptionsAreUsageErrors(_ arguments: [String]) throws {
        let dir = try cli.folder()
        try (BatchCLITests.rows(3)).write(toFile: dir + "/list.csv", atomically: true, encoding: .utf8)
        let args = arguments.map { $0.replacingOccurrences(of: "DIR", with: dir).replacingOccurrences(of: "LIST", with: dir + "/list.csv") }
        let r = try cli.wenshu(args)
        #expect(r.status == 2, "\(r.err)")
        #expect(r.err.contains("--shard") || r.err.contains("--dpi") || r.err.contains("--chunk"))
        #expect(leftovers(dir).isEmpty && !FileManager.default.fileExists(atPath: dir + "/png"))
    }

    /// `build -o data.yaml` and `--trace` onto the template destroyed the input: refused, input intact.
    @Test func outputsThatAreInputsAreRefused() throws {
        let dir = try cli.folder()
        let data = try samples(dir)
        let link = dir + "/link.yaml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: data)
        for args in [["-o", data], ["-o", dir + "/notice/./data.yaml"], ["-o", link], ["-o", dir + "/out.pdf", "--trace", data],
                     ["-o", dir + "/out.pdf", "--png", dir + "/notice", "--dpi", "20"]] {
            if args.contains("--png") {
                // The seal named as a preview page would be.
                try FileManager.default.moveItem(atPath: dir + "/notice/seal.png", toPath: dir + "/notice/page-1.png")
                let yaml = try String(contentsOfFile: data, encoding: .utf8).replacingOccurrences(of: "seal: seal.png", with: "seal: page-1.png")
                try yaml.write(toFile: data, atomically: false, encoding: .utf8)
            }
            let r = try cli.wenshu(["build", "notice", data] + args)
            #expect(r.status == 1, "\(args): \(r.err)")
            #expect(r.err.contains("就是输入文件") && r.err.contains("would destroy the input"), "\(r.err)")
        }
        let r = try cli.wenshu(["typeset", dir + "/in.txt", "-o", dir + "/out.pdf", "--trace", dir + "/in.txt"])
        #expect(r.status == 1 && r.err.contains("就是输入文件"), "\(r.err)")
        #expect(try String(contentsOfFile: data, encoding: .utf8).contains("seal: page-1.png"))
        #expect(ImageInfoCheck.isPNG(dir + "/notice/page-1.png"))
        #expect(leftovers(dir).isEmpty)
    }

    /// Ctrl-C, kill or a closed terminal during a batch: exit 130/143/129 and no temporary left.
    @Test(arguments: zip([SIGINT, SIGTERM, SIGHUP], [Int32(130), 143, 129]))
    func signalsLeaveNoTemporary(_ signal: Int32, _ status: Int32) throws {
        let dir = try cli.folder()
        try BatchCLITests.rows(4000).write(toFile: dir + "/list.csv", atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLITests.binary)
        p.arguments = ["batch", "--allow-placeholders", "certificate", dir + "/list.csv", "-o", dir + "/out.pdf"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let start = Date()
        while Date().timeIntervalSince(start) < 60 && p.isRunning && !leftovers(dir).contains(where: { $0.hasSuffix(".tmp") }) {
            usleep(20_000)
        }
        #expect(p.isRunning, "the run ended before it could be stopped")
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        #expect(p.terminationStatus == status)
        #expect(leftovers(dir).isEmpty, "\(leftovers(dir))")
        #expect(!FileManager.default.fileExists(atPath: dir + "/.out.report.csv.lock"))
    }

    /// A temporary left by a run killed outright (its process gone) is removed by the next run.
    @Test func staleTemporaryIsRemovedByTheNextRun() throws {
        let dir = try cli.folder()
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let stale = dir + "/.out.pdf.\(gone.processIdentifier).12345.tmp"
        FileManager.default.createFile(atPath: stale, contents: Data("%PDF-1.5 half".utf8))
        let r = try cli.wenshu(["typeset", dir + "/in.txt", "-o", dir + "/out.pdf"])
        #expect(r.status == 0, "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: stale))
    }

    /// A full disk (a 200 KB tmpfs; needs root to mount, else the case is not run): exit 1 with
    /// the system's reason in Chinese and English, no truncated PDF and no temporary.
    @Test func fullDiskLeavesNoFile() throws {
        let dir = try cli.folder()
        let small = dir + "/small"
        try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=200k", "tmpfs", small]
        mount.standardError = FileHandle.nullDevice
        guard getuid() == 0, (try? mount.run()) != nil else { return }
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { return }
        defer {
            let u = Process()
            u.executableURL = URL(fileURLWithPath: "/bin/umount")
            u.arguments = [small]
            try? u.run()
            u.waitUntilExit()
        }
        let data = try samples(dir)
        FileManager.default.createFile(atPath: small + "/filler", contents: Data(count: 120_000))
        let r = try cli.wenshu(["build", "notice", data, "-o", small + "/out.pdf"])
        #expect(r.status == 1)
        #expect(r.err.contains("磁盘已满") && r.err.contains("No space left on device"), "\(r.err)")
        #expect(leftovers(small).isEmpty, "\(leftovers(small))")

        try BatchCLITests.rows(300).write(toFile: dir + "/list.csv", atomically: true, encoding: .utf8)
        let b = try cli.wenshu(["batch", "--allow-placeholders", "certificate", dir + "/list.csv", "-o", small + "/out"])
        #expect(b.status == 1)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: small + "/out")) ?? []
        #expect(!files.contains { $0.hasSuffix(".tmp") })
        for f in files {
            let size = (try? FileManager.default.attributesOfItem(atPath: small + "/out/" + f)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(f) is \(size) bytes")
        }
    }

    /// `--bookmarks "{nosuch}"` gave empty bookmarks and exit 0.
    @Test func unknownBookmarkIsAUsageError() throws {
        let dir = try cli.folder()
        try BatchCLITests.rows(2).write(toFile: dir + "/list.csv", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["batch", "--allow-placeholders", "certificate", dir + "/list.csv", "-o", dir + "/out.pdf", "--bookmarks", "{nosuch}"])
        #expect(r.status == 2)
        #expect(r.err.contains("{nosuch}") && r.err.contains("{姓名}"))
        #expect(leftovers(dir).isEmpty)
    }

    /// Batch named no line for a byte that is not UTF-8; `check` did.
    @Test func invalidUTF8InAListNamesTheLine() throws {
        let dir = try cli.folder()
        var bytes = Array(BatchCLITests.rows(2).utf8)
        bytes += [0xFF, 0x80] + Array(",x,y,2022-12-20,NO-9\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/list.csv"))
        let r = try cli.wenshu(["batch", "--allow-placeholders", "certificate", dir + "/list.csv", "-o", dir + "/out.pdf"])
        #expect(r.status == 1)
        #expect(r.err.contains("list.csv:4:") && r.err.contains("第 4 行"), "\(r.err)")
        #expect(leftovers(dir).isEmpty)
    }

    /// A FIFO, a folder or a text with bytes that are neither UTF-8 nor GBK given to `typeset`: refused at
    /// once (a FIFO was read for ever), the bad line named.
    @Test func typesetInputIsAText() throws {
        let dir = try cli.folder()
        mkfifo(dir + "/fifo.txt", 0o644)
        let fifo = try cli.wenshu(["typeset", dir + "/fifo.txt", "-o", dir + "/out.pdf"])
        #expect(fifo.status == 1 && fifo.err.contains("不是普通文件"), "\(fifo.err)")
        let folder = try cli.wenshu(["typeset", dir, "-o", dir + "/out.pdf"])
        #expect(folder.status == 1 && folder.err.contains("不是普通文件"))
        try Data(Array("标题\n\n第一段。\n".utf8) + [0xC3, 0x28] + Array("\n".utf8)).write(to: URL(fileURLWithPath: dir + "/bad.txt"))
        let bad = try cli.wenshu(["typeset", dir + "/bad.txt", "-o", dir + "/out.pdf"])
        #expect(bad.status == 1 && bad.err.contains("bad.txt:4: 错误：第 4 行起不是 UTF-8 或 GBK 文本"), "\(bad.err)")
        #expect(leftovers(dir).isEmpty)
    }
}

enum ImageInfoCheck {
    /// Whether the file is still the PNG it was (not replaced by a preview of another size).
    static func isPNG(_ path: String) -> Bool {
        let seal = FileManager.default.contents(atPath: BuildCLITests.root + "/samples/notice/seal.png")
        return seal != nil && FileManager.default.contents(atPath: path) == seal
    }
}
