import Foundation
import Testing
import WenshuCore
import WenshuData
import WenshuRender
@testable import Wenshu

/// The notice's inputs copied into memory under /mem, where no file of the disk lies.
func memoryNotice() throws -> MemoryWorld {
    var world = MemoryWorld()
    try world.copy(from: repositoryRoot + "/templates/notice/template.xml", to: "/mem/templates/notice/template.xml")
    try world.copy(from: repositoryRoot + "/samples/notice/data.yaml", to: "/mem/notice/data.yaml")
    try world.copy(from: repositoryRoot + "/samples/notice/seal.png", to: "/mem/notice/seal.png")
    return world
}

/// `text` of the world's file at `path` with `old` replaced by `new` (one data field edited).
func edited(_ world: MemoryWorld, _ path: String, _ old: String, _ new: String) throws -> MemoryWorld {
    var w = world
    let text = String(decoding: try #require(w[path]), as: UTF8.self)
    #expect(text.contains(old))
    w[path] = Data(text.replacingOccurrences(of: old, with: new).utf8)
    return w
}

/// A compile reads every input through its World, and a session's second compile reuses what did
/// not change and gives the very pages a first compile gives.
@Suite(.serialized) struct CompileSessionTests {
    @Test func theNoticeCompilesEntirelyFromMemory() throws {
        let world = try memoryNotice()
        #expect(!FileManager.default.fileExists(atPath: "/mem"), "the test's paths must not exist on disk")
        let session = try CompileSession(world: world, templateSearchPaths: ["/mem/templates"])
        let fromMemory = try session.compile(template: "notice", data: ["/mem/notice/data.yaml"])
        let (_, fromFiles) = try buildSample("notice", ["samples/notice/data.yaml"])
        #expect(DebugRenderer().trace(fromMemory.frames) == DebugRenderer().trace(fromFiles), "the same pages as from the files")
        let seal = fromMemory.frames.flatMap(\.items).compactMap { if case .image(let i, _) = $0.item { i.path } else { nil } }
        #expect(seal == ["/mem/notice/seal.png"], "the seal is the one in memory")

        // The PDF's renderer reads the seal from memory too.
        let pdf = NSTemporaryDirectory() + "wenshu-memory-notice-\(UUID().uuidString).pdf"
        defer { try? FileManager.default.removeItem(atPath: pdf) }
        try session.writePDF(fromMemory, to: pdf)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.starts(with: Data("%PDF".utf8)))
        #expect(bytes.range(of: Data("/Subtype /Image".utf8)) != nil, "the seal is embedded")
    }

    @Test func wordAndOFDTakeTheSealFromMemoryToo() throws {
        let session = try CompileSession(world: try memoryNotice(), templateSearchPaths: ["/mem/templates"])
        let notice = try session.compile(template: "notice", data: ["/mem/notice/data.yaml"])
        let seal = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/samples/notice/seal.png"))
        let folder = NSTemporaryDirectory() + "wenshu-memory-formats-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for format in [OutputFormat.docx, .ofd] {
            let path = folder + "/notice." + format.rawValue
            try session.write(notice, as: format, to: path)
            // Both packages store the PNG's bytes unchanged (uncompressed or deflated: look for its size in the zip).
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.starts(with: Data("PK".utf8)), "\(format)")
            let size = UInt32(seal.count)
            let le = Data([UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)])
            #expect(bytes.range(of: le) != nil, "\(format): a member of the seal's size")
        }
        var missing = try memoryNotice()
        missing["/mem/notice/seal.png"] = Data()
        session.world = missing
        #expect(throws: (any Error).self) { try session.write(notice, as: .docx, to: folder + "/none.docx") }
        #expect(!FileManager.default.fileExists(atPath: folder + "/none.docx"))
    }

    @Test func aFileMissingFromTheWorldIsNamed() throws {
        var world = try memoryNotice()
        world["/mem/notice/seal.png"] = nil
        let session = try CompileSession(world: world, templateSearchPaths: ["/mem/templates"])
        func failure(_ template: String, _ data: [String]) -> (any WenshuError)? {
            do { _ = try session.compile(template: template, data: data) } catch let e as WenshuError { return e } catch {
                Issue.record("not a WenshuError: \(error)")
            }
            return nil
        }
        let seal = try #require(failure("notice", ["/mem/notice/data.yaml"]))
        #expect(seal.message.contains("seal.png"), "\(seal.message)")
        let data = try #require(failure("notice", ["/mem/notice/none.yaml"]))
        #expect(data.location?.file == "/mem/notice/none.yaml")
        let template = try #require(failure("report", []))
        #expect(template.message.contains("report"))
    }

    @Test func aSecondCompileReusesWhatDidNotChange() throws {
        let world = try memoryNotice()
        let session = try CompileSession(world: world, templateSearchPaths: ["/mem/templates"])
        _ = try session.compile(template: "notice", data: ["/mem/notice/data.yaml"])
        #expect(session.templates.misses == 1 && session.data.misses == 1)
        let setFirst = session.paragraphs.count

        // The same inputs: nothing is parsed, loaded or set again.
        _ = try session.compile(template: "notice", data: ["/mem/notice/data.yaml"])
        #expect(session.templates.misses == 1 && session.templates.hits == 1)
        #expect(session.data.misses == 1 && session.data.hits == 1)
        #expect(session.paragraphs.count == setFirst)

        // One field changed: the template is reused, the data file loaded again, one paragraph set again.
        session.world = try edited(world, "/mem/notice/data.yaml", "addressees: 区属各中小学校（幼儿园）党组织",
                                   "addressees: 区属各中小学校党组织")
        _ = try session.compile(template: "notice", data: ["/mem/notice/data.yaml"])
        #expect(session.templates.misses == 1 && session.templates.hits == 2)
        #expect(session.data.misses == 2)
        #expect(session.paragraphs.count == setFirst + 1, "only the addressees' paragraph is set again")
    }

    @Test func aCachedCompileGivesTheBytesOfAnUncachedOne() throws {
        let world = try memoryNotice()
        let changed = try edited(world, "/mem/notice/data.yaml", "number: 东教党〔2023〕12号", "number: 东教党〔2023〕13号")
        // Warm a session on the first text, then compile the changed one in it.
        let warm = try CompileSession(world: world, templateSearchPaths: ["/mem/templates"])
        _ = try warm.compile(template: "notice", data: ["/mem/notice/data.yaml"])
        warm.world = changed
        let cached = try warm.compile(template: "notice", data: ["/mem/notice/data.yaml"])
        #expect(warm.paragraphs.count > 0 && warm.templates.hits == 1)
        // A new session sees the changed text first.
        let cold = try CompileSession(world: changed, templateSearchPaths: ["/mem/templates"])
        let uncached = try cold.compile(template: "notice", data: ["/mem/notice/data.yaml"])
        #expect(DebugRenderer().trace(cached.frames) == DebugRenderer().trace(uncached.frames))
        #expect(DebugRenderer().trace(cached.frames).contains("东教党〔2023〕13号"))

        let folder = NSTemporaryDirectory() + "wenshu-cached-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try warm.writePDF(cached, to: folder + "/cached.pdf")
        try cold.writePDF(uncached, to: folder + "/uncached.pdf")
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/cached.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/uncached.pdf"))
        #expect(PDFBytes.withoutDates(a) == PDFBytes.withoutDates(b), "the same PDF, byte for byte but for Cairo's clock")
    }

    @Test func theApplicationBookRecompilesToTheSamePages() throws {
        var world = MemoryWorld()
        try world.copy(from: repositoryRoot + "/templates/application/template.xml", to: "/mem/templates/application/template.xml")
        for file in ["data.yaml", "photos/p3.jpg", "photos/p5.jpg"] {
            try world.copy(from: repositoryRoot + "/samples/application/" + file, to: "/mem/application/" + file)
        }
        let session = try CompileSession(world: world, templateSearchPaths: ["/mem/templates"])
        let first = try session.compile(template: "application", data: ["/mem/application/data.yaml"])
        let (_, fromFiles) = try buildSample("application", ["samples/application/data.yaml"])
        #expect(DebugRenderer().trace(first.frames) == DebugRenderer().trace(fromFiles))
        session.world = try edited(world, "/mem/application/data.yaml", "leader: 陈明远", "leader: 陈明达")
        let again = try session.compile(template: "application", data: ["/mem/application/data.yaml"])
        let cold = try CompileSession(world: session.world, templateSearchPaths: ["/mem/templates"])
        let fresh = try cold.compile(template: "application", data: ["/mem/application/data.yaml"])
        #expect(DebugRenderer().trace(again.frames) == DebugRenderer().trace(fresh.frames))
        #expect(DebugRenderer().trace(again.frames).contains("陈明达"))
    }
}

/// PDF bytes compared without the dates Cairo takes from the clock.
enum PDFBytes {
    static func withoutDates(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: #"/(CreationDate|ModDate) \([^)]*\)"#, with: "", options: .regularExpression)
    }
}
