import Foundation
import WenshuCore
@testable import Wenshu

/// The checkout's root, found from this file.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// What a program on PATH (pdftotext, python3…) writes to standard output.
func runTool(_ arguments: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let d = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: d, as: UTF8.self)
}

/// One compiler (fonts opened once) for the module's tests.
let sharedCompiler: Compiler = try! Compiler()

/// A template of templates/ built from sample data into frames.
func buildSample(_ template: String, _ data: [String], force: Bool = false) throws -> (DocumentContent, [Frame]) {
    let builder = DocumentBuilder(templateSearchPaths: [repositoryRoot + "/templates"])
    let (content, _) = try builder.build(template: template, data: data.map { repositoryRoot + "/" + $0 }, force: force)
    return (content, try sharedCompiler.layout(content))
}

extension Frame {
    /// The glyph runs of the page with their positions.
    var runs: [(position: Point, run: GlyphRun)] {
        items.compactMap { if case .glyphs(let r) = $0.item { ($0.position, r) } else { nil } }
    }
    var lines: [(from: Point, to: Point, stroke: Stroke)] {
        items.compactMap { if case .line(let to, let s) = $0.item { ($0.position, to, s) } else { nil } }
    }
}

/// A line of text as a reader sees it: the runs on one baseline joined.
struct SeenLine {
    var position: Point
    var end: Length
    var size: Length
    var text: String
    var width: Length { end - position.x }
}

extension Frame {
    var textLines: [SeenLine] {
        var out: [SeenLine] = []
        for (p, r) in runs {
            if let i = out.lastIndex(where: { $0.position.y.approximatelyEquals(p.y, tolerance: 0.5) }), i == out.count - 1 {
                out[i].text += r.text
                out[i].end = max(out[i].end, p.x + r.width)
                out[i].size = max(out[i].size, r.size)
            } else {
                out.append(SeenLine(position: p, end: p.x + r.width, size: r.size, text: r.text))
            }
        }
        return out
    }
}
