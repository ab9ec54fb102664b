import Foundation
import Testing

/// `wenshu batch --shard K/N` as N processes at once, then `wenshu merge`: the merged PDF and
/// manifest are byte for byte those of one run; a refused merge exits 1 and writes nothing.
@Suite struct MergeCLITests {
    let cli = CLITests()

    @Test func threeProcessesAsThreeShardsMergeIntoOneRun() throws {
        let dir = try cli.folder()
        try BatchCLITests.rows(30).write(toFile: dir + "/list.csv", atomically: true, encoding: .utf8)
        let common = ["batch", "certificate", dir + "/list.csv", "--allow-placeholders", "--chunk", "10", "--bookmarks", "{no} {name}"]
        let one = try cli.wenshu(common + ["-o", dir + "/one.pdf"])
        #expect(one.status == 0, "\(one.err)")
        // The three shards run at the same time, each its own process.
        let shards = (1...3).map { k in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLITests.binary)
            p.arguments = common + ["-o", dir + "/all.pdf", "--shard", "\(k)/3", "--quiet"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            return p
        }
        for p in shards { try p.run() }
        for p in shards { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let manifests = (1...3).map { dir + "/all.shard-\($0)-of-3.manifest.jsonl" }
        // A gap: shard 2 left out.
        let gap = try cli.wenshu(["merge", manifests[0], manifests[2], "-o", dir + "/one-merged.pdf"])
        #expect(gap.status == 1)
        #expect(gap.err.contains("缺少分片 2/3"), "\(gap.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/one-merged.pdf"))
        try FileManager.default.createDirectory(atPath: dir + "/m", withIntermediateDirectories: true)
        let merged = try cli.wenshu(["merge"] + manifests.reversed() + ["-o", dir + "/m/one.pdf"])
        #expect(merged.status == 0, "\(merged.err)")
        let a = FileManager.default.contents(atPath: dir + "/one.pdf"), b = FileManager.default.contents(atPath: dir + "/m/one.pdf")
        #expect(a != nil && a == b)
        #expect(FileManager.default.contents(atPath: dir + "/one.manifest.jsonl") == FileManager.default.contents(atPath: dir + "/m/one.manifest.jsonl"))
    }
}
