import Testing
import WenshuCore
@testable import WenshuText

/// Rules 6 and 7 and the breaker itself: justification, lone last characters, indent, total fit.
@Suite struct LinebreakTests {
    static let paragraph = "党建文化是党在长期发展建设中创造的精神财富，是体现党的性质、奋斗目标、历史传统的文化形态，是充分发挥基层党组织战斗堡垒和政治核心作用的重要保证。为贯彻落实《关于加强中小学校党的建设工作的意见》，现就全区中小学校开展“一校一品”党建文化建设工作提出如下意见。"

    /// Every line but the last fills the measure exactly (rule 6), at a measure that is not a whole
    /// number of characters, so lines must shrink or stretch.
    @Test(arguments: [13.6, 17.3, 27.64])
    func justifiedLinesFillTheMeasure(measure: Double) throws {
        let layout = try Fixture.set(Self.paragraph, measure: measure, style: ParagraphStyle())
        #expect(layout.lines.count > 2)
        for line in layout.lines.dropLast() {
            #expect((line.width.points / Fixture.em).near(measure, 0.02), "\(line.text): \(line.width)")
        }
        #expect(layout.lines.map(\.text).joined() == Self.paragraph)
    }

    /// Rule 7: no paragraph ends with one character, or one character and a mark, on its last line.
    @Test(arguments: [9, 10, 11, 12, 13])
    func noLoneLastCharacter(length: Int) throws {
        // n·10+1 characters: first-fit would leave one alone.
        let han = Array("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃")
        let text = String(han.prefix(length * 2 + 1)) + "。"
        let lines = try Fixture.lines(text, measure: Double(length))
        let last = lines.last!.filter { !"。".contains($0) }
        #expect(last.count >= 2, "\(lines)")
    }

    @Test func ruleCanBeSwitchedOff() throws {
        let style = ParagraphStyle(firstLineIndent: 0, avoidLoneLastCharacter: false)
        let lines = try Fixture.lines("甲乙丙丁戊己庚辛壬癸子", measure: 10, style: style)
        #expect(lines == ["甲乙丙丁戊己庚辛壬癸", "子"])
    }

    /// The first line starts two characters in (2 字).
    @Test func firstLineIndentIsTwoCharacters() throws {
        let layout = try Fixture.set(Self.paragraph, measure: 20, style: ParagraphStyle())
        #expect(Fixture.glyphXs(layout.lines[0]).first!.near(2))
        #expect(Fixture.glyphXs(layout.lines[1]).first!.near(0, 0.6))
    }

    /// Total fit: the breaker looks ahead. First-fit fills the first lines and strands one
    /// character; total fit shortens an earlier line instead (and the lines still justify).
    @Test func breakerLooksAhead() throws {
        let text = String(repeating: "中", count: 21)
        let lines = try Fixture.lines(text, measure: 10)
        #expect(lines.map(\.count) != [10, 10, 1])
        #expect(lines.last!.count >= 2)
    }

    /// A forced line break inside a paragraph.
    @Test func newlineForcesABreak() throws {
        let lines = try Fixture.lines("联系人：陈明远\n电话：0000-0000000", measure: 30)
        #expect(lines == ["联系人：陈明远", "电话：0000-0000000"])
    }

    /// Distributed alignment (分散对齐) spreads a short label over the whole measure.
    @Test func distributedLabelSpansTheMeasure() throws {
        let layout = try Fixture.set("党员数", measure: 6, style: ParagraphStyle(firstLineIndent: 0, alignment: .distributed))
        let xs = Fixture.glyphXs(layout.lines[0])
        #expect(xs.count == 3)
        #expect(xs[0].near(0) && xs[1].near(2.5) && xs[2].near(5), "\(xs)")
    }

    /// 分散对齐 opens only between characters: the brackets and the pause mark of "县（市、区）"
    /// stay against their characters (no two ideographs stand side by side here, so nothing opens).
    @Test func distributedLabelKeepsItsMarksClose() throws {
        let layout = try Fixture.set("县（市、区）", measure: 10, style: ParagraphStyle(firstLineIndent: 0, alignment: .distributed))
        let xs = Fixture.glyphXs(layout.lines[0])
        #expect(xs.count == 6)
        // Every gap beside a mark keeps its natural width (one em at most, less GB compression).
        let gaps = zip(xs.dropFirst(), xs).map { $0 - $1 }
        #expect(gaps.allSatisfy { $0 <= 1.01 }, "marks stay close: \(gaps)")
    }

    @Test func distributedSpreadsBetweenIdeographsOnly() throws {
        let layout = try Fixture.set("县市区（旗）", measure: 12, style: ParagraphStyle(firstLineIndent: 0, alignment: .distributed))
        let xs = Fixture.glyphXs(layout.lines[0])
        let gaps = zip(xs.dropFirst(), xs).map { $0 - $1 }
        // 县 市 区 spread; （旗） stays together.
        #expect(gaps[0] > 2 && gaps[1] > 2, "\(gaps)")
        #expect(gaps[3] <= 1.01 && gaps[4] <= 1.01, "\(gaps)")
    }

    @Test func centredLine() throws {
        let layout = try Fixture.set("通知", measure: 10, style: ParagraphStyle(firstLineIndent: 0, alignment: .center))
        #expect(Fixture.glyphXs(layout.lines[0]).first!.near(4))
    }

    /// A word longer than the measure overflows rather than being lost or looping.
    @Test func overlongWordStillSets() throws {
        let lines = try Fixture.lines("网址 https://example.invalid/very/long/path/that/cannot/break 结束", measure: 5)
        #expect(lines.joined(separator: " ").contains("https://example.invalid/very/long/path/that/cannot/break"))
    }

    @Test func emptyParagraphHasNoLines() throws {
        #expect(try Fixture.set("", measure: 10).lines.isEmpty)
    }
}

/// The clreq order of shrinking and stretching (rule 6), on the justification pass alone.
@Suite struct JustifyTests {
    private func junction(shrink: [ShrinkPriority: Double] = [:], stretch: [StretchPriority: Double] = [:]) -> Junction {
        var j = Junction()
        for (k, v) in shrink { j.shrink[k.rawValue] = v }
        for (k, v) in stretch { j.stretch[k.rawValue] = v }
        return j
    }

    @Test func shrinkTakesBracketsBeforeCommasBeforeStops() {
        let js = [junction(shrink: [.stops: 8]), junction(shrink: [.pauses: 8]), junction(shrink: [.brackets: 8]), Junction()]
        let a = Justify.adjustments(junctions: js, from: 0, to: 3, delta: -10)
        #expect(a[2].near(-8) && a[1].near(-2) && a[0].near(0), "\(a)")
    }

    @Test func wordSpacesShrinkFirst() {
        let js = [junction(shrink: [.wordSpace: 2, .brackets: 8]), Junction()]
        let a = Justify.adjustments(junctions: js, from: 0, to: 1, delta: -3)
        #expect(a[0].near(-3))
    }

    @Test func stretchWidensSpacesBeforeLetterSpacing() {
        let js = [junction(stretch: [.wordSpace: 3, .interCharacter: 1]), junction(stretch: [.interCharacter: 1]), Junction()]
        let small = Justify.adjustments(junctions: js, from: 0, to: 2, delta: 2)
        #expect(small[0].near(2) && small[1].near(0), "\(small)")
        let large = Justify.adjustments(junctions: js, from: 0, to: 2, delta: 5)
        #expect(large[0].near(4) && large[1].near(1), "\(large)")
    }
}

/// Ragged (left, centred, right) paragraphs fill their lines rather than breaking early.
@Suite struct RaggedTests {
    @Test(arguments: [Alignment.left, .right])
    func raggedLinesFillUp(alignment: Alignment) throws {
        let lines = try Fixture.lines(LinebreakTests.paragraph, measure: 5, style: ParagraphStyle(firstLineIndent: 0, alignment: alignment))
        #expect(lines.dropLast().allSatisfy { $0.count >= 4 }, "\(lines)")
    }
}

/// Centred titles break with their words whole (GB/T 9704 §7.3.3).
@Suite struct TitleBreakTests {
    @Test func titleBreaksBeforeGuanyuAndOutsideQuotes() throws {
        let style = ParagraphStyle(firstLineIndent: 0, alignment: .center)
        let lines = try Fixture.lines("中共清河市东湖区教育局党组关于在全区中小学校（幼儿园）开展“一校一品”党建品牌创建工作的通知",
                                      measure: 20, style: style)
        #expect(lines == ["中共清河市东湖区教育局党组", "关于在全区中小学校（幼儿园）开展", "“一校一品”党建品牌创建工作的通知"])
    }

    /// A joint title breaks at the space between its organs rather than inside a name, and the
    /// line ending on that space is centred on its characters, not on the blank.
    @Test func jointTitleBreaksBetweenTheOrgans() throws {
        let style = ParagraphStyle(firstLineIndent: 0, alignment: .center)
        let layout = try Fixture.set("中共清河市东湖区委教育工作委员会　清河市东湖区教育局关于公布2023年度“一校一品”党建品牌创建示范校名单的通知",
                                     measure: 20, style: style)
        let lines = layout.lines.map(\.text)
        #expect(lines.first == "中共清河市东湖区委教育工作委员会　", "\(lines)")
        #expect(lines.dropFirst().first?.hasPrefix("清河市东湖区教育局") == true, "\(lines)")
        let first = try #require(layout.lines.first)
        // 16 characters centred in 20 em start 2 em in (1.5 em if the blank counted).
        #expect(Fixture.glyphXs(first).first?.near(2) == true, "\(Fixture.glyphXs(first))")
    }

    /// The plan's （2） stood ½ em left of （1） and （3）: its line shrank, and the opening mark
    /// right after the indent gave up its blank. The first line's start stays where the indent
    /// puts it, whatever the line must give up.
    @Test func anOpeningMarkAfterTheIndentKeepsItsPlace() throws {
        let style = ParagraphStyle(firstLineIndent: 2, alignment: .justified)
        for text in ["（2）党员示范课堂。每名党员教师每学期上一节示范课，把党史故事、英模事迹融入学科教学，让“红色”成为课堂底色。",
                     "（3）亲子共读行动。发出《亲子共读倡议书》，指导家长每天陪伴孩子阅读半小时，每学期评选“书香家庭”。"] {
            for measure in stride(from: 14.0, through: 20.0, by: 1) {
                let layout = try Fixture.set(text, measure: measure, style: style)
                let line = try #require(layout.lines.first)
                let first = try #require(Fixture.glyphXs(line).first)
                #expect(first.near(2, 0.02), "\(measure): （ at \(first) em")
            }
        }
    }
}
