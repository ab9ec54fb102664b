import Foundation
import Testing
@testable import WenshuCore

/// The in-memory World: files by path, folders implied, the budgets kept, refusals worded as the
/// file system's.
@Suite struct MemoryWorldTests {
    let world = MemoryWorld([
        "/doc/notice.xml": Data("<template/>".utf8),
        "doc/data/a.yaml": Data("a: 1".utf8),
        "/doc/data/b.yaml": Data("b: 2".utf8),
    ])

    @Test func pathsAreCanonicalFromTheRoot() {
        #expect(world.canonical("doc/./data/../notice.xml") == "/doc/notice.xml")
        #expect(world.canonical("/../doc//data/") == "/doc/data")
        #expect(world["/doc/data/a.yaml"] == Data("a: 1".utf8), "a relative path is read from the root")
    }

    @Test func foldersAreImpliedByTheFilesUnderThem() {
        #expect(world.entry("/doc/notice.xml") == .file)
        #expect(world.entry("/doc") == .folder)
        #expect(world.entry("/doc/data") == .folder)
        #expect(world.entry("/") == .folder)
        #expect(world.entry("/do") == nil, "a prefix of a name is not a folder")
        #expect(world.entry("/doc/none.yaml") == nil)
        #expect(world.names(in: "/doc") == ["data", "notice.xml"])
        #expect(world.names(in: "/doc/data") == ["a.yaml", "b.yaml"])
        #expect(world.names(in: "/doc/notice.xml") == nil)
    }

    @Test func readRefusesMissingFilesFoldersAndFilesPastTheBudget() throws {
        #expect(try world.read("/doc/notice.xml", limit: 100) == Data("<template/>".utf8))
        #expect(throws: InputFile.Refusal.self) { try world.read("/doc/none.xml", limit: 100) }
        do { _ = try world.read("/doc", limit: 100); Issue.record("a folder was read") } catch {
            #expect(error.reason.contains("文件夹"))
        }
        do { _ = try world.read("/doc/notice.xml", limit: 5); Issue.record("the budget was not kept") } catch {
            #expect(error.reason.contains("上限 5 字节"))
        }
    }

    @Test func filesCanBeReplacedAndRemoved() {
        var w = world
        w["/doc/notice.xml"] = Data("<fragment/>".utf8)
        #expect(w["/doc/notice.xml"] == Data("<fragment/>".utf8))
        w["/doc/notice.xml"] = nil
        #expect(w.entry("/doc/notice.xml") == nil)
        #expect(world.entry("/doc/notice.xml") == .file, "a MemoryWorld is a value")
    }

    @Test func imageHeadersReadFromMemoryAsFromAFile() throws {
        var w = MemoryWorld()
        w["/img/seal.png"] = Data(ImageBytes.png(width: 300, height: 200))
        w["/img/photo.jpg"] = Data(ImageBytes.jpeg(width: 40, height: 30))
        w["/img/cmyk.jpg"] = Data(ImageBytes.jpeg(components: 4))
        #expect(try ImageInfo.read("/img/seal.png", in: w) == ImageInfo(kind: .png, width: 300, height: 200))
        #expect(try ImageInfo.read("/img/photo.jpg", in: w) == ImageInfo(kind: .jpeg, width: 40, height: 30))
        #expect(throws: ImageInfo.ReadError.self) { try ImageInfo.read("/img/cmyk.jpg", in: w) }
        #expect(throws: ImageInfo.ReadError.self) { try ImageInfo.read("/img/none.png", in: w) }
    }
}

/// The file system's World keeps `InputFile`'s refusals.
@Suite struct FileWorldTests {
    @Test func aFIFOIsSomethingElseAndIsRefusedNotWaitedOn() throws {
        let folder = NSTemporaryDirectory() + "wenshu-fileworld-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe.yaml"
        #expect(mkfifo(fifo, 0o600) == 0)
        let world = FileWorld()
        #expect(world.entry(fifo) == .other)
        #expect(world.entry(folder) == .folder)
        #expect(world.names(in: folder) == ["pipe.yaml"])
        #expect(throws: InputFile.Refusal.self) { try world.read(fifo, limit: 100) }
    }
}
