/// Writes a PDF from objects: each either copied as bytes from the source or serialized anew,
/// then the cross-reference table (classic, 20-byte entries) and a trailer with the document /ID.
/// The bytes go to `sink` a megabyte at a time (hashed on the way for the /ID), so a file of
/// a hundred thousand pages is never held twice.
struct PDFWriter {
    private var bytes: [UInt8] = []
    /// Bytes already given to the sink.
    private var flushed = 0
    private var md5 = MD5()
    private let sink: ([UInt8]) throws -> Void
    /// Where each object was written, by number (-1: not written), and the generations that are
    /// not 0 (a joined file's are all 0: nothing kept per object but its offset).
    private var offsets: [Int] = []
    private var generations: [Int: Int] = [:]
    private static let chunk = 1 << 20

    /// Starts the file with the header `%PDF-version`, kept within 1.4 (the first with output
    /// intents) and 1.7 (what PDF/A-2 builds on), and a comment of four bytes above 127, as PDF/A asks.
    init(version: String, sink: @escaping ([UInt8]) throws -> Void) {
        let known = ["1.4", "1.5", "1.6", "1.7"]
        let v = known.contains(version) ? version : (Double(version) ?? 0) > 1.7 ? "1.7" : "1.4"
        self.sink = sink
        bytes = Array("%PDF-\(v)\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    }

    private var position: Int { flushed + bytes.count }

    /// Notes that object `n` starts here (`n` is at most PDFFile.maxObjectNumber plus the few made).
    private mutating func record(_ n: Int, _ generation: Int) {
        if n >= offsets.count { offsets += [Int](repeating: -1, count: n + 1 - offsets.count) }
        offsets[n] = position
        generations[n] = generation == 0 ? nil : generation
    }

    /// Hands the bytes so far to the sink once there is a chunk of them.
    private mutating func flush(force: Bool = false, hash: Bool = true) throws {
        guard force || bytes.count >= PDFWriter.chunk else { return }
        if hash { md5.update(bytes[...]) }
        try sink(bytes)
        flushed += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }

    /// Copies an object's bytes (`n g obj … endobj`) unchanged.
    mutating func copy(_ n: Int, generation: Int = 0, _ raw: ArraySlice<UInt8>) throws {
        record(n, generation)
        bytes += raw
        bytes.append(0x0A)
        try flush()
    }

    /// Writes object `n`; with `stream`, `value` is its dictionary and /Length is set when it is
    /// not an indirect reference already (which then still holds the data's length).
    mutating func add(_ n: Int, generation: Int = 0, _ value: PDFValue, stream: ArraySlice<UInt8>? = nil) throws {
        var value = value
        if let stream, case .dictionary(var d) = value, d["Length"]?.referenceNumber == nil {
            d["Length"] = .integer(stream.count)
            value = .dictionary(d)
        }
        try put(n, generation: generation, stream: stream) { value.write(to: &$0) }
    }

    /// Writes object `n` whose value is `body`, already in PDF syntax (with `stream`, a dictionary
    /// whose /Length says the data's length).
    mutating func add(_ n: Int, body: [UInt8], stream: ArraySlice<UInt8>?) throws {
        try put(n, stream: stream) { $0 += body }
    }

    private mutating func put(_ n: Int, generation: Int = 0, stream: ArraySlice<UInt8>?, value: (inout [UInt8]) -> Void) throws {
        record(n, generation)
        bytes += Array("\(n) \(generation) obj\n".utf8)
        value(&bytes)
        if let stream {
            bytes += Array("\nstream\n".utf8)
            bytes += stream
            bytes += Array("\nendstream".utf8)
        }
        bytes += Array("\nendobj\n".utf8)
        try flush()
    }

    /// The whole file: the table for objects 0..<size, the trailer and its /ID (the MD5 of
    /// everything written before it, twice: the file is new).
    mutating func finish(size: Int, root: PDFValue, info: PDFValue) throws {
        try flush(force: true)
        let id = PDFValue.string(md5.finish())
        let start = position
        bytes += Array("xref\n0 \(size)\n".utf8)
        for n in 0..<size {
            if n < offsets.count, offsets[n] >= 0 {
                bytes += Array((pad(offsets[n], 10) + " " + pad(generations[n] ?? 0, 5) + " n \n").utf8)
            } else {
                bytes += Array("0000000000 65535 f \n".utf8)
            }
            // The table of a hundred thousand pages goes out a megabyte at a time too (not hashed:
            // the /ID is the MD5 of what came before it).
            try flush(hash: false)
        }
        bytes += Array("trailer\n".utf8)
        PDFValue.dictionary(PDFDictionary([("Size", .integer(size)), ("Root", root), ("Info", info),
                                           ("ID", .array([id, id]))])).write(to: &bytes)
        bytes += Array("\nstartxref\n\(start)\n%%EOF\n".utf8)
        try flush(force: true, hash: false)
    }

    private func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
