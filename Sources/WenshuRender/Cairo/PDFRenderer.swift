internal import CCairo
import Foundation
import WenshuCore
import WenshuFonts

/// Writes frames to a PDF through Cairo: fonts embedded as subsets (cut by HarfBuzz first, see
/// `FontSubsetter`), text copyable (glyphs carry their source text and clusters), metadata, page
/// labels, bookmarks and links.
public struct PDFRenderer: Renderer {
    public let fonts: FontBook
    /// Cut fonts to the glyphs used before embedding (much smaller files for CJK fonts).
    public var subsetFonts: Bool
    /// Where the images the pages show are read from.
    public var world: any World = FileWorld()

    public init(fonts: FontBook, subsetFonts: Bool = true) {
        self.fonts = fonts
        self.subsetFonts = subsetFonts
    }

    public func render(_ frames: [Frame], info: DocumentInfo, to path: String) throws {
        let faces = try CairoFaces(frames: frames, fonts: fonts, subset: subsetFonts)
        let painter = CairoPainter(faces: faces, images: ImageCache(world: world), forms: GlyphForms())
        try CairoOutput.checked {
            try AtomicFile.write(to: path) { output in
                // Cairo writes through `output`, which checks every write, then fsync and close.
                let first = frames.first?.size ?? .a4
                guard let surface = cairo_pdf_surface_create_for_stream(CairoOutput.callback, CairoOutput.closure(output),
                                                                        first.width.points, first.height.points) else {
                    throw RenderError.cairo("cannot create the PDF surface", path: path)
                }
                defer { cairo_surface_destroy(surface) }
                let created = cairo_surface_status(surface)
                guard created == CAIRO_STATUS_SUCCESS else { throw CairoOutput.error(created, output: output) }
                cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
                setMetadata(surface, info)
                PDFStream.setDate(ReproducibleDate.sourceDateEpoch(), on: surface)
                guard let cr = cairo_create(surface) else { throw RenderError.cairo("cannot draw", path: path) }
                defer { cairo_destroy(cr) }
                var outline = PDFOutline()
                for (n, frame) in frames.enumerated() {
                    cairo_pdf_surface_set_size(surface, frame.size.width.points, frame.size.height.points)
                    if let label = frame.label { cairo_pdf_surface_set_page_label(surface, label) }
                    try painter.paint(frame, on: cr)
                    outline.add(frame, page: n + 1, to: surface)
                    cairo_show_page(cr)
                    painter.images.releasePage()
                    if let failure = output.failure { throw RenderError.write(failure) }
                }
                cairo_surface_finish(surface)
                let status = cairo_surface_status(surface)
                guard status == CAIRO_STATUS_SUCCESS, output.failure == nil else { throw CairoOutput.error(status, output: output) }
            }
        }
    }

    private func setMetadata(_ surface: OpaquePointer, _ info: DocumentInfo) {
        let pairs: [(cairo_pdf_metadata_t, String?)] = [
            (CAIRO_PDF_METADATA_TITLE, info.title), (CAIRO_PDF_METADATA_AUTHOR, info.author),
            (CAIRO_PDF_METADATA_SUBJECT, info.subject), (CAIRO_PDF_METADATA_KEYWORDS, info.keywords),
            (CAIRO_PDF_METADATA_CREATOR, info.creator),
        ]
        for (key, value) in pairs { if let value { cairo_pdf_surface_set_metadata(surface, key, value) } }
    }
}
