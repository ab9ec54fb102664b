import Foundation
import WenshuCore

/// Writes a zip archive entry by entry, stored without compression (PDFs are compressed already),
/// with UTF-8 names and ZIP64 records when the archive passes 4 GB or 65,535 entries. Only the
/// central directory (one small record per entry) is held until `finish`; entries go straight to
/// the file, a temporary one renamed by `finish` when every byte is written (`AtomicFile.Output`).
public final class ZipWriter {
    private let handle: AtomicFile.Output
    private var offset: UInt64 = 0
    private var central = Data()
    private var count = 0
    private let stamp: (time: UInt16, date: UInt16)

    /// Starts the archive that `finish` puts at `path` (replacing any file there).
    public init(path: String, date: Date = Date()) throws {
        handle = try AtomicFile.Output(path: path)
        stamp = ZipWriter.dosTime(date)
    }

    /// Adds a file under `name` with the given bytes.
    public func add(name: String, data: Data) throws {
        let nameBytes = Data(name.utf8)
        let crc = CRC32.checksum(data)
        let size = UInt64(data.count)
        guard size < 0xFFFF_FFFF else { throw BatchError.write(name, "a single file over 4 GB cannot be zipped") }
        let needs64 = offset >= 0xFFFF_FFFF
        var local = Data()
        local.le32(0x0403_4B50)
        local.le16(20); local.le16(0x0800); local.le16(0)          // version, UTF-8 names, stored
        local.le16(stamp.time); local.le16(stamp.date)
        local.le32(crc); local.le32(UInt32(size)); local.le32(UInt32(size))
        local.le16(UInt16(nameBytes.count)); local.le16(0)
        local.append(nameBytes)
        try handle.write(local)
        try handle.write(data)

        var extra = Data()
        if needs64 { extra.le16(0x0001); extra.le16(8); extra.le64(offset) }
        central.le32(0x0201_4B50)
        central.le16(0x031E); central.le16(needs64 ? 45 : 20)         // made by Unix, version needed
        central.le16(0x0800); central.le16(0)
        central.le16(stamp.time); central.le16(stamp.date)
        central.le32(crc); central.le32(UInt32(size)); central.le32(UInt32(size))
        central.le16(UInt16(nameBytes.count)); central.le16(UInt16(extra.count)); central.le16(0)
        central.le16(0); central.le16(0)
        central.le32(0o100644 << 16)                                  // -rw-r--r--
        central.le32(needs64 ? 0xFFFF_FFFF : UInt32(offset))
        central.append(nameBytes); central.append(extra)
        offset += UInt64(local.count) + size
        count += 1
    }

    /// Writes the central directory and closes the file.
    public func finish() throws {
        let centralOffset = offset
        try handle.write(central)
        let centralSize = UInt64(central.count)
        var end = Data()
        let zip64 = count >= 0xFFFF || centralOffset >= 0xFFFF_FFFF || centralSize >= 0xFFFF_FFFF
        if zip64 {
            let recordOffset = centralOffset + centralSize
            end.le32(0x0606_4B50); end.le64(44)
            end.le16(0x031E); end.le16(45); end.le32(0); end.le32(0)
            end.le64(UInt64(count)); end.le64(UInt64(count)); end.le64(centralSize); end.le64(centralOffset)
            end.le32(0x0706_4B50); end.le32(0); end.le64(recordOffset); end.le32(1)
        }
        end.le32(0x0605_4B50); end.le16(0); end.le16(0)
        end.le16(UInt16(min(count, 0xFFFF))); end.le16(UInt16(min(count, 0xFFFF)))
        end.le32(UInt32(min(centralSize, 0xFFFF_FFFF))); end.le32(UInt32(min(centralOffset, 0xFFFF_FFFF)))
        end.le16(0)
        try handle.write(end)
        try handle.commit()
    }

    /// MS-DOS time and date fields (local time, 2-second steps, from 1980).
    static func dosTime(_ date: Date) -> (time: UInt16, date: UInt16) {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&t, &parts)
        let year = max(1980, Int(parts.tm_year) + 1900)
        let time = UInt16(Int(parts.tm_hour) << 11 | Int(parts.tm_min) << 5 | Int(parts.tm_sec) / 2)
        let day = UInt16((year - 1980) << 9 | (Int(parts.tm_mon) + 1) << 5 | Int(parts.tm_mday))
        return (time, day)
    }
}

/// The CRC-32 of zip (polynomial 0xEDB88320).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        return c ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func le16(_ v: UInt16) { Swift.withUnsafeBytes(of: v.littleEndian) { append(contentsOf: $0) } }
    mutating func le32(_ v: UInt32) { Swift.withUnsafeBytes(of: v.littleEndian) { append(contentsOf: $0) } }
    mutating func le64(_ v: UInt64) { Swift.withUnsafeBytes(of: v.littleEndian) { append(contentsOf: $0) } }
}
