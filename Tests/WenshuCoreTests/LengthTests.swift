import Foundation
import Testing
@testable import WenshuCore

@Suite struct LengthTests {
    @Test func millimetresAndPoints() {
        #expect(Length.mm(25.4).points == 72)
        #expect(abs(Length.pt(72).millimetres - 25.4) < 1e-9)
        #expect((Length.mm(10) + .mm(5)).approximatelyEquals(.mm(15)))
    }

    /// The Chinese font sizes of the brief, every one.
    @Test(arguments: [("初号", 42.0), ("小初", 36), ("一号", 26), ("小一", 24), ("二号", 22), ("小二", 18), ("三号", 16),
                      ("小三", 15), ("四号", 14), ("小四", 12), ("五号", 10.5), ("小五", 9), ("六号", 7.5), ("小六", 6.5),
                      ("七号", 5.5), ("八号", 5)])
    func chineseSizes(name: String, points: Double) {
        #expect(Length.chineseSize(name) == .pt(points))
        #expect(Length.parse(name) == .pt(points))
    }

    @Test func parsesUnits() {
        #expect(Length.parse("37mm")!.approximatelyEquals(.mm(37)))
        #expect(Length.parse("16pt") == .pt(16))
        #expect(Length.parse("2.5cm")!.approximatelyEquals(.mm(25)))
        #expect(Length.parse("1in") == .pt(72))
        #expect(Length.parse("wide") == nil)
    }

    @Test func officialRed() {
        #expect(Color.officialRed.hex == "#E60012")
        #expect(Color(hex: "nonsense") == nil)
    }
}
