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
    /// Where the images the pages show are read from.
    public var world: any World = FileWorld()

    public init(fonts: FontBook, resolution: Double = 96) {
        self.fonts = fonts
        self.resolution = resolution
    }

    /// Writes the pages into the folder `path` (created if missing).
    public func render(_ frames: [Frame], info: DocumentInfo, to path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let faces = try CairoFaces(frames: frames, fonts: fonts, subset: false)
        let painter = CairoPainter(faces: faces, images: ImageCache(world: world, decodesJPEG: true))
        for (n, frame) in frames.enumerated() {
            try renderPage(frame, painter: painter, to: "\(path)/page-\(n + 1).png")
            painter.images.releasePage()
        }
    }

    private func renderPage(_ frame: Frame, painter: CairoPainter, to file: String) throws {
        let scale = resolution / 72
        // Checked: a resolution or page size from input must not trap the conversion (nan, inf,
        // or more pixels than Cairo allows: 32,767 a side).
        let width = (frame.size.width.points * scale).rounded(), height = (frame.size.height.points * scale).rounded()
        guard width.isFinite, height.isFinite, (1...32767).contains(width), (1...32767).contains(height) else {
            throw RenderError.cairo("预览图尺寸无效：\(width) × \(height) 像素 (the preview would be \(width) × \(height) pixels; "
                                    + "Cairo allows 1 to 32,767 a side: lower --dpi)", path: file)
        }
        let w = Int32(width), h = Int32(height)
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
        try CairoOutput.checked {
            try AtomicFile.write(to: file) { output in
                let status = cairo_surface_write_to_png_stream(surface, CairoOutput.callback, CairoOutput.closure(output))
                guard status == CAIRO_STATUS_SUCCESS, output.failure == nil else { throw CairoOutput.error(status, output: output) }
            }
        }
    }
}
