import Foundation

/// A date as the Info dictionary (`D:20261128172258+08'00'`) and XMP (`2026-11-28T17:22:58+08:00`)
/// write it. PDF/A wants the two to name the same moment, so both are written from this one value,
/// always with a time zone.
public struct PDFDate: Equatable, Sendable {
    public var year, month, day, hour, minute, second: Int
    /// Minutes east of UTC.
    public var offset: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offset: Int = 0) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second; self.offset = offset
    }

    /// The UTC date of `seconds` since 1970 (as `SOURCE_DATE_EPOCH` gives it).
    public init(epoch seconds: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                        from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        self.init(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1,
                  hour: c.hour ?? 0, minute: c.minute ?? 0, second: c.second ?? 0)
    }

    /// Reads a PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`, everything after the year optional); a date
    /// without a zone is taken as UTC. Nil if it is not one.
    public init?(pdf text: String) {
        var chars = Array(text.utf8)
        if chars.starts(with: Array("D:".utf8)) { chars.removeFirst(2) }
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            let slice = chars[from..<(from + count)]
            guard slice.allSatisfy({ (48...57).contains($0) }) else { return nil }
            return Int(String(decoding: slice, as: UTF8.self))
        }
        guard let year = digits(0, 4) else { return nil }
        var fields = [1, 1, 0, 0, 0]
        var at = 4
        for k in 0..<5 {
            guard let v = digits(at, 2) else { break }
            fields[k] = v
            at += 2
        }
        var offset = 0
        if at < chars.count {
            let sign = chars[at]
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                guard let h = digits(at + 1, 2) else { return nil }
                var m = 0
                if at + 3 < chars.count, chars[at + 3] == UInt8(ascii: "'"), let mm = digits(at + 4, 2) { m = mm }
                offset = (h * 60 + m) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else if sign != UInt8(ascii: "Z") {
                return nil
            }
        }
        guard (1...12).contains(fields[0]), (1...31).contains(fields[1]), (0...23).contains(fields[2]),
              (0...59).contains(fields[3]), (0...59).contains(fields[4]), abs(offset) < 24 * 60 else { return nil }
        self.init(year: year, month: fields[0], day: fields[1], hour: fields[2], minute: fields[3], second: fields[4], offset: offset)
    }

    private var zone: (sign: String, hours: String, minutes: String) {
        (offset < 0 ? "-" : "+", String(format: "%02d", abs(offset) / 60), String(format: "%02d", abs(offset) % 60))
    }

    /// `D:20261128172258+08'00'`.
    public var pdf: String {
        let z = zone
        return String(format: "D:%04d%02d%02d%02d%02d%02d", year, month, day, hour, minute, second) + "\(z.sign)\(z.hours)'\(z.minutes)'"
    }

    /// `2026-11-28T17:22:58+08:00`.
    public var xmp: String {
        let z = zone
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second) + "\(z.sign)\(z.hours):\(z.minutes)"
    }

    /// `SOURCE_DATE_EPOCH` from the environment, if set to a number.
    public static func sourceDateEpoch(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFDate? {
        guard let text = environment["SOURCE_DATE_EPOCH"]?.trimmingCharacters(in: .whitespaces),
              let seconds = Int(text), seconds >= 0, seconds < 253_402_300_800 else { return nil }
        return PDFDate(epoch: seconds)
    }
}
