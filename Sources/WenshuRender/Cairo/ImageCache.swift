internal import CCairo
internal import CTurboJPEG
import Foundation
import WenshuCore

/// The images of the page being painted, decoded when first drawn and released when the page is
/// done (`releasePage()`): a document of many photos holds one page's images at a time, not all of
/// them to the end. A logo or seal on many pages is still embedded once: each surface carries the
/// file's path as Cairo's unique id, by which the PDF writer reuses what it has written.
///
/// PNGs are decoded from bytes read here (through the `World`: on disk a regular file only, see `InputFile`), after their header
/// says the pixels fit the budget. For a PDF, JPEGs are not decoded: a recording surface of the
/// photo's size carries the JPEG bytes as MIME data, which the PDF writer embeds unchanged (no
/// re-encoding, no loss). Previews drawn to PNG (`decodesJPEG`) decode them with libjpeg-turbo.
final class ImageCache {
    /// Pixels the images of one page may decode to, held at once: 400 million (eight 48-megapixel
    /// photos). Each image alone is held to `ImageInfo.maxPixels`; a whole document's images are
    /// held to the same total when its template is realised (`Realizer.maxImagePixels`). Counted per
    /// page, not per file, so a batch of ten thousand certificates with a photo each streams on.
    static let maxPagePixels = 400_000_000
    /// The largest image file read, in bytes (64 MB).
    static let maxFileBytes = 64 << 20

    private var page: [String: CairoImage] = [:]
    private var pixels = 0
    /// The budget of pixels held at once (`maxPagePixels` unless a test sets less).
    let maxPixels: Int
    /// Where the image files are read from.
    let world: any World
    /// Whether JPEGs are decoded to pixels (PNG output) or carried as their bytes (PDF).
    let decodesJPEG: Bool

    init(maxPixels: Int = ImageCache.maxPagePixels, world: any World = FileWorld(), decodesJPEG: Bool = false) {
        self.maxPixels = maxPixels
        self.world = world
        self.decodesJPEG = decodesJPEG
    }

    /// Images held decoded now (those of the page being painted).
    var heldCount: Int { page.count }

    /// The image at `path`, decoded if this page has not drawn it yet.
    func image(for path: String) throws -> CairoImage {
        if let e = page[path] { return e }
        let info: ImageInfo
        do { info = try ImageInfo.read(path, in: world) } catch { throw RenderError.image(path, reason: error.reason) }
        guard pixels + info.pixels <= maxPixels else {
            let limit = maxPixels % 1_000_000 == 0 ? "\(maxPixels / 1_000_000)" : "\(Double(maxPixels) / 1_000_000)"
            throw RenderError.image(path, reason: "一页上的图片合计超过 \(limit) 百万像素"
                + "（the images of one page exceed \(limit) megapixels in all）；请缩小照片后再用")
        }
        pixels += info.pixels
        let data: Data
        do { data = try world.read(path, limit: ImageCache.maxFileBytes) } catch { throw RenderError.image(path, reason: error.reason) }
        let image = try CairoImage(info: info, data: data, path: path, decodeJPEG: decodesJPEG)
        page[path] = image
        return image
    }

    /// Lets go of the images decoded for the page just finished.
    func releasePage() {
        page.removeAll()
        pixels = 0
    }
}

/// One Cairo image surface (decoded PNG or JPEG, or a JPEG carried as MIME data); owns the surface
/// and destroys it in `deinit`.
final class CairoImage {
    let surface: OpaquePointer
    /// A JPEG carried as its bytes only (no pixels: drawn to an image it would be blank).
    let isJPEG: Bool
    let width: Double
    let height: Double

    init(info: ImageInfo, data: Data, path: String, decodeJPEG: Bool = false) throws {
        let surface: OpaquePointer
        var decoded = info.kind == .png
        switch info.kind {
        case .png:
            guard let s = CairoImage.decodePNG(data) else {
                throw RenderError.image(path, reason: "PNG 图片无法解码（the PNG cannot be decoded: damaged or an unsupported variant）；请重新导出为普通 PNG")
            }
            surface = s
            guard cairo_image_surface_get_width(s) == Int32(clamping: info.width),
                  cairo_image_surface_get_height(s) == Int32(clamping: info.height) else {
                cairo_surface_destroy(s)
                throw RenderError.image(path, reason: "PNG 图片的尺寸与文件头不符（the PNG's pixels differ from its header）；请重新导出图片")
            }
        case .jpeg:
            // Decoded for a PNG preview; a JPEG libjpeg-turbo cannot turn into RGB (CMYK from a
            // print shop) stays a grey box there, as the PDF still embeds it unchanged.
            if decodeJPEG, let s = CairoImage.decodeJPEG(data, width: info.width, height: info.height) {
                surface = s
                decoded = true
                break
            }
            var extents = cairo_rectangle_t(x: 0, y: 0, width: Double(info.width), height: Double(info.height))
            guard let s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, &extents) else {
                throw RenderError.image(path, reason: "无法为图片建立绘图面（cannot make a surface for it）")
            }
            surface = s
            CairoImage.attach(CAIRO_MIME_TYPE_JPEG, Array(data), to: s)
        }
        CairoImage.attach(CAIRO_MIME_TYPE_UNIQUE_ID, Array(path.utf8), to: surface)
        self.surface = surface
        self.isJPEG = !decoded
        self.width = Double(info.width)
        self.height = Double(info.height)
    }

    deinit { cairo_surface_destroy(surface) }

    /// Gives Cairo a copy of `bytes` as MIME data of `surface`; Cairo frees it with the surface.
    private static func attach(_ mime: String, _ bytes: [UInt8], to surface: OpaquePointer) {
        let copy = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
        bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: bytes.count) } }
        cairo_surface_set_mime_data(surface, mime, copy.assumingMemoryBound(to: UInt8.self), UInt(bytes.count),
                                    { $0?.deallocate() }, copy)
    }

    /// The surface decoded from JPEG bytes by libjpeg-turbo, or nil when it cannot read them or
    /// they are not `width` × `height` (what the header read by `ImageInfo` said, within budget).
    private static func decodeJPEG(_ data: Data, width: Int, height: Int) -> OpaquePointer? {
        guard let handle = tjInitDecompress() else { return nil }
        defer { tjDestroy(handle) }
        let bytes = [UInt8](data)
        var w: Int32 = 0, h: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        let header = bytes.withUnsafeBufferPointer {
            tjDecompressHeader3(handle, $0.baseAddress, UInt($0.count), &w, &h, &subsampling, &colorspace)
        }
        guard header == 0, Int(w) == width, Int(h) == height, w > 0, h > 0 else { return nil }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              let pixels = cairo_image_surface_get_data(surface) else {
            if let surface { cairo_surface_destroy(surface) }
            return nil
        }
        cairo_surface_flush(surface)
        // Cairo's RGB24 is a native-endian 32-bit xRGB word: B, G, R, x in memory on x86 and ARM.
        let status = bytes.withUnsafeBufferPointer {
            tjDecompress2(handle, $0.baseAddress, UInt($0.count), pixels, w, cairo_image_surface_get_stride(surface), h,
                          Int32(TJPF_BGRX.rawValue), 0)
        }
        guard status == 0 else { cairo_surface_destroy(surface); return nil }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    /// The surface decoded from PNG bytes, or nil when Cairo cannot read them.
    private static func decodePNG(_ data: Data) -> OpaquePointer? {
        final class Cursor { let bytes: [UInt8]; var offset = 0; init(_ b: [UInt8]) { bytes = b } }
        let cursor = Cursor(Array(data))
        let surface = withExtendedLifetime(cursor) {
            cairo_image_surface_create_from_png_stream({ closure, out, length in
                guard let closure, let out else { return CAIRO_STATUS_READ_ERROR }
                let c = Unmanaged<Cursor>.fromOpaque(closure).takeUnretainedValue()
                let n = Int(length)
                guard n <= c.bytes.count - c.offset else { return CAIRO_STATUS_READ_ERROR }
                c.bytes.withUnsafeBytes { raw in
                    if let base = raw.baseAddress { out.update(from: base.advanced(by: c.offset).assumingMemoryBound(to: UInt8.self), count: n) }
                }
                c.offset += n
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(cursor).toOpaque())
        }
        guard let surface else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { cairo_surface_destroy(surface); return nil }
        return surface
    }
}
