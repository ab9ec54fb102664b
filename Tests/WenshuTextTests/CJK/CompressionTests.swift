import WenshuCore
import Testing
@testable import WenshuText

/// Rules 3 and 4 (GB/T 15834-2011 §5.1.10, clreq §3.1.6): adjacent marks and marks at line edges.
@Suite struct CompressionTests {
    private let left = ParagraphStyle(firstLineIndent: 0, alignment: .left)

    @Test func classesKnowWhereTheirInkIs() {
        #expect(PunctuationClass("（").blanks == (0.5, 0))
        #expect(PunctuationClass("”").blanks == (0, 0.5))
        #expect(PunctuationClass("，").blanks == (0, 0.5))
        #expect(PunctuationClass("中") == .none)
    }

    /// Two one-em marks side by side take 1.5 em: 。” and ）（ and 《「.
    @Test(arguments: ["。”", "）（", "《「", "，“", "”）"])
    func adjacentMarksTakeOneAndAHalfEm(pair: String) throws {
        let layout = try Fixture.set("甲" + pair + "乙", measure: 20, style: left)
        #expect((layout.lines[0].width.points / Fixture.em).near(3.5), "\(pair): \(layout.lines[0].width)")
    }

    @Test func aSingleMarkKeepsItsFullWidthInsideALine() throws {
        let layout = try Fixture.set("甲，乙", measure: 20, style: left)
        #expect((layout.lines[0].width.points / Fixture.em).near(3))
    }

    /// A full-width mark at a line's end is set half an em: the line's ink ends at the measure.
    @Test func lineEndMarkIsHalfAnEm() throws {
        // 9 characters and a comma end the first line of a 9.5-em measure exactly.
        let text = "一二三四五六七八九，甲乙丙丁戊己庚辛壬癸"
        let layout = try Fixture.set(text, measure: 9.5)
        let first = layout.lines[0]
        #expect(first.text == "一二三四五六七八九，")
        #expect((first.width.points / Fixture.em).near(9.5))
        let xs = Fixture.glyphXs(first)
        #expect(xs.last!.near(9), "the comma's square starts 9 em in: \(xs)")
    }

    /// An opening bracket at a line's start loses its leading half em.
    @Test func lineStartOpeningBracketLosesHalfAnEm() throws {
        let text = "一二三四五六七八九十（甲乙丙丁戊己庚辛壬）癸子丑寅卯"
        let layout = try Fixture.set(text, measure: 10)
        let second = layout.lines[1]
        #expect(second.text.hasPrefix("（"))
        #expect(Fixture.glyphXs(second).first!.near(-0.5), "\(Fixture.glyphXs(second))")
    }

    /// Grid mode sets punctuation full width, on the grid, uncompressed (GB/T 9704).
    @Test func gridKeepsMarksFullWidth() throws {
        let grid = GridSpec(columns: 10, pitch: .pt(Fixture.em))
        let layout = try Fixture.set("甲。”乙", measure: 10, style: ParagraphStyle(firstLineIndent: 0, alignment: .left, grid: grid))
        #expect(Fixture.glyphXs(layout.lines[0]).map { $0.rounded() } == [0, 1, 2, 3])
    }
}
