import Foundation
import Testing
@testable import WenshuData
import struct WenshuCore.Problem

/// The repository's root folder, for the standards and the seed texts beside it.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

func standard(_ name: String) throws -> ScoringStandard {
    try ScoringStandard.load(repositoryRoot + "/templates/scoring/standards/\(name).yaml")
}

func dataSet(_ yaml: String) throws -> DataSet {
    let path = NSTemporaryDirectory() + "scoring-\(UUID().uuidString).yaml"
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    return try DataLoader.load(path)
}

/// The arithmetic of the evaluation sheet against 篇九 附件1, read from its data file.
@Suite struct ScoringSheetTests {
    /// The reviewer's data read as `wenshu build scoring` reads it: against the template's
    /// fields.yaml (which names the sheet's labels), then scored.
    func sheet(_ yaml: String) throws -> (Value, [WenshuCore.Problem]) {
        let schema = try SchemaFile.load(repositoryRoot + "/templates/scoring/fields.yaml")
        let data = SchemaChecker(schema).normalize(try dataSet(yaml))
        let (out, problems) = ScoringSheet.compute(data, standard: try standard("pian9"))
        return (try #require(out.root["scoring"]), problems)
    }

    func score(_ s: Value, item: Int) -> Double {
        guard case .array(let items)? = s["items"], case .number(let n)? = items[item - 1]["score"] else { return -1 }
        return n
    }

    @Test func standardIsOneHundredPointsInFourteenItems() throws {
        let s = try standard("pian9")
        #expect(s.items.count == 14 && s.total == 100)
        #expect(s.items.map(\.maximum) == [5, 5, 5, 8, 4, 5, 6, 4, 6, 6, 14, 10, 10, 12])
        #expect(s.groups.map(\.name) == ["创建思想", "项目要求", "实施过程", "建设成效"])
        #expect(s.notes.count == 3 && s.vetoNote?.hasSuffix("实行“一票否决”；") == true)
    }

    @Test func noDeductionsNoMediaIsEightyEight() throws {
        let (s, problems) = try sheet("school: 甲\n")
        #expect(problems.isEmpty)
        #expect(s["total"] == .number(88))
        #expect(score(s, item: 14) == 0)
    }

    @Test func deductionsAreSubtractedAndCappedAtTheItemsMaximum() throws {
        let (s, _) = try sheet("""
        deductions:
          1: [{reason: 未公开承诺, points: 2}]
          11:
            - {reason: 经费保障不到位, points: 3}
            - {reason: 活动开展不及时, points: 6}
            - {reason: 内容简单, points: 5}
            - {reason: 宣传不到位, points: 2}
          12: [{reason: 参与率不高, points: 0.5}]
        """)
        #expect(score(s, item: 1) == 3)
        #expect(score(s, item: 11) == 0, "16 points deducted from 14: capped")
        #expect(score(s, item: 12) == 9.5)
        #expect(s["total"] == .number(88 - 2 - 14 - 0.5))
    }

    /// The sheet's own labels are honoured: 扣分 for deductions, 原因 and 扣分 inside (a label that
    /// was silently ignored printed 93 instead of 88). The labels are the template's (fields.yaml),
    /// not the scoring code's: read without the schema, 扣分 counts for nothing.
    @Test func chineseLabelsCount() throws {
        let yaml = "扣分:\n  1: [{原因: 未公开承诺, 扣分: 2}]\n  2: [{扣分原因: 测评不合格, 分值: 3}]\n媒体报道: [{级别: 市, 报道: 清河日报}]\n"
        let (s, problems) = try sheet(yaml)
        #expect(problems.isEmpty)
        #expect(s["total"] == .number(83 + 2), "市级报道 2 分")
        guard case .array(let items)? = s["items"], case .array(let media)? = items.last?["deductions"] else {
            Issue.record("no items"); return
        }
        #expect(media.first?["reason"] == .string("市级报道：清河日报"))
        let raw = ScoringSheet.compute(try dataSet(yaml), standard: try standard("pian9")).0.root["scoring"]
        #expect(raw?["total"] == .number(88))
    }

    @Test func mediaReportsScoreByLevelUpToTwelve() throws {
        let (some, _) = try sheet("media: [{level: 县}, {level: 市}, {level: 省}]\n")
        #expect(score(some, item: 14) == 6)
        let (many, _) = try sheet("media: [{level: 国家}, {level: 国家}, {level: 省}]\n")
        #expect(score(many, item: 14) == 12, "6 + 6 + 3 capped at 12")
        #expect(many["total"] == .number(100))
    }

    @Test func vetoZeroesTheTotalAndSaysWhy() throws {
        let (s, _) = try sheet("media: [{level: 市}]\nveto: [发生重大安全责任事故]\n")
        #expect(s["vetoed"] == .bool(true))
        #expect(s["total"] == .number(0))
        #expect(s["sum"] == .number(90))
        #expect(s["veto_reasons"] == .array([.string("发生重大安全责任事故")]))
    }

    @Test func badItemsLevelsAndPointsAreProblems() throws {
        let (_, problems) = try sheet("deductions:\n  15: [{reason: x, points: 1}]\n  2: [{reason: y, points: 两分}]\nmedia: [{level: 乡}]\n")
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.first?.location?.line == 2)
        #expect(problems.contains { $0.chinese.contains("扣分应为") && $0.location?.line == 3 })
    }

    /// 篇三's standard: five criteria judged by grade.
    @Test func gradesStandard() throws {
        let s = try standard("pian3")
        #expect(s.method == .grades && s.items.count == 5 && s.total == 10)
        let (out, problems) = ScoringSheet.compute(try dataSet("grades: {1: 符合, 2: 基本符合, 3: 符合, 4: 不符合, 5: 优秀}\n"), standard: s)
        #expect(problems.count == 1 && problems[0].chinese.contains("优秀"))
        #expect(out.root["scoring"]?["total"] == .number(5))
    }

    /// The summary ranks by total: equal totals share a rank and the next is skipped; a veto comes last.
    @Test func summaryRanksWithTiesAndVetoLast() throws {
        let data = try dataSet("""
        schools:
          - {school: 甲, media: [{level: 市}]}
          - {school: 乙, media: [{level: 国家}, {level: 国家}]}
          - {school: 丙, media: [{level: 市}]}
          - {school: 丁, media: [{level: 国家}], veto: [不规范办学]}
          - {school: 戊}
        """)
        let (out, problems) = ScoringSheet.summarize(data, standard: try standard("pian9"))
        #expect(problems.isEmpty)
        guard case .array(let rows)? = out.root["summary"]?["rows"] else { Issue.record("no rows"); return }
        #expect(rows.map { $0["school"]?.description ?? "" } == ["乙", "甲", "丙", "戊", "丁"])
        #expect(rows.map { $0["rank"] } == [.number(1), .number(2), .number(2), .number(4), .number(5)])
        #expect(rows[0]["groups"] == .array([.number(15), .number(17), .number(36), .number(32)]))
    }

    @Test func badStandardFileNamesEveryProblem() throws {
        let path = NSTemporaryDirectory() + "standard-\(UUID().uuidString).yaml"
        try "title: 测试\nitems:\n  - {number: 1, criteria: 甲, maximum: -1}\n  - {number: 3, criteria: 乙}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ScoringStandard.Invalid.self) { try ScoringStandard.load(path) }
        do { _ = try ScoringStandard.load(path) } catch let e as ScoringStandard.Invalid {
            #expect(e.problems.count == 3, "\(e.problems)")
            #expect(e.problems.allSatisfy { $0.location?.file == path })
        }
    }
}

/// The standards reproduce the issued texts of the seed word for word (GB/T 15834 full-width
/// punctuation put back where the extraction had half-width; its spaces dropped).
@Suite struct ScoringStandardWordingTests {
    static let seed: String? = {
        let folder = repositoryRoot + "/../shared/reference"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasPrefix("000_") }.first.flatMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    }()

    /// Spaces out, half-width punctuation to the full-width forms of Chinese text.
    static func normalized(_ s: String) -> String {
        let map: [Character: Character] = [",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"]
        return String(s.filter { !$0.isWhitespace }.map { map[$0] ?? $0 })
    }

    /// Every piece appears in the seed's segment in order.
    func expectInOrder(_ pieces: [String], in segment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var rest = Substring(segment)
        for piece in pieces.map(Self.normalized) {
            guard let r = rest.range(of: piece) else {
                Issue.record("not in the issued text (in order): \(piece)", sourceLocation: sourceLocation)
                return
            }
            rest = rest[r.upperBound...]
        }
    }

    @Test func pian9AttachmentOneWordForWord() throws {
        let seed = try #require(Self.seed, "../shared/reference/000_*.txt")
        let text = Self.normalized(seed)
        let start = try #require(text.range(of: "附件1评估项目"))
        let end = try #require(text.range(of: "作为考核干部的重要内容。", range: start.upperBound..<text.endIndex))
        let segment = String(text[start.lowerBound..<end.upperBound])
        let s = try standard("pian9")
        #expect(segment.contains(Self.normalized(s.title)))
        var pieces = s.columns
        for item in s.items {
            pieces += ["\(item.number).\(item.criteria)", String(Int(item.maximum ?? 0)), item.rules ?? ""]
        }
        // The title sits between items 5 and 6 in the extraction (a page's foot); check the items
        // in order on either side of it.
        let title = Self.normalized(s.title)
        let split = try #require(segment.range(of: title))
        let before = String(segment[..<split.lowerBound]), after = String(segment[split.upperBound...])
        let firstHalf = pieces.prefix(s.columns.count + 5 * 3)
        expectInOrder(Array(firstHalf), in: before)
        expectInOrder(Array(pieces.dropFirst(firstHalf.count)), in: after)
        expectInOrder(s.notes.enumerated().map { "\($0.offset + 1).\($0.element.text)" }, in: "注：" + after.components(separatedBy: "注：").last!)
    }

    @Test func pian3CriteriaWordForWord() throws {
        let seed = try #require(Self.seed)
        let text = Self.normalized(seed)
        let start = try #require(text.range(of: "三、评选标准"))
        let end = try #require(text.range(of: "四、评选方法", range: start.upperBound..<text.endIndex))
        let segment = String(text[start.upperBound..<end.lowerBound])
        let s = try standard("pian3")
        expectInOrder(s.items.map { "\($0.number).\($0.criteria)" }, in: segment)
    }
}
