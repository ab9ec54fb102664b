/// A colour in sRGB, components from 0 to 1.
public struct Color: Hashable, Sendable, CustomStringConvertible {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }
    /// A colour from a hex string "#RRGGBB" or "RRGGBB"; nil when malformed.
    public init?(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.count == 6, let v = UInt32(s, radix: 16) else { return nil }
        self.init(red: Double((v >> 16) & 0xFF) / 255, green: Double((v >> 8) & 0xFF) / 255, blue: Double(v & 0xFF) / 255)
    }
    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)
    /// The red of official documents: Y80 M80 in print, about #E60012 on screen (GB/T 9704-2012).
    public static let officialRed = Color(hex: "#E60012")!

    public var hex: String {
        func h(_ c: Double) -> String {
            let v = Int((c * 255).rounded())
            return String(v, radix: 16, uppercase: true).leftPadded(to: 2)
        }
        return "#" + h(red) + h(green) + h(blue)
    }
    public var description: String { hex }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
