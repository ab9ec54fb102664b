import Foundation

/// How one printer misplaces what it prints on one kind of stock, measured on the calibration
/// page (`wenshu calibrate`) and corrected in 套打: every printed item is scaled and rotated about
/// the page's top-left corner, then moved by the offset. Positive x is right, positive y down,
/// positive rotation clockwise as the sheet lies face up (the same as the page's coordinates).
public struct PrinterProfile: Hashable, Sendable {
    public var offsetX: Length
    public var offsetY: Length
    /// 1 keeps the size; 0.99 prints one per cent smaller.
    public var scale: Double
    /// Degrees, clockwise.
    public var rotation: Double

    public init(offsetX: Length = .zero, offsetY: Length = .zero, scale: Double = 1, rotation: Double = 0) {
        self.offsetX = offsetX; self.offsetY = offsetY; self.scale = scale; self.rotation = rotation
    }

    /// Moves nothing.
    public var isIdentity: Bool { offsetX == .zero && offsetY == .zero && scale == 1 && rotation == 0 }

    /// The rotation in radians.
    public var radians: Double { rotation * .pi / 180 }

    /// Where `p` lands on the sheet.
    public func apply(_ p: Point) -> Point {
        let c = cos(radians), s = sin(radians)
        let x = p.x.points * scale, y = p.y.points * scale
        return Point(x: .pt(x * c - y * s) + offsetX, y: .pt(x * s + y * c) + offsetY)
    }

    /// The largest values a profile may take: a printer that misses by more than this needs
    /// mending, not correcting.
    public static let maxOffset = Length.mm(50)
    public static let scaleRange = 0.5...2.0
    public static let maxRotation = 10.0
}
