/// One indirect object as bytes, for the joiner to copy through with only its references
/// renumbered: no value tree is built. The object's value is scanned once, token by token (strings,
/// hexadecimal strings, comments, names, arrays and dictionaries are stepped over whole, so an
/// `N 0 R` inside a string or a name is never taken for a reference), and every reference `n g R`
/// is noted with where it lies and the dictionary key it stands under (the key decides whether a
/// stream is a font file shared between parts). A stream's data is never decoded: only where it
/// lies is kept, and it is read as bytes when written.
struct RawObject {
    /// One `n g R` in `body`.
    struct Reference: Equatable {
        /// Where the three tokens lie in `body`.
        let range: Range<Int>
        let number: Int
        /// The key of the innermost dictionary entry the reference is in (nil: none).
        let key: String?
    }

    let number: Int
    /// The value's bytes, from its first byte to its last (no `obj`, `stream` or `endobj`), with
    /// each run of whitespace and comments between tokens made one space (Cairo indents).
    let body: [UInt8]
    /// The references in `body`, in the order they appear.
    let references: [Reference]
    /// Where a stream's data lies in the file (nil: not a stream).
    let stream: Range<Int>?
    /// The top-level dictionary's /Length when it is a reference (it is written as the number).
    let lengthReference: Range<Int>?
    /// The top-level dictionary's /Length when it is a number.
    let length: Int?
    /// The top-level dictionary's /Subtype name.
    let subtype: String?
    /// Where the top-level dictionary's closing `>>` is in `body` (nil: the value is no dictionary).
    let dictionaryEnd: Int?

    /// The references but a reference /Length, which is written as a number.
    var links: [Reference] { references.filter { $0.range != lengthReference } }

    /// `body` with each reference replaced by `n 0 R` (`renumber` gives the new numbers, asked in
    /// the order the references appear), a reference /Length by `streamLength`, and what `extra`
    /// gives (entries in PDF syntax, asked when the copy gets there) added at the end of the
    /// top-level dictionary.
    func rewritten(streamLength: Int?, extra: () throws -> [UInt8] = { [] }, renumber: (Reference) throws -> Int) rethrows -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 16)
        var at = 0
        func copy(upTo end: Int) {
            if end > at { out += body[at..<end] }
            at = max(at, end)
        }
        for r in references {
            copy(upTo: r.range.lowerBound)
            if r.range == lengthReference, let streamLength {
                out += Array(String(streamLength).utf8)
            } else {
                out += Array("\(try renumber(r)) 0 R".utf8)
            }
            at = r.range.upperBound
        }
        if let end = dictionaryEnd {
            let more = try extra()
            if !more.isEmpty {
                copy(upTo: end)
                if out.last.map(PDFScanner.isWhitespace) == false { out.append(0x20) }
                out += more
                out.append(0x20)
            }
        }
        copy(upTo: body.count)
        return out
    }
}

extension PDFScanner {
    /// What `rawValue` found: the value's place in the window and what the joiner needs of it.
    struct RawScan {
        /// The value's bytes, each run of whitespace and comments between tokens made one space
        /// (the other places are in these bytes).
        var body: [UInt8]
        var references: [RawObject.Reference]
        var lengthReference: Range<Int>?
        /// The object a reference /Length points at.
        var lengthNumber: Int?
        var length: Int?
        var subtype: String?
        var dictionaryEnd: Int?
        /// Whether `stream` follows the value (the scanner then stands on the keyword).
        var isStream: Bool
    }

    /// Scans the value of an indirect object (after `n g obj`) up to `stream` or `endobj`, which
    /// the scanner is left standing on. Throws `syntax` if the window ends first (`PDFFile.parse`
    /// then widens it) or the value is malformed.
    mutating func rawValue() throws -> RawScan {
        /// An open array or dictionary: a dictionary's current key, and whether a key comes next.
        struct Frame { var isDictionary: Bool; var key: String?; var expectKey: Bool }
        enum Kind { case integer(Int), reference(Range<Int>, Int), name(String), other }
        var frames: [Frame] = []
        var scan = RawScan(body: [], references: [], isStream: false)
        skipSpace()
        // Integers not yet known to be values or the start of a reference (where they start in
        // `body`): at most two.
        var integers: [(start: Int, value: Int)] = []

        /// A value is complete: the dictionary around it expects a key again.
        func complete(_ kind: Kind) {
            guard var top = frames.last, top.isDictionary else { return }
            if frames.count == 1 {
                switch (top.key, kind) {
                case ("Length", .integer(let v)): scan.length = v
                case ("Length", .reference(let r, let n)):
                    scan.lengthReference = r
                    scan.lengthNumber = n
                case ("Subtype", .name(let n)): scan.subtype = n
                default: break
                }
            }
            top.expectKey = true
            frames[frames.count - 1] = top
        }
        func flush() {
            for i in integers { complete(.integer(i.value)) }
            integers.removeAll(keepingCapacity: true)
        }

        while true {
            let before = position
            skipSpace()
            guard let b = peek() else { throw error("the object ends before ‘endobj’") }
            let tokenStart = position
            // Whitespace and comments between tokens are written as one space.
            let spaced = tokenStart > before && !scan.body.isEmpty
            let at = scan.body.count + (spaced ? 1 : 0)
            switch b {
            case UInt8(ascii: "/"):
                flush()
                position += 1
                let name = token()
                if var top = frames.last, top.isDictionary, top.expectKey {
                    top.key = name
                    top.expectKey = false
                    frames[frames.count - 1] = top
                } else {
                    complete(.name(name))
                }
            case UInt8(ascii: "("):
                flush()
                try skipLiteralString()
                complete(.other)
            case UInt8(ascii: "<"):
                flush()
                if peek(1) == UInt8(ascii: "<") {
                    guard frames.count < PDFScanner.maxDepth else { throw error("objects nested too deeply") }
                    position += 2
                    frames.append(Frame(isDictionary: true, key: nil, expectKey: true))
                } else {
                    try skipHexString()
                    complete(.other)
                }
            case UInt8(ascii: ">"):
                flush()
                guard peek(1) == UInt8(ascii: ">"), frames.last?.isDictionary == true else { throw error("a stray ‘>’") }
                if frames.count == 1 { scan.dictionaryEnd = at }
                position += 2
                frames.removeLast()
                complete(.other)
            case UInt8(ascii: "["):
                flush()
                guard frames.count < PDFScanner.maxDepth else { throw error("objects nested too deeply") }
                position += 1
                frames.append(Frame(isDictionary: false, key: nil, expectKey: false))
            case UInt8(ascii: "]"):
                flush()
                guard frames.last?.isDictionary == false else { throw error("a stray ‘]’") }
                position += 1
                frames.removeLast()
                complete(.other)
            case UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                throw error("a stray ‘\(String(decoding: [b], as: UTF8.self))’")
            default:
                let word = bytes[position..<(position + regularRun())]
                position += word.count
                if let n = PDFScanner.unsignedInteger(word) {
                    if integers.count == 2 { complete(.integer(integers.removeFirst().value)) }
                    integers.append((at, n))
                } else if word.elementsEqual("R".utf8), integers.count == 2 {
                    let first = integers[0]
                    integers.removeAll(keepingCapacity: true)
                    let key = frames.last(where: \.isDictionary)?.key
                    scan.references.append(.init(range: first.start..<at + 1, number: first.value, key: key))
                    complete(.reference(first.start..<at + 1, first.value))
                } else if frames.isEmpty && (word.elementsEqual("endobj".utf8) || word.elementsEqual("stream".utf8)) {
                    flush()
                    position = tokenStart
                    scan.isStream = word.elementsEqual("stream".utf8)
                    return scan
                } else {
                    flush()
                    complete(.other)
                }
            }
            if spaced { scan.body.append(0x20) }
            scan.body += bytes[tokenStart..<position]
        }
    }

    /// The count of regular characters from the position on.
    private func regularRun() -> Int {
        var i = position
        while i < bytes.count, PDFScanner.isRegular(bytes[i]) { i += 1 }
        return i - position
    }

    /// The value of a token of decimal digits alone (at most 15 of them), else nil.
    static func unsignedInteger(_ word: ArraySlice<UInt8>) -> Int? {
        guard !word.isEmpty, word.count <= 15 else { return nil }
        var v = 0
        for d in word {
            guard d >= UInt8(ascii: "0"), d <= UInt8(ascii: "9") else { return nil }
            v = v * 10 + Int(d - UInt8(ascii: "0"))
        }
        return v
    }

    /// Steps over `( … )`, nested parentheses and backslash escapes included.
    private mutating func skipLiteralString() throws {
        let start = position
        position += 1
        var depth = 1
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            if b == UInt8(ascii: "\\") {
                position += 1
            } else if b == UInt8(ascii: "(") {
                depth += 1
            } else if b == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return }
            }
        }
        throw error("unterminated string", at: start)
    }

    /// Steps over `< … >`.
    private mutating func skipHexString() throws {
        let start = position
        position += 1
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            if b == UInt8(ascii: ">") { return }
            guard PDFScanner.isWhitespace(b) || PDFScanner.hexDigit(b) != nil else { throw error("bad hexadecimal string", at: start) }
        }
        throw error("unterminated hexadecimal string", at: start)
    }
}
