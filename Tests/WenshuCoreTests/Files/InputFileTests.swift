import Foundation
import Testing
@testable import WenshuCore

/// A fresh folder for one test.
func scratchFolder() throws -> String {
    let dir = NSTemporaryDirectory() + "wenshu-core-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

@Suite struct InputFileTests {
    /// A FIFO would block `open` and `read` forever; it is refused at once, by name.
    @Test(.timeLimit(.minutes(1)))
    func fifoIsRefusedWithoutBlocking() throws {
        let dir = try scratchFolder()
        let fifo = dir + "/pipe.png"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: InputFile.Refusal.self) { _ = try InputFile.read(fifo, limit: 1024) }
        do { _ = try InputFile.openRegular(fifo); Issue.record("a FIFO was opened") } catch { #expect(error.reason.contains("命名管道")) }
    }

    @Test func folderIsRefused() throws {
        let dir = try scratchFolder()
        do { _ = try InputFile.read(dir, limit: 1024); Issue.record("a folder was read") } catch {
            #expect(error.reason.hasPrefix("这里需要一个普通文件，却是文件夹"))
        }
    }

    @Test func sizeLimitIsKept() throws {
        let dir = try scratchFolder()
        try Data(repeating: 7, count: 5000).write(to: URL(fileURLWithPath: dir + "/big"))
        #expect(throws: InputFile.Refusal.self) { _ = try InputFile.read(dir + "/big", limit: 4999) }
        #expect(try InputFile.read(dir + "/big", limit: 5000).count == 5000)
        #expect(try InputFile.head(dir + "/big", count: 10).bytes.count == 10)
        #expect(try InputFile.tail(dir + "/big", count: 10).count == 10)
    }

    @Test func missingFileSaysSo() {
        do { _ = try InputFile.read("/no/such/file", limit: 10); Issue.record("no error") } catch {
            #expect(error.reason.hasPrefix("找不到文件"))
        }
    }
}
