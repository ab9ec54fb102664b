/// A PDF read through its classic cross-reference tables (what Cairo writes): the trailer, and
/// each object's value, stream data and place in the file, found by its offset. Objects are read
/// from the file as they are asked for (through `PDFSource`), so the file is never held whole.
///
/// Cross-reference streams and object streams (PDF 1.5's compressed form) are refused with a clear
/// error rather than half-read: the pass rewrites Cairo's output, which never uses them.
struct PDFFile {
    /// One indirect object as it stands in the file.
    struct Object: Equatable {
        let number: Int
        let generation: Int
        /// The object's value (a stream's dictionary for a stream).
        let value: PDFValue
        /// Where a stream's data lies in the file, if the object is a stream.
        let stream: Range<Int>?
        /// Where the object lies in the file, from `n g obj` to `endobj` inclusive.
        let raw: Range<Int>
    }

    /// The most indirect objects a PDF/A file may hold (ISO 19005-2 §6.1.13).
    static let maxObjectNumber = 8_388_607

    let source: PDFSource
    var file: String { source.file }
    /// The header's version, e.g. "1.5".
    let version: String
    /// The newest trailer's entries.
    let trailer: PDFDictionary
    /// Offset of each object in use, by number (0: none); an array, as Cairo numbers densely.
    let offsets: [Int]

    /// Where object `n` starts, if the table has it.
    func offset(of n: Int) -> Int? { n > 0 && n < offsets.count && offsets[n] > 0 ? offsets[n] : nil }

    /// The highest object number in use (0 if none).
    var highestNumber: Int { offsets.lastIndex { $0 > 0 } ?? 0 }

    init(bytes: [UInt8], file: String) throws {
        try self.init(source: PDFSource(bytes: bytes, file: file))
    }

    init(source: PDFSource) throws {
        self.source = source
        let file = source.file
        let header = Array("%PDF-".utf8)
        let head = try source.read(0..<64)
        guard source.count > 16, head.starts(with: header) else {
            throw PDFAError.syntax(file: file, offset: 0, "the file does not start with %PDF-")
        }
        var s = PDFScanner(bytes: head, file: file, position: header.count)
        version = s.token()
        var offsets: [Int] = []
        var trailer: PDFDictionary?
        var next: Int? = try PDFFile.startXref(source)
        var seen: Set<Int> = []
        while let at = next {
            guard seen.insert(at).inserted else { throw PDFAError.syntax(file: file, offset: at, "the cross-reference sections loop") }
            let (entries, t) = try PDFFile.xrefSection(source, at: at)
            // Numbers are at most maxObjectNumber (checked as the table is read).
            if let top = entries.map(\.0).max(), top >= offsets.count {
                offsets += [Int](repeating: 0, count: top + 1 - offsets.count)
            }
            for (n, offset) in entries where offsets[n] == 0 { offsets[n] = offset }
            if trailer == nil { trailer = t }
            if t["XRefStm"] != nil {
                throw PDFAError.unsupported(file: file, "a hybrid cross-reference (/XRefStm)")
            }
            next = t["Prev"]?.integerValue
        }
        guard let trailer else { throw PDFAError.syntax(file: file, offset: 0, "no trailer") }
        self.trailer = trailer
        self.offsets = offsets
    }

    /// The bytes in `range` (an object's `raw` or `stream`).
    func read(_ range: Range<Int>) throws -> [UInt8] { try source.read(range) }

    /// Runs `body` over a window of the file starting at `offset`, widened fourfold while it
    /// fails on syntax and the window ends before the file does (the object may be longer).
    static func parse<T>(_ source: PDFSource, at offset: Int, window: Int, _ body: (inout PDFScanner) throws -> T) throws -> T {
        guard offset >= 0, offset < source.count else {
            throw PDFAError.syntax(file: source.file, offset: offset, "an offset past the end of the file")
        }
        var size = window
        while true {
            let bytes = try source.read(offset..<(offset + size))
            var s = PDFScanner(bytes: bytes, file: source.file, origin: offset)
            do {
                return try body(&s)
            } catch PDFAError.syntax(let f, let at, let what) {
                guard offset + bytes.count < source.count else { throw PDFAError.syntax(file: f, offset: at, what) }
                size = min(size * 4, source.count)
            }
        }
    }

    /// The offset after the last `startxref`.
    static func startXref(_ source: PDFSource) throws -> Int {
        let key = Array("startxref".utf8)
        let start = max(0, source.count - 2048)
        let tail = try source.read(start..<source.count)
        var i = tail.count - key.count
        while i >= 0 {
            if tail[i] == key[0], Array(tail[i..<(i + key.count)]) == key {
                var s = PDFScanner(bytes: tail, file: source.file, position: i + key.count, origin: start)
                let at = try s.integer()
                guard at < source.count else { throw PDFAError.syntax(file: source.file, offset: start + i, "startxref points past the end") }
                return at
            }
            i -= 1
        }
        throw PDFAError.syntax(file: source.file, offset: source.count, "no startxref at the end of the file")
    }

    /// One `xref … trailer << … >>` section: the in-use entries (number → offset) and the trailer.
    static func xrefSection(_ source: PDFSource, at offset: Int) throws -> ([(Int, Int)], PDFDictionary) {
        let file = source.file
        return try parse(source, at: offset, window: 1 << 16) { s in
            s.skipSpace()
            guard s.looksAt("xref") else {
                if (try? s.integer()) != nil {
                    throw PDFAError.unsupported(file: file, "a cross-reference stream (PDF 1.5 compressed form) at byte \(offset)")
                }
                throw s.error("startxref does not point at a cross-reference table")
            }
            s.position += 4
            var entries: [(Int, Int)] = []
            while true {
                s.skipSpace()
                if s.looksAt("trailer") { s.position += 7; break }
                let first = try s.integer()
                let count = try s.integer()
                guard count <= source.count / 18 else { throw s.error("a cross-reference section longer than the file") }
                for k in 0..<count {
                    let at = try s.integer()
                    _ = try s.integer()
                    s.skipSpace()
                    let kind = s.token()
                    guard kind == "n" || kind == "f" else { throw s.error("bad cross-reference entry ‘\(kind)’") }
                    let (n, overflow) = first.addingReportingOverflow(k)
                    guard !overflow, n <= PDFFile.maxObjectNumber else {
                        throw s.error("an object number above \(PDFFile.maxObjectNumber), the most PDF/A allows")
                    }
                    if kind == "n" { entries.append((n, at)) }
                }
            }
            return (entries, try s.dictionary())
        }
    }

    /// The object numbered `n` (nil if the file has none).
    func object(_ n: Int) throws -> Object? {
        guard let offset = offset(of: n) else { return nil }
        // The object up to `endobj`, or up to its stream data.
        let (start, number, generation, value, next, isStream) = try PDFFile.parse(source, at: offset, window: 4096) { s in
            s.skipSpace()
            let start = s.offset
            let number = try s.integer()
            let generation = try s.integer()
            try s.expect("obj")
            let value = try s.value()
            s.skipSpace()
            if s.looksAt("stream") {
                s.position += 6
                if s.peek() == 13 { s.position += 1 }
                guard s.peek() == 10 else { throw s.error("‘stream’ is not followed by an end of line") }
                s.position += 1
                return (start, number, generation, value, s.offset, true)
            }
            try s.expect("endobj")
            return (start, number, generation, value, s.offset, false)
        }
        guard number == n else {
            throw PDFAError.syntax(file: file, offset: start, "the cross-reference says object \(n) but finds \(number)")
        }
        guard isStream else { return Object(number: number, generation: generation, value: value, stream: nil, raw: start..<next) }
        let (data, end) = try streamData(of: n, at: next, length: self.length(of: value, object: n))
        return Object(number: number, generation: generation, value: value, stream: data, raw: start..<end)
    }

    /// The object numbered `n` as bytes with its references found, for copying (nil if the file
    /// has none); see `RawObject`. A stream's data is located, not read.
    func raw(_ n: Int) throws -> RawObject? {
        guard let offset = offset(of: n) else { return nil }
        let (start, number, body, scan, next) = try PDFFile.parse(source, at: offset, window: 1024) { s in
            s.skipSpace()
            let start = s.offset
            let number = try s.integer()
            _ = try s.integer()
            try s.expect("obj")
            let scan = try s.rawValue()
            if scan.isStream {
                s.position += 6
                if s.peek() == 13 { s.position += 1 }
                guard s.peek() == 10 else { throw s.error("‘stream’ is not followed by an end of line") }
                s.position += 1
            } else {
                try s.expect("endobj")
            }
            return (start, number, scan.body, scan, s.offset)
        }
        guard number == n else {
            throw PDFAError.syntax(file: file, offset: start, "the cross-reference says object \(n) but finds \(number)")
        }
        var stream: Range<Int>?
        if scan.isStream {
            let length: Int?
            if let l = scan.length {
                length = l
            } else if scan.lengthReference != nil {
                length = try self.length(reference: scan.lengthNumber, object: n)
            } else {
                length = nil
            }
            stream = try streamData(of: n, at: next, length: length).data
        }
        return RawObject(number: n, body: body, references: scan.references, stream: stream, lengthReference: scan.lengthReference,
                         length: scan.length, subtype: scan.subtype, dictionaryEnd: scan.dictionaryEnd)
    }

    /// Where the data of object `n`'s stream lies, given where it starts and its /Length; checks
    /// that `endstream endobj` follow it, and gives where the object ends.
    private func streamData(of n: Int, at next: Int, length: Int?) throws -> (data: Range<Int>, end: Int) {
        guard let length, length >= 0 else {
            throw PDFAError.syntax(file: file, offset: next, "stream of object \(n) has no usable /Length")
        }
        let (dataEnd, overflow) = next.addingReportingOverflow(length)
        guard !overflow, dataEnd < source.count else {
            throw PDFAError.syntax(file: file, offset: next, "stream of object \(n) runs past the end")
        }
        let end = try PDFFile.parse(source, at: dataEnd, window: 64) { s in
            try s.expect("endstream")
            try s.expect("endobj")
            return s.offset
        }
        return (next..<dataEnd, end)
    }

    /// A stream's /Length, direct or through a reference to an integer object.
    private func length(of value: PDFValue, object n: Int) throws -> Int? {
        guard let d = value.dictionaryValue, let l = d["Length"] else { return nil }
        if let i = l.integerValue { return i }
        return try length(reference: l.referenceNumber, object: n)
    }

    /// The integer object `ref` (a stream's indirect /Length), if it is one.
    private func length(reference ref: Int?, object n: Int) throws -> Int? {
        guard let ref, ref != n, let offset = offset(of: ref), offset < source.count else { return nil }
        // Only the referenced object's value is read (never its own stream), so lengths cannot loop.
        return try PDFFile.parse(source, at: offset, window: 64) { s in
            guard try s.integer() == ref else { return nil }
            _ = try s.integer()
            try s.expect("obj")
            return try s.value().integerValue
        }
    }
}
