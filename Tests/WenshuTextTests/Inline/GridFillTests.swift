import Testing
import WenshuCore
@testable import WenshuText

/// Grid lines filled by punctuation compression (GB/T 15834-2011 §5.1.10, clreq 标点挤压): a line
/// of a justified grid paragraph ends on a character in its last column whenever the text allows.
@Suite struct GridFillTests {
    static let grid = GridSpec(columns: 6, pitch: .pt(Fixture.em))
    static let justified = ParagraphStyle(firstLineIndent: 0, alignment: .justified, grid: grid)

    /// A closing mark and an opening mark share one cell when that lets the line reach its last
    /// column: "甲，“乙丙丁" may not end before ，, and "甲，“乙丙丁，" is seven cells; with ，“ on
    /// one column it fills the six-column line and every other character stays on its column.
    @Test func closingAndOpeningShareACellToFillTheLine() throws {
        let layout = try Fixture.set("甲，“乙丙丁，戊己庚辛", measure: 6, style: Self.justified)
        #expect(layout.lines.first?.text == "甲，“乙丙丁，")
        let xs = Fixture.glyphXs(try #require(layout.lines.first))
        #expect(xs.map { $0.rounded() } == [0, 1, 1, 2, 3, 4, 5], "\(xs)")
        #expect(xs.allSatisfy { $0.near($0.rounded()) }, "\(xs)")
    }

    /// Without need, no pair is compressed: a line that fits keeps every mark in its own cell.
    @Test func pairsAreNotCompressedWhenTheLineFits() throws {
        let layout = try Fixture.set("甲，“乙丙”", measure: 6, style: Self.justified)
        let xs = Fixture.glyphXs(try #require(layout.lines.first))
        #expect(xs.map { $0.rounded() } == [0, 1, 2, 3, 4, 5], "\(xs)")
    }

    /// Two marks whose ink is on the same side never share a cell (。” would overlap): the line
    /// breaks before them instead of running past the grid.
    @Test func marksWithInkOnTheSameSideKeepTheirCells() throws {
        let layout = try Fixture.set("甲乙丙丁戊己。”庚辛", measure: 6, style: Self.justified)
        for line in layout.lines {
            #expect(Fixture.glyphXs(line).allSatisfy { $0 < 6 - 0.01 }, "\(line.text)")
        }
    }

    /// A line of a justified grid paragraph is not ended on a mark with its ink on the left when a
    /// break that ends on a character in the last column exists: "…，" in the last cell leaves half a
    /// cell empty at the grid's edge. "甲，“乙丙，" fills six cells but ends on ，; sharing ，“ lets
    /// the line take 丁 and end on it.
    @Test func linesEndOnACharacterInTheLastColumn() throws {
        let layout = try Fixture.set("甲，“乙丙，丁戊己庚辛壬", measure: 6, style: Self.justified)
        let first = try #require(layout.lines.first)
        #expect(first.text == "甲，“乙丙，丁", "\(layout.lines.map(\.text))")
        #expect(try #require(Fixture.glyphXs(first).last).near(5), "\(Fixture.glyphXs(first))")
    }

    /// A justified grid line holding a number (half cells) is spread to the grid's edge by the gaps
    /// beside the number, and a pause mark ending it sits half width at the edge.
    @Test func mixedLinesAreSpreadToTheEdge() throws {
        let layout = try Fixture.set("甲乙丙丁1，戊己庚辛壬癸", measure: 6, style: Self.justified)
        let first = try #require(layout.lines.first)
        #expect(first.text == "甲乙丙丁1，", "\(layout.lines.map(\.text))")
        let xs = Fixture.glyphXs(first)
        #expect(try #require(xs.last).near(5.5, 0.05), "\(xs)")
    }

    /// The notice's 创建要求 (一): a short line of Han and marks alone stays short on the page, while a
    /// line holding a number is spread over all its gaps; so the breaker fills "…文化资源，科学" to
    /// column 28 and lets "确定…不超过16" be spread, rather than leave "…资源，科" a cell short.
    @Test func shortfallGoesToTheLineThatCanBeSpread() throws {
        let text = "（一）理念先进，主题突出。各学校要认真总结党建工作好经验、好做法，深入挖掘学校及所在地的历史与文化资源，科学确定党建品牌的名称、内涵和理念，品牌名称一般不超过16个字。"
        let grid = GridSpec(columns: 28, pitch: .pt(Fixture.em))
        let layout = try Fixture.set(text, measure: 28, style: ParagraphStyle(firstLineIndent: 2, alignment: .justified, grid: grid))
        let texts = layout.lines.map(\.text)
        #expect(texts.count == 4, "\(texts)")
        #expect(texts.count > 1 && texts[1].hasSuffix("科学"), "\(texts)")
        for line in layout.lines.dropLast() {
            #expect(line.width.points.near(28 * Fixture.em, 0.3), "\(line.text) \(line.width)")
        }
    }

    /// "2023年" is one piece, and "我局拟于" a cell short of it. A line holding the number may
    /// compress its marks (“” and ，, half a cell each), as Word and WPS do, so it takes 2023年 and
    /// the line above ends full; before, the two lines stood a cell and a cell and a half short.
    @Test func aLineHoldingANumberCompressesItsMarksToTakeIt() throws {
        let text = "为学习借鉴兄弟区县中小学校党建品牌创建的经验做法，推动我区“一校一品”党建品牌创建工作走深走实，我局拟于2023年组织部分学校党组织书记赴贵区学习交流。"
        let grid = GridSpec(columns: 28, pitch: .pt(Fixture.em))
        let layout = try Fixture.set(text, measure: 28, style: ParagraphStyle(firstLineIndent: 2, alignment: .justified, grid: grid))
        let texts = layout.lines.map(\.text)
        #expect(texts.first?.hasSuffix("做法，推") == true, "\(texts)")
        #expect(texts.count > 1 && texts[1].hasSuffix("2023年"), "\(texts)")
        for line in layout.lines.dropLast() {
            #expect(line.width.points.near(28 * Fixture.em, 0.3), "\(line.text) \(line.width)")
        }
        // A line of Han and marks alone still keeps its columns: the first line's glyphs on whole cells.
        #expect(Fixture.glyphXs(try #require(layout.lines.first)).allSatisfy { $0.near($0.rounded()) })
    }

    /// The pair table reads where each mark's ink sits: ）（ ，“ 。《 share; 。” and （“ do not.
    @Test func pairTable() {
        func kind(_ c: Character) -> Atom.Kind { .punctuation(PunctuationClass(c)) }
        #expect(Compression.sharesGridCell(kind("）"), kind("（")))
        #expect(Compression.sharesGridCell(kind("，"), kind("“")))
        #expect(Compression.sharesGridCell(kind("。"), kind("《")))
        #expect(!Compression.sharesGridCell(kind("。"), kind("”")))
        #expect(!Compression.sharesGridCell(kind("（"), kind("“")))
        #expect(!Compression.sharesGridCell(.cjk, kind("（")))
    }
}
