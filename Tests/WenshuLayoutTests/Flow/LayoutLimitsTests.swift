import Testing
import WenshuCore
import WenshuFonts
import WenshuText
@testable import WenshuLayout

/// Defect 6 for content built without a template: masters and blocks layout cannot handle are
/// refused with a message, not trapped on or ground through.
@Suite struct LayoutLimitsTests {
    func layout(_ blocks: [Block], master: PageMaster) throws -> [Frame] {
        try FlowLayout(master: master, typesetter: ParagraphTypesetter(fonts: FlowLayoutTests.fonts)).layout(blocks)
    }

    static func master(_ change: (inout PageMaster) -> Void) -> PageMaster {
        var m = PageMaster.officialDocument()
        change(&m)
        return m
    }

    static let extremes: [PageMaster] = [
        master { $0.linePitch = .zero }, master { $0.linePitch = .pt(-3) }, master { $0.linePitch = .pt(.nan) },
        master { $0.linePitch = .mm(400) }, master { $0.margins.left = .mm(-5) }, master { $0.margins = Sides(all: .mm(200)) },
        master { $0.size = Size(width: .mm(-210), height: .mm(297)) }, master { $0.size = Size(width: .mm(1e9), height: .mm(297)) },
        master { $0.gridLines = 0 }, master { $0.gridColumns = 1_000_000 },
    ]

    @Test(arguments: extremes)
    func extremeMastersAreRefused(master: PageMaster) throws {
        let block = Block.paragraph(ParagraphBlock(runs: [InlineRun("甲", style: FlowLayoutTests.body)]))
        #expect(throws: LayoutError.self) { _ = try layout([block], master: master) }
        #expect(throws: LayoutError.self) {
            _ = try layout([block, .section(SectionBreak(master: master, restartNumbering: false, oddPage: false))], master: .officialDocument())
        }
    }

    @Test(arguments: [1e12, -1, .infinity, .nan])
    func extremeSpacesAreRefused(lines: Double) throws {
        do { _ = try layout([.space(lines: lines)], master: .officialDocument()); Issue.record("laid out") } catch let e as LayoutError {
            #expect(e.message.hasPrefix("无法排版"))
        }
    }
}
