import Foundation
import WenshuCore

/// Every document a folder under `--data`:
///
///     DATA/docs/<id>/meta.json     template, revision, times, title
///     DATA/docs/<id>/data.json     the form's data, read by the same loaders as `wenshu build`
///     DATA/docs/<id>/uploads/      images, seals, .docx/.txt texts, workbooks (safe base names only)
///     DATA/docs/<id>/out/          the last PDF, Word, OFD and the preview pages (pages/page-N.png)
///     DATA/thumbs/<template>.png   the gallery's thumbnails
///
/// Every write is atomic (`AtomicFile`: a temporary file renamed), so a crash or a restart finds
/// either the old or the new file. Saves carry the revision they were based on and a stale one is
/// refused with 409, so two tabs on one document never overwrite each other silently.
public final class DocumentStore: @unchecked Sendable {
    public let root: String
    /// Writes and revision checks run under this lock (reads of single files need none: writes are renames).
    private let lock = NSLock()

    public init(root: String) throws {
        self.root = (root as NSString).standardizingPath
        for folder in [docsFolder, root + "/thumbs"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    var docsFolder: String { root + "/docs" }
    var thumbsFolder: String { root + "/thumbs" }

    /// Whether `id` has the form of a document's id (so it can name no other folder).
    static func isValidID(_ id: String) -> Bool {
        id.utf8.count == 16 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The folder of document `id`, which must exist.
    public func folder(_ id: String) throws -> String {
        guard Self.isValidID(id) else { throw ServeError.notFound("这份文书", "document") }
        let path = docsFolder + "/" + id
        guard FileManager.default.fileExists(atPath: path + "/meta.json") else { throw ServeError.notFound("这份文书", "document") }
        return path
    }

    public func dataPath(_ id: String) throws -> String { try folder(id) + "/data.json" }
    public func outFolder(_ id: String) throws -> String { try folder(id) + "/out" }

    /// A new document of `template` holding `data`.
    public func create(template: String, data: [String: Any], title: String) throws -> DocumentMeta {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let path = docsFolder + "/" + id
        for sub in ["", "/uploads", "/out"] {
            try FileManager.default.createDirectory(atPath: path + sub, withIntermediateDirectories: true)
        }
        let now = DocumentMeta.now()
        let meta = DocumentMeta(id: id, template: template, revision: 1, created: now, updated: now, title: title)
        try AtomicFile.write(try Self.encode(data), to: path + "/data.json")
        try write(meta, to: path)
        return meta
    }

    /// Every document, the last changed first.
    public func list() -> [DocumentMeta] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docsFolder)) ?? []
        return names.filter(Self.isValidID).compactMap { try? meta($0) }.sorted { $0.updated > $1.updated }
    }

    public func meta(_ id: String) throws -> DocumentMeta {
        let path = try folder(id) + "/meta.json"
        guard let meta = try? JSONDecoder().decode(DocumentMeta.self, from: Data(contentsOf: URL(fileURLWithPath: path))) else {
            throw ServeError(status: 500, chinese: "文书 \(id) 的 meta.json 已损坏", english: "the meta.json of document \(id) is damaged",
                             hint: "请从备份恢复该文件夹")
        }
        return meta
    }

    /// The form's data and the revision it is at.
    public func data(_ id: String) throws -> (data: [String: Any], revision: Int) {
        lock.lock(); defer { lock.unlock() }
        let meta = try meta(id)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: try dataPath(id)))
        let object = (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any] ?? [:]
        return (object, meta.revision)
    }

    /// Saves the form's data if the document is still at `revision`; returns the new revision.
    /// A stale revision (another tab saved since) is refused with 409 and the current revision.
    @discardableResult
    public func save(_ id: String, data: [String: Any], basedOn revision: Int, title: String? = nil) throws -> Int {
        lock.lock(); defer { lock.unlock() }
        var meta = try meta(id)
        guard meta.revision == revision else {
            var e = ServeError(status: 409, chinese: "这份文书已在别的标签页或窗口中修改过，这里的修改没有保存",
                               english: "the document was changed in another tab (revision \(meta.revision), this page had \(revision))",
                               hint: "请重新载入页面，取得最新的内容后再改")
            e.extra = ["revision": meta.revision]
            throw e
        }
        try AtomicFile.write(try Self.encode(data), to: try dataPath(id))
        meta.revision = revision + 1
        meta.updated = DocumentMeta.now()
        if let title, !title.isEmpty { meta.title = title }
        try write(meta, to: try folder(id))
        return meta.revision
    }

    /// Stores an uploaded file in the document's `uploads/` under its safe base name; returns the
    /// path relative to the document's folder (`uploads/印章.png`), as the data refers to it.
    public func saveUpload(_ id: String, name: String, bytes: Data) throws -> String {
        guard let base = SafeName.base(name) else {
            throw ServeError.badRequest("上传的文件名不可用", "the upload's file name is not usable", hint: "请改个文件名再上传")
        }
        let relative = "uploads/" + base
        try AtomicFile.write(bytes, to: try folder(id) + "/" + relative)
        return relative
    }

    private func write(_ meta: DocumentMeta, to folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(meta), to: folder + "/meta.json")
    }

    /// The data as pretty JSON, one value a line, so that a problem's line names its field.
    static func encode(_ data: [String: Any]) throws -> Data {
        guard JSONSerialization.isValidJSONObject(data) else {
            throw ServeError.badRequest("数据不是有效的 JSON", "the data is not valid JSON")
        }
        return try JSONSerialization.data(withJSONObject: data, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
