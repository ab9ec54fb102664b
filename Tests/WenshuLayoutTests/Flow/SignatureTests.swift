import Testing
import WenshuCore
import WenshuRender
@testable import WenshuLayout

/// GB/T 9704-2012 §7.3.5: the signature is never stranded alone on a page; spacing closes up first.
@Suite struct SignatureTests {
    let flow = FlowLayoutTests()
    let signature = Block.signature(SignatureBlock(issuer: "中共清河市东湖区教育局党组", date: "2023年3月6日"))

    /// Which page (1-based) a text appears on.
    func page(of text: String, in frames: [Frame]) -> Int? {
        frames.firstIndex { DebugRenderer().trace([$0]).contains(text) }.map { $0 + 1 }
    }

    /// Three lines left: the two blank lines close up to one, and the signature stays on the page.
    @Test func closesUpWhenThePageIsNearlyFull() throws {
        let lines = (0..<19).map { _ in flow.paragraph("党建品牌创建工作") }
        let frames = try flow.layout(lines + [signature])
        #expect(frames.count == 1)
        #expect(page(of: "|2023年3月6日|", in: frames) == 1)
    }

    /// Text that fills its page to the last line: its last two lines go over with the signature.
    @Test func lastLinesOfTheTextGoWithIt() throws {
        // 26 characters after the 2-字 indent, then 21 full lines of 28: exactly 22 lines.
        let text = String(repeating: "党", count: 26 + 21 * 28)
        let frames = try flow.layout([flow.paragraph(text), signature])
        #expect(frames.count == 2)
        #expect(flow.bodyLines(frames[0]).count == 20)
        let second = DebugRenderer().trace([frames[1]])
        #expect(second.contains("|2023年3月6日|"))
        #expect(second.split(separator: "\n").filter { $0.contains("|党党党") }.count == 2, "two body lines with the signature")
    }

    /// With room to spare, two blank lines stand between the text and the issuer.
    @Test func twoBlankLinesNormally() throws {
        let frames = try flow.layout([flow.paragraph("党建品牌创建工作"), signature])
        let ys = flow.bodyLines(frames[0])
        #expect(ys.count == 3, "text, issuer, date: \(ys)")
        let pitch = Length.mm(225) / 22
        #expect((ys[1] - ys[0]).approximatelyEquals(pitch * 3, tolerance: 0.5))
    }
}
