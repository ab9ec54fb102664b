import Foundation
import Testing
import WenshuCore
import WenshuFonts
import WenshuLayout
import WenshuText
@testable import WenshuRender

/// Furniture and the stroke of synthetic bold are written once per distinct glyph (a Form
/// XObject) and placed on every page, not drawn as a full outline per character per page.
@Suite struct GlyphFormsTests {
    /// The head: eight characters, four distinct.
    static let head = "成果汇编成果汇编"
    static let body = "中小学校党组织是党在学校中的战斗堡垒。"

    /// The first glyph run that `text` typesets into.
    static func glyphRun(_ text: String, role: FontRole = .song, bold: Bool = false) throws -> GlyphRun {
        for frame in try RenderTests.frames(text, role: role, bold: bold) {
            for element in frame.items { if case .glyphs(let run) = element.item, run.text == text { return run } }
        }
        throw CancellationError()
    }

    /// `pages` A4 pages, each with `head` (if any) as furniture at the top and `body` as text below.
    static func document(pages: Int, head: GlyphRun?, body: GlyphRun) -> [Frame] {
        var items = [FrameElement(position: Point(x: .pt(80), y: .pt(200)), item: .glyphs(body))]
        if var furniture = head {
            furniture.isArtifact = true
            items.insert(FrameElement(position: Point(x: .pt(80), y: .pt(60)), item: .glyphs(furniture)), at: 0)
        }
        return (0..<pages).map { _ in Frame(size: .a4, items: items) }
    }

    static func render(_ frames: [Frame]) throws -> (bytes: Data, text: String) {
        let file = try temporaryFolder() + "/t.pdf"
        try PDFRenderer(fonts: RenderTests.fonts).render(frames, info: DocumentInfo(), to: file)
        return (try Data(contentsOf: URL(fileURLWithPath: file)), try run("pdftotext", ["-enc", "UTF-8", file, "-"]))
    }

    /// Form XObjects in a PDF Cairo wrote (its object dictionaries are not compressed).
    static func forms(_ pdf: Data) -> Int {
        String(decoding: pdf, as: UTF8.self).components(separatedBy: "/Subtype /Form").count - 1
    }

    /// The head's outlines are written once: as many forms as distinct characters whether the
    /// document has 2 pages or 12, the head adding well under 300 bytes to a page (its eight
    /// outlines are some 2 KB compressed), and the head is not in the copied text while the body is,
    /// once per page.
    @Test func runningHeadWrittenOnce() throws {
        let head = try Self.glyphRun(Self.head), body = try Self.glyphRun(Self.body)
        let two = try Self.render(Self.document(pages: 2, head: head, body: body))
        let twelve = try Self.render(Self.document(pages: 12, head: head, body: body))
        #expect(Self.forms(two.bytes) == 4)
        #expect(Self.forms(twelve.bytes) == 4)
        let bare2 = try Self.render(Self.document(pages: 2, head: nil, body: body)).bytes.count
        let bare12 = try Self.render(Self.document(pages: 12, head: nil, body: body)).bytes.count
        let headPerPage = ((twelve.bytes.count - two.bytes.count) - (bare12 - bare2)) / 10
        #expect(headPerPage < 300, "the head adds \(headPerPage) bytes to each page")
        for pdf in [two, twelve] {
            #expect(!pdf.text.contains("汇编") && !pdf.text.contains("成果"), "\(pdf.text)")
        }
        #expect(twelve.text.components(separatedBy: Self.body).count == 13, "\(twelve.text)")
    }

    /// Synthetic bold (楷体 has no bold face among the free fonts): the text is shown once and
    /// copyable, and its stroke is one form per distinct glyph however often the glyph recurs.
    @Test func syntheticBoldStrokeWrittenOnce() throws {
        let bold = try Self.glyphRun("加粗加粗加粗", role: .kai, bold: true)
        try #require(bold.emboldened)
        let frames = (0..<3).map { _ in Frame(size: .a4, items: [FrameElement(position: Point(x: .pt(80), y: .pt(100)), item: .glyphs(bold))]) }
        let pdf = try Self.render(frames)
        #expect(Self.forms(pdf.bytes) == 2)
        #expect(pdf.text.components(separatedBy: "加粗加粗加粗").count == 4, "\(pdf.text)")
    }

    /// A glyph without ink (a space) makes no form, and a colour of its own makes a form of its own.
    @Test func spacesMakeNoFormAndColoursTheirOwn() throws {
        var head = try Self.glyphRun("汇 编")
        head.isArtifact = true
        var red = head
        red.color = Color(red: 0.8, green: 0, blue: 0)
        let frame = Frame(size: .a4, items: [
            FrameElement(position: Point(x: .pt(80), y: .pt(60)), item: .glyphs(head)),
            FrameElement(position: Point(x: .pt(80), y: .pt(90)), item: .glyphs(red)),
        ])
        #expect(Self.forms(try Self.render([frame]).bytes) == 4)
    }
}
