import Foundation
import Testing
import WenshuCore
import WenshuFonts
import WenshuLayout
import WenshuText
@testable import WenshuRender

/// Runs a command-line tool and returns its standard output.
func run(_ tool: String, _ arguments: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = Pipe()
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

func temporaryFolder() throws -> String {
    let dir = NSTemporaryDirectory() + "wenshu-render-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

@Suite struct RenderTests {
    static let fonts = try! FontBook()
    static let source = "现将《中共青石桥实验小学党支部关于开展“一校一品”党建品牌创建工作的实施方案》印发你们，请认真贯彻执行——扎实做好品牌项目建设工作……联系人：陈明远（0000-0000000）。Wenshu 2023。"

    static func frames(_ text: String = source, role: FontRole = .fangsong, bold: Bool = false) throws -> [Frame] {
        let block = Block.paragraph(ParagraphBlock(runs: [InlineRun(text, style: TextStyle(role: role, size: .pt(16), bold: bold))]))
        return try FlowLayout(master: .officialDocument(grid: false), typesetter: ParagraphTypesetter(fonts: fonts)).layout([block])
    }

    /// The text copies out exactly: pdftotext gives back the source, punctuation included.
    @Test(arguments: FontRole.allCases)
    func textRoundTrip(role: FontRole) throws {
        let dir = try temporaryFolder()
        try PDFRenderer(fonts: Self.fonts).render(try Self.frames(role: role), info: DocumentInfo(title: "往返"), to: dir + "/t.pdf")
        let text = try run("pdftotext", ["-enc", "UTF-8", dir + "/t.pdf", "-"])
        let flat = text.components(separatedBy: .newlines).joined()  // page numbers are artifacts, not text
        #expect(flat.replacingOccurrences(of: "\u{0C}", with: "") == Self.source, "\(text)")
    }

    /// Fonts are embedded and subset; metadata is written.
    @Test func fontsEmbeddedAndSubset() throws {
        let dir = try temporaryFolder()
        try PDFRenderer(fonts: Self.fonts).render(try Self.frames(), info: DocumentInfo(title: "实施方案", author: "青石桥实验小学党支部"),
                                                to: dir + "/t.pdf")
        let fonts = try run("pdffonts", [dir + "/t.pdf"]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for row in fonts {
            let cols = row.split(separator: " ")
            #expect(cols[cols.count - 5] == "yes" && cols[cols.count - 4] == "yes", "\(row)")
            #expect(cols[0].dropFirst(6).first == "+", "subset tag: \(row)")
        }
        let info = try run("pdfinfo", [dir + "/t.pdf"])
        #expect(info.contains("实施方案") && info.contains("青石桥实验小学党支部") && info.contains("Wenshu"))
    }

    /// Subsetting with HarfBuzz first keeps a one-page PDF small.
    @Test func smallFile() throws {
        let dir = try temporaryFolder()
        try PDFRenderer(fonts: Self.fonts).render(try Self.frames("一校一品", role: .song), info: DocumentInfo(), to: dir + "/t.pdf")
        let size = try FileManager.default.attributesOfItem(atPath: dir + "/t.pdf")[.size] as! Int
        #expect(size < 30_000, "\(size) bytes")
    }

    /// Synthetic bold stays copyable once.
    @Test func syntheticBoldCopiesOnce() throws {
        let dir = try temporaryFolder()
        try PDFRenderer(fonts: Self.fonts).render(try Self.frames("楷体加粗标题", role: .kai, bold: true), info: DocumentInfo(), to: dir + "/t.pdf")
        let text = try run("pdftotext", [dir + "/t.pdf", "-"])
        #expect(text.components(separatedBy: "楷体加粗标题").count == 2)
    }

    @Test func unwritablePathIsAClearErrorAndLeavesNothing() throws {
        #expect(throws: RenderError.self) {
            try PDFRenderer(fonts: Self.fonts).render(try Self.frames(), info: DocumentInfo(), to: "/nonexistent-wenshu/out.pdf")
        }
    }

    @Test func pngPages() throws {
        let dir = try temporaryFolder()
        try PNGRenderer(fonts: Self.fonts, resolution: 36).render(try Self.frames(), info: DocumentInfo(), to: dir)
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/page-1.png"))
        #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        // 210 mm at 36 dpi.
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 298)
    }

    @Test func bookmarksAndPageLabels() throws {
        let dir = try temporaryFolder()
        var frames = try Self.frames()
        frames[0].place(.bookmark(title: "一、指导思想", level: 1), at: Point(x: .mm(28), y: .mm(37)))
        try PDFRenderer(fonts: Self.fonts).render(frames, info: DocumentInfo(), to: dir + "/t.pdf")
        let raw = try String(decoding: Data(contentsOf: URL(fileURLWithPath: dir + "/t.pdf")), as: UTF8.self)
        #expect(raw.contains("/Outlines") && raw.contains("/PageLabels"))
    }
}

@Suite struct DebugRendererTests {
    @Test func traceHasALinePerPlacedLine() throws {
        let frames = try RenderTests.frames()
        let trace = DebugRenderer().trace(frames)
        let lines = trace.split(separator: "\n")
        #expect(lines[0] == "page 1 595.28x841.89 label=1")
        let text = lines.filter { $0.hasPrefix("  text") }
        #expect(text.count == 5, "\(trace)")
        #expect(text[0].hasPrefix("  text 111.37,"))
        #expect(text[0].hasSuffix("|现将《中共青石桥实验小学党支部关于开展“一校一品”党|"))
        #expect(text.last!.hasSuffix("|— 1 —|"))
    }
}

/// PDFs are written whole or not at all, whatever the disk does.
@Suite struct PDFWriteErrorTests {
    /// A disk that fills up part-way through a streamed PDF: the error names the file and the
    /// system's reason, and neither the PDF nor its temporary is left (Cairo's own file output
    /// ignored errors at close, leaving a truncated PDF under the final name).
    @Test func fullDiskLeavesNoPDF() throws {
        let dir = try temporaryFolder()
        let frames = try RenderTests.frames()
        do {
            let stream = try PDFStream(path: dir + "/a.pdf", fonts: RenderTests.fonts, info: DocumentInfo(title: "t"),
                                       writer: AtomicFile.Output.diskThatFills(after: 4000))
            for _ in 0..<5 { try stream.add(frames) }
            try stream.finish()
            Issue.record("the PDF should not be written")
        } catch let e as RenderError {
            #expect(e.message.contains("磁盘已满"), "\(e.message)")
            #expect(e.message.contains("No space left on device"))
            #expect(!e.message.contains("error while writing to output stream"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}
