import Foundation
import WenshuCore

/// Makes a PDF that Cairo wrote into PDF/A-2b (ISO 19005-2, level B) by rewriting the file in
/// Swift, with no program run: every object is copied byte for byte except the few the part asks
/// to change, and a new cross-reference table and trailer are written.
///
/// What it adds or changes:
/// - the catalog's XMP /Metadata (pdfaid:part 2, conformance B, the Info entries mirrored) and
///   an /OutputIntents entry (/GTS_PDFA1) with a generated sRGB ICC profile (`SRGBProfile`);
/// - the Info dictionary's /CreationDate and /ModDate, written with a time zone and equal to the
///   XMP dates (`SOURCE_DATE_EPOCH`, when set, gives both);
/// - `/CIDToGIDMap /Identity` on CIDFontType2 fonts that have none (Cairo leaves the default out);
/// - `/Interpolate false` on images (PDF/A forbids `true`, which Cairo sets on smooth images);
/// - the print flag on annotations (`/F 4` on Cairo's links), and hidden flags cleared;
/// - a document /ID in the trailer, the MD5 of the rewritten body, so the same input gives the
///   same file.
///
/// What it refuses, naming the object: encryption, JavaScript, additional actions (/AA), LZW
/// compression and external streams. Transparency (soft masks, page groups) is allowed by part 2
/// and kept. A file with cross-reference streams is refused (Cairo writes classic tables).
public struct PDFAConverter: Sendable {
    /// The creation and modification date written; nil keeps the file's own (Cairo's time of
    /// writing).
    public var date: PDFDate?
    /// The Producer written when the file names none.
    public var producer = "Wenshu"

    /// - Parameter date: the dates to write (default: `SOURCE_DATE_EPOCH` if set).
    public init(date: PDFDate? = PDFDate.sourceDateEpoch()) {
        self.date = date
    }

    /// Rewrites the PDF at `source` as PDF/A-2b at `destination` (the same path is fine), whole
    /// or not at all. Errors about the content name `name` (default: `source`), e.g. the file a
    /// temporary draft becomes.
    public func convert(file source: String, to destination: String, name: String? = nil) throws {
        let input = try PDFSource(path: source, name: name)
        do {
            try AtomicFile.write(to: destination) { output in
                try convert(input) { chunk in try chunk.withUnsafeBytes { try output.write($0) } }
            }
        } catch let e as AtomicFile.WriteError {
            throw PDFAError.io(path: destination, e.english)
        }
    }

    /// The PDF/A-2b rewrite of `bytes` (`file` names it in errors).
    public func convert(_ bytes: [UInt8], file: String = "PDF") throws -> [UInt8] {
        var out: [UInt8] = []
        try convert(PDFSource(bytes: bytes, file: file)) { out += $0 }
        return out
    }

    /// The PDF/A-2b rewrite of `input`, handed to `sink` in pieces as it is written.
    func convert(_ input: PDFSource, to sink: @escaping ([UInt8]) throws -> Void) throws {
        let pdf = try PDFFile(source: input)
        let file = input.file
        let trailer = pdf.trailer
        if trailer["Encrypt"] != nil { throw PDFAError.forbidden(file: file, object: nil, "encryption (/Encrypt)") }
        guard let rootNumber = trailer["Root"]?.referenceNumber, let root = try pdf.object(rootNumber),
              var catalog = root.value.dictionaryValue else {
            throw PDFAError.syntax(file: file, offset: 0, "the trailer names no document catalog (/Root)")
        }
        // Numbers are below PDFFile.maxObjectNumber (the table is checked), so these cannot overflow.
        var next = pdf.highestNumber + 1
        func allocate() -> Int { defer { next += 1 }; return next }
        // The file's Info if it has one (not the catalog, not a number it lacks), else a new one.
        let infoNumber = trailer["Info"]?.referenceNumber.flatMap { pdf.offset(of: $0) != nil && $0 != rootNumber ? $0 : nil } ?? allocate()
        let metadataNumber = allocate()
        let profileNumber = allocate()

        // Info and XMP from the same values.
        var info = try pdf.object(infoNumber)?.value.dictionaryValue ?? PDFDictionary()
        func text(_ key: String) -> String? { info[key]?.stringBytes.map(PDFTextString.decode) }
        let created = date ?? text("CreationDate").flatMap { PDFDate(pdf: $0) } ?? PDFDate(epoch: Int(Date().timeIntervalSince1970))
        let modified = date ?? text("ModDate").flatMap { PDFDate(pdf: $0) } ?? created
        info["CreationDate"] = .string(Array(created.pdf.utf8))
        info["ModDate"] = .string(Array(modified.pdf.utf8))
        if text("Producer") == nil { info["Producer"] = .string(PDFTextString.encode(producer)) }
        let xmp = XMPMetadata(title: text("Title"), author: text("Author"), subject: text("Subject"), keywords: text("Keywords"),
                              creator: text("Creator"), producer: text("Producer"), created: created, modified: modified)

        catalog = try fix(.dictionary(catalog), object: rootNumber, file: file).dictionaryValue ?? catalog
        catalog["Metadata"] = .reference(metadataNumber, 0)
        catalog["OutputIntents"] = .array([.dictionary(PDFDictionary([
            ("Type", .name("OutputIntent")), ("S", .name("GTS_PDFA1")),
            ("OutputConditionIdentifier", .string(Array(SRGBProfile.description.utf8))),
            ("Info", .string(Array(SRGBProfile.description.utf8))),
            ("RegistryName", .string(Array("http://www.color.org".utf8))),
            ("DestOutputProfile", .reference(profileNumber, 0)),
        ]))])

        var writer = PDFWriter(version: pdf.version, sink: sink)
        // Reached from the new catalog and Info, so a replaced /Metadata of the source is dropped.
        var roots: [Int] = []
        PDFAConverter.references(in: .dictionary(catalog), into: &roots)
        PDFAConverter.references(in: .dictionary(info), into: &roots)
        var objects = try reachable(from: roots, in: pdf, count: next)
        objects[rootNumber] = true
        objects[infoNumber] = true
        for n in objects.indices where objects[n] {
            if n == rootNumber {
                try writer.add(n, generation: root.generation, .dictionary(catalog))
            } else if n == infoNumber {
                try writer.add(n, .dictionary(info))
            } else if let object = try pdf.object(n) {
                try checkStream(object, file: file)
                let fixed = try fix(object.value, object: n, file: file)
                if fixed == object.value {
                    try writer.copy(n, generation: object.generation, try pdf.read(object.raw)[...])
                } else {
                    try writer.add(n, generation: object.generation, fixed, stream: try object.stream.map { try pdf.read($0)[...] })
                }
            }
        }
        try writer.add(metadataNumber, .dictionary(PDFDictionary([("Type", .name("Metadata")), ("Subtype", .name("XML"))])),
                   stream: xmp.packet[...])
        try writer.add(profileNumber, .dictionary(PDFDictionary([("N", .integer(3)), ("Alternate", .name("DeviceRGB"))])),
                   stream: SRGBProfile.bytes[...])
        try writer.finish(size: next, root: .reference(rootNumber, root.generation), info: .reference(infoNumber, 0))
    }

    /// The numbers of the objects reachable from `roots`. Only these are written (each read again
    /// then, so that a hundred thousand pages' objects are never held at once):
    /// Cairo leaves objects it allocated and never wrote in its table (their entries point at the
    /// next object written), together with orphans that refer to them (an unused /Annots array);
    /// a reader never meets them, and neither does the rewrite.
    /// (One flag per number below `count`.)
    private func reachable(from roots: [Int], in pdf: PDFFile, count: Int) throws -> [Bool] {
        var seen = [Bool](repeating: false, count: count)
        var queue = roots
        while let n = queue.popLast() {
            guard n >= 0, n < count, !seen[n], let object = try pdf.object(n) else { continue }
            seen[n] = true
            PDFAConverter.references(in: object.value, into: &queue)
        }
        return seen
    }

    /// Appends the object numbers `value` refers to.
    static func references(in value: PDFValue, into out: inout [Int]) {
        switch value {
        case .reference(let n, _): out.append(n)
        case .array(let items): for item in items { references(in: item, into: &out) }
        case .dictionary(let d): for e in d.entries { references(in: e.value, into: &out) }
        default: break
        }
    }

    /// Streams PDF/A forbids that cannot be rewritten here.
    private func checkStream(_ object: PDFFile.Object, file: String) throws {
        guard object.stream != nil, let d = object.value.dictionaryValue else { return }
        for key in ["F", "FFilter", "FDecodeParms"] where d[key] != nil {
            throw PDFAError.forbidden(file: file, object: object.number, "an external stream (/\(key))")
        }
    }

    /// `value` with what PDF/A-2b asks changed, nested dictionaries included; throws on what it
    /// forbids.
    func fix(_ value: PDFValue, object n: Int, file: String) throws -> PDFValue {
        switch value {
        case .array(let items):
            return .array(try items.map { try fix($0, object: n, file: file) })
        case .dictionary(var d):
            if d["S"]?.nameValue == "JavaScript" || d["JS"] != nil || d["JavaScript"] != nil {
                throw PDFAError.forbidden(file: file, object: n, "JavaScript")
            }
            if d["AA"] != nil { throw PDFAError.forbidden(file: file, object: n, "additional actions (/AA)") }
            let filters: [PDFValue] = if case .array(let a)? = d["Filter"] { a } else { d["Filter"].map { [$0] } ?? [] }
            if filters.contains(where: { $0.nameValue == "LZWDecode" || $0.nameValue == "LZW" }) {
                throw PDFAError.forbidden(file: file, object: n, "LZW compression (/LZWDecode)")
            }
            for e in d.entries {
                d[e.key] = try fix(e.value, object: n, file: file)
            }
            let subtype = d["Subtype"]?.nameValue
            if subtype == "CIDFontType2" && d["CIDToGIDMap"] == nil { d["CIDToGIDMap"] = .name("Identity") }
            if subtype == "Image", case .bool(true)? = d["Interpolate"] { d["Interpolate"] = .bool(false) }
            if d["Type"]?.nameValue == "Annot" || (subtype == "Link" && d["Rect"] != nil) {
                // Print on; Invisible, Hidden, NoView and ToggleNoView off (ISO 19005-2 §6.3.2).
                let flags = d["F"]?.integerValue ?? 0
                let fixed = (flags | 4) & ~(1 | 2 | 32 | 256)
                if flags != fixed || d["F"] == nil { d["F"] = .integer(fixed) }
            }
            return .dictionary(d)
        default:
            return value
        }
    }
}
