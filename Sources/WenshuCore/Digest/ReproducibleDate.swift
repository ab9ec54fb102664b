import Foundation

/// The date written into the documents of a run whose bytes must not depend on when it ran (a
/// batch, its shards on many machines): `SOURCE_DATE_EPOCH` when set (the reproducible-builds
/// convention), else a fixed moment, 2000-01-01 00:00:00 UTC.
public enum ReproducibleDate {
    /// 2000-01-01T00:00:00Z.
    public static let fixed = 946_684_800

    /// `SOURCE_DATE_EPOCH` when set to a usable number of seconds, else nil.
    public static func sourceDateEpoch(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        guard let text = environment["SOURCE_DATE_EPOCH"]?.trimmingCharacters(in: .whitespaces),
              let seconds = Int(text), seconds >= 0, seconds < 253_402_300_800 else { return nil }
        return seconds
    }

    /// Seconds since 1970: `SOURCE_DATE_EPOCH`, or `fixed`.
    public static func seconds(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        sourceDateEpoch(environment) ?? fixed
    }

    /// The same moment as a `Date`.
    public static func date(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        Date(timeIntervalSince1970: TimeInterval(seconds(environment)))
    }

    /// `2000-01-01T00:00:00Z`, as Cairo's PDF metadata takes a date (ISO 8601, UTC).
    public static func iso8601(_ seconds: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
