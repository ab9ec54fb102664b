import Foundation
import Wenshu
import WenshuCore
import WenshuData
import WenshuRender
import WenshuTemplate

/// The live preview of one open document: a `CompileSession` (fonts found once, unchanged files
/// and paragraphs reused) and the pages it last drew. Compiles run one at a time on the document's
/// own queue, off the server's threads; a compile of data already compiled answers at once. Each
/// page's debug trace is compared with the last one, and only the pages that changed are drawn
/// again as PNG (`out/pages/page-N.png`) and get a new revision, so the page re-fetches only those.
final class DocumentPreview: @unchecked Sendable {
    let id: String
    let template: String
    let folder: String
    let resolution: Double
    let searchPaths: [String]
    let schema: FieldSchema?
    /// Everything below is touched only on `queue`.
    private let queue: DispatchQueue
    private var session: CompileSession?
    private var traces: [Int] = []
    private var revisions: [UInt32] = []
    private var lastKey: Int?
    private var lastResult: PreviewResult?

    init(id: String, template: String, folder: String, searchPaths: [String], schema: FieldSchema?, resolution: Double = 110) {
        self.id = id; self.template = template; self.folder = folder; self.searchPaths = searchPaths; self.schema = schema
        self.resolution = resolution
        self.queue = DispatchQueue(label: "wenshu.preview.\(id)")
    }

    var pagesFolder: String { folder + "/out/pages" }

    /// Compiles the document's data at `revision` (saved on disk) and draws the changed pages.
    func preview(revision: Int) async throws -> PreviewResult {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.run(revision: revision) })
            }
        }
    }

    /// The same, on the caller's thread: for a preview no one else holds (a thumbnail's).
    func previewHere(revision: Int) throws -> PreviewResult { try run(revision: revision) }

    /// Runs `body` with the document's session, on its queue (downloads reuse the fonts and caches).
    func withSession<T: Sendable>(_ body: @escaping @Sendable (CompileSession, String) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(try self.openSession(), self.folder + "/data.json") })
            }
        }
    }

    private func openSession() throws -> CompileSession {
        if let session { return session }
        let made = try CompileSession(templateSearchPaths: searchPaths)
        session = made
        return made
    }

    /// The inputs a compile depends on besides the template: the data's bytes and the uploads.
    private func inputKey() -> Int {
        var hasher = Hasher()
        // Every byte (Foundation's `Data` hash reads only a prefix: an edit of the same length would be missed).
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: folder + "/data.json"))) ?? Data()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(uploadsKey())
        return hasher.finalize()
    }

    /// The uploads' names, sizes and times: a page showing an image changes when its file does,
    /// though its trace (which names the file) does not.
    private func uploadsKey() -> Int {
        var hasher = Hasher()
        let uploads = folder + "/uploads"
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: uploads)) ?? []).sorted() {
            let attributes = try? FileManager.default.attributesOfItem(atPath: uploads + "/" + name)
            hasher.combine(name)
            hasher.combine((attributes?[.size] as? NSNumber)?.intValue ?? 0)
            hasher.combine((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        }
        return hasher.finalize()
    }

    private func run(revision: Int) throws -> PreviewResult {
        let start = DispatchTime.now().uptimeNanoseconds
        let key = inputKey()
        if key == lastKey, var last = lastResult {
            last.changed = []
            last.revision = revision
            last.milliseconds = 0
            return last
        }
        let session = try openSession()
        let dataPath = folder + "/data.json"
        let lines = ProblemJSON.fieldLines(of: dataPath)
        let json = { (p: Problem) in PreviewResult.strings(ProblemJSON.make(p, folder: self.folder, lines: lines)) }
        var compilation: Compilation
        var sketched = false
        do {
            do {
                compilation = try session.compile(template: template, data: [dataPath], force: true)
            } catch let error as TemplateError where error.missingValue != nil && schema != nil {
                compilation = try sketch(error, session: session, dataPath: dataPath)
                sketched = true
            }
        } catch let error as any WenshuError {
            // A template or data file that cannot be read at all: the last good pages stay.
            var result = lastResult ?? PreviewResult(pages: 0, revisions: [], changed: [], problems: [], warnings: [],
                                                     revision: revision, failed: true, milliseconds: 0)
            result.problems = error.problems.map(json)
            result.changed = []
            result.failed = true
            result.revision = revision
            result.milliseconds = Self.milliseconds(since: start)
            return result
        }
        let frames = compilation.frames
        let debug = DebugRenderer()
        let uploads = uploadsKey()
        let newTraces = frames.map { debug.trace([$0]).hashValue ^ uploads }
        var changed: [Int] = []
        for i in frames.indices where i >= traces.count || traces[i] != newTraces[i] { changed.append(i) }
        let compiled = DispatchTime.now().uptimeNanoseconds
        try draw(pages: changed, of: compilation, session: session)
        var generator = SystemRandomNumberGenerator()
        var newRevisions = Array(revisions.prefix(frames.count))
        while newRevisions.count < frames.count { newRevisions.append(0) }
        for i in changed { newRevisions[i] = UInt32.random(in: 1...UInt32.max, using: &generator) }
        // Pages past the new end are removed, so a shorter document shows no stale page.
        for n in stride(from: frames.count + 1, through: traces.count, by: 1) {
            try? FileManager.default.removeItem(atPath: "\(pagesFolder)/page-\(n).png")
        }
        traces = newTraces
        revisions = newRevisions
        lastKey = key
        // With stand-ins, the data's own problems are the form's (from the save); the stand-ins' are not said.
        let problems = sketched ? [] : compilation.problems.filter { $0.severity == .error }.map(json)
        var warnings = (sketched ? compilation.diagnostics : compilation.problems.filter { $0.severity != .error } + compilation.diagnostics).map(json)
        if sketched {
            warnings.insert(["severity": "note", "chinese": "尚未填写的项目在预览中以【】标出", "english": "fields not filled in yet are shown as 【label】",
                             "message": "说明：尚未填写的项目在预览中以【】标出 (note: fields not filled in yet are shown as 【label】)"], at: 0)
        }
        let result = PreviewResult(pages: frames.count, revisions: newRevisions, changed: changed.map { $0 + 1 },
                                   problems: problems, warnings: warnings, revision: revision, failed: false,
                                   milliseconds: Self.milliseconds(since: start), drawMilliseconds: Self.milliseconds(since: compiled))
        lastResult = result
        return result
    }

    /// The template needs values the clerk has not given yet: a compile of the data with a stand-in
    /// (【标题】) for each value the template asks for in turn, at most one per field.
    private func sketch(_ first: TemplateError, session: CompileSession, dataPath: String) throws -> Compilation {
        guard let schema, var data = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dataPath)))) as? [String: Any]
        else { throw first }
        let sketchPath = folder + "/preview-data.json"
        var error = first
        for _ in 0...schema.fields.count {
            guard let missing = error.missingValue, let filled = FormData.sketch(data, schema: schema, missing: missing) else { throw error }
            data = filled
            try AtomicFile.write(try DocumentStore.encode(data), to: sketchPath)
            do {
                return try session.compile(template: template, data: [sketchPath], force: true)
            } catch let next as TemplateError where next.missingValue != nil {
                error = next
            }
        }
        throw error
    }

    /// Draws `pages` (0-based) of the compilation into `out/pages/page-N.png`, each replaced whole.
    private func draw(pages: [Int], of compilation: Compilation, session: CompileSession) throws {
        guard !pages.isEmpty else { return }
        let scratch = folder + "/out/.drawing"
        try? FileManager.default.removeItem(atPath: scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var renderer = PNGRenderer(fonts: session.fonts, resolution: resolution)
        renderer.world = session.world
        try renderer.render(pages.map { compilation.frames[$0] }, info: compilation.content.info, to: scratch)
        try FileManager.default.createDirectory(atPath: pagesFolder, withIntermediateDirectories: true)
        for (k, page) in pages.enumerated() {
            let source = "\(scratch)/page-\(k + 1).png", target = "\(pagesFolder)/page-\(page + 1).png"
            guard rename(source, target) == 0 else {
                throw ServeError(status: 500, chinese: "无法保存预览图 \(target)", english: "cannot store the preview image \(target)",
                                 hint: "请检查 --data 文件夹的空间和权限")
            }
        }
    }

    static func milliseconds(since start: UInt64) -> Int {
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= start ? Int((now - start) / 1_000_000) : 0
    }
}
