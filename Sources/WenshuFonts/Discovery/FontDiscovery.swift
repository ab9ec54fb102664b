internal import CFontconfig
import Foundation
import WenshuCore

/// Where a face of a family lives on disk, as fontconfig reports it.
public struct FaceLocation: Hashable, Sendable {
    public var path: String
    public var index: Int
    public var family: String
    public var style: String
    /// fontconfig's weight (80 regular, 200 bold).
    public var weight: Int
}

/// Finds installed fonts through fontconfig: the system's fonts plus any folders the user names
/// (those are searched first). Owns the `FcConfig`, made only after every folder was checked and
/// destroyed once in `deinit`. fontconfig is used under `lock` only, and `userFolders` is set in
/// `init` and never changed: that is why the unchecked `Sendable` is safe.
public final class FontDiscovery: @unchecked Sendable {
    private let config: OpaquePointer
    private let lock = NSLock()
    /// Faces found in the user's folders, searched before the system's.
    public let userFolders: [String]

    /// Starts from the system configuration and adds the font files of `folders` (each must exist;
    /// each is walked within the budgets of `FontFolderScan`).
    public init(folders: [String] = []) throws {
        // Everything that can fail is checked before the configuration exists, so a failure frees nothing.
        let files = try folders.map { folder throws(FontError) in try FontFolderScan.fonts(in: folder) }
        guard FcInit() != 0, let config = FcInitLoadConfigAndFonts() else { throw FontError.fontconfigFailed }
        self.config = config
        self.userFolders = folders
        for file in files.joined() { _ = FcConfigAppFontAddFile(config, file) }
    }

    deinit { FcConfigDestroy(config) }

    /// Every face whose family list contains `family` exactly (case-insensitive, as fontconfig compares).
    public func faces(family: String) -> [FaceLocation] {
        lock.lock(); defer { lock.unlock() }
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        _ = FcPatternAddString(pattern, "family", family)
        return list(pattern)
    }

    /// Faces that have a glyph for `scalar` (fontconfig's charset index), best first: Chinese faces first.
    public func faces(covering scalar: Unicode.Scalar) -> [FaceLocation] {
        lock.lock(); defer { lock.unlock() }
        guard let pattern = FcPatternCreate(), let charset = FcCharSetCreate() else { return [] }
        defer { FcPatternDestroy(pattern); FcCharSetDestroy(charset) }
        _ = FcCharSetAddChar(charset, scalar.value)
        _ = FcPatternAddCharSet(pattern, "charset", charset)
        return list(pattern).sorted { a, b in
            let ca = a.family.contains(" SC") || a.family.contains("GB"), cb = b.family.contains(" SC") || b.family.contains("GB")
            if ca != cb { return ca }
            return a.path < b.path
        }
    }

    /// Every face fontconfig knows (for `wenshu fonts --all`).
    public func allFaces() -> [FaceLocation] {
        lock.lock(); defer { lock.unlock() }
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        return list(pattern)
    }

    private func list(_ pattern: OpaquePointer) -> [FaceLocation] {
        guard let os = FcObjectSetCreate() else { return [] }
        defer { FcObjectSetDestroy(os) }
        for key in ["file", "index", "family", "style", "weight"] { _ = FcObjectSetAdd(os, key) }
        guard let set = FcFontList(config, pattern, os) else { return [] }
        defer { FcFontSetDestroy(set) }
        var out: [FaceLocation] = []
        let n = Int(set.pointee.nfont)
        for i in 0..<n {
            guard let p = set.pointee.fonts[i] else { continue }
            var file: UnsafeMutablePointer<FcChar8>?
            guard FcPatternGetString(p, "file", 0, &file) == FcResultMatch, let file else { continue }
            var index: Int32 = 0
            _ = FcPatternGetInteger(p, "index", 0, &index)
            var weight: Int32 = 80
            _ = FcPatternGetInteger(p, "weight", 0, &weight)
            var fam: UnsafeMutablePointer<FcChar8>?
            let family = FcPatternGetString(p, "family", 0, &fam) == FcResultMatch ? fam.map { String(cString: $0) } ?? "" : ""
            var sty: UnsafeMutablePointer<FcChar8>?
            let style = FcPatternGetString(p, "style", 0, &sty) == FcResultMatch ? sty.map { String(cString: $0) } ?? "" : ""
            out.append(FaceLocation(path: String(cString: file), index: Int(index), family: family,
                                    style: style, weight: Int(weight)))
        }
        // Faces in the user's folders first, in the order the folders were named (so a folder named
        // with --font-dir wins over the fetched fonts/free wherever either lives), then by path.
        func rank(_ face: FaceLocation) -> Int {
            userFolders.firstIndex { face.path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") } ?? userFolders.count
        }
        return out.sorted { a, b in
            let ra = rank(a), rb = rank(b)
            if ra != rb { return ra < rb }
            return (a.path, a.index) < (b.path, b.index)
        }
    }
}
