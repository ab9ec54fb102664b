import Testing
import WenshuCore
import WenshuFonts
@testable import WenshuText

/// Shaping, itemization and font fallback (rule 9 and the fonts deliverable).
@Suite struct ShapeTests {
    /// Rule 9: with language zh-Hans the curly quotes come out full width, from the role's own face.
    @Test func curlyQuotesAreFullWidth() throws {
        let chain = try Fixture.fonts.chain(for: .song)
        for quote in ["“", "”", "‘", "’"] {
            let glyphs = chain.primary.shape(quote, script: .han)
            #expect(glyphs.count == 1 && glyphs[0].advance.near(1), "\(quote) advances \(glyphs.map(\.advance)) em")
        }
        let layout = try Fixture.set("甲“乙”丙", measure: 20, style: ParagraphStyle(firstLineIndent: 0, alignment: .left),
                                     textStyle: TextStyle(role: .song, size: .pt(16)))
        let xs = Fixture.glyphXs(layout.lines[0])
        #expect(xs.map { $0.rounded() } == [0, 1, 2, 3, 4], "\(xs)")
        #expect(layout.lines[0].runs.allSatisfy { $0.run.face.family == chain.primary.id.family })
    }

    /// A name with a CJK Extension B character takes that one character from a face that has it.
    @Test func rareCharacterFallsBackPerCharacter() throws {
        let layout = try Fixture.set("王𠈌明", measure: 20, style: ParagraphStyle(firstLineIndent: 0, alignment: .left),
                                     textStyle: TextStyle(role: .kai, size: .pt(16)))
        #expect(layout.missing.isEmpty)
        let faces = layout.lines[0].runs.map(\.run.face.family)
        #expect(faces.count == 3, "\(faces)")
        #expect(faces[0] == faces[2] && faces[1] != faces[0])
        #expect(layout.lines[0].text == "王𠈌明")
    }

    /// A character no installed face has is reported, never silently dropped.
    @Test func missingCharacterIsReported() throws {
        let layout = try Fixture.set("甲\u{E0100}\u{10FFFD}乙", measure: 20, style: ParagraphStyle(firstLineIndent: 0, alignment: .left))
        #expect(layout.missing.map(\.character).contains("\u{10FFFD}"))
        #expect(layout.lines[0].text.contains("\u{10FFFD}"))
    }

    /// The place of a run travels to its glyph runs and to the characters it is missing; runs of
    /// one face and style from different places stay apart.
    @Test func placesReachTheGlyphRuns() throws {
        let cell = WenshuCore.SourceLocation(file: "名单.xlsx", place: "名单!B14")
        let runs = [InlineRun("姓名：", style: Fixture.body), InlineRun("张\u{10FFFD}三", style: Fixture.body, place: cell)]
        let layout = try Fixture.typesetter.typeset(runs, style: ParagraphStyle(firstLineIndent: 0, alignment: .left), width: .pt(20 * Fixture.em))
        #expect(layout.missing == [MissingCharacter("\u{10FFFD}", place: cell)])
        let glyphRuns = layout.lines.flatMap(\.runs).map(\.run)
        #expect(glyphRuns.first { $0.text.hasPrefix("姓名") }?.place == nil)
        #expect(glyphRuns.first { $0.text.contains("张") }?.place == cell, "\(glyphRuns.map { ($0.text, $0.place) })")
    }

    /// Ideographs stand on the em square even in a face whose advance is not one em.
    @Test func ideographsAdvanceOneEm() throws {
        let layout = try Fixture.set("实施方案", measure: 20, style: ParagraphStyle(firstLineIndent: 0, alignment: .left),
                                     textStyle: TextStyle(role: .fangsong, size: .pt(16)))
        #expect((layout.lines[0].width.points / Fixture.em).near(4))
    }

    /// Bold asked of a face with no bold is synthetic; of a family with a bold face, real.
    @Test func boldIsRealOrSynthetic() throws {
        let kai = try Fixture.set("楷体加粗", measure: 20, textStyle: TextStyle(role: .kai, size: .pt(16), bold: true))
        #expect(kai.lines[0].runs.allSatisfy { $0.run.emboldened })
        let song = try Fixture.set("宋体加粗", measure: 20, textStyle: TextStyle(role: .song, size: .pt(16), bold: true))
        #expect(song.lines[0].runs.allSatisfy { !$0.run.emboldened })
    }

    /// Text and clusters stay consistent, so the PDF writer can attach the text to the glyphs.
    @Test func clustersCoverTheText() throws {
        let layout = try Fixture.set(LinebreakTests.paragraph + " Wenshu 2023", measure: 12, style: ParagraphStyle())
        for line in layout.lines {
            for run in line.runs {
                #expect(run.run.clusters.reduce(0) { $0 + $1.bytes } == run.run.text.utf8.count)
                #expect(run.run.clusters.reduce(0) { $0 + $1.glyphs } == run.run.glyphs.count)
            }
        }
    }
}

/// Rule 8: grid mode (GB/T 9704): every character on the C-column grid, punctuation full width.
@Suite struct GridTests {
    static let grid = GridSpec(columns: 28, width: .mm(156))

    @Test func everyCharacterStandsOnAColumn() throws {
        let style = ParagraphStyle(firstLineIndent: 2, grid: Self.grid)
        let layout = try Fixture.typesetter.typeset([InlineRun(LinebreakTests.paragraph, style: TextStyle(role: .fangsong, size: .pt(16)))],
                                                    style: style, width: .mm(156))
        let pitch = Self.grid.pitch.points
        for line in layout.lines {
            let xs = line.runs.flatMap { run in run.run.glyphs.map { (run.x + $0.x).points / pitch } }
            #expect(xs.allSatisfy { abs($0 - $0.rounded()) < 0.01 }, "\(line.text): \(xs)")
            #expect(xs.count <= 28)
            #expect(xs.allSatisfy { $0 > -0.01 && $0 < 27.99 })
        }
        #expect(layout.lines.dropLast().filter { $0.runs.flatMap(\.run.glyphs).count == 28 || $0.text.count >= 26 }.count
                == layout.lines.count - 1)
    }

    @Test func pitchIsTrackedThreeHao() {
        // 156 mm / 28 ≈ 15.79 pt: 三号 (16 pt) text on the grid is tracked by about −0.2 pt.
        #expect((Self.grid.pitch.points - 16).near(-0.21, 0.02))
    }
}
