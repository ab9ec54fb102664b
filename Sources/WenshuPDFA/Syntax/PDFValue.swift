/// A PDF object as the pass reads and writes it (ISO 32000-1 §7.3). Names keep their bytes as
/// written (escapes included), reals their digits, so an object read and written again says the
/// same; strings keep their decoded bytes and are written back as hexadecimal strings.
public indirect enum PDFValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A real number, as its digits (`595.275591`).
    case real(String)
    /// A string's bytes (literal or hexadecimal in the file).
    case string([UInt8])
    /// A name without its slash (`Type`).
    case name(String)
    case array([PDFValue])
    case dictionary(PDFDictionary)
    /// An indirect reference `n g R`.
    case reference(Int, Int)

    /// The name, if this is one.
    public var nameValue: String? { if case .name(let n) = self { n } else { nil } }
    /// The integer, if this is one.
    public var integerValue: Int? { if case .integer(let i) = self { i } else { nil } }
    /// The dictionary, if this is one.
    public var dictionaryValue: PDFDictionary? { if case .dictionary(let d) = self { d } else { nil } }
    /// The object number of a reference.
    public var referenceNumber: Int? { if case .reference(let n, _) = self { n } else { nil } }
    /// The string's bytes, if this is one.
    public var stringBytes: [UInt8]? { if case .string(let s) = self { s } else { nil } }

    /// The value in PDF syntax.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    /// Appends the value in PDF syntax to `out`.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .integer(let i): out += Array(String(i).utf8)
        case .real(let r): out += Array(r.utf8)
        case .string(let s):
            out.append(UInt8(ascii: "<"))
            let hex = Array("0123456789ABCDEF".utf8)
            for b in s {
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0F)])
            }
            out.append(UInt8(ascii: ">"))
        case .name(let n):
            out.append(UInt8(ascii: "/"))
            out += Array(n.utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: " ")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let d): d.write(to: &out)
        case .reference(let n, let g): out += Array("\(n) \(g) R".utf8)
        }
    }
}

/// A PDF dictionary whose keys keep the order they were read in (so a rewritten object differs
/// from the original only where the pass changed it).
public struct PDFDictionary: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var key: String
        public var value: PDFValue
    }

    public private(set) var entries: [Entry]

    public init(_ entries: [(String, PDFValue)] = []) {
        self.entries = entries.map { Entry(key: $0.0, value: $0.1) }
    }

    /// The value of `key` (a name without its slash), or nil; setting nil removes the key.
    public subscript(key: String) -> PDFValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let k = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[k].value = newValue } else { entries.remove(at: k) }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    public var keys: [String] { entries.map(\.key) }

    /// The dictionary in PDF syntax, one entry a line.
    public func write(to out: inout [UInt8]) {
        out += Array("<<".utf8)
        for e in entries {
            out += Array("\n/\(e.key) ".utf8)
            e.value.write(to: &out)
        }
        out += Array("\n>>".utf8)
    }
}
