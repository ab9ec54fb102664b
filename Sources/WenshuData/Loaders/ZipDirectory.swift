import Foundation
import WenshuCore

/// The central directory of a zip archive, read with every offset and size checked against the
/// bytes there are, before ZIPFoundation opens the archive: a damaged or hostile .xlsx is refused
/// here with a message instead of reaching code that traps on a bad range, and each part's
/// declared unpacked size is known before anything is unpacked.
struct ZipDirectory {
    struct Entry: Equatable {
        var path: String
        var method: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    enum Failure: Error, Equatable {
        /// No end-of-directory record: not a zip at all.
        case notZip
        /// A record that points outside the file or is cut short.
        case damaged(String)
    }

    var entries: [Entry]

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50

    /// Reads the directory of `data`; `maxEntries` bounds how many entries are read.
    init(_ data: Data, maxEntries: Int = 100_000) throws(Failure) {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at <= bytes.count - 2 else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) -> Int? {
            guard at >= 0, at <= bytes.count - 4 else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        // The end record is in the last 22 + 65,535 bytes (its comment is at most 65,535 long).
        guard bytes.count >= 22 else { throw .notZip }
        var end: Int?
        var at = bytes.count - 22
        while at >= max(0, bytes.count - 22 - 65_535) {
            if u32(at) == Int(ZipDirectory.endSignature) { end = at; break }
            at -= 1
        }
        guard let end, let count = u16(end + 10), let size = u32(end + 12), let start = u32(end + 16) else {
            throw .notZip
        }
        // ZIP64 archives mark the fields 0xFFFF / 0xFFFFFFFF; an .xlsx never needs them.
        guard count != 0xFFFF, size != 0xFFFF_FFFF, start != 0xFFFF_FFFF else {
            throw .damaged("a ZIP64 archive")
        }
        guard count <= maxEntries else { throw .damaged("more than \(maxEntries) parts") }
        guard start <= end, size <= end - start else { throw .damaged("the directory lies outside the file") }
        var entries: [Entry] = []
        var p = start
        for _ in 0..<count {
            guard u32(p) == Int(ZipDirectory.centralSignature),
                  let method = u16(p + 10), let compressed = u32(p + 20), let uncompressed = u32(p + 24),
                  let nameLength = u16(p + 28), let extraLength = u16(p + 30), let commentLength = u16(p + 32),
                  let local = u32(p + 42) else {
                throw .damaged("a directory record is cut short")
            }
            let nameStart = p + 46
            guard nameStart + nameLength <= end else { throw .damaged("a part name runs past the directory") }
            let path = String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self)
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                throw .damaged("a ZIP64 part")
            }
            // The part's own header, and its packed data after it, must lie before the directory.
            guard u32(local) == Int(ZipDirectory.localSignature), let localName = u16(local + 26),
                  let localExtra = u16(local + 28) else {
                throw .damaged("part \(path) has no header where the directory says")
            }
            let dataStart = local + 30 + localName + localExtra
            guard dataStart <= start, compressed <= start - dataStart else {
                throw .damaged("part \(path) runs past the end of the data")
            }
            guard method == 0 || method == 8 else { throw .damaged("part \(path) is packed by an unknown method") }
            if method == 0, compressed != uncompressed { throw .damaged("part \(path) has two sizes") }
            entries.append(Entry(path: path, method: UInt16(method), compressedSize: compressed,
                                 uncompressedSize: uncompressed, localHeaderOffset: local))
            p = nameStart + nameLength + extraLength + commentLength
            guard p <= end else { throw .damaged("the directory runs past its end") }
        }
        self.entries = entries
    }
}
