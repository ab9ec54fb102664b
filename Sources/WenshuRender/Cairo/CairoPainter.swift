internal import CCairo
import Foundation
import WenshuCore

/// Draws one frame's items with Cairo; shared by the PDF and PNG renderers.
struct CairoPainter {
    let faces: CairoFaces
    /// Images loaded once per document, however many pages use them.
    let images: ImageCache
    /// What the Cairo context is set to, so that unchanged settings are not set again.
    final class State {
        var face: OpaquePointer? = nil
        var size = 0.0
        var scale = 1.0
        var color: Color? = nil
    }
    let state = State()

    func paint(_ frame: Frame, on cr: OpaquePointer) throws {
        // The context may be new (PNG: one per page): set everything again.
        state.face = nil
        state.color = nil
        for element in frame.items {
            let p = element.position
            switch element.item {
            case .glyphs(let run):
                drawGlyphs(run, at: p, cr: cr)
            case .line(let to, let stroke):
                state.color = nil
                setColor(stroke.color, cr)
                cairo_set_line_width(cr, stroke.width.points)
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
                cairo_move_to(cr, p.x.points, p.y.points)
                cairo_line_to(cr, to.x.points, to.y.points)
                cairo_stroke(cr)
            case .rectangle(let size, let fill, let stroke):
                state.color = nil
                cairo_rectangle(cr, p.x.points, p.y.points, size.width.points, size.height.points)
                if let fill {
                    setColor(fill, cr)
                    if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
                }
                if let stroke {
                    setColor(stroke.color, cr)
                    cairo_set_line_width(cr, stroke.width.points)
                    cairo_stroke(cr)
                }
                cairo_new_path(cr)
            case .image(let image, let size):
                state.color = nil
                let entry = try images.entry(for: image.path)
                cairo_save(cr)
                if entry.isJPEG {
                    // Seen only in previews: a grey box where the photo stands.
                    cairo_set_source_rgb(cr, 0.85, 0.85, 0.85)
                    cairo_rectangle(cr, p.x.points, p.y.points, size.width.points, size.height.points)
                    cairo_fill(cr)
                }
                if image.blend == .multiply { cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY) }
                cairo_translate(cr, p.x.points, p.y.points)
                cairo_scale(cr, size.width.points / entry.width, size.height.points / entry.height)
                cairo_set_source_surface(cr, entry.surface, 0, 0)
                cairo_rectangle(cr, 0, 0, entry.width, entry.height)
                cairo_fill(cr)
                cairo_restore(cr)
            case .link(let size, let target):
                let rect = "rect=[\(p.x.points) \(p.y.points) \(size.width.points) \(size.height.points)]"
                let attributes: String
                switch target {
                case .url(let url): attributes = "\(rect) uri='\(url.replacingOccurrences(of: "'", with: "\\'"))'"
                case .page(let page, let point): attributes = "\(rect) page=\(page + 1) pos=[\(point.x.points) \(point.y.points)]"
                }
                cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
                cairo_tag_end(cr, CAIRO_TAG_LINK)
            case .bookmark:
                break  // outlines are the PDF renderer's business
            }
        }
    }

    private func setColor(_ c: Color, _ cr: OpaquePointer) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    private func drawGlyphs(_ run: GlyphRun, at origin: Point, cr: OpaquePointer) {
        guard let face = faces.face(run.face), !run.glyphs.isEmpty else { return }
        // Cairo resolves a scaled font on every change of face or size: change them only when needed.
        if state.face != face || state.size != run.size.points || state.scale != run.horizontalScale {
            cairo_set_font_face(cr, face)
            var matrix = cairo_matrix_t()
            cairo_matrix_init_scale(&matrix, run.size.points * run.horizontalScale, run.size.points)
            cairo_set_font_matrix(cr, &matrix)
            state.face = face
            state.size = run.size.points
            state.scale = run.horizontalScale
        }
        if state.color != run.color {
            setColor(run.color, cr)
            state.color = run.color
        }
        var glyphs = run.glyphs.map {
            cairo_glyph_t(index: UInt($0.id), x: origin.x.points + $0.x.points, y: origin.y.points + $0.y.points)
        }
        var clusters = run.clusters.map { cairo_text_cluster_t(num_bytes: Int32($0.bytes), num_glyphs: Int32($0.glyphs)) }
        var text = run.text
        let byteCount = text.utf8.count
        let consistent = run.clusters.reduce(0) { $0 + $1.bytes } == byteCount
            && run.clusters.reduce(0) { $0 + $1.glyphs } == glyphs.count
        if run.isArtifact {
            // Furniture is drawn as outlines: seen, printed, never copied with the text.
            cairo_glyph_path(cr, &glyphs, Int32(glyphs.count))
            cairo_fill(cr)
        } else if consistent {
            text.withUTF8 { bytes in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: byteCount) { chars in
                    cairo_show_text_glyphs(cr, chars, Int32(byteCount), &glyphs, Int32(glyphs.count),
                                           &clusters, Int32(clusters.count), cairo_text_cluster_flags_t(0))
                }
            }
        } else {
            cairo_show_glyphs(cr, &glyphs, Int32(glyphs.count))
        }
        if run.emboldened {
            // Synthetic bold: the outlines stroked over the filled glyphs, 1/30 em wide. The text
            // stays copyable once (the stroke is a path, not text).
            cairo_glyph_path(cr, &glyphs, Int32(glyphs.count))
            cairo_set_line_width(cr, run.size.points / 30)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke(cr)
        }
    }
}

/// Image surfaces by path, loaded once per document (so a logo or seal used on many pages is
/// embedded once). PNGs are decoded; JPEGs are not: a recording surface of the photo's size carries
/// the JPEG bytes as MIME data, which the PDF writer embeds unchanged (no re-encoding, no loss).
/// Previews drawn to PNG show a JPEG as a grey box.
final class ImageCache {
    struct Entry { var surface: OpaquePointer; var isJPEG: Bool; var width: Double; var height: Double }
    private var entries: [String: Entry] = [:]

    func entry(for path: String) throws -> Entry {
        if let e = entries[path] { return e }
        let info: ImageInfo
        do { info = try ImageInfo.read(path) } catch let e as ImageInfo.ReadError { throw RenderError.image(path, reason: e.reason) }
        let entry: Entry
        switch info.kind {
        case .png:
            guard let s = cairo_image_surface_create_from_png(path), cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else {
                throw RenderError.image(path, reason: "not a PNG image Cairo can read")
            }
            entry = Entry(surface: s, isJPEG: false, width: Double(info.width), height: Double(info.height))
        case .jpeg:
            guard let data = FileManager.default.contents(atPath: path) else { throw RenderError.image(path, reason: "cannot read the file") }
            var extents = cairo_rectangle_t(x: 0, y: 0, width: Double(info.width), height: Double(info.height))
            guard let s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, &extents) else {
                throw RenderError.image(path, reason: "cannot make a surface for it")
            }
            let bytes = UnsafeMutableRawPointer.allocate(byteCount: data.count, alignment: 1)
            data.copyBytes(to: bytes.assumingMemoryBound(to: UInt8.self), count: data.count)
            cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, bytes.assumingMemoryBound(to: UInt8.self), UInt(data.count),
                                        { $0?.deallocate() }, bytes)
            entry = Entry(surface: s, isJPEG: true, width: Double(info.width), height: Double(info.height))
        }
        let id = Array(path.utf8)
        let idBytes = UnsafeMutableRawPointer.allocate(byteCount: id.count, alignment: 1)
        idBytes.copyMemory(from: id, byteCount: id.count)
        cairo_surface_set_mime_data(entry.surface, CAIRO_MIME_TYPE_UNIQUE_ID, idBytes.assumingMemoryBound(to: UInt8.self),
                                    UInt(id.count), { $0?.deallocate() }, idBytes)
        entries[path] = entry
        return entry
    }

    deinit { for (_, e) in entries { cairo_surface_destroy(e.surface) } }
}

func cairoStatusText(_ status: cairo_status_t) -> String {
    String(cString: cairo_status_to_string(status))
}
