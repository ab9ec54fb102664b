import Foundation

/// Inputs held in memory: a table of paths to bytes, for the web workbench (the files of an open
/// document) and for tests. A folder is any path that some file lies under; the root is `/`, and
/// a relative path is read from it. There are no symbolic links, FIFOs or devices.
public struct MemoryWorld: World {
    /// The files, by canonical path.
    public private(set) var files: [String: Data] = [:]

    public init(_ files: [String: Data] = [:]) {
        for (path, bytes) in files { self[path] = bytes }
    }

    /// The bytes at `path`; setting nil removes the file.
    public subscript(path: String) -> Data? {
        get { files[canonical(path)] }
        set { files[canonical(path)] = newValue }
    }

    /// Copies a file of the file system (a shipped template, the sample seal) to `path`.
    public mutating func copy(from file: String, to path: String, limit: Int = 64 << 20) throws {
        self[path] = try InputFile.read(file, limit: limit)
    }

    public func entry(_ path: String) -> WorldEntry? {
        let p = canonical(path)
        if files[p] != nil { return .file }
        if p == "/" { return .folder }
        let prefix = p + "/"
        return files.keys.contains(where: { $0.hasPrefix(prefix) }) ? .folder : nil
    }

    public func read(_ path: String, limit: Int) throws(InputFile.Refusal) -> Data {
        let p = canonical(path)
        guard let bytes = files[p] else {
            let reason = entry(p) == .folder ? "这里需要一个普通文件，却是文件夹（expected a regular file, found a folder）；请指向一个文件"
                : "找不到文件（file not found）；请检查路径"
            throw InputFile.Refusal(path: path, reason: reason)
        }
        guard bytes.count <= limit else {
            throw InputFile.Refusal(path: path, reason: "文件太大：\(bytes.count) 字节，上限 \(limit) 字节（the file is larger than the limit of \(limit) bytes）；请换一个较小的文件")
        }
        return bytes
    }

    public func names(in folder: String) -> [String]? {
        let p = canonical(folder)
        guard entry(p) == .folder else { return nil }
        let prefix = p == "/" ? "/" : p + "/"
        var names = Set<String>()
        for key in files.keys where key.hasPrefix(prefix) {
            if let first = key.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(first)) }
        }
        return names.sorted()
    }

    public func canonical(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
