import Foundation
import WenshuCore

/// The gallery's thumbnails: each template's first page filled with its fields' examples (and
/// stand-ins for what they leave out, as a half-filled document's preview has), drawn once at
/// 48 dpi into `DATA/thumbs/<template>.png` and served from there afterwards. One at a time.
final class Thumbnails: @unchecked Sendable {
    let folder: String
    let catalog: TemplateCatalog
    private let queue = DispatchQueue(label: "wenshu.thumbnails")

    init(folder: String, catalog: TemplateCatalog) { self.folder = folder; self.catalog = catalog }

    /// The PNG of `template`'s first page, drawn if missing.
    func thumbnail(_ template: String) async throws -> Data {
        let entry = try catalog.entry(template)
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try self.draw(entry) }) }
        }
    }

    private func draw(_ entry: TemplateCatalog.Entry) throws -> Data {
        let target = "\(folder)/\(entry.name).png"
        if let data = FileManager.default.contents(atPath: target) { return data }
        let work = "\(folder)/\(entry.name).work"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        try AtomicFile.write(try DocumentStore.encode(FormData.example(entry.schema)), to: work + "/data.json")
        let preview = DocumentPreview(id: entry.name, template: entry.name, folder: work, searchPaths: catalog.searchPaths,
                                      schema: entry.schema, resolution: 48)
        let result = try preview.previewHere(revision: 1)
        guard result.pages > 0, rename(preview.pagesFolder + "/page-1.png", target) == 0,
              let data = FileManager.default.contents(atPath: target) else {
            throw ServeError(status: 500, chinese: "模板“\(entry.chinese)”没有排出页面", english: "template \(entry.name) laid out no page",
                             hint: result.problems.first?["message"])
        }
        return data
    }
}
