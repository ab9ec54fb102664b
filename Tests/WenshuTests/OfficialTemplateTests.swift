import Foundation
import Testing
import WenshuCore
@testable import Wenshu

/// The `official` template's GB/T 9704-2012 elements, each measured in millimetres on the samples
/// of samples/official/ (page coordinates: the type area is 156 × 225 mm, 28 mm from the left,
/// 37 mm from the top; 22 lines of 225/22 mm, 28 characters of 156/28 mm).
@Suite struct OfficialTemplateTests {
    static let joint = try! buildSample("official", ["samples/official/joint.yaml"]).1
    static let request = try! buildSample("official", ["samples/official/request.yaml"]).1
    static let letter = try! buildSample("official", ["samples/official/letter.yaml"]).1
    static let order = try! buildSample("official", ["samples/official/order.yaml"]).1
    static let transmittal = try! buildSample("official", ["samples/official/transmittal.yaml"]).1

    static let pitch = Length.mm(225) / 22
    static let cell = Length.mm(156) / 28

    /// §7.3.5.1 and §7.3.6: the seal presses on the name and the date, both below its centre, its
    /// top within a line of the text above; the 附注 on the line under the date stays clear of it
    /// (a reviewer found the seal's edge through "0000-0000000）").
    @Test func sealAboveTheNameAndDateAndClearOfTheNote() throws {
        let page = try #require(Self.request.first { $0.textLines.contains { $0.text.hasPrefix("（联系人") } })
        let lines = page.textLines
        let name = try #require(lines.first { $0.text == "清河市东湖区教育局" })
        let date = try #require(lines.first { $0.text == "2023年11月24日" })
        let note = try #require(lines.first { $0.text.hasPrefix("（联系人") })
        let above = try #require(lines.last { $0.position.y < name.position.y - Self.pitch })
        let seal = try #require(page.items.first { if case .image = $0.item { true } else { false } })
        guard case .image(_, let size) = seal.item else { return }
        let centre = seal.position.y + size.height / 2, bottom = seal.position.y + size.height
        func middle(_ l: SeenLine) -> Length { l.position.y - l.size * 0.38 }
        #expect(middle(name) > centre && middle(date) > centre, "name and date below the seal's centre")
        #expect(seal.position.y - above.position.y < Self.pitch, "the seal's top within a line of the text above")
        #expect(note.position.y == date.position.y + Self.pitch, "the note on the line under the date")
        #expect(bottom <= note.position.y - note.size * 0.88 + .mm(0.5), "\((bottom - (note.position.y - note.size * 0.88)).millimetres) mm into the note")
    }

    /// The baseline of 3号 text in line `k` (from 0) of the type area.
    func baseline(slot k: Double, size: Length = .pt(16)) -> Length {
        .mm(37) + Self.pitch * k + (Self.pitch - size) / 2 + size * 0.88
    }

    func run(_ text: String, in frame: Frame) throws -> (position: Point, run: GlyphRun) {
        try #require(frame.runs.first { $0.run.text == text }, "no run ‘\(text)’")
    }

    func line(_ text: String, in frames: [Frame]) throws -> (page: Int, line: SeenLine) {
        for (i, f) in frames.enumerated() {
            if let l = f.textLines.first(where: { $0.text == text }) { return (i, l) }
        }
        Issue.record("no line ‘\(text)’")
        throw CancellationError()
    }

    func close(_ a: Length, _ b: Length, _ mm: Double = 0.1) -> Bool { abs((a - b).millimetres) < mm }

    // MARK: 版头 (§7.2)

    /// §7.2.1 份号 on the type area's first line and §7.2.3 紧急程度 on the second when there is no
    /// 密级, flush left, 紧急程度 in 黑体.
    @Test func copyNumberAndUrgencyFlushLeftOnTheFirstLines() throws {
        let copy = try run("000128", in: Self.joint[0])
        #expect(close(copy.position.x, .mm(28)) && close(copy.position.y, baseline(slot: 0)), "\(copy.position)")
        let urgency = try run("加急", in: Self.joint[0])
        #expect(close(urgency.position.x, .mm(28)) && close(urgency.position.y, baseline(slot: 1)))
        #expect(urgency.run.face.family.contains("Hei") || urgency.run.face.family.contains("黑"), "\(urgency.run.face.family)")
    }

    /// §7.2.2 密级和保密期限 on the second line, the term after a ★, in 黑体.
    @Test func secrecyOnTheSecondLineWithItsTerm() throws {
        let secrecy = try #require(Self.request[0].textLines.first { $0.text == "内部★1年" })
        #expect(close(secrecy.position.x, .mm(28)) && close(secrecy.position.y, baseline(slot: 1)))
        let copy = try run("000016", in: Self.request[0])
        #expect(close(copy.position.y, baseline(slot: 0)))
    }

    /// §7.2.4 joint mark: the organs stacked to one width, 35 mm under the type area's top, with
    /// 文件 beside them centred on the stack; the whole centred on the type area.
    @Test func jointMarkStacksTheOrgansWithTheWordBeside() throws {
        let organs = Self.joint[0].runs.filter { $0.run.size == .pt(36) && $0.run.text != "文件" }
        #expect(organs.map(\.run.text) == ["中共清河市东湖区委教育工作委员会", "清河市东湖区教育局"])
        let word = try run("文件", in: Self.joint[0])
        let first = organs[0], second = organs[1]
        #expect(close(first.position.y - first.run.size * 0.88, .mm(37 + 35)), "top 35 mm under the type area")
        #expect(close(first.position.x, second.position.x) && close(first.position.x + first.run.width, second.position.x + second.run.width),
                "one width")
        #expect(first.run.color == .officialRed && word.run.color == .officialRed)
        let stackTop = first.position.y - first.run.size * 0.88, stackBottom = second.position.y + second.run.size * 0.12
        let wordMiddle = word.position.y - word.run.size * 0.38
        #expect(close(wordMiddle, (stackTop + stackBottom) / 2, 0.2), "文件 centred on the stack")
        #expect(word.position.x > first.position.x + first.run.width)
        let left = first.position.x - .mm(28), right = .mm(184) - (word.position.x + word.run.width)
        #expect(close(left, right, 0.3) && left >= .zero, "centred: \(left.millimetres) \(right.millimetres)")
    }

    /// §7.2.5–6 上行文: the number one character in from the left and 签发人 one in from the
    /// right on the same line, two blank lines under the mark; the name in 楷体; the rule 4 mm
    /// under them.
    @Test func signerLineOfAnUpwardDocument() throws {
        let frame = Self.request[0]
        let number = try run("东教〔2023〕31号", in: frame)
        let label = try run("签发人：", in: frame)
        let name = try run("王建国", in: frame)
        #expect(close(number.position.x, .mm(28) + Self.cell), "number one character in")
        #expect(close(name.position.x + name.run.width, .mm(184) - Self.cell), "签发人 one character in from the right")
        #expect(close(number.position.y, name.position.y) && close(label.position.y, name.position.y))
        #expect(name.run.face.family.contains("Kai") || name.run.face.family.contains("楷"), "\(name.run.face.family)")
        let mark = try #require(frame.runs.first { $0.run.size == .pt(36) })
        #expect(close(mark.position.y - mark.run.size * 0.88, .mm(37 + 35)), "the mark 35 mm down, as in every 文件")
        let markBottom = mark.position.y + mark.run.size * 0.12
        let slotTop = markBottom + Self.pitch * 2
        #expect(close(name.position.y, slotTop + (Self.pitch - .pt(16)) / 2 + .pt(16 * 0.88)))
        let rule = try #require(frame.lines.first)
        #expect(close(rule.from.y - rule.stroke.width / 2, name.position.y + .pt(16 * 0.12) + .mm(4)))
    }

    // MARK: 信函 (§10.1) and 命令 (§10.2)

    /// The 信函: mark 30 mm from the page's top; red double rules 170 mm long, centred (on the
    /// type area, 28–184 mm, as every 居中 element is), thick over
    /// thin 4 mm under the mark and thin over thick 20 mm above the page's foot; the number flush
    /// right and 紧急程度 flush left 7/8 of a 3号 character under the rule; no number on page 1.
    @Test func letterLayout() throws {
        let frame = Self.letter[0]
        let mark = try run("清河市东湖区教育局", in: frame)
        #expect(close(mark.position.y - mark.run.size * 0.88, .mm(30)))
        let lines = frame.lines.sorted { $0.from.y < $1.from.y }
        #expect(lines.count == 4)
        for l in lines {
            #expect(close(l.from.x, .mm(21)) && close(l.to.x, .mm(191)), "170 mm, centred on the type area")
            #expect(l.stroke.color == .officialRed)
        }
        let markBottom = mark.position.y + mark.run.size * 0.12
        #expect(close(lines[0].from.y - lines[0].stroke.width / 2, markBottom + .mm(4)))
        #expect(lines[0].stroke.width > lines[1].stroke.width, "thick over thin")
        #expect(lines[3].stroke.width > lines[2].stroke.width, "thin over thick")
        #expect(close(lines[3].from.y + lines[3].stroke.width / 2, .mm(297 - 20)))
        let underRule = lines[1].from.y + lines[1].stroke.width / 2
        let number = try run("东教函〔2023〕18号", in: frame)
        #expect(close(number.position.x + number.run.width, .mm(184)))
        #expect(close(number.position.y - .pt(16 * 0.88), underRule + .pt(14)), "7/8 of 16 pt under the rule")
        let urgency = try run("特急", in: frame)
        #expect(close(urgency.position.x, .mm(28)) && close(urgency.position.y, number.position.y))
        #expect(!frame.runs.contains { $0.run.text.contains("— 1 —") }, "no number on the first page")
    }

    /// A 信函's 版记: 抄送 alone, no rules, no 印发机关.
    @Test func letterImprintHasNoRules() throws {
        let last = try #require(Self.letter.last)
        #expect(last.textLines.contains { $0.text == "抄送：清河市东湖区教育局党组办公室。" })
        #expect(!last.lines.contains { $0.stroke.color != .officialRed })
        #expect(!last.runs.contains { $0.run.text.contains("印发") })
    }

    /// The 命令: mark 20 mm under the type area's top, 令号 centred two blank lines under it (on
    /// the grid's next line), no rule, the body two blank lines under the 令号.
    @Test func orderLayout() throws {
        let frame = Self.order[0]
        let mark = try run("清河市东湖区教育局令", in: frame)
        #expect(close(mark.position.y - mark.run.size * 0.88, .mm(37 + 20)))
        #expect(frame.lines.isEmpty, "no red rule")
        let number = try #require(frame.textLines.first { $0.text == "第3号" })
        let markBottom = mark.position.y + mark.run.size * 0.12
        let blank = (number.position.y - .pt(16 * 0.88) - (Self.pitch - .pt(16)) / 2 - markBottom) / Self.pitch
        #expect(blank >= 2 && blank < 3, "\(blank) blank lines under the mark")
        let slot = (number.position.y - baseline(slot: 0)) / Self.pitch
        #expect(abs(slot - slot.rounded()) < 0.01, "on the grid")
        #expect(close(number.position.x - .mm(28), .mm(184) - number.end, 0.3), "centred")
        let body = try #require(frame.textLines.first { $0.text.hasPrefix("《清河市") })
        let lines = (body.position.y - number.position.y) / Self.pitch
        #expect(abs(lines - 3) < 0.02, "two blank lines between: \(lines)")
    }

    // MARK: 落款 (§7.3.5)

    /// §7.3.5.1 joint: the host's name (16 characters) is too long to stand beside the other's,
    /// so each organ has its row, five lines apart, a seal centred on each name, the last organ
    /// (and so its seal) over the date four characters in from the right; the seals do not touch.
    /// (Side by side: `OfficialSignatureTests.jointSealsSideBySide`.)
    @Test func jointSignatureWithTwoSeals() throws {
        let (page, date) = try line("2023年11月20日", in: Self.joint)
        #expect(close(date.end, .mm(184) - Self.cell * 4))
        let frame = Self.joint[page]
        let host = try run("中共清河市东湖区委教育工作委员会", in: frame)
        let other = try run("清河市东湖区教育局", in: frame)
        #expect(close(other.position.y - host.position.y, Self.pitch * 5), "a row each, five lines apart")
        #expect(close(other.position.y + Self.pitch, date.position.y), "the date on the line under the last organ")
        let dateCentre = (date.position.x + date.end) / 2
        #expect(close(other.position.x + other.run.width / 2, dateCentre, 156.0 / 28), "the last organ over the date")
        let seals = frame.items.compactMap { e -> (Point, Size)? in if case .image(_, let s) = e.item { (e.position, s) } else { nil } }
        #expect(seals.count == 2)
        let byRow = seals.sorted { $0.0.y < $1.0.y }
        for (seal, name) in zip(byRow, [host, other]) {
            #expect(close(seal.0.x + seal.1.width / 2, name.position.x + name.run.width / 2, 156.0 / 28 / 2 + 0.01),
                    "each seal on its own organ's name")
        }
        #expect(close(byRow[1].0.x + byRow[1].1.width / 2, dateCentre), "the last seal centred on the date")
        let ys = seals.map { $0.0.y }.sorted()
        #expect((ys[1] - ys[0]).millimetres > 42, "seals apart")
        #expect(seals.allSatisfy { $0.0.x >= .mm(28) - .mm(0.1) && $0.0.x + $0.1.width <= .mm(184) + .mm(0.1) }, "inside the type area")
    }

    /// §7.3.5.3 命令: the name (签名章) four characters in from the right, the title two
    /// characters left of it on its line, the date one blank line under, four characters in.
    @Test func signatureStampWithTheSignersTitle() throws {
        let (page, date) = try line("2023年12月1日", in: Self.order)
        let frame = Self.order[page]
        let name = try run("陈立华", in: frame)
        let title = try run("局　长", in: frame)
        #expect(close(name.position.x + name.run.width, .mm(184) - Self.cell * 4, 156.0 / 28))
        #expect(close(title.position.x + title.run.width, name.position.x - Self.cell * 2, 0.2) && close(title.position.y, name.position.y))
        #expect(close(date.position.y - name.position.y, Self.pitch * 2), "one blank line under the stamp")
        #expect(close(date.end, .mm(184) - Self.cell * 4))
    }

    // MARK: 附件 (§7.3.7), transmitted documents and 版记 (§7.4)

    /// §7.3.7: the attachment on a new page, 附件 in 3号黑体 flush left on the first line, its
    /// title centred on the third, before the 版记.
    @Test func attachmentBodyOnItsOwnPage() throws {
        let (page, label) = try line("附件", in: Self.joint)
        #expect(page > 0)
        #expect(close(label.position.x, .mm(28)) && close(label.position.y, baseline(slot: 0)))
        let frame = Self.joint[page]
        let labelRun = try run("附件", in: frame)
        #expect(labelRun.run.face.family.contains("Hei") || labelRun.run.face.family.contains("黑"))
        let titleLines = frame.textLines.filter { $0.size == .pt(22) }
        #expect(titleLines.map(\.text).joined() == "2023年度东湖区“一校一品”党建品牌创建示范校名单")
        let title = try #require(titleLines.first)
        #expect(close(title.position.y, baseline(slot: 2, size: .pt(22))), "title on the third line")
        let (imprintPage, _) = try line("中共清河市东湖区委教育工作委员会办公室2023年11月20日印发", in: Self.joint)
        #expect(imprintPage > page, "the 版记 after the attachment")
    }

    /// §7.4, §7.5: the 版记 on the back of the last sheet, an even page; a page holding nothing
    /// but the 版记 (and a blank page before it) is not numbered.
    @Test func imprintOnAnEvenPage() throws {
        let cases: [([Frame], String)] = [
            (Self.joint, "中共清河市东湖区委教育工作委员会办公室2023年11月20日印发"),
            (Self.request, "清河市东湖区教育局办公室2023年11月24日印发"),
            (Self.transmittal, "中共安阳市北关区教育局党组办公室2022年5月9日印发"),
        ]
        for (frames, printed) in cases {
            let (page, _) = try line(printed, in: frames)
            #expect(page == frames.count - 1 && frames.count % 2 == 0, "page \(page + 1) of \(frames.count)")
            let alone = frames[page].textLines.count <= 3
            #expect(frames[page].runs.contains { $0.run.text.hasPrefix("— ") } == !alone, "page \(page + 1)")
        }
    }

    /// The transmittal notice of seed 001: the cover's 现将《…》印发你们 and the date, then the
    /// enclosed 实施意见 with its own title at the top of a new page.
    @Test func transmittalNoticeEnclosesTheDocument() throws {
        let (datePage, _) = try line("2022年5月9日", in: Self.transmittal)
        let cover = Self.transmittal[0].textLines.map(\.text).joined()
        #expect(cover.contains("现将《中共安阳市北关区教育局党组关于在全区中小学校（幼儿园）开展“一校一品”党建文化建设工作的实施意见》印发你们"))
        let enclosed = Self.transmittal[datePage + 1]
        let title = try #require(enclosed.textLines.first)
        #expect(title.size == .pt(22) && close(title.position.y, baseline(slot: 0, size: .pt(22))))
        #expect(title.text.hasPrefix("关于在全区中小学"))
    }

    // MARK: Bad values

    /// The message of building `official` with `yaml` as its data, or nil when it builds.
    func refusal(_ yaml: String) throws -> String? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-official-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data.yaml")
        try (yaml + "mark: 清河市东湖区教育局文件\nissuer: 清河市东湖区教育局\nbody: 正文。\ndate: 2023-09-15\n")
            .write(to: data, atomically: true, encoding: .utf8)
        do {
            _ = try DocumentBuilder(templateSearchPaths: [repositoryRoot + "/templates"]).build(template: "official", data: [data.path])
            return nil
        } catch {
            return String(describing: error)
        }
    }

    /// A layout the standard does not have is an error at the data's place (the template's fields
    /// declare the choice) naming the allowed ones, not a notice in disguise.
    @Test func anUnknownLayoutIsRefusedWithTheAllowedValues() throws {
        let message = try #require(try refusal("layout: 信件\n"), "built with layout 信件")
        #expect(message.contains("layout“信件”不是可选的值"), "\(message)")
        #expect(message.contains("文件、信函、命令"), "\(message)")
    }

    /// §7.2.1: a 份号 that is not Arabic digits is refused at its place, not printed.
    @Test func aCopyNumberThatIsNotDigitsIsRefused() throws {
        let message = try #require(try refusal("copy_number: 第一份\n"), "built with 份号 第一份")
        #expect(message.contains("template.xml:") && message.contains("份号") && message.contains("000128"), "\(message)")
    }
}
