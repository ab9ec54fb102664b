/// Reads PDF syntax from bytes (ISO 32000-1 §7.2–7.3): whitespace and comments, numbers, names,
/// strings, arrays, dictionaries and references. Every read is bounds-checked; a malformed byte
/// throws `PDFAError.syntax` with its offset.
struct PDFScanner {
    let bytes: [UInt8]
    let file: String
    var position: Int
    /// Where `bytes` start in the file (a window of it), for the offsets errors give.
    let origin: Int
    /// Arrays and dictionaries nested deeper than this are refused (a hostile file cannot
    /// exhaust the stack).
    static let maxDepth = 256

    init(bytes: [UInt8], file: String, position: Int = 0, origin: Int = 0) {
        self.bytes = bytes; self.file = file; self.position = position; self.origin = origin
    }

    /// The position in the file.
    var offset: Int { origin + position }

    static func isWhitespace(_ b: UInt8) -> Bool { b == 0 || b == 9 || b == 10 || b == 12 || b == 13 || b == 32 }

    static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): true
        default: false
        }
    }

    static func isRegular(_ b: UInt8) -> Bool { !isWhitespace(b) && !isDelimiter(b) }

    func error(_ what: String, at offset: Int? = nil) -> PDFAError {
        .syntax(file: file, offset: offset.map { origin + $0 } ?? self.offset, what)
    }

    var atEnd: Bool { position >= bytes.count }

    func peek(_ ahead: Int = 0) -> UInt8? {
        let i = position + ahead
        return i >= 0 && i < bytes.count ? bytes[i] : nil
    }

    /// Skips whitespace and comments.
    mutating func skipSpace() {
        while let b = peek() {
            if PDFScanner.isWhitespace(b) {
                position += 1
            } else if b == UInt8(ascii: "%") {
                while let c = peek(), c != 10, c != 13 { position += 1 }
            } else {
                return
            }
        }
    }

    /// Whether the bytes at the position spell `word` and end there (a delimiter, whitespace or
    /// the end follows).
    func looksAt(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard position + w.count <= bytes.count, Array(bytes[position..<(position + w.count)]) == w else { return false }
        guard let next = peek(w.count) else { return true }
        return !PDFScanner.isRegular(next)
    }

    /// Skips whitespace, then expects the keyword `word`.
    mutating func expect(_ word: String) throws {
        skipSpace()
        guard looksAt(word) else { throw error("expected ‘\(word)’") }
        position += word.utf8.count
    }

    /// A regular-character token (a number or keyword).
    mutating func token() -> String {
        let start = position
        while let b = peek(), PDFScanner.isRegular(b) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Skips whitespace and reads a non-negative integer.
    mutating func integer() throws -> Int {
        skipSpace()
        let start = position
        let t = token()
        guard let n = Int(t), n >= 0 else { throw error("expected a number, found ‘\(t)’", at: start) }
        return n
    }

    /// Reads one object (after any whitespace).
    mutating func value(depth: Int = 0) throws -> PDFValue {
        guard depth < PDFScanner.maxDepth else { throw error("objects nested too deeply") }
        skipSpace()
        guard let b = peek() else { throw error("unexpected end of file") }
        switch b {
        case UInt8(ascii: "/"):
            position += 1
            return .name(token())
        case UInt8(ascii: "("):
            return .string(try literalString())
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "<") { return .dictionary(try dictionary(depth: depth)) }
            return .string(try hexString())
        case UInt8(ascii: "["):
            position += 1
            var items: [PDFValue] = []
            while true {
                skipSpace()
                guard let c = peek() else { throw error("unterminated array") }
                if c == UInt8(ascii: "]") { position += 1; return .array(items) }
                items.append(try value(depth: depth + 1))
            }
        default:
            return try numberOrKeyword()
        }
    }

    /// `<< /Key value … >>`.
    mutating func dictionary(depth: Int = 0) throws -> PDFDictionary {
        try expect("<<")
        var d = PDFDictionary()
        while true {
            skipSpace()
            guard let c = peek() else { throw error("unterminated dictionary") }
            if c == UInt8(ascii: ">") {
                guard peek(1) == UInt8(ascii: ">") else { throw error("expected ‘>>’") }
                position += 2
                return d
            }
            guard c == UInt8(ascii: "/") else { throw error("expected a name as dictionary key") }
            position += 1
            let key = token()
            d[key] = try value(depth: depth + 1)
        }
    }

    private mutating func numberOrKeyword() throws -> PDFValue {
        let start = position
        let t = token()
        switch t {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case "": throw error("unexpected ‘\(String(decoding: [peek() ?? 0], as: UTF8.self))’", at: start)
        default: break
        }
        if let n = Int(t) {
            // `n g R`: look ahead for a second integer and R.
            let save = position
            skipSpace()
            let g = token()
            if let gen = Int(g), gen >= 0, n >= 0 {
                skipSpace()
                if looksAt("R") { position += 1; return .reference(n, gen) }
            }
            position = save
            return .integer(n)
        }
        guard Double(t) != nil || t.allSatisfy({ "+-.0123456789".contains($0) }) else {
            throw error("unexpected ‘\(t)’", at: start)
        }
        return .real(t)
    }

    private mutating func literalString() throws -> [UInt8] {
        let start = position
        position += 1
        var out: [UInt8] = []
        var depth = 1
        while let b = peek() {
            position += 1
            switch b {
            case UInt8(ascii: "("): depth += 1; out.append(b)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return out }
                out.append(b)
            case UInt8(ascii: "\\"):
                guard let e = peek() else { break }
                position += 1
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case 13: if peek() == 10 { position += 1 }
                case 10: break
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var v = Int(e - UInt8(ascii: "0"))
                    for _ in 0..<2 {
                        guard let d = peek(), (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(d) else { break }
                        v = v * 8 + Int(d - UInt8(ascii: "0"))
                        position += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: v))
                default: out.append(e)
                }
            default: out.append(b)
            }
        }
        throw error("unterminated string", at: start)
    }

    private mutating func hexString() throws -> [UInt8] {
        let start = position
        position += 1
        var digits: [UInt8] = []
        while let b = peek() {
            position += 1
            if b == UInt8(ascii: ">") {
                if digits.count % 2 == 1 { digits.append(0) }
                return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
            }
            if PDFScanner.isWhitespace(b) { continue }
            guard let d = PDFScanner.hexDigit(b) else { throw error("bad hexadecimal string", at: start) }
            digits.append(d)
        }
        throw error("unterminated hexadecimal string", at: start)
    }

    static func hexDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
