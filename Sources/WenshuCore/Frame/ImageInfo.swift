import Foundation

/// What an image file is and how many pixels it has, read from its header (PNG IHDR, JPEG SOF),
/// without decoding it. Reading refuses what could not be printed right: folders and other
/// non-regular files, images whose decoded size is beyond the budget, CMYK JPEGs (printed with
/// inverted colours) and files cut short (printed blank).
public struct ImageInfo: Hashable, Sendable {
    public enum Kind: String, Sendable { case png, jpeg }
    public var kind: Kind
    public var width: Int
    public var height: Int

    public init(kind: Kind, width: Int, height: Int) {
        self.kind = kind; self.width = width; self.height = height
    }

    /// Pixels one image may decode to: 50 million (200 MB as 32-bit pixels; a 48-megapixel
    /// phone photo fits). Checked from the header, before anything is decoded.
    public static let maxPixels = 50_000_000
    /// The longest side an image may have, in pixels (PNG allows 2^31 − 1).
    public static let maxSide = 65_535
    /// Header segments a JPEG may have before its frame header.
    static let maxSegments = 4096

    /// The number of pixels, width × height.
    public var pixels: Int { width * height }

    /// An error reading an image.
    public struct ReadError: WenshuError {
        public var path: String
        /// What is wrong, Chinese first with an English gloss, and what to do.
        public var reason: String
        public init(path: String, reason: String) { self.path = path; self.reason = reason }
        public var location: SourceLocation? { SourceLocation(file: path) }
        public var message: String { "无法使用这张图片（cannot use the image）：\(reason)" }
    }

    /// Reads the header of the file at `path`.
    public static func read(_ path: String) throws(ReadError) -> ImageInfo {
        let fd: Int32, size: Int
        do { (fd, size) = try InputFile.openRegular(path) } catch { throw ReadError(path: path, reason: error.reason) }
        defer { close(fd) }
        return try read(HeaderReader(fd: fd, size: size), path: path)
    }

    /// The largest image file read from a World other than the file system, in bytes (64 MB, as
    /// the renderers read at most).
    public static let maxFileBytes = 64 << 20

    /// Reads the header of the image at `path` in `world`: the file system's through a descriptor
    /// (only the header is read), another World's from its bytes.
    public static func read(_ path: String, in world: any World) throws(ReadError) -> ImageInfo {
        if world is FileWorld { return try read(path) }
        let data: Data
        do { data = try world.read(path, limit: maxFileBytes) } catch { throw ReadError(path: path, reason: error.reason) }
        return try read(HeaderReader(fd: -1, size: data.count, data: data), path: path)
    }

    private static func read(_ file: HeaderReader, path: String) throws(ReadError) -> ImageInfo {
        let info: ImageInfo
        if file.bytes(at: 0, count: 8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] {
            info = try png(file, path: path)
        } else if file.bytes(at: 0, count: 2) == [0xFF, 0xD8] {
            info = try jpeg(file, path: path)
        } else {
            throw ReadError(path: path, reason: "不是 PNG 或 JPEG 图片（not a PNG or JPEG image）；请另存为 PNG 或 JPEG")
        }
        guard info.width <= maxSide, info.height <= maxSide, info.pixels <= maxPixels else {
            throw ReadError(path: path, reason: "图片太大：\(info.width)×\(info.height) 像素，每张上限 \(maxPixels / 1_000_000) 百万像素"
                + "（the image is \(info.width)×\(info.height) pixels; at most \(maxPixels / 1_000_000) megapixels per image）；请缩小后再用")
        }
        return info
    }

    private static func png(_ file: HeaderReader, path: String) throws(ReadError) -> ImageInfo {
        guard let ihdr = file.bytes(at: 8, count: 16), Array(ihdr[4..<8]) == Array("IHDR".utf8) else {
            throw ReadError(path: path, reason: "PNG 文件头已损坏（the PNG header is damaged）；请重新导出图片")
        }
        let w = HeaderReader.uint32(ihdr, 8), h = HeaderReader.uint32(ihdr, 12)
        guard w > 0, h > 0 else { throw ReadError(path: path, reason: "PNG 没有尺寸（a PNG without a size）；请重新导出图片") }
        // Every PNG ends with its IEND chunk (some writers add a few bytes after it): a file cut
        // short would print blank or half.
        let iend = Array("IEND".utf8)
        guard let end = file.tail(1024), end.count >= 12,
              (0...(end.count - 4)).contains(where: { Array(end[$0..<($0 + 4)]) == iend }) else {
            throw ReadError(path: path, reason: "PNG 文件不完整（the PNG is cut short: no IEND at its end）；请重新复制或导出图片")
        }
        return ImageInfo(kind: .png, width: w, height: h)
    }

    private static func jpeg(_ file: HeaderReader, path: String) throws(ReadError) -> ImageInfo {
        let damaged = ReadError(path: path, reason: "JPEG 文件头已损坏或不完整（the JPEG header is damaged or cut short）；请重新导出图片")
        var i = 2
        var adobe = false
        for _ in 0..<maxSegments {
            guard let head = file.bytes(at: i, count: 2), head[0] == 0xFF else { throw damaged }
            let marker = head[1]
            if marker == 0xFF { i += 1; continue }  // fill byte before a marker
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            if marker == 0xD9 || marker == 0xDA { break }  // end of image or start of scan: no frame header
            guard let lengthBytes = file.bytes(at: i + 2, count: 2) else { throw damaged }
            let length = Int(lengthBytes[0]) << 8 | Int(lengthBytes[1])
            guard length >= 2 else { throw damaged }
            if marker == 0xEE, let tag = file.bytes(at: i + 4, count: 5), tag == Array("Adobe".utf8) { adobe = true }
            if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                guard length >= 8, let sof = file.bytes(at: i + 4, count: 6) else { throw damaged }
                let h = Int(sof[1]) << 8 | Int(sof[2]), w = Int(sof[3]) << 8 | Int(sof[4])
                guard w > 0, h > 0 else { throw ReadError(path: path, reason: "JPEG 没有尺寸（a JPEG without a size）；请重新导出图片") }
                if sof[5] == 4 {
                    let writer = adobe ? "（如 Photoshop 为印刷所存）" : ""
                    throw ReadError(path: path, reason: "这是 CMYK 颜色的 JPEG\(writer)，印出来颜色会反转"
                        + "（a CMYK JPEG would print with inverted colours）；请在图像软件里另存为 RGB 颜色的 JPEG")
                }
                guard sof[5] == 1 || sof[5] == 3 else { throw damaged }
                // PDF's DCTDecode reads baseline, extended and progressive JPEGs; lossless,
                // hierarchical and arithmetic-coded ones would print blank.
                guard (0xC0...0xC2).contains(marker) else {
                    throw ReadError(path: path, reason: "这种 JPEG 编码（无损、分层或算术编码）在 PDF 里无法显示"
                        + "（a lossless, hierarchical or arithmetic-coded JPEG cannot be shown in a PDF）；请另存为普通 JPEG")
                }
                try checkEnd(file, path: path)
                return ImageInfo(kind: .jpeg, width: w, height: h)
            }
            i += 2 + length
        }
        throw ReadError(path: path, reason: "JPEG 没有帧头（a JPEG without a frame header）；请重新导出图片")
    }

    /// A JPEG ends with its EOI marker (some cameras pad a few bytes after it): one cut short is
    /// embedded as it is and prints blank or grey, so it is refused.
    private static func checkEnd(_ file: HeaderReader, path: String) throws(ReadError) {
        guard let end = file.tail(1024) else { return }
        for k in stride(from: end.count - 2, through: 0, by: -1) where end[k] == 0xFF && end[k + 1] == 0xD9 { return }
        throw ReadError(path: path, reason: "JPEG 文件不完整（the JPEG is cut short: no end-of-image marker）；请重新复制或导出图片")
    }

    /// The size that fits in `box` (either side may be open) keeping the aspect ratio.
    public func fitted(width: Length?, height: Length?) -> Size {
        let aspect = Double(self.height) / Double(self.width)
        switch (width, height) {
        case let (w?, h?):
            return w * aspect <= h ? Size(width: w, height: w * aspect) : Size(width: h / aspect, height: h)
        case let (w?, nil): return Size(width: w, height: w * aspect)
        case let (nil, h?): return Size(width: h / aspect, height: h)
        default: return Size(width: .pt(Double(self.width) * 0.75), height: .pt(Double(self.height) * 0.75))
        }
    }
}

/// Bounds-checked reads at offsets of an open file: a request past the end gives nil, never a trap.
struct HeaderReader {
    let fd: Int32
    let size: Int
    /// The file's bytes when they are in memory (a `MemoryWorld`'s), read instead of `fd`.
    var data: Data? = nil

    /// Exactly `count` bytes at `offset`, or nil when the file has fewer.
    func bytes(at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count > 0, offset <= size, count <= size - offset else { return nil }
        if let data {
            let start = data.startIndex + offset
            return [UInt8](data[start..<(start + count)])
        }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress?.advanced(by: done), count - done, off_t(offset + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return out
    }

    /// The last `count` bytes (fewer when the file is shorter).
    func tail(_ count: Int) -> [UInt8]? {
        let n = min(count, size)
        return n >= 2 ? bytes(at: size - n, count: n) : nil
    }

    static func uint32(_ b: [UInt8], _ at: Int) -> Int {
        Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3])
    }
}
