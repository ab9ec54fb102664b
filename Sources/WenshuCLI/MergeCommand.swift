import ArgumentParser
import Foundation
import WenshuBatch
import WenshuCore

/// `wenshu merge MANIFEST… -o OUT`: the shards of a batch joined into one.
struct MergeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "merge",
            abstract: L("把批量的各分片（wenshu batch --shard K/N）合并为一：PDF 与清单", "join the shards of a batch (wenshu batch --shard K/N) into one: their PDFs and manifests"),
            discussion: LText("""
                给出每个分片的清单（OUT.shard-K-of-N.manifest.jsonl）。它们须来自同一模板版本和同一名单、切法相同、\
                每个分片恰好一次、每行只在一个分片、每个文件未被改动（SHA-256）；否则什么也不写，退出状态为 1。\
                每个分片一个 PDF：-o OUT.pdf，同时写出 OUT.manifest.jsonl；按 block 切分时与一次运行整份名单的 PDF 逐字节相同。\
                每行一个文件：-o 合并后的清单（.jsonl），--zip 打包这些文件。详见 docs/batch.md。
                """, """
                Give every shard's manifest (OUT.shard-K-of-N.manifest.jsonl). They must come from the same \
                template version and list, cut the same way, every shard once, every row in one shard, every \
                file unchanged (SHA-256); otherwise nothing is written and the exit status is 1. One PDF per \
                shard: -o OUT.pdf, written with OUT.manifest.jsonl; cut by block, it is byte for byte the PDF \
                of one run over the whole list. One file per row: -o the merged manifest (.jsonl), and --zip to \
                pack the files. See docs/batch.md.
                """))
    }

    @Argument(help: ArgumentHelp(L("各分片的清单（OUT.shard-K-of-N.manifest.jsonl），顺序不限", "the shards' manifests (OUT.shard-K-of-N.manifest.jsonl), in any order")))
    var manifests: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp(L("合并后的 PDF（OUT.pdf），或每行一个文件时合并后的清单（.jsonl）", "the merged PDF (OUT.pdf), or the merged manifest (.jsonl) for one file per row")))
    var output: String

    @Option(help: ArgumentHelp(L("同时把文书打包进这个 zip（每行一个文件时）", "also pack the documents into this zip (one file per row)")))
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
            for o in summary.outputs { print(L("已写出 \(o)", "wrote \(o)")) }
            print(L("\(merge.shards.count) 个分片，\(summary.rows) 行，\(summary.pages) 页", "\(merge.shards.count) shards, \(summary.rows) rows, \(summary.pages) pages"))
        }
    }
}
