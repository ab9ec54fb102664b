import Foundation
import Testing
@testable import WenshuCore

/// Output files are whole or absent: checked writes, temporaries removed on failure and when stale.
@Suite struct AtomicFileTests {
    private func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "wenshu-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func writesWhole() throws {
        let dir = try folder()
        try AtomicFile.write(Data("甲".utf8), to: dir + "/a.txt")
        #expect(try String(contentsOfFile: dir + "/a.txt", encoding: .utf8) == "甲")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.txt"])
    }

    /// A failed write leaves neither the target nor a temporary file behind.
    @Test func failureLeavesNothing() throws {
        struct Boom: Error {}
        let dir = try folder()
        #expect(throws: Boom.self) {
            try AtomicFile.write(to: dir + "/b.pdf") { output in
                try output.write(Data("half".utf8))
                throw Boom()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func missingFolderIsAClearError() {
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(Data(), to: "/nonexistent-folder-wenshu/out.pdf")
        }
        do { try AtomicFile.write(Data(), to: "/nonexistent-folder-wenshu/out.pdf") } catch let e as AtomicFile.WriteError {
            #expect(e.description.hasPrefix("无法写入 /nonexistent-folder-wenshu/out.pdf：文件夹 /nonexistent-folder-wenshu 不存在"))
            #expect(e.description.contains("(cannot write /nonexistent-folder-wenshu/out.pdf: the folder /nonexistent-folder-wenshu does not exist"))
        } catch { Issue.record("unexpected \(error)") }
    }

    /// A disk that fills up after a few bytes: the write fails with the system's reason in
    /// Chinese and English (at the block that does not fit, or at the latest when the file is
    /// committed), and neither the file nor its temporary is left.
    @Test(arguments: [100, 200_000])
    func fullDiskLeavesNothing(bytes: Int) throws {
        let dir = try folder()
        let output = try AtomicFile.Output(path: dir + "/c.pdf", writer: AtomicFile.Output.diskThatFills(after: 10))
        #expect(AtomicFile.registered.contains(output.temporaryPath))
        do {
            try output.write(Data(repeating: 0x41, count: bytes))
            try output.commit()
            Issue.record("the write should fail")
        } catch let e as AtomicFile.WriteError {
            #expect(e.description.hasPrefix("无法写入 \(dir)/c.pdf：磁盘已满"))
            #expect(e.description.contains("No space left on device"))
        }
        #expect(throws: AtomicFile.WriteError.self) { try output.commit() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        #expect(!AtomicFile.registered.contains(output.temporaryPath))
    }

    /// A temporary whose process is gone (a run killed outright) is removed by the next write of
    /// the same file; one of a live process, or of another name, is left alone.
    @Test func staleTemporariesAreRemoved() throws {
        let dir = try folder()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        let dead = p.processIdentifier
        let stale = "/.d.pdf.\(dead).7.tmp", live = "/.d.pdf.\(getppid()).8.tmp", other = "/.e.pdf.\(dead).9.tmp"
        for name in [stale, live, other] { FileManager.default.createFile(atPath: dir + name, contents: Data()) }
        try AtomicFile.write(Data("x".utf8), to: dir + "/d.pdf")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
        #expect(left == ["d.pdf", String(live.dropFirst()), String(other.dropFirst())])
    }

    @Test func aFolderInTheWayIsAClearError() throws {
        let dir = try folder()
        try FileManager.default.createDirectory(atPath: dir + "/x.pdf", withIntermediateDirectories: true)
        do {
            try AtomicFile.write(Data(), to: dir + "/x.pdf")
            Issue.record("writing over a folder should fail")
        } catch let e as AtomicFile.WriteError {
            #expect(e.description.contains("同名的文件夹已存在"))
        }
    }

    /// Many files written without an fsync each are flushed together; a folder that is not there
    /// is an error with its reason.
    @Test func fileSystemSync() throws {
        let dir = try folder()
        let output = try AtomicFile.Output(path: dir + "/f.pdf", sync: false)
        try output.write(Data("%PDF-".utf8))
        try output.commit()
        try AtomicFile.syncFileSystem(of: dir)
        do {
            try AtomicFile.syncFileSystem(of: dir + "/missing")
            Issue.record("a missing folder should fail")
        } catch let e as AtomicFile.WriteError {
            #expect(e.chinese == "文件夹不存在")
        }
    }
}
