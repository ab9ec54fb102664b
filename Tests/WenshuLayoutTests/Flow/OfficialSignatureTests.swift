import Testing
import WenshuCore
@testable import WenshuLayout

/// GB/T 9704-2012 §7.3.5.2: a signature without a seal, measured in millimetres (the type area
/// 156 mm wide from 28 mm, 28 columns of 156/28 mm, lines of 225/22 mm).
@Suite struct OfficialSignatureTests {
    let flow = FlowLayoutTests()
    let cell = Length.mm(156) / 28
    let pitch = Length.mm(225) / 22

    func unsealed(_ issuer: String, others: [String] = [], date: String) -> Block {
        var s = SignatureBlock(issuer: issuer, date: date)
        s.layout = .unsealed
        s.others = others
        return .signature(s)
    }

    func line(_ text: String, _ frame: Frame) throws -> (x: Length, end: Length, y: Length) {
        let runs = frame.items.compactMap { e -> (Point, GlyphRun)? in if case .glyphs(let r) = e.item { (e.position, r) } else { nil } }
        let r = try #require(runs.first { $0.1.text == text }, "no ‘\(text)’")
        return (r.0.x, r.0.x + r.1.width, r.0.y)
    }

    /// The name one blank line under the text, two characters in from the right; the date on the
    /// next line, its first character two characters right of the name's.
    @Test func withoutSealNameTwoInDateTwoRight() throws {
        let frames = try flow.layout([flow.paragraph("党建品牌创建工作"), unsealed("清河市东湖区教育局", date: "2023年3月6日")])
        let text = try line("党建品牌创建工作", frames[0])
        let name = try line("清河市东湖区教育局", frames[0])
        let date = try line("2023年3月6日", frames[0])
        #expect(abs((name.y - text.y - pitch * 2).millimetres) < 0.05, "one blank line under the text")
        #expect(abs((name.end - (.mm(184) - cell * 2)).millimetres) < 0.05, "two characters in from the right")
        #expect(abs((date.x - name.x - cell * 2).millimetres) < 0.05, "the date two characters right of the name")
        #expect(abs((date.y - name.y - pitch).millimetres) < 0.05)
    }

    /// A date longer than that leaves room for ends two characters in; the name moves left with it.
    @Test func longDateMovesTheNameLeft() throws {
        let frames = try flow.layout([flow.paragraph("正文"), unsealed("教育局", date: "2023年12月26日")])
        let name = try line("教育局", frames[0])
        let date = try line("2023年12月26日", frames[0])
        #expect(abs((date.end - (.mm(184) - cell * 2)).millimetres) < 0.3, "\(date.end.millimetres)")
        #expect(abs((date.x - name.x - cell * 2).millimetres) < cell.millimetres, "name two characters left of the date")
    }

    /// Joint, without seals: the host's name first, the others under it, then the date.
    @Test func jointWithoutSealsStacksTheOrgans() throws {
        let frames = try flow.layout([flow.paragraph("正文"),
                                      unsealed("中共清河市东湖区委教育工作委员会", others: ["清河市东湖区教育局"], date: "2023年11月20日")])
        let host = try line("中共清河市东湖区委教育工作委员会", frames[0])
        let other = try line("清河市东湖区教育局", frames[0])
        let date = try line("2023年11月20日", frames[0])
        #expect(abs((other.y - host.y - pitch).millimetres) < 0.05 && abs((date.y - other.y - pitch).millimetres) < 0.05)
        #expect(abs((host.end - (.mm(184) - cell * 2)).millimetres) < 0.05, "the longest name two characters in")
        #expect(abs((other.x - host.x).millimetres) < 0.05, "names aligned on their first character")
    }

    /// §7.3.5.1 joint with seals: two short names side by side, a seal on each, the last name and
    /// seal centred over the date four characters in; the seals at least 50 mm apart, so they neither
    /// cross nor touch.
    @Test func jointSealsSideBySide() throws {
        var path = #filePath
        for _ in 0..<4 { path = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) }
        let seal = path + "/samples/notice/seal.png"
        var s = SignatureBlock(issuer: "东湖区委教育工委", date: "2023年11月20日", seal: seal)
        s.others = ["东湖区教育局"]
        s.otherSeals = [seal]
        let frames = try flow.layout([flow.paragraph("正文"), .signature(s)])
        let host = try line("东湖区委教育工委", frames[0])
        let other = try line("东湖区教育局", frames[0])
        let date = try line("2023年11月20日", frames[0])
        #expect(abs((host.y - other.y).millimetres) < 0.05, "one row")
        #expect(abs((date.end - (.mm(184) - cell * 4)).millimetres) < 0.05)
        let centres = frames[0].items.compactMap { e -> Length? in if case .image(_, let size) = e.item { e.position.x + size.width / 2 } else { nil } }.sorted()
        #expect(centres.count == 2)
        let dateCentre = (date.x + date.end) / 2
        #expect(abs((centres[1] - dateCentre).millimetres) < 0.05, "the last seal over the date")
        let apart = (centres[1] - centres[0]).millimetres
        #expect(apart >= 50 && apart < 50 + cell.millimetres + 1, "at least 50 mm apart (the host on the grid): \(apart)")
        #expect(abs(((other.x + other.end) / 2 - dateCentre).millimetres) < cell.millimetres, "the last organ over the date")
        #expect(abs(((host.x + host.end) / 2 - centres[0]).millimetres) < cell.millimetres, "the host under its seal")
    }
}
