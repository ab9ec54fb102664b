import Foundation
import Wenshu
import WenshuCore
import WenshuData
import WenshuDocx
import WenshuFonts
import WenshuLayout
import WenshuRender

/// Writes the chunks of a run in order: pages into one PDF, or one PDF per row; the report lines;
/// the counts. Used from one serial queue at a time.
// @unchecked: its state (the PDF stream, report, counts) is touched only by `SerialStage`'s one
// queue, one chunk after another, and by `open`/`close` before and after that queue's work.
final class DocumentSink: @unchecked Sendable {
    let run: BatchRun
    let paths: BatchRun.Paths
    let range: Range<Int>
    var keptPDF = false
    /// What the one PDF is made from, kept beside it when it is whole (for `--resume`).
    var stamp: ResumeStamp?
    private var stream: PDFStream?
    private var report: ReportWriter?
    private(set) var counts = BatchCounts()
    private(set) var pages = 0
    private(set) var notes: [Problem] = []
    private(set) var moreNotes = 0
    private var done = 0
    /// The documents to zip, in list order.
    private var zipNames: [String] = []

    init(run: BatchRun, paths: BatchRun.Paths, range: Range<Int>) {
        self.run = run; self.paths = paths; self.range = range
    }

    func open() throws {
        report = try ReportWriter(path: paths.report, labels: run.list.labels)
    }

    func note(_ problem: Problem) {
        if notes.count < BatchSummary.maxNotes { notes.append(problem) } else { moreNotes += 1 }
    }

    /// Writes one chunk: `todo` are the chunk's entries (indices into the shard) that were typeset,
    /// with their `outcomes`.
    func write(chunk: Range<Int>, verdicts: [BatchRun.Verdict], todo: [Int], outcomes: [BatchRun.Outcome], records: [Record],
               progress: (@Sendable (BatchProgress) -> Void)?) throws {
        let list = run.list
        if run.options.strict, let k = outcomes.firstIndex(where: { if case .failed = $0 { true } else { false } }),
           case .failed(let why) = outcomes[k] {
            throw BatchError.strict(place: list.place(of: list.entries[range.lowerBound + todo[k]]), reason: why)
        }
        var outcome: [Int: BatchRun.Outcome] = [:]
        var record: [Int: Record] = [:]
        for (k, i) in todo.enumerated() { outcome[i] = outcomes[k]; record[i] = records[k] }
        var page: [Int: Int] = [:]

        if let pdf = paths.pdf {
            for i in todo {
                guard case .typeset(let frames, let info, _)? = outcome[i] else { continue }
                if stream == nil {
                    // The faces are cut once to every character of the list (and of this first
                    // document), so Cairo never holds a whole CJK font: memory stays flat and low.
                    let faces = try? PDFFaceSet(sample: frames, text: list.characters, fonts: run.compiler.fonts)
                    stream = try PDFStream(path: pdf, fonts: run.compiler.fonts, info: info, faces: faces,
                                           firstPageSize: frames.first?.size ?? .a4)
                    stream!.rewrite = run.options.rewrite
                }
                page[i] = stream!.pageCount + 1
                let title = run.bookmark.map { $0.fill(record[i] ?? Record(), row: list.entries[range.lowerBound + i].line, n: 0, safe: false) }
                try stream!.add(frames, outline: title)
            }
        } else if let folder = paths.folder {
            // One face set per chunk, cut to the chunk's glyphs; each file embeds only its own.
            var glyphs: [FaceID: Set<UInt32>] = [:]
            for o in outcomes {
                if case .typeset(let frames, _, _) = o {
                    glyphs.merge(PDFFaceSet.glyphs(of: frames)) { $0.union($1) }
                }
            }
            let ofd = run.options.format == .ofd
            let faces = ofd ? nil : try PDFFaceSet(glyphs: glyphs, fonts: run.compiler.fonts)
            let fonts = run.compiler.fonts
            let compiler = run.compiler
            let failure = FirstError()
            let rewrite = run.options.rewrite
            DispatchQueue.concurrentPerform(iterations: todo.count) { k in
                guard !failure.isSet, case .typeset(let frames, let info, _) = outcomes[k], let name = verdicts[todo[k] - chunk.lowerBound].name else { return }
                do {
                    if ofd {
                        try compiler.writeOFD(frames, info: info, to: folder + "/" + name)
                    } else if run.options.format == .docx {
                        // Word from the row's content (laid out too, so a row too long for its pages is still refused).
                        try DocxWriter(content: try run.cache?.content(for: records[k]) ?? run.realize(records[k])).write(to: folder + "/" + name)
                    } else {
                        // Flushed to the disk all at once by close() (syncfs), not one fsync per file.
                        try PDFStream.write(frames, info: info, to: folder + "/" + name, fonts: fonts, faces: faces, sync: false, rewrite: rewrite)
                    }
                } catch {
                    failure.record(error)
                }
            }
            if let e = failure.error { throw e }
        }

        // The report, in list order.
        for i in chunk {
            let entry = list.entries[range.lowerBound + i]
            let v = verdicts[i - chunk.lowerBound]
            var status = v.status ?? .written
            var reason = v.reason
            var warned: [Problem] = []
            if let o = outcome[i] {
                switch o {
                case .typeset(let frames, _, let warnings):
                    status = .written
                    // A warning names its data cell when it knows it, else the row.
                    warned = warnings.map { $0.at($0.location ?? list.location(of: entry)) }
                    reason = warned.map(\.description).joined(separator: "；")
                    pages += frames.count
                case .failed(let why):
                    status = .skipped
                    reason = why
                }
            }
            if status == .kept && keptPDF { reason = "" }
            counts.read += 1
            counts.count(status)
            if !warned.isEmpty {
                for w in warned { note(w) }
            } else if !reason.isEmpty {
                note(.row(at: list.location(of: entry), status, reason))
            }
            var output = ""
            if status == .written || status == .kept {
                output = v.name ?? (paths.pdf.map { ($0 as NSString).lastPathComponent } ?? "")
                if paths.zip != nil, let name = v.name { zipNames.append(name) }
            }
            let values: [String]
            if entry.kind == .blank { values = [] } else {
                let r = record[i] ?? list.record(entry)
                values = list.columns.map { $0.isEmpty ? "" : (r[$0]?.description ?? "") }
            }
            try report!.add(row: entry.line, place: list.place(of: entry), status: status, reason: reason, output: output,
                            page: page[i], values: values)
        }
        done += chunk.count
        progress?(BatchProgress(done: done, total: range.count, counts: counts))
    }

    /// Finishes the outputs (the PDF renamed into place, the zip) and the report; returns what was written.
    func close() throws -> [String] {
        var outputs: [String] = []
        if let stream {
            try stream.finish()
            outputs.append(stream.path)
            try stamp?.write(for: stream.path)
        } else if keptPDF, let pdf = paths.pdf {
            outputs.append(pdf)
        }
        if let folder = paths.folder {
            // Every file of the folder on the disk, or the error a delayed write met.
            try AtomicFile.syncFileSystem(of: folder)
            outputs.append(folder)
            if let zipPath = paths.zip {
                try writeZip(zipPath, folder: folder)
                outputs.append(zipPath)
            }
        }
        try report?.finish()
        report = nil
        return outputs
    }

    /// Packs the shard's documents (written now or kept), in list order, into `path` (written under
    /// a temporary name and renamed when whole).
    private func writeZip(_ path: String, folder: String) throws {
        try ZipPacker.pack(zipNames, from: folder, to: path)
    }
}
