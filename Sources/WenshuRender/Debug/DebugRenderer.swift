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
            // 套打: positions are where the printer puts them, the profile applied (in mm too).
            let profile = frame.printerProfile ?? PrinterProfile()
            if !profile.isIdentity {
                out += "  profile offset=\(mm(profile.offsetX)),\(mm(profile.offsetY))mm scale=\(profile.scale) rotation=\(profile.rotation)°\n"
            }
            var pending: (y: Length, x: Length, end: Length, size: Length, faces: [String], text: String)? = nil
            func flush() {
                if let p = pending {
                    out += "  text \(f(p.x)),\(f(p.y)) w=\(f(p.end - p.x)) \(f(p.size))pt \(p.faces.joined(separator: "+")) |\(p.text)|\n"
                }
                pending = nil
            }
            for element in frame.items {
                let pos = profile.apply(element.position)
                let layer = element.layer == .content ? "" : " [\(element.layer.rawValue)]"
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
                        pending = (pos.y, pos.x, pos.x + run.width, run.size, [face + layer], run.text)
                    }
                case .line(let to, let stroke):
                    flush()
                    let end = profile.apply(to)
                    out += "  line \(f(pos.x)),\(f(pos.y)) -> \(f(end.x)),\(f(end.y)) \(f(stroke.width)) \(stroke.color)\(layer)\n"
                case .rectangle(let size, let fill, let stroke):
                    flush()
                    out += "  rect \(f(pos.x)),\(f(pos.y)) \(f(size.width))x\(f(size.height))"
                    if let fill { out += " fill=\(fill)" }
                    if let stroke { out += " stroke=\(f(stroke.width)) \(stroke.color)" }
                    out += layer + "\n"
                case .image(let image, let size):
                    flush()
                    out += "  image \(f(pos.x)),\(f(pos.y)) \(f(size.width))x\(f(size.height)) \((image.path as NSString).lastPathComponent)\(layer)\n"
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
    private func mm(_ l: Length) -> String { String(format: "%.2f", l.points / Length.pointsPerMillimetre) }
}
