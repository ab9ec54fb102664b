import Foundation
import Testing
import WenshuCore
import WenshuFonts
@testable import WenshuRender

/// `PDFStream.rewrite`, the pass the PDF/A rewrite runs over a finished stream: it sees the whole
/// file before the rename, and when it throws no file is left, under either name.
@Suite struct PDFStreamRewriteTests {
    struct Refused: Error {}

    @Test func rewriteSeesTheWholeFileBeforeTheRename() throws {
        let dir = try temporaryFolder()
        let path = dir + "/r.pdf"
        let stream = try PDFStream(path: path, fonts: RenderTests.fonts, info: DocumentInfo(title: "t"))
        stream.rewrite = { file, target in
            #expect(target == path)
            #expect(!FileManager.default.fileExists(atPath: target))
            let handle = try #require(FileHandle(forWritingAtPath: file))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("% rewritten\n".utf8))
            try handle.close()
        }
        try stream.add(Frame(size: .a4))
        try stream.finish()
        let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        #expect(text.hasPrefix("%PDF-") && text.hasSuffix("% rewritten\n"))
    }

    @Test func aRewriteThatThrowsLeavesNoFile() throws {
        let dir = try temporaryFolder()
        let path = dir + "/r.pdf"
        let stream = try PDFStream(path: path, fonts: RenderTests.fonts, info: DocumentInfo())
        stream.rewrite = { _, _ in throw Refused() }
        try stream.add(Frame(size: .a4))
        #expect(throws: Refused.self) { try stream.finish() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}
