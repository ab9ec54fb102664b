internal import CCairo
import WenshuCore

/// Glyph outlines drawn once and placed many times. Each distinct (face, glyph, size, colour, ink)
/// is drawn into a Cairo recording surface of its own, and every placement paints that surface
/// translated to the glyph's origin. Cairo's PDF backend writes a recording surface used as a
/// source as one Form XObject for the whole document and each placement as
/// `q 1 0 0 1 x y cm /xN Do Q`, instead of the full Bézier outline every time.
///
/// For what the PDF must show as outlines, not text: page furniture (running heads, page numbers,
/// dot leaders: seen and printed, never copied with the text, as no font and no text operator is
/// involved) and the stroke that thickens synthetic bold. Owns one recording surface and one
/// pattern per form, each made only after Cairo returned it without error and destroyed once in
/// `deinit`. Used by one painter on one thread.
final class GlyphForms {
    /// How a glyph's outline is inked.
    enum Ink: Hashable {
        case fill
        /// The outline stroked `width` wide with round joins (synthetic bold over shown text).
        case stroke(width: Double)
        /// Filled, then stroked (synthetic bold drawn as outlines).
        case fillAndStroke(width: Double)

        var strokeWidth: Double {
            switch self {
            case .fill: 0
            case .stroke(let w), .fillAndStroke(let w): w
            }
        }
    }

    private struct Key: Hashable {
        let face: OpaquePointer
        let glyph: UInt
        let size: Double
        let scale: Double
        let color: Color
        let ink: Ink
    }

    /// The pattern of each form; nil: the glyph has no ink (a space) or Cairo could not record it.
    private var forms: [Key: OpaquePointer?] = [:]
    private var surfaces: [OpaquePointer] = []
    private var patterns: [OpaquePointer] = []

    /// How many distinct forms were made (for tests and size reports).
    var count: Int { surfaces.count }

    /// Paints `glyphs` (page coordinates) with `cr`'s current font face and matrix, `color` and
    /// `ink`. Leaves `cr`'s source set to a pattern: the caller sets its colour again. Returns
    /// false when a form could not be made (the caller draws the outlines itself).
    func paint(_ glyphs: [cairo_glyph_t], face: OpaquePointer, size: Double, scale: Double,
               color: Color, ink: Ink, cr: OpaquePointer) -> Bool {
        var made: [OpaquePointer?] = []
        made.reserveCapacity(glyphs.count)
        for g in glyphs {
            let key = Key(face: face, glyph: g.index, size: size, scale: scale, color: color, ink: ink)
            if let form = forms[key] {
                made.append(form)
                continue
            }
            guard let form = record(g.index, color: color, ink: ink, cr: cr) else { return false }
            forms[key] = form
            made.append(form)
        }
        var m = cairo_matrix_t()
        for (g, form) in zip(glyphs, made) {
            guard let pattern = form else { continue }
            cairo_matrix_init_translate(&m, -g.x, -g.y)
            cairo_pattern_set_matrix(pattern, &m)
            cairo_set_source(cr, pattern)
            cairo_paint(cr)
        }
        return true
    }

    /// Records one glyph at the origin, in `cr`'s scaled font (so the same outline as drawn on the
    /// page: same face, matrix and font options). Returns .some(nil) for a glyph without ink, nil
    /// when Cairo failed.
    private func record(_ glyph: UInt, color: Color, ink: Ink, cr: OpaquePointer) -> OpaquePointer?? {
        var g = cairo_glyph_t(index: glyph, x: 0, y: 0)
        var extents = cairo_text_extents_t()
        cairo_glyph_extents(cr, &g, 1, &extents)
        guard extents.width > 0, extents.height > 0 else { return .some(nil) }
        // The form's box: the ink, the stroke's half width and a point to spare on every side.
        let pad = ink.strokeWidth + 1
        var box = cairo_rectangle_t(x: extents.x_bearing - pad, y: extents.y_bearing - pad,
                                    width: extents.width + 2 * pad, height: extents.height + 2 * pad)
        guard let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &box) else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let rc = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        cairo_set_scaled_font(rc, cairo_get_scaled_font(cr))
        cairo_set_source_rgba(rc, color.red, color.green, color.blue, color.alpha)
        cairo_glyph_path(rc, &g, 1)
        switch ink {
        case .fill:
            cairo_fill(rc)
        case .stroke(let width):
            cairo_set_line_width(rc, width)
            cairo_set_line_join(rc, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke(rc)
        case .fillAndStroke(let width):
            cairo_fill(rc)
            cairo_glyph_path(rc, &g, 1)
            cairo_set_line_width(rc, width)
            cairo_set_line_join(rc, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke(rc)
        }
        let drawn = cairo_status(rc)
        cairo_destroy(rc)
        guard drawn == CAIRO_STATUS_SUCCESS, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              let pattern = cairo_pattern_create_for_surface(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        guard cairo_pattern_status(pattern) == CAIRO_STATUS_SUCCESS else {
            cairo_pattern_destroy(pattern)
            cairo_surface_destroy(surface)
            return nil
        }
        surfaces.append(surface)
        patterns.append(pattern)
        return .some(pattern)
    }

    deinit {
        for p in patterns { cairo_pattern_destroy(p) }
        for s in surfaces { cairo_surface_destroy(s) }
    }
}
