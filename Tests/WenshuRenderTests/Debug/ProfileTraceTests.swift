import Foundation
import Testing
import WenshuCore
import WenshuRender

/// The debug trace of a 套打 page: positions after the printer profile, in points, with the profile
/// in millimetres on its own line; stock items tagged.
@Suite struct ProfileTraceTests {
    func frame(_ profile: PrinterProfile?) -> Frame {
        var f = Frame(size: .a4)
        f.place(.line(to: Point(x: .mm(110), y: .mm(20)), stroke: Stroke(width: .pt(1))), at: Point(x: .mm(100), y: .mm(20)))
        f.place(.rectangle(Size(width: .mm(5), height: .mm(5)), fill: .black, stroke: nil), at: Point(x: .mm(10), y: .mm(10)), layer: .stock)
        f.printerProfile = profile
        return f
    }

    func numbers(_ line: Substring) -> [Double] {
        line.split(whereSeparator: { " ,>-x".contains($0) }).compactMap { Double($0) }
    }

    @Test func offsetScaleAndRotationInMillimetres() throws {
        let mm = Length.pointsPerMillimetre
        let plain = DebugRenderer().trace([frame(nil)]).split(separator: "\n")
        #expect(plain.count == 3 && plain[2].hasSuffix("[stock]"), "\(plain)")
        #expect(!plain.contains { $0.contains("profile") })
        // Offset 3 mm right and 2 mm up.
        let moved = DebugRenderer().trace([frame(PrinterProfile(offsetX: .mm(3), offsetY: .mm(-2)))]).split(separator: "\n")
        #expect(moved[1] == "  profile offset=3.00,-2.00mm scale=1.0 rotation=0.0°")
        let line = numbers(moved[2])
        #expect(abs(line[0] / mm - 103) < 0.01 && abs(line[1] / mm - 18) < 0.01 && abs(line[2] / mm - 113) < 0.01 && abs(line[3] / mm - 18) < 0.01, "\(moved[2])")
        // Turned 90° clockwise and halved about the top-left corner: (100, 20) mm → (−10, 50) mm.
        let turned = DebugRenderer().trace([frame(PrinterProfile(scale: 0.5, rotation: 90))]).split(separator: "\n")
        let t = turned[2].split(separator: " ")[1].split(separator: ",").compactMap { Double($0) }
        #expect(abs(t[0] / mm + 10) < 0.01 && abs(t[1] / mm - 50) < 0.01, "\(turned[2])")
    }
}
