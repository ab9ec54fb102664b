/// A length on the page. Stored in PostScript points (1/72 inch), the unit PDF and Cairo speak;
/// made from and read as millimetres, inches or points so that no caller mixes bare numbers.
public struct Length: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length in points.
    public var points: Double

    /// A length of `points` PostScript points.
    @inlinable public init(points: Double) { self.points = points }

    /// Points per millimetre (72 / 25.4).
    public static let pointsPerMillimetre = 72.0 / 25.4

    @inlinable public static func pt(_ value: Double) -> Length { Length(points: value) }
    @inlinable public static func mm(_ value: Double) -> Length { Length(points: value * pointsPerMillimetre) }
    @inlinable public static func inch(_ value: Double) -> Length { Length(points: value * 72) }
    public static let zero = Length(points: 0)

    /// The length in millimetres.
    @inlinable public var millimetres: Double { points / Self.pointsPerMillimetre }

    public var description: String {
        let rounded = (points * 100).rounded() / 100
        return "\(rounded)pt"
    }

    @inlinable public static func < (a: Length, b: Length) -> Bool { a.points < b.points }
    @inlinable public static func + (a: Length, b: Length) -> Length { Length(points: a.points + b.points) }
    @inlinable public static func - (a: Length, b: Length) -> Length { Length(points: a.points - b.points) }
    @inlinable public static prefix func - (a: Length) -> Length { Length(points: -a.points) }
    @inlinable public static func * (a: Length, k: Double) -> Length { Length(points: a.points * k) }
    @inlinable public static func * (k: Double, a: Length) -> Length { Length(points: a.points * k) }
    @inlinable public static func / (a: Length, k: Double) -> Length { Length(points: a.points / k) }
    /// The ratio of two lengths.
    @inlinable public static func / (a: Length, b: Length) -> Double { a.points / b.points }
    @inlinable public static func += (a: inout Length, b: Length) { a.points += b.points }
    @inlinable public static func -= (a: inout Length, b: Length) { a.points -= b.points }

    /// True when the two lengths differ by less than `tolerance` (a hundredth of a point by default).
    @inlinable public func approximatelyEquals(_ other: Length, tolerance: Double = 0.01) -> Bool {
        abs(points - other.points) < tolerance
    }
}

extension Length {
    /// The Chinese font sizes (字号) with their point values, as offices name them.
    /// 初号 42pt … 八号 5pt (see docs: Chinese font sizes).
    public static let chineseSizes: [(name: String, points: Double)] = [
        ("初号", 42), ("小初", 36), ("一号", 26), ("小一", 24), ("二号", 22), ("小二", 18),
        ("三号", 16), ("小三", 15), ("四号", 14), ("小四", 12), ("五号", 10.5), ("小五", 9),
        ("六号", 7.5), ("小六", 6.5), ("七号", 5.5), ("八号", 5),
    ]

    /// The point size of a Chinese size name such as "三号" or "小四", or nil when unknown.
    public static func chineseSize(_ name: String) -> Length? {
        chineseSizes.first { $0.name == name }.map { .pt($0.points) }
    }

    /// Parses a length as a template writes it: "16pt", "37mm", "1in", "2.5cm", or a 字号 name.
    public static func parse(_ text: String) -> Length? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let size = chineseSize(t) { return size }
        let units: [(String, Double)] = [("pt", 1), ("mm", pointsPerMillimetre), ("cm", 10 * pointsPerMillimetre), ("in", 72)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let v = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)) else { return nil }
            return Length(points: v * factor)
        }
        return Double(t).map { Length(points: $0) }
    }
}
