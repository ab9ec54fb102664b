import Foundation
import Testing
import WenshuCore
import WenshuData
@testable import WenshuTemplate

/// Templates, fragments and images read from memory, and parsed once per content with a cache.
@Suite struct TemplateWorldTests {
    static let template = """
        <template><page name="p" preset="gbt9704"/>
        <body page="p"><p>{{ title }}</p><include src="part.xml"/><image src="seal.png" width="40mm"/></body></template>
        """
    static let fragment = "<fragment><p>片段</p></fragment>"
    static let png: [UInt8] = {
        func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8) + be32(10) + be32(10)
            + [8, 2, 0, 0, 0, 0, 0, 0, 0] + be32(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
    }()

    var world: MemoryWorld {
        MemoryWorld(["/t/doc/template.xml": Data(Self.template.utf8), "/t/doc/part.xml": Data(Self.fragment.utf8),
                     "/t/doc/seal.png": Data(Self.png), "/t/data.yaml": Data("title: 标题\n".utf8)])
    }

    func realize(_ loader: TemplateLoader) throws -> DocumentContent {
        let t = try loader.load("doc")
        let data = try DataLoader.load("/t/data.yaml", world: loader.world)
        return try Realizer(loader: loader, dataFolders: ["/t"]).realize(t, data: data)
    }

    @Test func aTemplateWithAFragmentAndAnImageRealisesFromMemory() throws {
        let loader = TemplateLoader(searchPaths: ["/t"], world: world)
        #expect(try loader.resolve("doc") == "/t/doc/template.xml")
        let content = try realize(loader)
        let texts = content.blocks.compactMap { if case .paragraph(let p) = $0 { p.runs.map(\.text).joined() } else { nil } }
        #expect(texts == ["标题", "片段"])
        #expect(content.blocks.contains { if case .image(let i) = $0 { i.path == "/t/doc/seal.png" } else { false } })
    }

    /// The names a "no template named …" hint offers come from the loader's world, not the disk.
    @Test func templateNamesAreListedFromTheWorld() throws {
        var files = [String: Data]()
        for (path, text) in [("/t/doc/template.xml", Self.template), ("/t/loose.xml", Self.template), ("/t/empty/readme.txt", "")] {
            files[path] = Data(text.utf8)
        }
        #expect(TemplateLoader(searchPaths: ["/t"], world: MemoryWorld(files)).names() == ["doc", "loose"])
        #expect(TemplateLoader(searchPaths: ["/t"], world: MemoryWorld()).names().isEmpty)
    }

    @Test func anImageOutsideTheAllowedFoldersIsRefusedInMemoryToo() throws {
        var w = world
        w["/elsewhere/seal.png"] = Data(Self.png)
        w["/t/doc/template.xml"] = Data(Self.template.replacingOccurrences(of: "seal.png", with: "../../elsewhere/seal.png").utf8)
        let loader = TemplateLoader(searchPaths: ["/t"], world: w)
        do { _ = try realize(loader); Issue.record("an image outside was used") } catch let e as TemplateError {
            #expect(e.message.contains("outside"), "\(e.message)")
        }
    }

    @Test func theCacheParsesEachFileOncePerContent() throws {
        let cache = TemplateCache()
        var loader = TemplateLoader(searchPaths: ["/t"], world: world, cache: cache)
        _ = try realize(loader)
        #expect(cache.misses == 2 && cache.hits == 0, "the template and its fragment")
        _ = try realize(loader)
        #expect(cache.misses == 2 && cache.hits == 2)
        var changed = world
        changed["/t/doc/part.xml"] = Data("<fragment><p>改过的片段</p></fragment>".utf8)
        loader.world = changed
        let content = try realize(loader)
        #expect(cache.misses == 3 && cache.hits == 3, "only the changed fragment is parsed again")
        #expect(content.blocks.contains { if case .paragraph(let p) = $0 { p.runs.first?.text == "改过的片段" } else { false } })
    }

    @Test func aBadTemplateIsNotCached() throws {
        let cache = TemplateCache()
        var w = world
        w["/t/doc/template.xml"] = Data("<template><nonsense/></template>".utf8)
        let loader = TemplateLoader(searchPaths: ["/t"], world: w, cache: cache)
        #expect(throws: TemplateError.self) { try loader.load("doc") }
        #expect(throws: TemplateError.self) { try loader.load("doc") }
        #expect(cache.misses == 2 && cache.hits == 0)
    }
}
