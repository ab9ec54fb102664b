import Foundation
import WenshuCore

/// Writes frames as a text trace, one line per placed line of text (its baseline position, width,
/// size, faces and text) and one per rule, box, image, link or bookmark. Golden tests compare this
/// text rather than pixels; positions are in points from the page's top-left corner.
public struct DebugRenderer: Renderer {
    public init() {}

    public func render(_ frames: [Frame], info: DocumentInfo, to path: String) throws {
        try CairoOutput.checked { try AtomicFile.write(Data(trace(frames).utf8), to: path) }
    }

    /// The trace of `frames`.
    public func trace(_ frames: [Frame]) -> String {
        var out = ""
        for (n, frame) in frames.enumerated() {
            out += "page \(n + 1) \(f(frame.size.width))x\(f(frame.size.height))"
            if let label = frame.label { out += " label=\(label)" }
            out += "\n"
            var pending: (y: Length, x: Length, end: Length, size: Length, faces: [String], text: String)? = nil
            func flush() {
                if let p = pending {
                    out += "  text \(f(p.x)),\(f(p.y)) w=\(f(p.end - p.x)) \(f(p.size))pt \(p.faces.joined(separator: "+")) |\(p.text)|\n"
                }
                pending = nil
            }
            for element in frame.items {
                let pos = element.position
                switch element.item {
                case .glyphs(let run):
                    let condensed = run.horizontalScale < 0.999 ? "×" + String(format: "%.2f", run.horizontalScale) : ""
                    let face = run.face.family + (run.emboldened ? "*" : "") + condensed
                    if var p = pending, p.y.approximatelyEquals(pos.y, tolerance: 0.5) {
                        p.end = pos.x + run.width
                        p.size = max(p.size, run.size)
                        if !p.faces.contains(face) { p.faces.append(face) }
                        p.text += run.text
                        pending = p
                    } else {
                        flush()
                        pending = (pos.y, pos.x, pos.x + run.width, run.size, [face], run.text)
                    }
                case .line(let to, let stroke):
                    flush()
                    out += "  line \(f(pos.x)),\(f(pos.y)) -> \(f(to.x)),\(f(to.y)) \(f(stroke.width)) \(stroke.color)\n"
                case .rectangle(let size, let fill, let stroke):
                    flush()
                    out += "  rect \(f(pos.x)),\(f(pos.y)) \(f(size.width))x\(f(size.height))"
                    if let fill { out += " fill=\(fill)" }
                    if let stroke { out += " stroke=\(f(stroke.width)) \(stroke.color)" }
                    out += "\n"
                case .image(let image, let size):
                    flush()
                    out += "  image \(f(pos.x)),\(f(pos.y)) \(f(size.width))x\(f(size.height)) \((image.path as NSString).lastPathComponent)\n"
                case .link(let size, let target):
                    flush()
                    out += "  link \(f(pos.x)),\(f(pos.y)) \(f(size.width))x\(f(size.height)) \(target)\n"
                case .bookmark(let title, let level):
                    flush()
                    out += "  bookmark \(level) \(f(pos.y)) \(title)\n"
                }
            }
            flush()
        }
        return out
    }

    private func f(_ l: Length) -> String { String(format: "%.2f", l.points) }
}
