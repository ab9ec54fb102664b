import Foundation
import Testing
import WenshuCore
@testable import WenshuBatch

/// Shards by hash, manifests, `wenshu merge` and its refusals, and the key property: N shards
/// merged are byte for byte one run.
@Suite struct BatchShardMergeTests {
    /// 30 certificates (a blank row and a duplicate among them) as a list in a new folder.
    static func list() throws -> (dir: String, list: String) {
        let dir = try BatchSupport.folder("shards")
        let text = BatchSupport.header + "\n" + BatchSupport.rows(14) + "\n,,,,\n" + BatchSupport.rows(1, from: 3) + "\n" + BatchSupport.rows(14, from: 15) + "\n"
        return (dir, try BatchSupport.csv(text, in: dir))
    }

    static func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    /// Runs shards 1…n of `list` into `dir/all.pdf` (chunks of 10 rows) and returns their manifests.
    static func shards(_ list: String, _ dir: String, n: Int, by: ShardMethod = .block) throws -> [String] {
        try (1...n).map { k in
            let (s, _) = try BatchSupport.run(list, output: .onePDF(dir + "/all.pdf")) {
                $0.shard = try! Shard(index: k, count: n); $0.shardBy = by; $0.chunkSize = 10; $0.bookmark = "{no} {name}"
            }
            return s.manifest
        }
    }

    @Test func threeShardsMergedAreByteForByteOneRun() throws {
        let (dir, list) = try BatchShardMergeTests.list()
        try FileManager.default.createDirectory(atPath: dir + "/one", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/merged", withIntermediateDirectories: true)
        let (one, _) = try BatchSupport.run(list, output: .onePDF(dir + "/one/all.pdf")) { $0.chunkSize = 10; $0.bookmark = "{no} {name}" }
        #expect(one.counts.written == 28 && one.pages == 28)
        let manifests = try BatchShardMergeTests.shards(list, dir, n: 3)
        let merged = try ShardMerge(manifests: manifests.reversed()).write(to: dir + "/merged/all.pdf")
        #expect(merged.pages == 28)
        let a = BatchShardMergeTests.bytes(dir + "/one/all.pdf"), b = BatchShardMergeTests.bytes(dir + "/merged/all.pdf")
        #expect(a.count > 1000)
        #expect(a == b)
        #expect(BatchShardMergeTests.bytes(dir + "/one/all.manifest.jsonl") == BatchShardMergeTests.bytes(dir + "/merged/all.manifest.jsonl"))
        #expect(try BatchSupport.pages(dir + "/merged/all.pdf") == 28)
    }

    @Test func theSameListGivesTheSameBytes() throws {
        let (dir, list) = try BatchShardMergeTests.list()
        for name in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + name, withIntermediateDirectories: true)
            _ = try BatchSupport.run(list, output: .onePDF(dir + "/\(name)/all.pdf"))
            _ = try BatchSupport.run(list, output: .files(folder: dir + "/\(name)/files", pattern: nil)) { $0.zip = true }
        }
        let pdf = BatchShardMergeTests.bytes(dir + "/a/all.pdf")
        #expect(!pdf.isEmpty && pdf == BatchShardMergeTests.bytes(dir + "/b/all.pdf"))
        #expect(try BatchSupport.tool("pdfinfo", [dir + "/a/all.pdf"]).contains("Jan  1 00:00:00 2000"))
        let zip = BatchShardMergeTests.bytes(dir + "/a/files.zip")
        #expect(!zip.isEmpty && zip == BatchShardMergeTests.bytes(dir + "/b/files.zip"))
        for name in BatchSupport.pdfs(dir + "/a/files") {
            #expect(BatchShardMergeTests.bytes(dir + "/a/files/" + name) == BatchShardMergeTests.bytes(dir + "/b/files/" + name), "\(name)")
        }
    }

    @Test func theManifestAccountsForEveryRow() throws {
        let (dir, list) = try BatchShardMergeTests.list()
        let (s, run) = try BatchSupport.run(list, output: .files(folder: dir + "/out", pattern: nil))
        let m = try Manifest.read(s.manifest)
        #expect(m.rows.map(\.entry) == Array(0..<30))
        #expect(m.rows.filter { $0.status == "written" }.count == 28)
        #expect(m.rows[14].status == "skipped" && m.rows[15].status == "duplicate")
        #expect(m.rows[0].key == "NO-0001")
        for row in m.rows where row.status == "written" {
            #expect(row.sha256 == SHA256.hex(file: dir + "/out/" + row.output))
            #expect(row.input.count == 64)
        }
        // The same values give the same input hash: the duplicate's row equals row 3's.
        #expect(m.rows[15].input == m.rows[2].input)
        #expect(m.end.templateVersion == TemplateVersion.hash(run.template))
        #expect(m.end.entries == 30 && m.end.rows == 30 && m.end.shard == "1/1" && m.end.format == "pdf-files")
        #expect(m.end.listSHA256 == SHA256.hex(file: list))
        // One PDF: each row's pages.
        let (p, _) = try BatchSupport.run(list, output: .onePDF(dir + "/all.pdf"))
        let pm = try Manifest.read(p.manifest)
        #expect(pm.rows[0].pages == "1-1" && pm.rows[29].pages == "28-28" && pm.rows[14].pages == nil)
        #expect(pm.end.sha256 == SHA256.hex(file: dir + "/all.pdf"))
    }

    @Test func hashShardsKeepTheirRowsWhenTheListGrows() throws {
        let dir = try BatchSupport.folder("hash")
        func owners(_ text: String, _ name: String) throws -> [String: Int] {
            let list = try BatchSupport.csv(BatchSupport.header + "\n" + text, in: dir, name: name + ".csv")
            var owner: [String: Int] = [:]
            for k in 1...3 {
                let (s, _) = try BatchSupport.run(list, output: .onePDF(dir + "/\(name).pdf")) {
                    $0.shard = try! Shard(index: k, count: 3); $0.shardBy = .hash
                }
                for row in try Manifest.read(s.manifest).rows { owner[row.key] = k }
            }
            return owner
        }
        let before = try owners(BatchSupport.rows(30), "before")
        let after = try owners(BatchSupport.rows(10, from: 100) + "\n" + BatchSupport.rows(30), "after")
        #expect(before.count == 30 && after.count == 40)
        #expect(Set(before.values).count == 3)
        for (key, k) in before { #expect(after[key] == k, "\(key)") }
        // Contiguous blocks, by contrast, move rows when rows come first.
    }

    @Test func hashShardsMergeInListOrder() throws {
        let (dir, list) = try BatchShardMergeTests.list()
        let manifests = try BatchShardMergeTests.shards(list, dir, n: 3, by: .hash)
        let merged = try ShardMerge(manifests: manifests).write(to: dir + "/merged.pdf")
        #expect(merged.pages == 28)
        #expect(try BatchSupport.pages(dir + "/merged.pdf") == 28)
        let rows = try Manifest.read(dir + "/merged.manifest.jsonl").rows
        #expect(rows.map(\.entry) == Array(0..<30))
        let pages = rows.compactMap { ShardMerge.pages($0.pages)?.lowerBound }
        #expect(pages == Array(0..<28))
        let text = try BatchSupport.tool("pdftotext", [dir + "/merged.pdf", "-"])
        let order = ["NO-0001", "NO-0002", "NO-0014", "NO-0015", "NO-0028"].map { text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { ($0 ?? text.startIndex) < ($1 ?? text.startIndex) })
    }

    @Test func mergeRefusesGapsOverlapsOtherVersionsAndAlteredFiles() throws {
        let (dir, list) = try BatchShardMergeTests.list()
        let m = try BatchShardMergeTests.shards(list, dir, n: 3)
        func refusal(_ manifests: [String]) -> MergeError? {
            do { _ = try ShardMerge(manifests: manifests).write(to: dir + "/out.pdf"); return nil } catch let e as MergeError { return e } catch { return nil }
        }
        #expect(refusal([m[0], m[2]])?.chinese.contains("缺少分片 2/3") == true)
        #expect(refusal([m[0], m[1], m[1], m[2]])?.chinese.contains("重复") == true)
        // A manifest of another template version.
        let other = dir + "/other.manifest.jsonl"
        let text = try String(contentsOfFile: m[1], encoding: .utf8)
        let version = try Manifest.read(m[1]).end.templateVersion
        try text.replacingOccurrences(of: version, with: String(repeating: "0", count: 64)).write(toFile: other, atomically: true, encoding: .utf8)
        #expect(refusal([m[0], other, m[2]])?.chinese.contains("模板版本不同") == true)
        // A manifest cut short.
        let cut = dir + "/cut.manifest.jsonl"
        try text.split(separator: "\n").dropLast().joined(separator: "\n").write(toFile: cut, atomically: true, encoding: .utf8)
        #expect(refusal([m[0], cut, m[2]])?.chinese.contains("不完整") == true)
        // A shard PDF changed after its run.
        let pdf = dir + "/all.shard-2-of-3.pdf"
        let handle = try #require(FileHandle(forWritingAtPath: pdf))
        try handle.seekToEnd(); try handle.write(contentsOf: Data("%".utf8)); try handle.close()
        let altered = refusal(m)
        #expect(altered?.chinese.contains("已改动") == true)
        #expect(altered?.location?.file == m[1])
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.manifest.jsonl"))
    }

    @Test func blockShardsOfOnePDFAreCutOnChunkBoundaries() throws {
        let s = try Shard(index: 2, count: 3)
        #expect(s.range(of: 30, chunk: 10) == 10..<20)
        #expect(try Shard(index: 3, count: 3).range(of: 25, chunk: 10) == 20..<25)
        #expect(try Shard(index: 1, count: 4).range(of: 25, chunk: 10) == 0..<0)
        var covered: [Int] = []
        for k in 1...7 { covered += Array(try Shard(index: k, count: 7).range(of: 1234, chunk: 100)) }
        #expect(covered == Array(0..<1234))
    }
}
