internal import CCairo
import Foundation
import WenshuCore

/// Draws one frame's items with Cairo; shared by the PDF and PNG renderers.
struct CairoPainter {
    let faces: CairoFaces
    /// Images loaded once per document, however many pages use them.
    let images: ImageCache
    /// Outlines drawn once and placed where needed (furniture, the stroke of synthetic bold); nil:
    /// every outline drawn in full (PNG, where nothing is gained).
    var forms: GlyphForms? = nil
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
        // 套打: the whole page through the printer's measured correction.
        cairo_save(cr)
        defer { cairo_restore(cr) }
        if let profile = frame.printerProfile, !profile.isIdentity {
            cairo_translate(cr, profile.offsetX.points, profile.offsetY.points)
            cairo_rotate(cr, profile.radians)
            cairo_scale(cr, profile.scale, profile.scale)
        }
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
                let entry = try images.image(for: image.path)
                cairo_save(cr)
                if entry.isJPEG && images.decodesJPEG {
                    // A preview of a JPEG that could not be decoded (CMYK): a grey box where it stands.
                    cairo_set_source_rgb(cr, 0.85, 0.85, 0.85)
                    cairo_rectangle(cr, p.x.points, p.y.points, size.width.points, size.height.points)
                    cairo_fill(cr)
                    cairo_restore(cr)
                    continue
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
        // A face cut compact has its glyphs renumbered (a glyph it lacks draws as .notdef; the
        // caller checked with `CairoFaces.covers` that none is lacking).
        let remap = faces.remap(run.face)
        var glyphs = run.glyphs.map {
            cairo_glyph_t(index: UInt(remap.map { [id = $0.id] m in m[id] ?? 0 } ?? $0.id), x: origin.x.points + $0.x.points, y: origin.y.points + $0.y.points)
        }
        var clusters = run.clusters.map { cairo_text_cluster_t(num_bytes: Int32($0.bytes), num_glyphs: Int32($0.glyphs)) }
        var text = run.text
        let byteCount = text.utf8.count
        let consistent = run.clusters.reduce(0) { $0 + $1.bytes } == byteCount
            && run.clusters.reduce(0) { $0 + $1.glyphs } == glyphs.count
        let ink = run.size.points / 30
        if run.isArtifact {
            // Furniture is drawn as outlines: seen, printed, never copied with the text.
            if let forms, forms.paint(glyphs, face: face, size: run.size.points, scale: run.horizontalScale, color: run.color,
                                      ink: run.emboldened ? .fillAndStroke(width: ink) : .fill, cr: cr) {
                state.color = nil
                return
            }
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
            if let forms, forms.paint(glyphs, face: face, size: run.size.points, scale: run.horizontalScale, color: run.color,
                                      ink: .stroke(width: ink), cr: cr) {
                state.color = nil
                return
            }
            cairo_glyph_path(cr, &glyphs, Int32(glyphs.count))
            cairo_set_line_width(cr, ink)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke(cr)
        }
    }
}

func cairoStatusText(_ status: cairo_status_t) -> String {
    String(cString: cairo_status_to_string(status))
}
