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
    /// The shard's entries (indices into the list), in list order.
    let entries: [Int]
    var keptPDF = false
    /// What the one PDF is made from, kept beside it when it is whole (for `--resume`).
    var stamp: ResumeStamp?
    private var pdf: JoinedPDF?
    private var report: ReportWriter?
    private var manifest: ManifestWriter?
    /// What the manifest's lines are made from, set by `open`.
    private var templateVersion = ""
    private var partNumber = 0
    /// The faces every part of the one PDF draws with, cut once per run (see `renderPart`).
    private var faces: PDFFaceSet?
    /// The faces every file of one PDF per row draws with, cut once per run (see `rowFaces`).
    private var rowFaceSet: PDFFaceSet?
    private(set) var counts = BatchCounts()
    private(set) var pages = 0
    private(set) var notes: [Problem] = []
    private(set) var moreNotes = 0
    private var done = 0
    /// The documents to zip, in list order.
    private var zipNames: [String] = []

    init(run: BatchRun, paths: BatchRun.Paths, entries: [Int]) {
        self.run = run; self.paths = paths; self.entries = entries
    }

    func open() throws {
        report = try ReportWriter(path: paths.report, labels: run.list.labels)
        manifest = try ManifestWriter(path: paths.manifest)
        templateVersion = TemplateVersion.hash(run.template)
        if let path = paths.pdf, !keptPDF {
            pdf = try JoinedPDF(path: path, date: run.date)
            pdf?.rewrite = run.options.rewrite
        }
    }

    /// Starts rendering the chunk's documents as one part of the one PDF, on a worker thread (nil:
    /// not writing one PDF).
    func renderPart(todo: [Int], outcomes: [BatchRun.Outcome], records: [Record]) -> PartJob? {
        guard let pdf else { return nil }
        var documents: [(frames: [Frame], title: String?)] = []
        var info: DocumentInfo?
        for (k, i) in todo.enumerated() {
            guard case .typeset(let frames, let i0, _) = outcomes[k] else { continue }
            if info == nil { info = i0 }
            let title = run.bookmark.map { $0.fill(records[k], row: run.list.entries[entries[i]].line, n: 0, safe: false) }
            documents.append((frames, title))
        }
        partNumber += 1
        // The faces are cut once, to every character of the list and the glyphs of the template
        // filled with sample values (both the same in every shard, so every shard's parts are the
        // one run's), and shared read-only by the parts' threads; Cairo cuts each part's subset
        // from them. A face they lack is made whole when first met. Without a sample (the template
        // could not be filled), each part's faces are cut to its own glyphs.
        if faces == nil && !run.sample.isEmpty {
            faces = try? PDFFaceSet(sample: run.sample, text: run.list.characters, fonts: run.compiler.fonts)
        }
        return PartJob(documents, info: info, fonts: run.compiler.fonts, faces: faces, file: pdf.parts + "-\(partNumber).pdf", date: run.date)
    }

    /// The faces of one PDF per row: cut compact once per run, to the list's characters and the
    /// template filled with sample values (the same in every shard, so a row's file has the same
    /// bytes whichever shard or chunk writes it); a chunk with a glyph the run's cut lacks gets a
    /// cut of its own glyphs. Each file embeds only its own glyphs (Cairo cuts again per file).
    private func rowFaces(_ outcomes: [BatchRun.Outcome]) throws -> PDFFaceSet {
        var glyphs: [FaceID: Set<UInt32>] = [:]
        for o in outcomes {
            if case .typeset(let frames, _, _) = o {
                glyphs.merge(PDFFaceSet.glyphs(of: frames)) { $0.union($1) }
            }
        }
        if rowFaceSet == nil && !run.sample.isEmpty {
            rowFaceSet = try? PDFFaceSet(compactSample: run.sample, text: run.list.characters, fonts: run.compiler.fonts)
        }
        if let set = rowFaceSet, set.covers(glyphs) { return set }
        return try PDFFaceSet(compactGlyphs: glyphs, fonts: run.compiler.fonts)
    }

    func note(_ problem: Problem) {
        if notes.count < BatchSummary.maxNotes { notes.append(problem) } else { moreNotes += 1 }
    }

    /// Writes one chunk: `todo` are the chunk's entries (indices into the shard) that were typeset,
    /// with their `outcomes`.
    func write(chunk: Range<Int>, verdicts: [BatchRun.Verdict], todo: [Int], outcomes: [BatchRun.Outcome], records: [Record],
               part: PartJob?, progress: (@Sendable (BatchProgress) -> Void)?) throws {
        let list = run.list
        if run.options.strict, let k = outcomes.firstIndex(where: { if case .failed = $0 { true } else { false } }),
           case .failed(let why) = outcomes[k] {
            throw BatchError.strict(place: list.place(of: list.entries[entries[todo[k]]]), reason: why)
        }
        var outcome: [Int: BatchRun.Outcome] = [:]
        var record: [Int: Record] = [:]
        for (k, i) in todo.enumerated() { outcome[i] = outcomes[k]; record[i] = records[k] }
        var page: [Int: Int] = [:]

        var digests = [String?](repeating: nil, count: todo.count)
        if let pdf {
            var at = pdf.pageCount
            for i in todo {
                guard case .typeset(let frames, _, _)? = outcome[i] else { continue }
                page[i] = at + 1
                at += frames.count
            }
            if let part, let file = try part.wait() {
                pdf.renderSeconds += part.seconds
                try pdf.append(part: file)
            }
        } else if let folder = paths.folder {
            let ofd = run.options.format == .ofd
            let faces = run.options.format == .pdf ? try rowFaces(outcomes) : nil
            let fonts = run.compiler.fonts
            let compiler = run.compiler
            let failure = FirstError()
            let rewrite = run.options.rewrite
            let date = run.date
            // Each file's SHA-256 for the manifest, taken by the thread that wrote it.
            digests.withUnsafeMutableBufferPointer { buffer in
                let sums = UnsafeSendable(buffer)
                DispatchQueue.concurrentPerform(iterations: todo.count) { k in
                    guard !failure.isSet, case .typeset(let frames, let info, _) = outcomes[k], let name = verdicts[todo[k] - chunk.lowerBound].name else { return }
                    do {
                        if ofd {
                            try compiler.writeOFD(frames, info: info, to: folder + "/" + name, date: Date(timeIntervalSince1970: TimeInterval(date)))
                        } else if run.options.format == .docx {
                            // Word from the row's content (laid out too, so a row too long for its pages is still refused).
                            try DocxWriter(content: try run.cache?.content(for: records[k]) ?? run.realize(records[k])).write(to: folder + "/" + name)
                        } else {
                            // Flushed to the disk all at once by close() (syncfs), not one fsync per file.
                            try PDFStream.write(frames, info: info, to: folder + "/" + name, fonts: fonts, faces: faces, sync: false, rewrite: rewrite,
                                                date: date)
                        }
                        sums.value[k] = SHA256.hex(file: folder + "/" + name)
                    } catch {
                        failure.record(error)
                    }
                }
            }
            if let e = failure.error { throw e }
        }

        // The report, in list order.
        for i in chunk {
            let entry = list.entries[entries[i]]
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
            var row = Manifest.Row(entry: entries[i], row: entry.line, key: v.key ?? "", input: inputHash(values), status: status.rawValue,
                                   reason: reason, output: output)
            if let first = page[i], case .typeset(let frames, _, _)? = outcome[i] { row.pages = "\(first)-\(first + frames.count - 1)" }
            if let folder = paths.folder, !output.isEmpty {
                row.sha256 = todo.firstIndex(of: i).flatMap { digests[$0] } ?? SHA256.hex(file: folder + "/" + output)
            }
            try manifest?.add(row)
        }
        done += chunk.count
        progress?(BatchProgress(done: done, total: entries.count, counts: counts))
    }

    /// What a row's document is made from: the template version and the row's values.
    private func inputHash(_ values: [String]) -> String {
        var sha = SHA256()
        sha.update(Array(templateVersion.utf8))
        for (k, v) in zip(run.list.columns, values) { sha.update([0] + Array(k.utf8) + [0x1F] + Array(v.utf8)) }
        return SHA256.hexString(sha.finish())
    }

    /// Finishes the outputs (the PDF renamed into place, the zip) and the report; returns what was written.
    func close() throws -> [String] {
        var outputs: [String] = []
        var sum: String?
        if let pdf, pdf.pageCount > 0 {
            if BatchRun.timing {
                FileHandle.standardError.write(Data(String(format: "wenshu: timing: parts rendered %.1f ms (summed over threads), joined %.1f ms\n",
                                                           pdf.renderSeconds * 1000, pdf.joinSeconds * 1000).utf8))
            }
            try pdf.finish()
            outputs.append(pdf.path)
            try stamp?.write(for: pdf.path)
            sum = SHA256.hex(file: pdf.path)
        } else if keptPDF, let pdf = paths.pdf {
            outputs.append(pdf)
            sum = SHA256.hex(file: pdf)
        } else {
            pdf?.discard()
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
        let o = run.options
        let format = paths.pdf != nil ? "pdf" : "\(o.format.rawValue)-files"
        let output = ((paths.pdf ?? paths.folder ?? "") as NSString).lastPathComponent
        try manifest?.finish(Manifest.End(
            template: (run.template.path as NSString).lastPathComponent == "template.xml"
                ? ((run.template.path as NSString).deletingLastPathComponent as NSString).lastPathComponent : run.template.path,
            templateVersion: templateVersion, list: (run.list.file as NSString).lastPathComponent,
            listSHA256: SHA256.hex(file: run.list.file) ?? "", shard: o.shard.description, by: o.shardBy.rawValue, chunk: o.chunkSize,
            entries: run.list.entries.count, rows: entries.count, format: format, output: output, sha256: sum,
            pages: pdf?.pageCount ?? 0, date: run.date, rewrite: [o.pdfa ? "pdfa" : nil, o.overprint.isPrint ? "print" : nil].compactMap { $0 }.joined(separator: ",")))
        manifest = nil
        return outputs
    }

    /// Packs the shard's documents (written now or kept), in list order, into `path` (written under
    /// a temporary name and renamed when whole).
    private func writeZip(_ path: String, folder: String) throws {
        try ZipPacker.pack(zipNames, from: folder, to: path)
    }
}
