import Foundation
import WenshuCore

/// What a batch PDF was made from, kept beside it (`.OUT.pdf.source`, hidden): a hash of the
/// list's bytes, of the template's, and the options that change the pages. `--resume` keeps the
/// PDF only when the stamp still matches; after the list or template was edited, the PDF is
/// written again (rows added, a name corrected) instead of being reported "kept" while it holds
/// the old rows.
struct ResumeStamp: Equatable {
    var text: String

    /// The stamp of a run: the list's and template's files, and the options that change the output.
    init(list: String, template: String, options: String) {
        text = "wenshu-batch 1\nlist \(ResumeStamp.hash(file: list))\ntemplate \(ResumeStamp.hash(file: template))\noptions \(options)\n"
    }

    private init(text: String) { self.text = text }

    /// Where the stamp of `pdf` is kept.
    static func path(for pdf: String) -> String {
        let folder = (pdf as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "." : folder) + "/." + (pdf as NSString).lastPathComponent + ".source"
    }

    /// The stamp kept for `pdf`, if any.
    static func read(for pdf: String) -> ResumeStamp? {
        guard let data = FileManager.default.contents(atPath: path(for: pdf)) else { return nil }
        return ResumeStamp(text: String(decoding: data, as: UTF8.self))
    }

    /// Keeps the stamp beside `pdf` (atomically).
    func write(for pdf: String) throws {
        try AtomicFile.write(Data(text.utf8), to: ResumeStamp.path(for: pdf))
    }

    /// FNV-1a (64 bits) of a file's bytes and its length, read in blocks; "-" when it cannot be read.
    static func hash(file: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: file) else { return "-" }
        defer { try? handle.close() }
        var h = StableHash.fnvStart
        var length = 0
        while let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty {
            h = StableHash.fnv1a(block, continuing: h)
            length += block.count
        }
        return String(h, radix: 16) + "-\(length)"
    }
}
