import Foundation
import Testing
@testable import WenshuCore

/// Image files built byte by byte: only their headers matter to `ImageInfo`.
enum ImageBytes {
    static func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    /// A JPEG: SOI, optional Adobe APP14, an APP1 of `padding` bytes, SOF0 with `components`, a scan, EOI when `complete`.
    static func jpeg(width: Int = 40, height: Int = 30, components: UInt8 = 3, adobe: Bool = false, padding: Int = 0,
                     complete: Bool = true) -> [UInt8] {
        var b: [UInt8] = [0xFF, 0xD8]
        if adobe { b += [0xFF, 0xEE] + be16(14) + Array("Adobe".utf8) + [0, 100, 0, 0, 0, 0, 2] }
        if padding > 0 { b += [0xFF, 0xE1] + be16(padding + 2) + [UInt8](repeating: 0x41, count: padding) }
        b += [0xFF, 0xC0] + be16(8 + 3 * Int(components)) + [8] + be16(height) + be16(width) + [components]
        for c in 0..<components { b += [c + 1, 0x11, 0] }
        b += [0xFF, 0xDA] + be16(8) + [1, 1, 0, 0, 63, 0] + [UInt8](repeating: 0x55, count: 200)
        if complete { b += [0xFF, 0xD9] }
        return b
    }

    /// A PNG header (IHDR) and IEND; the image data does not matter here.
    static func png(width: Int, height: Int, end: Bool = true) -> [UInt8] {
        var b: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        b += be32(13) + Array("IHDR".utf8) + be32(width) + be32(height) + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
        if end { b += be32(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82] }
        return b
    }

    static func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = try scratchFolder() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

@Suite struct ImageInfoTests {
    @Test func readsJPEGAndPNGSizes() throws {
        #expect(try ImageInfo.read(ImageBytes.write(ImageBytes.jpeg(width: 640, height: 480), "a.jpg"))
                == ImageInfo(kind: .jpeg, width: 640, height: 480))
        #expect(try ImageInfo.read(ImageBytes.write(ImageBytes.png(width: 300, height: 200), "a.png"))
                == ImageInfo(kind: .png, width: 300, height: 200))
    }

    /// Defect 1: a folder named as an image (seal: ".") trapped in `try!`.
    @Test func folderIsAnErrorNotATrap() throws {
        let dir = try scratchFolder()
        do { _ = try ImageInfo.read(dir); Issue.record("a folder was read as an image") } catch {
            #expect(error.message.contains("文件夹"))
        }
    }

    /// Defect 2: segments ending at, just before and just after the old 64 KB read boundary, in
    /// files cut short there: every read is bounds-checked.
    @Test(arguments: [65_520, 65_523, 65_525, 65_526, 65_527, 65_530, 65_531, 65_532, 65_533])
    func segmentAtTheReadBoundaryIsAnErrorNotATrap(padding: Int) throws {
        let full = ImageBytes.jpeg(padding: padding)
        // Cut the file a few bytes after the padding segment: the next marker straddles the end.
        for cut in [padding + 4, padding + 5, padding + 6, padding + 7, padding + 9, padding + 12] where cut < full.count {
            let path = try ImageBytes.write(Array(full[0..<cut]), "cut.jpg")
            #expect(throws: ImageInfo.ReadError.self) { _ = try ImageInfo.read(path) }
        }
        // The whole file reads, its frame header far past 64 KB.
        #expect(try ImageInfo.read(ImageBytes.write(full, "whole.jpg")).width == 40)
    }

    /// Defect 9: a 20000 × 20000 PNG in a few KB is refused from its header, before decoding.
    @Test func pixelBudgetIsCheckedFromTheHeader() throws {
        let path = try ImageBytes.write(ImageBytes.png(width: 20_000, height: 20_000), "bomb.png")
        do { _ = try ImageInfo.read(path); Issue.record("a 400-megapixel image was accepted") } catch {
            #expect(error.reason.contains("20000×20000"))
        }
        #expect(try ImageInfo.read(ImageBytes.write(ImageBytes.png(width: 8000, height: 6000), "ok.png")).pixels == 48_000_000)
    }

    /// Defect 10: a CMYK JPEG (Adobe APP14, as Photoshop writes) would print inverted; it is refused, saying what to do.
    @Test func cmykJPEGIsRefusedWithAHint() throws {
        let path = try ImageBytes.write(ImageBytes.jpeg(components: 4, adobe: true), "cmyk.jpg")
        do { _ = try ImageInfo.read(path); Issue.record("a CMYK JPEG was accepted") } catch {
            #expect(error.reason.contains("CMYK"))
            #expect(error.reason.contains("RGB"))
            #expect(error.location?.file == path)
        }
    }

    /// Defect 10: a JPEG without its end-of-image marker (cut short) would print blank.
    @Test func truncatedImagesAreRefused() throws {
        let jpeg = try ImageBytes.write(ImageBytes.jpeg(complete: false), "cut.jpg")
        #expect(throws: ImageInfo.ReadError.self) { _ = try ImageInfo.read(jpeg) }
        let png = try ImageBytes.write(ImageBytes.png(width: 10, height: 10, end: false), "cut.png")
        #expect(throws: ImageInfo.ReadError.self) { _ = try ImageInfo.read(png) }
    }

    /// Defect 7: a FIFO named as an image is refused at once.
    @Test(.timeLimit(.minutes(1)))
    func fifoIsRefused() throws {
        let fifo = try scratchFolder() + "/photo.jpg"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: ImageInfo.ReadError.self) { _ = try ImageInfo.read(fifo) }
    }
}

extension ImageInfoTests {
    /// A lossless or arithmetic-coded JPEG is embedded as it is and prints blank: refused.
    @Test(arguments: [UInt8(0xC3), 0xC9, 0xCB])
    func jpegCodingsPDFCannotShowAreRefused(marker: UInt8) throws {
        var bytes = ImageBytes.jpeg()
        let sof = try #require((0..<bytes.count - 1).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes[sof + 1] = marker
        let path = try ImageBytes.write(bytes, "odd.jpg")
        do { _ = try ImageInfo.read(path); Issue.record("accepted") } catch {
            #expect(error.reason.contains("普通 JPEG"))
        }
    }
}
