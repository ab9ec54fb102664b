import Foundation
import WenshuCore
import WenshuFonts
import WenshuPDFA
import WenshuRender

/// The one PDF of a run, made of parts: each chunk of rows is rendered by Cairo into a PDF of its
/// own, on a worker thread while the next chunk is typeset (`render`), and the parts are joined in
/// list order at the object level (`PDFJoiner`) into the file, each part removed once joined. The
/// shards of a list cut on part boundaries join into the same bytes (`wenshu merge`).
///
/// The file is written under a temporary name and renamed when whole, as `PDFStream` does; the
/// parts wait in the temporary folder (`parts`-N.pdf), registered as temporaries (a Ctrl-C removes
/// them) and removed once joined, or at the end either way.
final class JoinedPDF {
    let path: String
    private let output: AtomicFile.Output
    private let joiner: PDFJoiner
    /// The start of the parts' paths (`parts-1.pdf`, `parts-2.pdf`…).
    let parts: String
    private(set) var pageCount = 0
    private var finished = false
    /// Seconds spent joining parts (on the writer's thread) and rendering them (summed over the
    /// worker threads), for `WENSHU_TIMING`.
    private(set) var joinSeconds = 0.0
    var renderSeconds = 0.0
    /// The pass over the finished file (PDF/A, no scaling), before it is renamed.
    var rewrite: (@Sendable (_ file: String, _ path: String) throws -> Void)?

    /// Starts the PDF at `path`, dated `date` (seconds since 1970).
    init(path: String, date: Int) throws {
        self.path = path
        let output = try AtomicFile.Output(path: path)
        self.output = output
        joiner = PDFJoiner(date: PDFDate(epoch: date)) { bytes in try bytes.withUnsafeBytes { try output.write($0) } }
        parts = (NSTemporaryDirectory() as NSString).appendingPathComponent("wenshu-part-\(getpid())-\(UUID().uuidString)")
        JoinedPDF.removeStaleParts()
    }

    /// Removes the parts that runs killed outright (SIGKILL, no clean-up) left: `wenshu-part-PID-…`
    /// whose process is gone.
    static func removeStaleParts() {
        let folder = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix("wenshu-part-") {
            guard let pid = Int32(name.dropFirst("wenshu-part-".count).prefix { $0.isNumber }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name)) }
        }
    }

    /// Removes the parts not joined (a run that stopped).
    private func removeParts() {
        let folder = (parts as NSString).deletingLastPathComponent, prefix = (parts as NSString).lastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            AtomicFile.unregister(folder + "/" + name)
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    deinit { discard() }

    /// Renders `documents` (each with its bookmark title) as one part PDF at `file`, with the run's
    /// shared `faces`, or (nil) faces cut to the glyphs the part uses. Safe on any thread.
    static func render(_ documents: [(frames: [Frame], title: String?)], info: DocumentInfo, fonts: FontBook,
                       faces shared: PDFFaceSet?, to file: String, date: Int) throws {
        var glyphs: [FaceID: Set<UInt32>] = [:]
        if shared == nil { for d in documents { glyphs.merge(PDFFaceSet.glyphs(of: d.frames)) { $0.union($1) } } }
        let faces = try shared ?? PDFFaceSet(glyphs: glyphs, fonts: fonts)
        let stream = try PDFStream(path: file, fonts: fonts, info: info, faces: faces,
                                   firstPageSize: documents.first?.frames.first?.size ?? .a4, sync: false, date: date)
        for d in documents { try stream.add(d.frames, outline: d.title) }
        try stream.finish()
    }

    /// Joins the part at `file` (its pages after those joined so far) and removes it.
    func append(part file: String) throws {
        let start = Date()
        defer {
            try? FileManager.default.removeItem(atPath: file)
            AtomicFile.unregister(file)
            joinSeconds += Date().timeIntervalSince(start)
        }
        do {
            let part = try joiner.open(path: file, name: path)
            try joiner.append(part)
            pageCount += part.pageCount
        }
        // The part's pages are freed: give the heap's free pages back (see `HeapArenas`).
        HeapArenas.trim()
        if let failure = output.failure { throw RenderError.write(failure) }
    }

    /// Finishes the file (page tree, bookmarks, cross-reference table), passes `rewrite` over it
    /// and renames it to `path`.
    func finish() throws {
        guard !finished else { return }
        do {
            try joiner.finish()
            let rewrite = self.rewrite, path = self.path
            try output.commit(transform: rewrite.map { pass in { temporary in try pass(temporary, path) } })
        } catch let e as AtomicFile.WriteError {
            discard()
            throw RenderError.write(e)
        } catch {
            discard()
            throw error
        }
        finished = true
        removeParts()
    }

    /// Stops without a file.
    func discard() {
        guard !finished else { return }
        output.discard()
        removeParts()
    }
}

/// One part of the one PDF being rendered on a worker thread; `wait` gives its file (nil: the
/// chunk had no document to print) or its error.
// @unchecked: `result` is written once by the worker before `done` is signalled and read only after.
final class PartJob: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<String?, Error> = .success(nil)
    /// How long the rendering took.
    private(set) var seconds = 0.0

    /// Starts rendering `documents` into `file` on a global queue.
    init(_ documents: [(frames: [Frame], title: String?)], info: DocumentInfo?, fonts: FontBook, faces: PDFFaceSet?, file: String, date: Int) {
        let docs = UnsafeSendable(documents)
        DispatchQueue.global().async { [self] in
            if let info, !docs.value.isEmpty {
                let start = Date()
                result = Result {
                    try JoinedPDF.render(docs.value, info: info, fonts: fonts, faces: faces, to: file, date: date)
                    AtomicFile.register(file)
                    return file
                }
                seconds = Date().timeIntervalSince(start)
            }
            done.signal()
        }
    }

    func wait() throws -> String? {
        done.wait()
        done.signal()
        return try result.get()
    }
}
