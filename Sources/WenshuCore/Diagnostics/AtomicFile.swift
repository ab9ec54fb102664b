import Foundation

/// Writes a file whole or not at all: the content goes to a temporary file beside the target, which
/// is renamed over the target only when complete. An interrupted or failed write leaves no file that
/// looks finished (the temporary name ends in `.tmp`).
public enum AtomicFile {
    /// An error writing an output file.
    public struct WriteError: WenshuError {
        public var path: String
        public var reason: String
        public init(path: String, reason: String) { self.path = path; self.reason = reason }
        public var message: String { "cannot write \(path): \(reason)" }
    }

    /// Calls `write` with a temporary path in the target's folder, then renames it to `path`.
    /// If `write` throws, the temporary file is removed and the error passed on.
    public static func write<T>(to path: String, _ write: (String) throws -> T) throws -> T {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw WriteError(path: path, reason: "the folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw WriteError(path: path, reason: "the folder \(folder) is not writable")
        }
        let temp = folder + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            let result = try write(temp)
            if rename(temp, path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temp)
                throw WriteError(path: path, reason: reason)
            }
            return result
        } catch {
            unlink(temp)
            throw error
        }
    }

    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { temp in
            do { try data.write(to: URL(fileURLWithPath: temp)) } catch {
                throw WriteError(path: path, reason: error.localizedDescription)
            }
        }
    }
}
