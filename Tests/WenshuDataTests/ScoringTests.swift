import Testing
@testable import WenshuData

/// The arithmetic of the evaluation sheet (篇九 附件1).
@Suite struct ScoringTests {
    func sheet(_ yaml: String) throws -> Value {
        let path = NSTemporaryDirectory() + "scoring-\(UUID().uuidString).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return ScoringSheet.compute(try DataLoader.load(path)).root["scoring"]!
    }

    func score(_ s: Value, item: Int) -> Double {
        guard case .array(let items)? = s["items"], case .number(let n)? = items[item - 1]["score"] else { return -1 }
        return n
    }

    @Test func standardIsOneHundredPointsInFourteenItems() {
        let s = ScoringStandard.programme
        #expect(s.items.count == 14 && s.total == 100)
        #expect(s.items.map(\.maximum) == [5, 5, 5, 8, 4, 5, 6, 4, 6, 6, 14, 10, 10, 12])
    }

    @Test func noDeductionsNoMediaIsEightyEight() throws {
        let s = try sheet("school: 甲\n")
        #expect(s["total"] == .number(88))
        #expect(score(s, item: 14) == 0)
    }

    @Test func deductionsAreSubtractedAndCappedAtTheItemsMaximum() throws {
        let s = try sheet("""
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

    @Test func mediaReportsScoreByLevelUpToTwelve() throws {
        let some = try sheet("media: [{level: 县}, {level: 市}, {level: 省}]\n")
        #expect(score(some, item: 14) == 6)
        let many = try sheet("media: [{level: 国家}, {level: 国家}, {level: 省}]\n")
        #expect(score(many, item: 14) == 12, "6 + 6 + 3 capped at 12")
        #expect(many["total"] == .number(100))
    }

    @Test func vetoZeroesTheTotalAndSaysWhy() throws {
        let s = try sheet("media: [{level: 市}]\nveto: [发生重大安全责任事故]\n")
        #expect(s["vetoed"] == .bool(true))
        #expect(s["total"] == .number(0))
        #expect(s["sum"] == .number(90))
        #expect(s["veto_reasons"] == .array([.string("发生重大安全责任事故")]))
    }

    @Test func badItemsAndLevelsAreProblems() throws {
        let path = NSTemporaryDirectory() + "scoring-\(UUID().uuidString).yaml"
        try "deductions:\n  15: [{reason: x, points: 1}]\nmedia: [{level: 乡}]\n".write(toFile: path, atomically: true, encoding: .utf8)
        let problems = ScoringSheet.problems(try DataLoader.load(path))
        #expect(problems.count == 2)
        #expect(problems[0].location?.line == 2)
    }
}

import Foundation
