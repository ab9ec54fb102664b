import WenshuCore

/// A calendar date without a time, as forms write them (2022年5月9日).
public struct DateValue: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A date, or nil when it does not exist (2023-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= DateValue.days(inMonth: month, year: year), year > 0 else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    static func days(inMonth m: Int, year y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// An Excel date serial (days since 1899-12-30, the 1900 system with its leap-year bug).
    public init?(excelSerial serial: Double) {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        // Days since 1970-01-01 of the serial, then the civil date (Howard Hinnant's algorithm).
        let days = Int(serial.rounded(.down)) - 25569
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The Excel date serial of the date (days since 1899-12-30; the inverse of `init(excelSerial:)`
    /// from 1900-03-01 on).
    public var excelSerial: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468 + 25569
    }

    /// Parses 2022-05-09, 2022/5/9, 2022.5.9 and 2022年5月9日 (leniently: see `DateForms`).
    public init?(parsing text: String) {
        guard let p = DateForms.parts(text, lenient: true) else { return nil }
        self.init(year: p.year, month: p.month, day: p.day)
    }

    public static func < (a: DateValue, b: DateValue) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    /// ISO form, 2022-05-09.
    public var description: String {
        "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }
}

/// Data as every loader gives it: YAML, JSON, CSV and Excel all become these values.
public indirect enum Value: Sendable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case date(DateValue)
    case array([Value])
    case object(Record)

    /// The value at `key` of an object (nil for other values or a missing key).
    public subscript(key: String) -> Value? {
        if case .object(let r) = self { return r[key] }
        return nil
    }

    /// The text a template prints for the value.
    public var description: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "是" : "否"
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): s
        case .date(let d): "\(d.year)年\(d.month)月\(d.day)日"
        case .array(let a): a.map(\.description).joined(separator: "、")
        case .object: ""
        }
    }

    /// False for null, false, 0, "" and empty arrays and objects; true otherwise (for `if`).
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .number(let n): n != 0
        case .string(let s): !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .date: true
        case .array(let a): !a.isEmpty
        case .object(let r): !r.keys.isEmpty
        }
    }
}

/// An object whose keys keep the order they were written in.
public struct Record: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var values: [String: Value] = [:]

    public init() {}
    public init(_ pairs: [(String, Value)]) { for (k, v) in pairs { self[k] = v } }

    public subscript(key: String) -> Value? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public var pairs: [(key: String, value: Value)] { keys.compactMap { k in values[k].map { (k, $0) } } }
}

/// One step of a path into data: a key or an index.
public enum PathComponent: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)
    public var description: String {
        switch self {
        case .key(let k): k
        case .index(let i): "[\(i)]"
        }
    }
}

/// A path into data, such as school.leader or photos[2].caption.
public typealias ValuePath = [PathComponent]

/// Loaded data with where every value came from, so that a problem can name file, line and column
/// (or sheet and cell).
public struct DataSet: Sendable {
    public var root: Value
    /// The source of values by path; leaves and containers as the loader knows them.
    public var locations: [ValuePath: SourceLocation]
    /// What the loaders found and did not take (a picture in a Word report), to be reported with
    /// the data's other problems.
    public var notes: [Problem] = []
    /// The key a field was written under in the data (品牌名称 for brand.name), by its schema path,
    /// so that a problem names the field as the data does.
    public var writtenLabels: [ValuePath: String] = [:]

    public init(root: Value = .object(Record()), locations: [ValuePath: SourceLocation] = [:]) {
        self.root = root; self.locations = locations
    }

    /// The value at `path`.
    public func value(at path: ValuePath) -> Value? {
        var v = root
        for c in path {
            switch (c, v) {
            case (.key(let k), .object(let r)): guard let n = r[k] else { return nil }; v = n
            case (.index(let i), .array(let a)): guard a.indices.contains(i) else { return nil }; v = a[i]
            default: return nil
            }
        }
        return v
    }

    /// The location of `path`, or of its nearest ancestor that has one.
    public func location(of path: ValuePath) -> SourceLocation? {
        var p = path
        while true {
            if let l = locations[p] { return l }
            if p.isEmpty { return nil }
            p.removeLast()
        }
    }

    /// Merges `other` over this data set: objects merge key by key (recursively), anything else
    /// in `other` replaces what was here. Several data files given to `wenshu build` merge in order.
    public mutating func merge(_ other: DataSet) {
        root = DataSet.merge(root, other.root)
        locations.merge(other.locations) { _, new in new }
        notes += other.notes
        writtenLabels.merge(other.writtenLabels) { _, new in new }
    }

    static func merge(_ a: Value, _ b: Value) -> Value {
        guard case .object(var ra) = a, case .object(let rb) = b else { return b }
        for (k, v) in rb.pairs { ra[k] = ra[k].map { merge($0, v) } ?? v }
        return .object(ra)
    }
}

/// Errors of the data loaders: always with a location.
public struct DataError: WenshuError {
    public var location: SourceLocation?
    public var message: String
    public init(_ message: String, at location: SourceLocation?) { self.message = message; self.location = location }

    /// An error in Chinese first with its English gloss: "中文（English）".
    public init(_ chinese: String, _ english: String, at location: SourceLocation?) {
        self.init("\(chinese)（\(english)）", at: location)
    }
}
