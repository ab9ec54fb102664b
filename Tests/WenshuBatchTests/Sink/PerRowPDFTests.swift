import Foundation
import Testing
import WenshuCore
@testable import WenshuBatch

/// One PDF per row (`DocumentSink` writing a folder): the faces are cut compact once per run, and
/// each file still shows its row as the one PDF's page does, byte for byte the same in every run
/// and whichever shard writes it.
@Suite struct PerRowPDFTests {
    static func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    /// A page drawn by poppler at 40 dpi (PNG bytes).
    static func picture(_ pdf: String, page: Int = 1) throws -> Data {
        let prefix = pdf + ".p\(page)"
        _ = try BatchSupport.tool("pdftoppm", ["-r", "40", "-png", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf, prefix])
        return bytes(prefix + ".png")
    }

    /// Rows whose names and schools use characters the template's sample lacks (a cut that missed
    /// them would draw them blank).
    static func list(in dir: String) throws -> String {
        let rows = ["欧阳翠萍,鄂尔多斯市第一中学,最美读书家庭,2022-12-20,NO-0001",
                    "龚霁,黔东南州凯里市第三小学,优秀共产党员,2022-12-20,NO-0002",
                    "王芳,育才中学,“一校一品”党建品牌建设先进个人,2023-01-05,NO-0003"]
        return try BatchSupport.csv(BatchSupport.header + "\n" + rows.joined(separator: "\n") + "\n", in: dir)
    }

    @Test func eachFileLooksLikeItsPageOfTheOnePDF() throws {
        let dir = try BatchSupport.folder()
        let list = try PerRowPDFTests.list(in: dir)
        _ = try BatchSupport.run(list, output: .onePDF(dir + "/all.pdf"))
        _ = try BatchSupport.run(list, output: .files(folder: dir + "/files", pattern: nil))
        let names = BatchSupport.pdfs(dir + "/files").sorted()
        #expect(names.count == 3)
        for (k, name) in names.enumerated() {
            let file = dir + "/files/" + name
            let page = try PerRowPDFTests.picture(dir + "/all.pdf", page: k + 1)
            let own = try PerRowPDFTests.picture(file)
            #expect(!page.isEmpty && page == own, "\(name)")
            let text = try BatchSupport.tool("pdftotext", [file, "-"])
            #expect(text.contains(["欧阳翠萍", "龚霁", "王芳"][k]), "\(name): \(text)")
        }
    }

    @Test func aRowHasTheSameBytesInEveryRunAndShard() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(12) + "\n", in: dir)
        _ = try BatchSupport.run(list, output: .files(folder: dir + "/a", pattern: nil))
        _ = try BatchSupport.run(list, output: .files(folder: dir + "/b", pattern: nil)) { $0.chunkSize = 5 }
        for k in 1...3 {
            _ = try BatchSupport.run(list, output: .files(folder: dir + "/c", pattern: nil)) {
                $0.shard = try! Shard(index: k, count: 3); $0.shardBy = .hash
            }
        }
        let names = BatchSupport.pdfs(dir + "/a")
        #expect(names.count == 12)
        #expect(BatchSupport.pdfs(dir + "/c") == names)
        for name in names {
            let a = PerRowPDFTests.bytes(dir + "/a/" + name)
            #expect(!a.isEmpty && a == PerRowPDFTests.bytes(dir + "/b/" + name), "\(name)")
            #expect(a == PerRowPDFTests.bytes(dir + "/c/" + name), "\(name)")
        }
    }

    /// Each file embeds only its own glyphs, not the run's cut: a certificate stays under 32 KB
    /// however many rows share the cut (27 KB with the free 宋体, FandolSong: its 69 glyphs are 22 KB).
    @Test func eachFileEmbedsOnlyItsOwnGlyphs() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(40) + "\n", in: dir)
        _ = try BatchSupport.run(list, output: .files(folder: dir + "/out", pattern: nil))
        let names = BatchSupport.pdfs(dir + "/out")
        #expect(names.count == 40)
        for name in names {
            let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/out/" + name)[.size] as? Int) ?? nil
            #expect((size ?? 0) > 1000 && (size ?? .max) < 32_768, "\(name): \(size ?? -1) bytes")
        }
    }
}
