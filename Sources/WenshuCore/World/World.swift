import Foundation

/// What a path names in a `World`.
public enum WorldEntry: Sendable, Equatable {
    /// A regular file, which may be read.
    case file
    /// A folder, whose names may be listed.
    case folder
    /// Something that is neither (a FIFO, a device, a socket): reading it is refused with a reason.
    case other
}

/// Where compilation reads its inputs from: template files and the fragments they include, data
/// files, images (the seal, photos) and evaluation standards. `FileWorld` reads the file system
/// (the CLI), `MemoryWorld` a table of paths to bytes (the web workbench, tests), so one compile
/// runs the same from either. Fonts are not read through a World: fontconfig finds and FreeType
/// opens them by path (`FontBook`), so a World's fonts are always the machine's.
///
/// Paths are the World's own: a `MemoryWorld` has no current folder but its root, so its paths
/// are best written absolute (`/doc/notice.xml`).
public protocol World: Sendable {
    /// What `path` names, or nil when nothing is there.
    func entry(_ path: String) -> WorldEntry?
    /// The bytes of the regular file at `path`, refused when it is missing, not a regular file,
    /// or larger than `limit` bytes.
    func read(_ path: String, limit: Int) throws(InputFile.Refusal) -> Data
    /// The names (not paths) in the folder at `path`, sorted; nil when it is not a folder.
    func names(in folder: String) -> [String]?
    /// `path` made absolute, with `.`, `..` and symbolic links resolved: what the allowed-folder
    /// checks compare.
    func canonical(_ path: String) -> String
}

extension World {
    /// True when something is at `path` (a file, a folder or another kind).
    public func exists(_ path: String) -> Bool { entry(path) != nil }
    /// True when `path` names a folder.
    public func isFolder(_ path: String) -> Bool { entry(path) == .folder }
}
