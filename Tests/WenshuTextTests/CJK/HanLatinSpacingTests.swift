import WenshuCore
import Testing
@testable import WenshuText

/// Rule 5 (clreq §3.2.2): optional Han–Latin spacing, none at line edges, off by default.
@Suite struct HanLatinSpacingTests {
    private func width(_ text: String, spacing: Bool) throws -> Double {
        let style = ParagraphStyle(firstLineIndent: 0, alignment: .left, hanLatinSpacing: spacing)
        return try Fixture.set(text, measure: 40, style: style).lines[0].width.points / Fixture.em
    }

    @Test func offByDefaultAsInOfficialDocuments() throws {
        #expect(ParagraphStyle().hanLatinSpacing == false)
        let plain = try width("使用APP学习", spacing: false)
        let spaced = try width("使用APP学习", spacing: true)
        #expect((spaced - plain).near(0.5), "two quarter-em gaps: \(plain) → \(spaced)")
    }

    @Test func noSpaceAtLineStartOrEnd() throws {
        let style = ParagraphStyle(firstLineIndent: 0, alignment: .justified, hanLatinSpacing: true)
        let layout = try Fixture.set("一二三四五六七八九十ABCDE一二三四五六七八九十", measure: 10, style: style)
        #expect(layout.lines[1].text.hasPrefix("ABCDE"))
        #expect(Fixture.glyphXs(layout.lines[1]).first!.near(0, 0.05))
    }

    @Test func latinWordsAreNeverSplit() throws {
        let text = "党员教师利用 Wenshu typesetting software 编排 official documents 与申报书"
        let lines = try Fixture.lines(text, measure: 6)
        let words = ["Wenshu", "typesetting", "software", "official", "documents"]
        for line in lines {
            for piece in line.split(whereSeparator: { !$0.isASCII || $0 == " " }) {
                #expect(words.contains(String(piece)), "a word was split: \(lines)")
            }
        }
    }
}
