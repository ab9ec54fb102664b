import WenshuCore
import Testing
@testable import WenshuText

/// Rule 1 (clreq §3.1.7, GB/T 15834): marks that may not start or end a line.
@Suite struct KinsokuTests {
    @Test func tablesHoldTheMarksOfTheStandard() {
        for c in "、，；：。！？）》」』】〕”’・" { #expect(Kinsoku.noLineStart.contains(c), "\(c) may not start a line") }
        for c in "（《「『【〔“‘" { #expect(Kinsoku.noLineEnd.contains(c), "\(c) may not end a line") }
        #expect(!Kinsoku.allowsBreak(between: "好", and: "，"))
        #expect(!Kinsoku.allowsBreak(between: "《", and: "书"))
        #expect(Kinsoku.allowsBreak(between: "，", and: "书"))
    }

    /// Each closing mark put exactly where a naive break would set it at a line's start.
    @Test(arguments: Array("、，；：。！？）》」』】〕”’"))
    func closingMarkNeverStartsALine(mark: Character) throws {
        // Ten characters fill the 10-em line; the mark would be the 11th.
        let text = "一二三四五六七八九十" + String(mark) + "甲乙丙丁戊己庚辛壬癸子丑寅卯"
        let lines = try Fixture.lines(text, measure: 10)
        #expect(lines.count >= 2)
        for line in lines.dropFirst() { #expect(line.first != mark, "line starts with \(mark): \(lines)") }
        #expect(lines.joined() == text)
    }

    @Test(arguments: Array("（《「『【〔“‘"))
    func openingMarkNeverEndsALine(mark: Character) throws {
        // The mark would be the 10th character, the last of the first line.
        let text = "一二三四五六七八九" + String(mark) + "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳"
        let lines = try Fixture.lines(text, measure: 10)
        for line in lines.dropLast() { #expect(line.last != mark, "line ends with \(mark): \(lines)") }
    }

    /// Rule 2: —— and …… are one two-em piece, never split across lines.
    @Test(arguments: ["——", "……"])
    func dashAndEllipsisNeverSplit(mark: String) throws {
        for offset in 7...10 {
            let text = String(repeating: "中", count: offset) + mark + "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未"
            let lines = try Fixture.lines(text, measure: 10)
            #expect(lines.contains { $0.contains(mark) }, "\(mark) split at offset \(offset): \(lines)")
            for line in lines.dropFirst() { #expect(!line.hasPrefix(String(mark.first!)), "\(lines)") }
        }
    }

    @Test func dashIsTwoEmsWide() throws {
        let layout = try Fixture.set("甲——乙", measure: 20, style: ParagraphStyle(firstLineIndent: 0, alignment: .left))
        #expect((layout.lines[0].width.points / Fixture.em).near(4))
    }
}

/// Numbers stay whole with their units: a date (2023年6月28日) and a document number (24号) are
/// never broken across lines (GB/T 15835-2011 §4.1).
@Suite struct NumberUnitTests {
    @Test func aDateIsNeverBroken() throws {
        let lines = try Fixture.lines("完成时间2023年6月28日前", measure: 7, style: ParagraphStyle(firstLineIndent: 0, alignment: .left))
        #expect(lines.contains { $0.contains("2023年6月28日") }, "\(lines)")
    }

    @Test func theJoinTable() {
        #expect(Kinsoku.joinsNumber(earlier: nil, before: "2023", after: "年"))
        #expect(Kinsoku.joinsNumber(earlier: "2023", before: "年", after: "6"))
        #expect(!Kinsoku.joinsNumber(earlier: "今", before: "年", after: "6"))
        #expect(!Kinsoku.joinsNumber(earlier: nil, before: "2023", after: "届"))
        #expect(Kinsoku.joinsNumber(earlier: "2023", before: "〕", after: "7"), "〔2023〕7号 is one document number")
        #expect(!Kinsoku.joinsNumber(earlier: "号", before: "）", after: "7"))
    }

    /// The plan's "（清教工委〔2023〕|7号）" broke between the year and the serial of a document number.
    @Test func aDocumentNumberIsNotBrokenAfterItsYear() throws {
        for measure in stride(from: 6.0, through: 12.0, by: 0.5) {
            let lines = try Fixture.lines("通知》（清教工委〔2023〕7号）要求", measure: measure)
            #expect(!lines.contains { $0.hasSuffix("〕") }, "\(measure): \(lines)")
        }
    }

    @Test func intrinsicWidthsKeepTheDateWhole() throws {
        let w = try Fixture.typesetter.intrinsicWidths([InlineRun("日期2023年6月28日", style: Fixture.body)],
                                                        style: ParagraphStyle(firstLineIndent: 0))
        // 年 月 日 are one em each; the numbers are narrower: the date is at least 3 em, the whole at least 5.
        #expect(w.minimum.points > 3 * Fixture.em, "\(w)")
        #expect(w.preferred.points > w.minimum.points + 1.5 * Fixture.em, "\(w)")
    }
}

/// The prohibitions come from the one table of marks (`PunctuationClass.marks`), not a list of their own.
@Suite struct KinsokuTableTests {
    @Test func everyMarkOfTheTableHasItsRule() {
        for (kind, marks) in PunctuationClass.marks {
            for c in marks {
                switch kind {
                case .opening: #expect(Kinsoku.noLineEnd.contains(c) && !Kinsoku.noLineStart.contains(c), "\(c)")
                case .middleDot: #expect(Kinsoku.noLineEnd.contains(c) && Kinsoku.noLineStart.contains(c), "\(c)")
                default: #expect(Kinsoku.noLineStart.contains(c) && !Kinsoku.noLineEnd.contains(c), "\(c)")
                }
            }
        }
        for c in "%％‰℃,.;:?!)]}" { #expect(Kinsoku.noLineStart.contains(c), "\(c)") }
        for c in "([{" { #expect(Kinsoku.noLineEnd.contains(c), "\(c)") }
    }
}

/// `Kinsoku.isOne` looks one scalar up by value: the same answers as the Character lookup it stands for.
@Suite struct KinsokuUnitLookupTests {
    @Test func scalarLookupEqualsCharacterLookup() {
        let texts = ["年", "月", "日", "号", "秒", "甲", "", "年月", "年\u{FE00}", "\u{F98E}", "2023", "号\u{0301}", "𠈌", "a"]
        for t in texts {
            let characters = t.count == 1 && t.first.map(Kinsoku.numberUnits.contains) == true
            #expect(Kinsoku.isOne(t, of: Kinsoku.numberUnits, scalars: Kinsoku.numberUnitScalars) == characters, "\(t)")
            let joiner = t.count == 1 && t.first.map(Kinsoku.dateJoiners.contains) == true
            #expect(Kinsoku.isOne(t, of: Kinsoku.dateJoiners, scalars: Kinsoku.dateJoinerScalars) == joiner, "\(t)")
        }
        // A compatibility ideograph equals its canonical twin as a Character, so it is a unit too.
        if Character("\u{F98E}") == "年" {
            #expect(Kinsoku.isOne("\u{F98E}", of: Kinsoku.numberUnits, scalars: Kinsoku.numberUnitScalars))
        }
        #expect(Kinsoku.joinsNumber(earlier: nil, before: "24", after: "号"))
        #expect(Kinsoku.joinsNumber(earlier: "2023", before: "年", after: "6"))
        #expect(!Kinsoku.joinsNumber(earlier: "今", before: "年", after: "6"))
    }
}
