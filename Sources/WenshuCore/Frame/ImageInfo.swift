import Foundation

/// What an image file is and how many pixels it has, read from its header (PNG IHDR, JPEG SOF),
/// without decoding it.
public struct ImageInfo: Hashable, Sendable {
    public enum Kind: String, Sendable { case png, jpeg }
    public var kind: Kind
    public var width: Int
    public var height: Int

    /// An error reading an image.
    public struct ReadError: WenshuError {
        public var path: String
        public var reason: String
        public var location: SourceLocation? { SourceLocation(file: path) }
        public var message: String { "cannot use the image: \(reason)" }
    }

    /// Reads the header of the file at `path`.
    public static func read(_ path: String) throws -> ImageInfo {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ReadError(path: path, reason: "file not found") }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 64 * 1024)
        let b = [UInt8](head)
        if b.count >= 24, b[0] == 0x89, b[1] == 0x50, b[2] == 0x4E, b[3] == 0x47 {
            let w = Int(b[16]) << 24 | Int(b[17]) << 16 | Int(b[18]) << 8 | Int(b[19])
            let h = Int(b[20]) << 24 | Int(b[21]) << 16 | Int(b[22]) << 8 | Int(b[23])
            guard w > 0, h > 0 else { throw ReadError(path: path, reason: "a PNG without a size") }
            return ImageInfo(kind: .png, width: w, height: h)
        }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 {
            var i = 2
            var data = b
            while true {
                if i + 9 >= data.count {
                    let more = handle.readData(ofLength: 256 * 1024)
                    if more.isEmpty { break }
                    data += [UInt8](more)
                }
                guard data[i] == 0xFF else { break }
                let marker = data[i + 1]
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
                let length = Int(data[i + 2]) << 8 | Int(data[i + 3])
                if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                    let h = Int(data[i + 5]) << 8 | Int(data[i + 6])
                    let w = Int(data[i + 7]) << 8 | Int(data[i + 8])
                    guard w > 0, h > 0 else { break }
                    return ImageInfo(kind: .jpeg, width: w, height: h)
                }
                i += 2 + length
            }
            throw ReadError(path: path, reason: "a JPEG without a frame header")
        }
        throw ReadError(path: path, reason: "not a PNG or JPEG image")
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
