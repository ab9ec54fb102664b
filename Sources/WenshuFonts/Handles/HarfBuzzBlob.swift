internal import CHarfBuzz
import Foundation
import WenshuCore

/// Owns one HarfBuzz blob (`hb_blob_t`): made only from a blob a C call returned, destroyed once
/// in `deinit`. Immutable (HarfBuzz blobs are made immutable when faces read them), so sharing it
/// between threads is safe.
final class HarfBuzzBlob: @unchecked Sendable {
    let raw: OpaquePointer

    /// Takes ownership of `raw` when it holds bytes; destroys it and gives nil when it is empty
    /// (HarfBuzz returns the empty blob instead of failing).
    init?(taking raw: OpaquePointer?) {
        guard let raw else { return nil }
        guard hb_blob_get_length(raw) > 0 else { hb_blob_destroy(raw); return nil }
        self.raw = raw
    }

    /// A blob holding a copy of `bytes` (for font data made in memory).
    convenience init?(copying bytes: [UInt8]) {
        guard !bytes.isEmpty, bytes.count <= Int(UInt32.max), let copy = malloc(bytes.count) else { return nil }
        bytes.withUnsafeBytes { if let base = $0.baseAddress { memcpy(copy, base, bytes.count) } }
        self.init(taking: hb_blob_create(copy.assumingMemoryBound(to: CChar.self), UInt32(bytes.count), HB_MEMORY_MODE_WRITABLE, copy) { free($0) })
    }

    deinit { hb_blob_destroy(raw) }

    var count: Int { Int(hb_blob_get_length(raw)) }

    /// The largest font file read, in bytes (512 MB; the largest CJK collections are about 120 MB).
    static let maxFontBytes = 512 << 20

    /// The font file at `path`, mapped into memory (shared with the page cache, as
    /// `hb_blob_create_from_file` does) after it was opened as a regular file: a FIFO or device
    /// named as a font is refused rather than read forever.
    static func mapping(_ path: String) throws(FontError) -> HarfBuzzBlob {
        let fd: Int32, size: Int
        do { (fd, size) = try InputFile.openRegular(path) } catch { throw FontError.unreadable(path, reason: error.reason) }
        defer { close(fd) }
        guard size > 0 else { throw FontError.notAFont(path) }
        guard size <= maxFontBytes else {
            throw FontError.unreadable(path, reason: "字体文件太大，上限 \(maxFontBytes >> 20) MB（larger than \(maxFontBytes >> 20) MB）")
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw FontError.unreadable(path, reason: "无法映射文件（cannot map the file: \(String(cString: strerror(errno)))）")
        }
        let mapping = Unmanaged.passRetained(Mapping(base: base, size: size)).toOpaque()
        // HarfBuzz calls the destroy callback (unmapping) when the blob dies, or at once if it fails.
        let blob = hb_blob_create(base.assumingMemoryBound(to: CChar.self), UInt32(size), HB_MEMORY_MODE_READONLY_MAY_MAKE_WRITABLE,
                                  mapping) { user in
            if let user { Unmanaged<Mapping>.fromOpaque(user).release() }
        }
        guard let owned = HarfBuzzBlob(taking: blob) else { throw FontError.notAFont(path) }
        return owned
    }

    /// A file mapping, unmapped when the blob that reads it is destroyed.
    private final class Mapping {
        let base: UnsafeMutableRawPointer
        let size: Int
        init(base: UnsafeMutableRawPointer, size: Int) { self.base = base; self.size = size }
        deinit { munmap(base, size) }
    }
}
