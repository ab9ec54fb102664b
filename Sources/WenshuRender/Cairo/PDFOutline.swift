internal import CCairo
import WenshuCore

/// Writes a frame's bookmarks into the PDF's outline, nesting each under the last bookmark of a
/// lower level; shared by the whole-document and the streaming PDF writers.
struct PDFOutline {
    private var open: [(level: Int, id: Int32)] = []

    /// Starts a new top-level entry (a document of a batch) that later bookmarks nest under.
    mutating func startDocument(_ title: String, page: Int, on surface: OpaquePointer) {
        open.removeAll()
        let id = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, title, "page=\(page)", cairo_pdf_outline_flags_t(0))
        open.append((0, id))
    }

    /// Adds the bookmarks of `frame`, which is page `page` (1-based) of `surface`.
    mutating func add(_ frame: Frame, page: Int, to surface: OpaquePointer) {
        for element in frame.items {
            guard case .bookmark(let title, let level) = element.item else { continue }
            while let last = open.last, last.level >= level { open.removeLast() }
            let parent = open.last?.id ?? CAIRO_PDF_OUTLINE_ROOT
            let link = "page=\(page) pos=[\(element.position.x.points) \(element.position.y.points)]"
            let id = cairo_pdf_surface_add_outline(surface, parent, title, link, cairo_pdf_outline_flags_t(0))
            open.append((level, id))
        }
    }
}
