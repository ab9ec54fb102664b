import Testing
import WenshuCore
import WenshuText
@testable import WenshuLayout

/// The 套打 calibration page: rulers with a tick every millimetre, crosshairs where they say.
@Suite struct CalibrationPageTests {
    func page(_ size: Size = .a4) throws -> Frame {
        try CalibrationPage(typesetter: ParagraphTypesetter(fonts: FlowLayoutTests.fonts)).frame(size: size)
    }

    /// The top ruler's ticks: one per millimetre from 0 to 210, 5 mm long at each tenth, 3.5 at
    /// each fifth, 2 between.
    @Test func topRulerTicksEveryMillimetre() throws {
        let frame = try page()
        let inset = CalibrationPage.rulerInset
        let ticks = frame.items.compactMap { e -> (x: Double, length: Double)? in
            guard case .line(let to, _) = e.item, e.position.y == inset, to.x == e.position.x, to.y > inset else { return nil }
            return (e.position.x.millimetres, (to.y - inset).millimetres)
        }
        #expect(ticks.count == 211, "\(ticks.count)")
        for (k, t) in ticks.enumerated() {
            #expect(abs(t.x - Double(k)) < 0.001)
            let expected = k % 10 == 0 ? 5.0 : k % 5 == 0 ? 3.5 : 2.0
            #expect(abs(t.length - expected) < 0.001, "tick \(k)")
        }
        // Every tenth is numbered in mm; the side rulers' numbers stop 20 mm short of the corners.
        let labels = frame.items.compactMap { e -> String? in if case .glyphs(let r) = e.item { r.text } else { nil } }
        #expect(labels.contains("100") && labels.contains("200") && labels.contains("270") && !labels.contains("280"))
    }

    /// Crosshairs 25 mm in from the corners and at the centre, each labelled with its place.
    @Test func crosshairsAtTheirLabelledPlaces() throws {
        let size = Size(width: .mm(250), height: .mm(180))
        let frame = try page(size)
        let centres = CalibrationPage.crosshairs(on: size)
        #expect(centres.count == 5 && centres[4] == Point(x: .mm(125), y: .mm(90)))
        for c in centres {
            let cross = frame.items.contains { e in
                if case .line(let to, _) = e.item { e.position == Point(x: c.x - .mm(8), y: c.y) && to == Point(x: c.x + .mm(8), y: c.y) } else { false }
            }
            #expect(cross, "a cross at \(c)")
        }
        let text = frame.items.compactMap { e -> String? in if case .glyphs(let r) = e.item { r.text } else { nil } }.joined()
        #expect(text.contains("A（25，25）") && text.contains("D（225，155）") && text.contains("E（125，90）"), "\(text)")
    }
}
