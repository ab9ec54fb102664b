import Foundation
import Testing
import WenshuCore
import WenshuRender
@testable import Wenshu

/// The notice template measured against GB/T 9704-2012's millimetres.
@Suite struct NoticeTemplateTests {
    static let built = try! buildSample("notice", ["samples/notice/data.yaml"])
    static var frames: [Frame] { built.1 }
    let mm = Length.pointsPerMillimetre

    @Test func issuerMarkIsRedCentredAndThirtyFiveMillimetresDown() throws {
        let mark = try #require(Self.frames[0].runs.first)
        #expect(mark.run.text == "中共清河市东湖区教育局党组文件")
        #expect(mark.run.color == .officialRed)
        #expect(mark.run.face.family.contains("Noto Serif CJK SC"))  // 小标宋's free stand-in
        // The em box's top edge 35 mm below the type area's top (37 mm from the page's top).
        let top = (mark.position.y - mark.run.size * 0.88).millimetres
        #expect(abs(top - (37 + 35)) < 0.1, "\(top) mm")
        // The mark keeps its height (36 pt) and condenses to the type area's width (长体).
        #expect(mark.run.size == .pt(36))
        #expect(mark.run.horizontalScale < 1 && mark.run.horizontalScale > 0.7, "\(mark.run.horizontalScale)")
        // Centred in the 156 mm type area and no wider than it.
        let left = mark.position.x.millimetres - 28, right = 184 - (mark.position.x + mark.run.width).millimetres
        #expect(abs(left - right) < 0.5 && left >= -0.01)
    }

    @Test func numberRuleAndTitle() throws {
        let runs = Self.frames[0].runs
        let number = try #require(Self.frames[0].textLines.first { $0.text == "东教党〔2023〕12号" })
        let rule = try #require(Self.frames[0].lines.first)
        #expect(rule.stroke.color == .officialRed)
        #expect(abs(rule.from.x.millimetres - 28) < 0.01 && abs(rule.to.x.millimetres - 184) < 0.01, "as wide as the type area")
        // The rule 4 mm under the number (its em box's bottom edge).
        let numberBottom = number.position.y + number.size * 0.12
        let gap = (rule.from.y - rule.stroke.width / 2 - numberBottom).millimetres
        #expect(abs(gap - 4) < 0.1, "\(gap) mm")
        // The number two blank lines (of 225/22 mm) below the mark.
        let mark = runs[0]
        let lines = (number.position.y - mark.position.y - (number.size * 0.88 - mark.run.size * 0.88)) / (Length.mm(225) / 22)
        #expect(lines > 2 && lines < 3.6, "\(lines) lines")
        // The title, 2号 小标宋, with two blank lines between it and the rule.
        let title = try #require(runs.first { $0.run.size == .pt(22) })
        let titleTop = title.position.y - title.run.size * 0.88
        let blank = (titleTop - rule.from.y) / (Length.mm(225) / 22)
        #expect(blank >= 2 && blank < 3.2, "\(blank) lines")
    }

    @Test func pageNumbersSevenMillimetresBelowOneCharacterIn() throws {
        for (n, frame) in Self.frames.enumerated() {
            let number = try #require(frame.runs.last { $0.run.text == "— \(n + 1) —" })
            #expect(number.run.size == .pt(14) && number.run.isArtifact)
            let middle = (number.position.y - number.run.size * 0.38).millimetres
            #expect(abs(middle - (37 + 225 + 7)) < 0.1)
            if n % 2 == 0 {
                #expect(abs((number.position.x + number.run.width).millimetres - (184 - 14 / mm)) < 0.1, "odd pages right")
            } else {
                #expect(abs(number.position.x.millimetres - (28 + 14 / mm)) < 0.1, "even pages left")
            }
        }
    }

    @Test func imprintSitsOnTheTypeAreasBottomEdge() throws {
        let last = try #require(Self.frames.last)
        let rules = last.lines.filter { $0.stroke.color == .black }.sorted { $0.from.y < $1.from.y }
        #expect(rules.count == 3)
        #expect(abs(rules[0].stroke.width.millimetres - 0.35) < 0.01 && abs(rules[1].stroke.width.millimetres - 0.25) < 0.01)
        let bottomEdge = (rules[2].from.y + rules[2].stroke.width / 2).millimetres
        #expect(abs(bottomEdge - (37 + 225)) < 0.05, "\(bottomEdge)")
        #expect(last.textLines.contains { $0.text.hasSuffix("印发") && $0.size == .pt(14) })
    }

    /// §7.3.6: 附注 on the line under the date, two characters in, in round brackets.
    @Test func noteUnderTheDate() throws {
        let overlay = NSTemporaryDirectory() + "note-\(UUID().uuidString).yaml"
        try "note: 此件公开发布\nprinter: ''\n".write(toFile: overlay, atomically: true, encoding: .utf8)
        let builder = DocumentBuilder(templateSearchPaths: [repositoryRoot + "/templates"])
        let (content, _) = try builder.build(template: "notice", data: [repositoryRoot + "/samples/notice/data.yaml", overlay])
        let last = try #require(try sharedCompiler.layout(content).last)
        let date = try #require(last.textLines.first { $0.text == "2023年3月6日" })
        let note = try #require(last.textLines.first { $0.text == "（此件公开发布）" })
        let pitch = Length.mm(225) / 22
        #expect((note.position.y - date.position.y).approximatelyEquals(pitch, tolerance: 0.5))
        #expect(abs(note.position.x.millimetres - (28 + 2 * 156 / 28)) < 0.3, "\(note.position.x.millimetres)")
    }

    /// §7.4.2: "抄送：" one character in, the organs after it, a full stop after the last.
    @Test func copiesLineHasItsLabelAndFullStop() throws {
        let last = try #require(Self.frames.last)
        let copies = try #require(last.textLines.first { $0.text.hasPrefix("抄送") })
        #expect(copies.text == "抄送：市委教育工委，区委组织部。")
        #expect(abs(copies.position.x.millimetres - (28 + 14 / mm)) < 0.1)
    }

    @Test func signatureDateFourCharactersFromTheRightWithTheSealOverIt() throws {
        let last = try #require(Self.frames.last)
        let date = try #require(last.textLines.first { $0.text == "2023年3月6日" })
        let pitch = Length.mm(156) / 28
        #expect(((date.position.x + date.width) - (Length.mm(184) - pitch * 4)).points.magnitude < 0.6)
        let seal = try #require(last.items.first { if case .image = $0.item { true } else { false } })
        guard case .image(let image, let size) = seal.item else { return }
        // Multiplied over the text, as a stamp's ink: the issuer's name shows through its red.
        #expect(image.blend == .multiply)
        let sealCentre = seal.position.x + size.width / 2, dateCentre = date.position.x + date.width / 2
        #expect((sealCentre - dateCentre).points.magnitude < 0.5)
    }

    /// The grid line (from 0) of the type area a line of `size` whose baseline is `y` sits on.
    func slot(_ y: Length, size: Length) -> Double {
        let pitch = Length.mm(225) / 22
        return (y - .mm(37) - (pitch - size) / 2 - size * 0.88) / pitch
    }

    /// §7.3.2 标题: 2号 小标宋, each line centred on the type area.
    @Test func titleLinesAreCentred() throws {
        let titles = Self.frames[0].textLines.filter { $0.size == .pt(22) }
        #expect(titles.map(\.text).joined() == "中共清河市东湖区教育局党组关于开展“一校一品”党建品牌创建工作的通知")
        let title = try #require(Self.frames[0].runs.first { $0.run.size == .pt(22) })
        #expect(title.run.face.family.contains("Noto Serif CJK SC"))
        for t in titles {
            // A line-start opening mark loses its blank left half (its ink is what is centred).
            let blank = "“（《".contains(t.text.first ?? " ") ? 11 / mm : 0
            let left = t.position.x.millimetres + blank - 28, right = 184 - t.end.millimetres
            #expect(abs(left - right) < 0.5, "\(t.text): \(left) mm left, \(right) mm right")
        }
    }

    /// §7.3.3 主送机关: one blank line under the title, flush left, ending with a full-width colon.
    @Test func addresseesOneBlankLineUnderTheTitleFlushLeft() throws {
        let lines = Self.frames[0].textLines
        let title = try #require(lines.last { $0.size == .pt(22) })
        let addressees = try #require(lines.first { $0.text.hasSuffix("党组织：") })
        #expect(abs(addressees.position.x.millimetres - 28) < 0.05)
        let blank = slot(addressees.position.y, size: .pt(16)) - slot(title.position.y, size: .pt(22))
        #expect(abs(blank - 2) < 0.05, "\(blank) lines: one blank line between")
    }

    /// §7.3.3 正文: the four heading levels two characters in, 一、 in 黑体, （一） in 楷体 (its heading
    /// sentence only), 1. and the text in 仿宋.
    @Test func headingLevelsInTheirFaces() throws {
        let cell = Length.mm(156) / 28
        let runs = Self.frames.flatMap(\.runs)
        for (start, family) in [("一、", "FandolHei"), ("（一）", "FandolKai"), ("1.", "FandolFang")] {
            let first = try #require(runs.first { $0.run.text.hasPrefix(start) }, "\(start)")
            #expect(first.run.face.family.contains(family), "\(start) in \(first.run.face.family)")
            #expect(abs((first.position.x - .mm(28) - cell * 2).millimetres) < 0.05, "\(start) two characters in")
        }
        let kai = try #require(runs.first { $0.run.text.hasPrefix("（一）") })
        #expect(kai.run.text == "（一）理念先进，主题突出。", "the heading sentence alone in 楷体")
    }

    /// §7.3.4 附件说明: one blank line under the body, 附件 two characters in; a wrapped name under
    /// the first character of the name above, the next number under the first.
    @Test func attachmentNoteUnderTheBody() throws {
        let cell = Length.mm(156) / 28
        // The sample's names fit on a line; this one does not.
        let (_, frames) = try buildSample("notice", ["samples/notice/data.yaml", "Tests/WenshuTests/Fixtures/notice-long-attachment.yaml"])
        let lines = try #require(frames.last).textLines
        let note = try #require(lines.firstIndex { $0.text.hasPrefix("附件：1.") })
        #expect(abs((lines[note].position.x - .mm(28) - cell * 2).millimetres) < 0.05)
        let blank = slot(lines[note].position.y, size: .pt(16)) - slot(lines[note - 1].position.y, size: .pt(16))
        #expect(abs(blank - 2) < 0.05, "\(blank) lines under \(lines[note - 1].text)")
        #expect(lines[note + 1].text == "标准")
        #expect(abs((lines[note + 1].position.x - .mm(28) - cell * 6).millimetres) < 0.05, "under 东 of 东湖区")
        #expect(lines[note + 2].text.hasPrefix("2."))
        #expect(abs((lines[note + 2].position.x - .mm(28) - cell * 5).millimetres) < 0.7, "under 1.")
    }

    /// §7.4.3 印发机关和印发日期: 4号, the office one character in from the left, the date one
    /// character in from the right, on the line over the last rule.
    @Test func printerAndDateOneCharacterIn() throws {
        let last = try #require(Self.frames.last)
        let printer = try #require(last.textLines.first { $0.text.hasPrefix("清河市东湖区教育局党组办公室") })
        #expect(printer.size == .pt(14))
        #expect(abs(printer.position.x.millimetres - (28 + 14 / mm)) < 0.1)
        let date = try #require(last.runs.first { $0.run.text.hasSuffix("印发") })
        #expect(abs((date.position.x + date.run.width).millimetres - (184 - 14 / mm)) < 0.1)
        #expect(date.position.y.approximatelyEquals(printer.position.y, tolerance: 0.5), "on the office's line")
    }

    @Test func firstPageTraceIsStable() throws {
        let trace = DebugRenderer().trace([Self.frames[0]])
        let lines = trace.split(separator: "\n").map(String.init)
        #expect(lines[0] == "page 1 595.28x841.89 label=1")
        #expect(lines.contains { $0.hasSuffix("|区属各中小学校（幼儿园）党组织：|") })
        #expect(lines.contains { $0.hasPrefix("  line 79.37,") && $0.hasSuffix("#E60012") })
    }
}
