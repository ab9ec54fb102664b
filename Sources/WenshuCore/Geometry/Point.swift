/// A position on the page, measured from the top-left corner, y growing downwards.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Length
    public var y: Length
    public init(x: Length, y: Length) { self.x = x; self.y = y }
    public static let zero = Point(x: .zero, y: .zero)
    public static func + (a: Point, b: Point) -> Point { Point(x: a.x + b.x, y: a.y + b.y) }
    public var description: String { "(\(x), \(y))" }
}

/// A width and a height.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Length
    public var height: Length
    public init(width: Length, height: Length) { self.width = width; self.height = height }
    public static let zero = Size(width: .zero, height: .zero)
    /// ISO A4 portrait, 210 × 297 mm.
    public static let a4 = Size(width: .mm(210), height: .mm(297))
    /// The same size turned a quarter (landscape from portrait).
    public var flipped: Size { Size(width: height, height: width) }
    public var description: String { "\(width)x\(height)" }
}

/// A rectangle: an origin (top-left) and a size.
public struct Rect: Hashable, Sendable {
    public var origin: Point
    public var size: Size
    public init(origin: Point, size: Size) { self.origin = origin; self.size = size }
    public init(x: Length, y: Length, width: Length, height: Length) {
        self.init(origin: Point(x: x, y: y), size: Size(width: width, height: height))
    }
    public var minX: Length { origin.x }
    public var minY: Length { origin.y }
    public var maxX: Length { origin.x + size.width }
    public var maxY: Length { origin.y + size.height }
    public var width: Length { size.width }
    public var height: Length { size.height }
}

/// Four lengths, one a side: margins, paddings, border widths.
public struct Sides: Hashable, Sendable {
    public var top: Length
    public var right: Length
    public var bottom: Length
    public var left: Length
    public init(top: Length, right: Length, bottom: Length, left: Length) {
        self.top = top; self.right = right; self.bottom = bottom; self.left = left
    }
    public init(all: Length) { self.init(top: all, right: all, bottom: all, left: all) }
    public static let zero = Sides(all: .zero)
}
