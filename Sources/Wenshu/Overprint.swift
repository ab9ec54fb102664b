import Foundation
import WenshuCore
import WenshuData

/// 套打: printing onto pre-printed stock (a certificate whose border, title and seal are already
/// there). The same layout serves both sheets: the print carries only the `content` layer, moved
/// by the printer's profile; the previews (PNG, a preview PDF) show where it lands on the stock:
/// a scan of the blank stock when one is given, else the template's own stock layer.
public struct Overprint: Sendable {
    /// Leave the stock layer out of the print (`--taoda`).
    public var stockOmitted = false
    /// The printer's measured correction (`--printer-profile FILE`), applied to the print only.
    public var profile: PrinterProfile?
    /// Print the stock alone (`--print-stock`): blank stock made on plain paper, to be 套打 later.
    public var contentOmitted = false
    /// A scan of the blank stock (PNG), under the previews' pages, never printed.
    public var scan: String?

    public init(stockOmitted: Bool = false, contentOmitted: Bool = false, profile: PrinterProfile? = nil, scan: String? = nil) {
        self.stockOmitted = stockOmitted; self.contentOmitted = contentOmitted; self.profile = profile; self.scan = scan
    }

    /// Printing to measure: the PDF asks viewers not to scale it (`PrintScaling`).
    public var isPrint: Bool { stockOmitted || contentOmitted || profile != nil }

    /// The layers that go to the printer.
    var printed: Set<FrameLayer> { stockOmitted ? [.content] : contentOmitted ? [.stock] : [.content, .stock] }

    /// The pages as they go to the printer.
    public func print(_ frames: [Frame]) -> [Frame] {
        guard isPrint else { return frames }
        return frames.map { frame in
            var out = frame.keeping(printed)
            out.printerProfile = profile
            return out
        }
    }

    /// The pages as they will look on the stock: the scan (or the stock layer) under the content.
    public func preview(_ frames: [Frame]) -> [Frame] {
        guard let scan else { return contentOmitted ? frames.map { $0.keeping([.stock]) } : frames }
        return frames.map { frame in
            var out = frame.keeping([.content])
            out.items.insert(FrameElement(position: Point(x: .zero, y: .zero), item: .image(ImageItem(path: scan), size: frame.size),
                                          layer: .scan), at: 0)
            return out
        }
    }
}

extension PrinterProfile {
    /// Reads a printer profile: YAML or JSON with `offset-x` and `offset-y` (millimetres, or a
    /// length such as 1.5mm), `scale` (1 = as laid out) and `rotation` (degrees, clockwise), each
    /// optional; Chinese keys 横向偏移, 纵向偏移, 缩放, 旋转 too. A value out of range or an unknown
    /// key is an error at its place.
    public static func load(_ path: String) throws -> PrinterProfile {
        let data = try DataLoader.load(path)
        guard case .object(let record) = data.root else {
            throw DataError("打印机配置应为键值对：offset-x、offset-y、scale、rotation", "a printer profile maps offset-x, offset-y, scale and rotation to values",
                            at: SourceLocation(file: path))
        }
        let aliases = ["offset-x": "offset-x", "横向偏移": "offset-x", "offset-y": "offset-y", "纵向偏移": "offset-y",
                       "scale": "scale", "缩放": "scale", "rotation": "rotation", "旋转": "rotation", "printer": "printer", "打印机": "printer"]
        var profile = PrinterProfile()
        for key in record.keys {
            let place = data.location(of: [.key(key)]) ?? SourceLocation(file: path)
            guard let name = aliases[key], let value = record[key] else {
                throw DataError("打印机配置里没有“\(key)”这一项；可用的有 offset-x、offset-y（毫米）、scale、rotation（度）、printer",
                                "no ‘\(key)’ in a printer profile; expected offset-x, offset-y (mm), scale, rotation (degrees), printer", at: place)
            }
            func number(_ range: ClosedRange<Double>, _ unit: String) throws -> Double {
                let n: Double?
                switch value {
                case .number(let x): n = x
                default:
                    let text = value.description.trimmingCharacters(in: .whitespaces)
                    n = unit == "mm" ? Length.parse(text).map { $0.points / Length.pointsPerMillimetre } : Double(text)
                }
                guard let n, n.isFinite, range.contains(n) else {
                    throw DataError("打印机配置的 \(key)=“\(value.description)”不可用：应在 \(range.lowerBound) 到 \(range.upperBound) \(unit) 之间",
                                    "\(key) must be a number from \(range.lowerBound) to \(range.upperBound) \(unit)", at: place)
                }
                return n
            }
            let offset = -maxOffset.points / Length.pointsPerMillimetre...maxOffset.points / Length.pointsPerMillimetre
            switch name {
            case "offset-x": profile.offsetX = .mm(try number(offset, "mm"))
            case "offset-y": profile.offsetY = .mm(try number(offset, "mm"))
            case "scale": profile.scale = try number(scaleRange, "")
            case "rotation": profile.rotation = try number(-maxRotation...maxRotation, "°")
            default: break  // the printer's name: for people
            }
        }
        return profile
    }
}
