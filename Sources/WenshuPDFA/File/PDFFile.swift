/// A PDF read through its classic cross-reference tables (what Cairo writes): the trailer, and
/// each object's value, stream data and bytes in the file, found by its offset.
///
/// Cross-reference streams and object streams (PDF 1.5's compressed form) are refused with a clear
/// error rather than half-read: the pass rewrites Cairo's output, which never uses them.
struct PDFFile {
    /// One indirect object as it stands in the file.
    struct Object {
        let number: Int
        let generation: Int
        /// The object's value (a stream's dictionary for a stream).
        let value: PDFValue
        /// Where a stream's data lies, if the object is a stream.
        let stream: Range<Int>?
        /// The object's bytes, from `n g obj` to `endobj` inclusive.
        let raw: Range<Int>
    }

    /// The most indirect objects a PDF/A file may hold (ISO 19005-2 §6.1.13).
    static let maxObjectNumber = 8_388_607

    let bytes: [UInt8]
    let file: String
    /// The header's version, e.g. "1.5".
    let version: String
    /// The newest trailer's entries.
    let trailer: PDFDictionary
    /// Offset of each object in use, by number.
    let offsets: [Int: Int]

    init(bytes: [UInt8], file: String) throws {
        self.bytes = bytes
        self.file = file
        let header = Array("%PDF-".utf8)
        guard bytes.count > 16, Array(bytes[0..<header.count]) == header else {
            throw PDFAError.syntax(file: file, offset: 0, "the file does not start with %PDF-")
        }
        var s = PDFScanner(bytes: bytes, file: file, position: header.count)
        version = s.token()
        var offsets: [Int: Int] = [:]
        var trailer: PDFDictionary?
        var next: Int? = try PDFFile.startXref(bytes, file: file)
        var seen: Set<Int> = []
        while let at = next {
            guard seen.insert(at).inserted else { throw PDFAError.syntax(file: file, offset: at, "the cross-reference sections loop") }
            let (entries, t) = try PDFFile.xrefSection(bytes, at: at, file: file)
            for (n, offset) in entries where offsets[n] == nil { offsets[n] = offset }
            if trailer == nil { trailer = t }
            if t["XRefStm"] != nil {
                throw PDFAError.unsupported(file: file, "a hybrid cross-reference (/XRefStm)")
            }
            next = t["Prev"]?.integerValue
        }
        guard let trailer else { throw PDFAError.syntax(file: file, offset: 0, "no trailer") }
        self.trailer = trailer
        self.offsets = offsets.filter { $0.value > 0 }
    }

    /// The offset after the last `startxref`.
    static func startXref(_ bytes: [UInt8], file: String) throws -> Int {
        let key = Array("startxref".utf8)
        var i = bytes.count - key.count
        let stop = max(0, bytes.count - 2048)
        while i >= stop {
            if bytes[i] == key[0], Array(bytes[i..<(i + key.count)]) == key {
                var s = PDFScanner(bytes: bytes, file: file, position: i + key.count)
                let at = try s.integer()
                guard at < bytes.count else { throw PDFAError.syntax(file: file, offset: i, "startxref points past the end") }
                return at
            }
            i -= 1
        }
        throw PDFAError.syntax(file: file, offset: bytes.count, "no startxref at the end of the file")
    }

    /// One `xref … trailer << … >>` section: the in-use entries (number → offset) and the trailer.
    static func xrefSection(_ bytes: [UInt8], at offset: Int, file: String) throws -> ([(Int, Int)], PDFDictionary) {
        var s = PDFScanner(bytes: bytes, file: file, position: offset)
        s.skipSpace()
        guard s.looksAt("xref") else {
            if (try? s.integer()) != nil {
                throw PDFAError.unsupported(file: file, "a cross-reference stream (PDF 1.5 compressed form) at byte \(offset)")
            }
            throw PDFAError.syntax(file: file, offset: offset, "startxref does not point at a cross-reference table")
        }
        s.position += 4
        var entries: [(Int, Int)] = []
        while true {
            s.skipSpace()
            if s.looksAt("trailer") { s.position += 7; break }
            let first = try s.integer()
            let count = try s.integer()
            guard count <= bytes.count / 18 else { throw s.error("a cross-reference section longer than the file") }
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

    /// The object numbered `n` (nil if the file has none).
    func object(_ n: Int) throws -> Object? {
        guard let offset = offsets[n] else { return nil }
        guard offset < bytes.count else { throw PDFAError.syntax(file: file, offset: offset, "object \(n) lies past the end") }
        var s = PDFScanner(bytes: bytes, file: file, position: offset)
        s.skipSpace()
        let start = s.position
        let number = try s.integer()
        let generation = try s.integer()
        guard number == n else {
            throw PDFAError.syntax(file: file, offset: start, "the cross-reference says object \(n) but finds \(number)")
        }
        try s.expect("obj")
        let value = try s.value()
        s.skipSpace()
        var stream: Range<Int>?
        if s.looksAt("stream") {
            s.position += 6
            if s.peek() == 13 { s.position += 1 }
            guard s.peek() == 10 else { throw s.error("‘stream’ is not followed by an end of line") }
            s.position += 1
            guard let length = try self.length(of: value, object: n), length >= 0 else {
                throw s.error("stream of object \(n) has no usable /Length")
            }
            let (end, overflow) = s.position.addingReportingOverflow(length)
            guard !overflow, end <= bytes.count else { throw s.error("stream of object \(n) runs past the end") }
            stream = s.position..<end
            s.position = end
            try s.expect("endstream")
        }
        try s.expect("endobj")
        return Object(number: number, generation: generation, value: value, stream: stream, raw: start..<s.position)
    }

    /// A stream's /Length, direct or through a reference to an integer object.
    private func length(of value: PDFValue, object n: Int) throws -> Int? {
        guard let d = value.dictionaryValue, let l = d["Length"] else { return nil }
        if let i = l.integerValue { return i }
        guard let ref = l.referenceNumber, ref != n, let offset = offsets[ref], offset < bytes.count else { return nil }
        // Only the referenced object's value is read (never its own stream), so lengths cannot loop.
        var s = PDFScanner(bytes: bytes, file: file, position: offset)
        guard try s.integer() == ref else { return nil }
        _ = try s.integer()
        try s.expect("obj")
        return try s.value().integerValue
    }
}
