import Foundation
import WenshuCore

/// The font files of a folder named with `--font-dir`, found by a bounded walk: folders to a
/// limited depth, a limited number of entries, and regular files only (a FIFO or device is
/// skipped, never opened). fontconfig is then given these files one by one, so it never walks a
/// tree such as /usr or opens a FIFO itself.
enum FontFolderScan {
    /// How deep below the named folder sub-folders are searched.
    static let maxDepth = 6
    /// Entries (files and folders) one font folder may hold in all.
    static let maxEntries = 20_000
    /// Font files one font folder may hold.
    static let maxFonts = 2_000
    /// The endings of font files.
    static let extensions: Set<String> = ["ttf", "otf", "ttc", "otc", "woff", "woff2", "pfb", "pfa", "t1"]

    /// The font files under `folder`, sorted.
    /// - Throws: `FontError.folderMissing` when it is not a folder, `FontError.folderTooLarge` past a budget.
    static func fonts(in folder: String) throws(FontError) -> [String] {
        var st = stat()
        guard stat(folder, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { throw FontError.folderMissing(folder) }
        var found: [String] = []
        var entries = 0
        var pending: [(path: String, depth: Int)] = [(folder, 0)]
        while let (dir, depth) = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            entries += names.count
            guard entries <= maxEntries else {
                throw FontError.folderTooLarge(folder, reason: "超过 \(maxEntries) 个文件和文件夹（more than \(maxEntries) entries）")
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = dir + "/" + name
                var link = stat()
                guard lstat(path, &link) == 0 else { continue }
                switch link.st_mode & S_IFMT {
                case S_IFDIR:
                    // Sub-folders are followed to a depth, never through symbolic links (no loops).
                    if depth + 1 <= maxDepth { pending.append((path, depth + 1)) }
                case S_IFREG, S_IFLNK:
                    guard extensions.contains((name as NSString).pathExtension.lowercased()), InputFile.isRegular(path) else { continue }
                    found.append(path)
                    guard found.count <= maxFonts else {
                        throw FontError.folderTooLarge(folder, reason: "超过 \(maxFonts) 个字体文件（more than \(maxFonts) font files）")
                    }
                default:
                    continue  // FIFOs, sockets, devices: never opened
                }
            }
        }
        return found.sorted()
    }
}
