import ArgumentParser
import Foundation
import WenshuBatch
import WenshuCore

/// `wenshu merge MANIFEST… -o OUT`: the shards of a batch joined into one.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shards of a batch (wenshu batch --shard K/N) into one: their PDFs and manifests.",
        discussion: """
            Give every shard's manifest (OUT.shard-K-of-N.manifest.jsonl). They must come from the same \
            template version and list, cut the same way, every shard once, every row in one shard, every \
            file unchanged (SHA-256); otherwise nothing is written and the exit status is 1. One PDF per \
            shard: -o OUT.pdf, written with OUT.manifest.jsonl; cut by block, it is byte for byte the PDF \
            of one run over the whole list. One file per row: -o the merged manifest (.jsonl), and --zip to \
            pack the files. See docs/batch.md.
            """)

    @Argument(help: "The shards' manifests (OUT.shard-K-of-N.manifest.jsonl), in any order.")
    var manifests: [String]

    @Option(name: .shortAndLong, help: "The merged PDF (OUT.pdf), or the merged manifest (.jsonl) for one file per row.")
    var output: String

    @Option(help: "Also pack the documents into this zip (one file per row).")
    var zip: String?

    func run() throws {
        try reportingErrors {
            let merge: ShardMerge
            do {
                merge = try ShardMerge(manifests: manifests)
            } catch BatchError.usage(let m) {
                throw ValidationError(m)
            }
            let summary = try merge.write(to: output, zip: zip)
            for o in summary.outputs { print("wrote \(o)") }
            print("\(merge.shards.count) shards, \(summary.rows) rows, \(summary.pages) pages")
        }
    }
}
