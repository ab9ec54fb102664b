import Foundation
import Testing
import WenshuCore
import WenshuLayout
@testable import WenshuRender

/// Defect 9: images are decoded when drawn, within budgets, released after their page, and a PNG
/// Cairo cannot read is explained in the user's words.
@Suite struct ImageCacheTests {
    /// A real PNG: a page of the sample text rendered at 36 dpi.
    static func pagePNG() throws -> String {
        let dir = try temporaryFolder()
        try PNGRenderer(fonts: RenderTests.fonts, resolution: 36).render(try RenderTests.frames("图"), info: DocumentInfo(), to: dir)
        return dir + "/page-1.png"
    }

    @Test func imagesAreReleasedAfterTheirPage() throws {
        let png = try Self.pagePNG()
        let cache = ImageCache()
        let image = try cache.image(for: png)
        #expect(image.width > 100 && !image.isJPEG)
        #expect(try cache.image(for: png) === image)
        #expect(cache.heldCount == 1)
        cache.releasePage()
        #expect(cache.heldCount == 0)
        #expect(try cache.image(for: png) !== image)
    }

    /// A photo in a PNG preview (the workbench's pages, --png) was a black box: the JPEG was only
    /// carried as bytes for the PDF. Decoded for PNG, the page holds the photo: as a flat box it
    /// compressed to almost nothing.
    @Test func aJPEGPhotoIsDrawnInAPNGPreview() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let photo = root.path + "/samples/application/photos/p3.jpg"
        let forPDF = try ImageCache().image(for: photo)
        #expect(forPDF.isJPEG, "the PDF keeps the JPEG's bytes")
        let forPNG = try ImageCache(decodesJPEG: true).image(for: photo)
        #expect(!forPNG.isJPEG && forPNG.width == forPDF.width)
        let size = Size(width: .mm(120), height: .mm(90))
        let frame = Frame(size: size, items: [FrameElement(position: Point(x: .zero, y: .zero), item: .image(ImageItem(path: photo), size: size))])
        let dir = try temporaryFolder()
        try PNGRenderer(fonts: RenderTests.fonts, resolution: 72).render([frame], info: DocumentInfo(), to: dir)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/page-1.png")).count
        #expect(bytes > 40_000, "\(bytes) bytes: a flat box, not the photo")
    }

    @Test func pagePixelBudgetCountsWhatIsHeldAtOnce() throws {
        let a = try Self.pagePNG(), b = try Self.pagePNG()
        let info = try ImageInfo.read(a)
        let cache = ImageCache(maxPixels: info.pixels + info.pixels / 2)
        _ = try cache.image(for: a)
        _ = try cache.image(for: a)  // the same image again on the page: held once
        do { _ = try cache.image(for: b); Issue.record("the budget was not kept") } catch let e as RenderError {
            #expect(e.message.contains("合计超过"))
        }
        cache.releasePage()
        _ = try cache.image(for: b)  // a new page: the budget starts again
        #expect(cache.heldCount == 1)
    }

    /// A PNG with a sound header and a damaged body: our message, not Cairo's “not a PNG Cairo can read”.
    @Test func damagedPNGIsExplained() throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Self.pagePNG())))
        let iend = Array(bytes.suffix(12))
        bytes = Array(bytes.prefix(33)) + [0, 0, 0, 40] + Array("IDAT".utf8) + [UInt8](repeating: 0x5A, count: 44) + iend
        let path = try temporaryFolder() + "/damaged.png"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do { _ = try ImageCache().image(for: path); Issue.record("a damaged PNG was decoded") } catch let e as RenderError {
            #expect(e.message.contains("PNG 图片无法解码"))
            #expect(!e.message.contains("Cairo"))
        }
    }
}
