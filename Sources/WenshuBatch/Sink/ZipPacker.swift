import Foundation
import WenshuCore
import ZIPFoundation

/// Packs a run's documents into one zip with ZIPFoundation's `Archive`: each file is streamed from
/// the folder in chunks (never held whole), stored as it is (PDFs are compressed already), with
/// UTF-8 names and ZIP64 records when needed. The archive is made under a temporary name beside
/// `path` (`AtomicFile.Output`, removed if the process is stopped) and renamed when whole.
///
/// ZIPFoundation copies the central directory again with every entry it adds, so packing costs a
/// little more than linear time: about 100 bytes per document already in the zip, per document.
enum ZipPacker {
    static func pack(_ names: [String], from folder: String, to path: String) throws {
        let output = try AtomicFile.Output(path: path)
        try output.commit { temporary in
            // The temporary file reserved the name; the archive is created in its place.
            try? FileManager.default.removeItem(atPath: temporary)
            try fill(temporary, with: names, from: folder, zip: path)
            // The archive is closed (its Archive released): flush it to the disk before the rename.
            let fd = open(temporary, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw AtomicFile.WriteError(path: path, errno: errno) }
            defer { close(fd) }
            if fsync(fd) != 0, errno != EINVAL, errno != EROFS { throw AtomicFile.WriteError(path: path, errno: errno) }
        }
    }

    /// Writes the archive at `temporary`; the `Archive` (and its open file) ends with this call.
    private static func fill(_ temporary: String, with names: [String], from folder: String, zip path: String) throws {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: temporary), accessMode: .create)
        } catch {
            throw BatchError.write(path, "无法建立 zip (cannot create the zip: \(error))")
        }
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        for name in names {
            do {
                // The run's fixed date, not the file's: the same documents give the same zip.
                let url = base.appendingPathComponent(name)
                let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64 ?? 0
                let handle = try FileHandle(forReadingFrom: url)
                defer { try? handle.close() }
                try archive.addEntry(with: name, type: .file, uncompressedSize: size, modificationDate: ReproducibleDate.date(),
                                     compressionMethod: .none) { position, count in
                    try handle.seek(toOffset: UInt64(position))
                    return try handle.read(upToCount: count) ?? Data()
                }
            } catch {
                throw BatchError.write(path, "无法把 \(name) 放进 zip (cannot add \(folder)/\(name) to the zip: \(error))")
            }
        }
    }
}
