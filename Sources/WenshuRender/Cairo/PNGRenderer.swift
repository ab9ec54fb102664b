internal import CCairo
import Foundation
import WenshuCore
import WenshuFonts

/// Renders frames to PNG images, one file per page (`page-1.png`, `page-2.png`, …) in a folder:
/// page previews for people, and small reference images for tests.
public struct PNGRenderer: Renderer {
    public let fonts: FontBook
    /// Pixels per inch.
    public var resolution: Double

    public init(fonts: FontBook, resolution: Double = 96) {
        self.fonts = fonts
        self.resolution = resolution
    }

    /// Writes the pages into the folder `path` (created if missing).
    public func render(_ frames: [Frame], info: DocumentInfo, to path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let faces = try CairoFaces(frames: frames, fonts: fonts, subset: false)
        let painter = CairoPainter(faces: faces, images: ImageCache())
        for (n, frame) in frames.enumerated() {
            try renderPage(frame, painter: painter, to: "\(path)/page-\(n + 1).png")
            painter.images.releasePage()
        }
    }

    private func renderPage(_ frame: Frame, painter: CairoPainter, to file: String) throws {
        let scale = resolution / 72
        let w = Int32((frame.size.width.points * scale).rounded()), h = Int32((frame.size.height.points * scale).rounded())
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else {
            throw RenderError.cairo("cannot create an image", path: file)
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw RenderError.cairo("cannot draw", path: file) }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        try painter.paint(frame, on: cr)
        cairo_surface_flush(surface)
        do {
            try AtomicFile.write(to: file) { temp in
                let status = cairo_surface_write_to_png(surface, temp)
                guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(cairoStatusText(status), path: file) }
            }
        } catch let e as AtomicFile.WriteError {
            throw RenderError.write(e)
        }
    }
}
