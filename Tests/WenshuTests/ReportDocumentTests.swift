import Foundation
import Testing
import WenshuCore
import WenshuRender
@testable import Wenshu

@Suite struct ReportDocumentTests {
    static let source = "关于开展读书活动的通知\n\n一、活动目的\n\n为营造书香校园，特开展本次活动。\n\n（一）活动时间。2023年3月至6月。\n\n1.启动阶段。"

    @Test func titleAndHeadingsTakeTheirStyles() throws {
        let doc = ReportDocument(source: Self.source)
        #expect(doc.title == "关于开展读书活动的通知")
        let compiler = try Compiler()
        let frames = try compiler.layout(doc.blocks, master: doc.master)
        let trace = DebugRenderer().trace(frames)
        #expect(trace.contains("22.00pt Noto Serif CJK SC |关于开展读书活动的通知|"))
        #expect(trace.contains("FandolHei |一、活动目的|"))
        #expect(trace.contains("bookmark 2"))
        // （一） in 楷体, its sentence in 仿宋 on the same line.
        let kai = trace.split(separator: "\n").first { $0.contains("（一）活动时间") }!
        #expect(kai.contains("FandolKai"))
    }

    @Test func writesPDFAndTrace() throws {
        let dir = NSTemporaryDirectory() + "wenshu-doc-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let doc = ReportDocument(source: Self.source, grid: true)
        let compiler = try Compiler()
        let frames = try compiler.layout(doc.blocks, master: doc.master)
        try compiler.write(frames, info: DocumentInfo(title: doc.title), pdf: dir + "/d.pdf", trace: dir + "/d.trace")
        #expect(FileManager.default.fileExists(atPath: dir + "/d.pdf"))
        #expect(try String(contentsOfFile: dir + "/d.trace", encoding: .utf8).hasPrefix("page 1"))
    }
}
