import Foundation
import WenshuCore
import WenshuPDFA

/// `wenshu merge`: the shards of one batch run, each with its manifest, joined into one.
///
/// Before anything is written the manifests must fit together: the same template version, the
/// same list, the same way of cutting it (N, block or hash, chunk, format); every shard 1…N once
/// (no gap, no overlap); every entry of the list in exactly one manifest; every output file there
/// with the SHA-256 its manifest gives. Any refusal names the manifest (and line) that shows it,
/// in Chinese with an English gloss, and writes nothing.
///
/// One PDF per shard: the PDFs are joined at the object level (`PDFJoiner`) in list order into
/// OUT.pdf, with OUT.manifest.jsonl beside it. Shards cut by block are whole shard files in order,
/// and the result is byte for byte the PDF of one run over the whole list with the same --chunk;
/// shards cut by hash are interleaved page ranges. One file per row: the manifests are joined (and
/// the files zipped with --zip); the documents stay where they are.
public struct ShardMerge {
    public let shards: [Manifest.Contents]
    /// The shards' common end line (of shard 1).
    public var end: Manifest.End { shards[0].end }

    /// What was written.
    public struct Summary: Sendable {
        public var outputs: [String]
        public var rows: Int
        public var pages: Int
    }

    /// Reads and checks the manifests at `paths` (in any order).
    public init(manifests paths: [String]) throws {
        guard !paths.isEmpty else { throw BatchError.usage("wenshu merge 需要各分片的清单 (give the shards' manifests, e.g. out.shard-*.manifest.jsonl)") }
        var read = try paths.map(Manifest.read)
        for m in read { try ShardMerge.check(m, against: read[0]) }
        // Each shard 1…N exactly once.
        var byIndex: [Int: Manifest.Contents] = [:]
        for m in read {
            let k = ShardMerge.index(m.end.shard)
            if let other = byIndex[k] {
                throw MergeError(file: m.path, line: m.rows.count + 1, "分片 \(m.end.shard) 重复：\(other.path) 也是这一片",
                                 "shard \(m.end.shard) given twice (also \(other.path))", hint: "每个分片只给一次")
            }
            byIndex[k] = m
        }
        let n = ShardMerge.count(read[0].end.shard)
        if let missing = (1...max(1, n)).first(where: { byIndex[$0] == nil }) {
            throw MergeError(file: read[0].path, line: nil, "缺少分片 \(missing)/\(n) 的清单", "shard \(missing)/\(n) is missing",
                             hint: "请运行该分片（wenshu batch … --shard \(missing)/\(n)）后再合并")
        }
        read.sort { ShardMerge.index($0.end.shard) < ShardMerge.index($1.end.shard) }
        // Every entry of the list once.
        let total = read[0].end.entries
        var owner = [Int](repeating: -1, count: max(0, total))
        for (s, m) in read.enumerated() {
            for (k, row) in m.rows.enumerated() {
                guard row.entry >= 0, row.entry < total else {
                    throw MergeError(file: m.path, line: k + 1, "清单中的行不在名单内", "entry \(row.entry) is outside the list of \(total)", hint: nil)
                }
                if owner[row.entry] >= 0 {
                    throw MergeError(file: m.path, line: k + 1, "名单第 \(row.row) 行同时出现在 \(read[owner[row.entry]].path) 中（分片重叠）",
                                     "list row \(row.row) is in two shards (also \(read[owner[row.entry]].path))", hint: "请用同一 --shard 切分方式重新运行")
                }
                owner[row.entry] = s
            }
        }
        if let gap = owner.firstIndex(of: -1) {
            throw MergeError(file: read[0].path, line: nil, "名单的第 \(gap + 1) 项不在任何分片中（分片有缺口）",
                             "list entry \(gap + 1) is in no shard (a gap)", hint: "请检查各分片是否都运行完整")
        }
        // The files, as the manifests describe them.
        for m in read {
            let folder = (m.path as NSString).deletingLastPathComponent
            let base = folder.isEmpty ? "" : folder + "/"
            if m.end.format == "pdf" {
                if let sum = m.end.sha256 { try ShardMerge.verify(base + m.end.output, sum, manifest: m.path, line: m.rows.count + 1) }
            } else {
                for (k, row) in m.rows.enumerated() {
                    if let sum = row.sha256 { try ShardMerge.verify(base + m.end.output + "/" + row.output, sum, manifest: m.path, line: k + 1) }
                }
            }
        }
        shards = read
    }

    static func index(_ shard: String) -> Int { Int(shard.split(separator: "/").first ?? "") ?? 0 }
    static func count(_ shard: String) -> Int { Int(shard.split(separator: "/").last ?? "") ?? 0 }

    /// Refuses a manifest made from another template version, another list, or cut another way.
    static func check(_ m: Manifest.Contents, against first: Manifest.Contents) throws {
        let a = m.end, b = first.end
        let line = m.rows.count + 1
        if a.templateVersion != b.templateVersion {
            throw MergeError(file: m.path, line: line, "模板版本不同：此分片用的模板（\(a.template)）与 \(first.path) 的不是同一版本",
                             "made from another version of the template than \(first.path)", hint: "请用同一版本的模板重新运行所有分片")
        }
        if a.listSHA256 != b.listSHA256 || a.entries != b.entries {
            throw MergeError(file: m.path, line: line, "名单不同：此分片的名单（\(a.list)）与 \(first.path) 的不同",
                             "made from another list than \(first.path)", hint: "请用同一份名单重新运行所有分片")
        }
        if count(a.shard) != count(b.shard) || a.by != b.by || a.chunk != b.chunk || a.format != b.format || a.rewrite != b.rewrite || a.date != b.date {
            throw MergeError(file: m.path, line: line,
                             "分片方式不同（\(a.shard) --by \(a.by) --chunk \(a.chunk)，\(first.path) 为 \(b.shard) --by \(b.by) --chunk \(b.chunk)）",
                             "cut or written another way than \(first.path) (shards, --by, --chunk, format, PDF/A or date)",
                             hint: "请用相同的选项重新运行所有分片")
        }
        guard index(a.shard) >= 1, index(a.shard) <= count(a.shard), a.rows == m.rows.count else {
            throw MergeError(file: m.path, line: line, "清单的结尾行与内容不符", "the end line does not match the manifest's rows", hint: "请重新运行该分片")
        }
    }

    static func verify(_ path: String, _ sum: String, manifest: String, line: Int) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw MergeError(file: manifest, line: line, "分片的文件不见了：\(path)", "the shard's file \(path) is missing", hint: "请把该分片的输出放回清单旁，或重新运行该分片")
        }
        guard SHA256.hex(file: path) == sum else {
            throw MergeError(file: manifest, line: line, "分片的文件已改动（SHA-256 不符）：\(path)",
                             "the shard's file \(path) was changed since its run (SHA-256 differs)", hint: "请重新运行该分片")
        }
    }

    /// Writes the merged output: OUT.pdf and OUT.manifest.jsonl for one-PDF shards; for per-row
    /// shards, the manifest OUT (and the zip).
    public func write(to output: String, zip: String? = nil) throws -> Summary {
        let rows = shards.flatMap { m in m.rows.map { (m, $0) } }.sorted { $0.1.entry < $1.1.entry }
        var merged: [Manifest.Row] = []
        var summary = Summary(outputs: [], rows: rows.count, pages: 0)
        var endLine = end
        endLine.shard = "1/1"
        endLine.rows = rows.count
        if end.format == "pdf" {
            guard output.lowercased().hasSuffix(".pdf") else {
                throw BatchError.usage("这些分片各是一个 PDF：-o 应以 .pdf 结尾 (the shards are one PDF each: -o must end in .pdf)")
            }
            let manifestPath = String(output.dropLast(4)) + ".manifest.jsonl"
            let name = (output as NSString).lastPathComponent
            let file = try AtomicFile.Output(path: output)
            let joiner = PDFJoiner(date: PDFDate(epoch: end.date)) { bytes in try bytes.withUnsafeBytes { try file.write($0) } }
            var parts: [Int: PDFJoiner.Part] = [:]
            func part(_ m: Manifest.Contents) throws -> PDFJoiner.Part {
                let k = ShardMerge.index(m.end.shard)
                if let p = parts[k] { return p }
                let folder = (m.path as NSString).deletingLastPathComponent
                let p = try joiner.open(path: (folder.isEmpty ? "" : folder + "/") + m.end.output)
                parts[k] = p
                return p
            }
            do {
                var pages = 0
                if end.by == ShardMethod.block.rawValue {
                    // Whole shard files in order; each row's pages move by the pages before its shard.
                    var offset: [Int: Int] = [:]
                    for m in shards where m.end.sha256 != nil {
                        offset[ShardMerge.index(m.end.shard)] = pages
                        let p = try part(m)
                        try joiner.append(p)
                        pages += p.pageCount
                    }
                    for (m, row) in rows {
                        var r = row
                        if let range = ShardMerge.pages(row.pages), let o = offset[ShardMerge.index(m.end.shard)] {
                            r.pages = "\(range.lowerBound + o + 1)-\(range.upperBound + o)"
                        }
                        if !r.output.isEmpty { r.output = name }
                        merged.append(r)
                    }
                } else {
                    // Rows in list order: consecutive rows of one shard in one range.
                    var k = 0
                    while k < rows.count {
                        let (m, row) = rows[k]
                        var r = row
                        guard let range = ShardMerge.pages(row.pages) else {
                            if row.status == RowStatus.kept.rawValue {
                                throw MergeError(file: m.path, line: nil, "此分片的 PDF 是续跑时整份保留的，清单里没有各行的页码",
                                                 "the shard's PDF was kept whole by --resume: its manifest has no pages per row",
                                                 hint: "请不带 --resume 重新运行该分片")
                            }
                            if !r.output.isEmpty { r.output = name }
                            merged.append(r); k += 1; continue
                        }
                        var upper = range.upperBound
                        var j = k + 1
                        var group = [r]
                        while j < rows.count, rows[j].0.path == m.path, let next = ShardMerge.pages(rows[j].1.pages), next.lowerBound == upper {
                            upper = next.upperBound; group.append(rows[j].1); j += 1
                        }
                        try joiner.append(try part(m), pages: range.lowerBound..<upper)
                        for var g in group {
                            if let p = ShardMerge.pages(g.pages) { g.pages = "\(p.lowerBound - range.lowerBound + pages + 1)-\(p.upperBound - range.lowerBound + pages)" }
                            g.output = name
                            merged.append(g)
                        }
                        // Rows between (not written) keep their places.
                        pages += upper - range.lowerBound
                        k = j
                    }
                }
                try joiner.finish()
                let pass = ShardMerge.rewrite(end.rewrite)
                try file.commit(transform: pass.map { p in { temporary in try p(temporary, output) } })
                summary.pages = pages
            } catch {
                file.discard()
                throw error
            }
            endLine.output = name
            endLine.sha256 = SHA256.hex(file: output)
            endLine.pages = summary.pages
            try writeManifest(merged, endLine, to: manifestPath)
            summary.outputs = [output, manifestPath]
        } else {
            guard output.hasSuffix(".jsonl") else {
                throw BatchError.usage("这些分片是每行一个文件：-o 给合并后的清单，以 .jsonl 结尾 (the shards are one file per row: -o names the merged manifest, ending in .jsonl)")
            }
            let folders = Set(shards.map { (($0.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent($0.end.output) })
            var names: [String] = []
            for (m, row) in rows {
                var r = row
                if !r.output.isEmpty {
                    if folders.count > 1 { r.output = m.end.output + "/" + r.output }
                    names.append(r.output)
                }
                merged.append(r)
            }
            try writeManifest(merged, endLine, to: output)
            summary.outputs = [output]
            if let zip {
                let base = folders.count == 1 ? folders.first ?? "." : (output as NSString).deletingLastPathComponent
                try ZipPacker.pack(names, from: base.isEmpty ? "." : base, to: zip)
                summary.outputs.append(zip)
            }
        }
        return summary
    }

    /// "3-4" as the 0-based range 2..<4.
    static func pages(_ text: String?) -> Range<Int>? {
        guard let text else { return nil }
        let parts = text.split(separator: "-")
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 1, b >= a else { return nil }
        return (a - 1)..<b
    }

    /// The passes the shards' PDFs had (PDF/A, no scaling), applied again to the merged file.
    static func rewrite(_ names: String) -> (@Sendable (_ file: String, _ path: String) throws -> Void)? {
        let list = names.split(separator: ",").map(String.init)
        guard !list.isEmpty else { return nil }
        return { file, path in
            if list.contains("pdfa") { try PDFAConverter().convert(file: file, to: file, name: path) }
            if list.contains("print") { try PrintScaling.disable(file: file, to: file, name: path) }
        }
    }

    private func writeManifest(_ rows: [Manifest.Row], _ end: Manifest.End, to path: String) throws {
        let w = try ManifestWriter(path: path)
        for r in rows { try w.add(r) }
        try w.finish(end)
    }
}
