import Foundation
import Testing
import WenshuCore
import WenshuFuzz

/// Replays every committed fuzz corpus file (Fuzz/Corpus/<target>/) through the same entry
/// function the fuzzer ran: none may crash, and every refusal must be one of Wenshu's own errors
/// with a message for users (not a library's raw text).
struct CorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Corpus")

    static func files(_ target: FuzzTarget) -> [URL] {
        let folder = corpus.appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
    }

    /// Library wording that must never reach a user.
    static let rawLibraryText = ["internal error", "Huge input lookup", "Swift.", "ZIPFoundation", "YamlError", "Archive.ArchiveError"]

    @Test(arguments: FuzzTarget.allCases)
    func corpusReplaysWithoutCrashOrRawErrors(_ target: FuzzTarget) throws {
        let files = Self.files(target)
        #expect(!files.isEmpty, "Fuzz/Corpus/\(target.rawValue) has no inputs")
        for file in files {
            let input = try Data(contentsOf: file)
            switch target.run(input) {
            case .accepted:
                break
            case .refused(let error):
                for text in Self.rawLibraryText {
                    #expect(!error.message.contains(text), "\(file.lastPathComponent): \(error.message)")
                }
            case .unexpected(let description):
                Issue.record("\(target.rawValue)/\(file.lastPathComponent) threw a raw error: \(description)")
            }
        }
    }

    /// The replay can fail: an input that the xlsx loader refuses is reported as a refusal, with a
    /// place, not accepted.
    @Test func replayTellsRefusalsFromAcceptance() {
        guard case .refused(let error) = FuzzTarget.xlsx.run(Data("PK\u{3}\u{4}not a zip".utf8)) else {
            Issue.record("a broken zip was not refused")
            return
        }
        #expect(error.location?.file == "fuzz.xlsx")
        guard case .accepted = FuzzTarget.yaml.run(Data("name: 一中\n".utf8)) else {
            Issue.record("plain YAML was not accepted")
            return
        }
    }
}
