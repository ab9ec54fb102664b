import Foundation

/// The file system, as the CLI reads it: regular files only, through `InputFile` (a FIFO or a
/// device is refused, never waited on), each read held to the caller's byte budget.
public struct FileWorld: World {
    public init() {}

    public func entry(_ path: String) -> WorldEntry? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    public func read(_ path: String, limit: Int) throws(InputFile.Refusal) -> Data {
        try InputFile.read(path, limit: limit)
    }

    public func names(in folder: String) -> [String]? {
        guard entry(folder) == .folder else { return nil }
        return (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted()
    }

    public func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
