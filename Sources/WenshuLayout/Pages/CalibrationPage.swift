import Foundation
import WenshuCore
import WenshuText

/// The 套打 calibration page: millimetre rulers along the four edges (a tick every millimetre,
/// longer every 5 and labelled every 10, numbered from the page's top-left corner) and crosshairs
/// at known points. A clerk prints it on the stock at actual size and measures, with a ruler, the
/// distance from the paper's left and top edges to each crosshair: the measured value minus the
/// printed one is the printer's offset; the crosshairs' drift across the sheet gives its rotation
/// and scale. Those go into a printer profile (`PrinterProfile`).
public struct CalibrationPage {
    let typesetter: ParagraphTypesetter

    public init(typesetter: ParagraphTypesetter) { self.typesetter = typesetter }

    /// How far in from the edges the rulers' base lines stand.
    public static let rulerInset = Length.mm(8)
    static let hairline = Stroke(width: .pt(0.3))

    /// The crosshairs' centres: 25 mm in from each corner, and the middle of the page.
    public static func crosshairs(on size: Size) -> [Point] {
        let d = Length.mm(25)
        return [Point(x: d, y: d), Point(x: size.width - d, y: d), Point(x: d, y: size.height - d),
                Point(x: size.width - d, y: size.height - d), Point(x: size.width / 2, y: size.height / 2)]
    }

    /// The tick lengths: 2 mm each millimetre, 3.5 mm each fifth, 5 mm each tenth.
    public static func tickLength(at mm: Int) -> Length {
        mm % 10 == 0 ? .mm(5) : mm % 5 == 0 ? .mm(3.5) : .mm(2)
    }

    /// The page of `size`.
    public func frame(size: Size) throws -> Frame {
        var frame = Frame(size: size)
        let widthMM = Int((size.width.points / Length.pointsPerMillimetre).rounded(.down))
        let heightMM = Int((size.height.points / Length.pointsPerMillimetre).rounded(.down))
        let inset = Self.rulerInset
        let label = TextStyle(role: .hei, size: .pt(6))
        // Rulers: top and bottom measure x, left and right measure y; ticks point into the page.
        for mm in 0...max(0, widthMM) {
            let x = Length.mm(Double(mm)), tick = Self.tickLength(at: mm)
            frame.place(.line(to: Point(x: x, y: inset + tick), stroke: Self.hairline), at: Point(x: x, y: inset))
            frame.place(.line(to: Point(x: x, y: size.height - inset - tick), stroke: Self.hairline), at: Point(x: x, y: size.height - inset))
            if mm % 10 == 0 && mm > 0 && mm < widthMM {
                try text("\(mm)", label, centredAt: x, baseline: inset + .mm(7.5), on: &frame)
                try text("\(mm)", label, centredAt: x, baseline: size.height - inset - .mm(6), on: &frame)
            }
        }
        for mm in 0...max(0, heightMM) {
            let y = Length.mm(Double(mm)), tick = Self.tickLength(at: mm)
            frame.place(.line(to: Point(x: inset + tick, y: y), stroke: Self.hairline), at: Point(x: inset, y: y))
            frame.place(.line(to: Point(x: size.width - inset - tick, y: y), stroke: Self.hairline), at: Point(x: size.width - inset, y: y))
            // Numbered clear of the top and bottom rulers' corners.
            if mm % 10 == 0 && mm >= 20 && mm <= heightMM - 20 {
                try text("\(mm)", label, leftAt: inset + .mm(6), baseline: y + .pt(2), on: &frame)
                try text("\(mm)", label, rightAt: size.width - inset - .mm(6), baseline: y + .pt(2), on: &frame)
            }
        }
        // The rulers' base lines.
        for (from, to) in [(Point(x: .zero, y: inset), Point(x: size.width, y: inset)),
                           (Point(x: .zero, y: size.height - inset), Point(x: size.width, y: size.height - inset)),
                           (Point(x: inset, y: .zero), Point(x: inset, y: size.height)),
                           (Point(x: size.width - inset, y: .zero), Point(x: size.width - inset, y: size.height))] {
            frame.place(.line(to: to, stroke: Self.hairline), at: from)
        }
        // Crosshairs: a cross 16 mm wide in a 6 mm square, labelled with the centre's place.
        let small = TextStyle(role: .hei, size: .pt(8))
        for (n, c) in Self.crosshairs(on: size).enumerated() {
            let arm = Length.mm(8), box = Length.mm(3)
            frame.place(.line(to: Point(x: c.x + arm, y: c.y), stroke: Self.hairline), at: Point(x: c.x - arm, y: c.y))
            frame.place(.line(to: Point(x: c.x, y: c.y + arm), stroke: Self.hairline), at: Point(x: c.x, y: c.y - arm))
            frame.place(.rectangle(Size(width: box * 2, height: box * 2), fill: nil, stroke: Self.hairline),
                        at: Point(x: c.x - box, y: c.y - box))
            let name = ["A", "B", "C", "D", "E"][n % 5]
            let label = "\(name)（\(Self.mm(c.x))，\(Self.mm(c.y))）"
            // Labels stand past the arm on the side away from the nearer edge, clear of the rulers.
            if c.x > size.width / 2 + .mm(1) {
                try text(label, small, rightAt: c.x - arm - .mm(1.5), baseline: c.y + .pt(2.8), on: &frame)
            } else {
                try text(label, small, leftAt: c.x + arm + .mm(1.5), baseline: c.y + .pt(2.8), on: &frame)
            }
        }
        // How to use it, in the middle.
        let body = TextStyle(role: .song, size: .pt(10.5))
        let lines = [
            "套打校准页（calibration page）",
            "用证书纸按“实际大小”打印本页（不缩放，不“适合页面”），",
            "量十字中心到纸张左边、上边的距离（毫米），减去括号中的标注值即为偏移；",
            "写入打印机配置（YAML）：offset-x、offset-y（毫米），scale，rotation（度，顺时针），",
            "再以 --printer-profile 配置文件 重新打印本页核对：十字应落在标注的位置。",
        ]
        var y = size.height / 2 + .mm(20)
        for line in lines {
            try text(line, body, centredAt: size.width / 2, baseline: y, on: &frame)
            y += .pt(16)
        }
        return frame
    }

    private static func mm(_ l: Length) -> String {
        let v = (l.points / Length.pointsPerMillimetre * 10).rounded() / 10
        return v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }

    private func set(_ s: String, _ style: TextStyle) throws -> TextLine? {
        try typesetter.singleLine(s, style)
    }

    private func place(_ line: TextLine, x: Length, baseline: Length, on frame: inout Frame) {
        for run in line.runs { frame.place(.glyphs(run.run), at: Point(x: x + run.x, y: baseline)) }
    }

    private func text(_ s: String, _ style: TextStyle, centredAt x: Length, baseline: Length, on frame: inout Frame) throws {
        guard let line = try set(s, style) else { return }
        place(line, x: x - line.width / 2, baseline: baseline, on: &frame)
    }

    private func text(_ s: String, _ style: TextStyle, leftAt x: Length, baseline: Length, on frame: inout Frame) throws {
        guard let line = try set(s, style) else { return }
        place(line, x: x, baseline: baseline, on: &frame)
    }

    private func text(_ s: String, _ style: TextStyle, rightAt x: Length, baseline: Length, on frame: inout Frame) throws {
        guard let line = try set(s, style) else { return }
        place(line, x: x - line.width, baseline: baseline, on: &frame)
    }
}
