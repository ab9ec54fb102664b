import WenshuCore

/// Joins PDFs that Cairo wrote (the parts of one long batch PDF, rendered on several threads, or
/// the shards of a batch run on several machines) into one file at the object level: one page
/// tree holding every page in the order appended, the bookmarks of every part under one outline,
/// one Info dictionary (the first part's, with the run's fixed dates). Every object a page reaches
/// is copied with a new number; the part's catalog, page-tree nodes and outline root are replaced.
///
/// Objects are numbered in a canonical order (depth first from each page in turn, children in the
/// order they appear; bookmarks last), and identical font files, ToUnicode maps and images are
/// written once (found by their SHA-256), so that joining the joins of A+B and C gives the same
/// bytes as joining A, B and C: N shards merged equal one run. Fonts that differ (each part is its
/// own Cairo subset of what its pages use) stay separate: merging different subsets would need
/// the font cut again.
///
/// The output goes to `sink` a megabyte at a time; a part is read from its file a block at a time,
/// so memory does not grow with the pages (only a number per object and the bookmarks are kept).
public final class PDFJoiner {
    /// A PDF to take pages from; open it once and append its pages in one or several ranges.
    public final class Part {
        let pdf: PDFFile
        /// Old number → new number (0: not yet seen).
        fileprivate var map: [Int]
        /// The part's pages in order: object number and the attributes inherited from the page tree.
        let pages: [(number: Int, inherited: [(String, PDFValue)])]
        /// Page index by object number, for the bookmarks.
        let pageIndex: [Int: Int]
        /// Top-level bookmarks, each with the index of the page it opens (nil: none).
        let outline: [(node: PDFValue, page: Int?)]
        let info: PDFDictionary?
        public var pageCount: Int { pages.count }
        public var file: String { pdf.file }

        fileprivate init(_ pdf: PDFFile) throws {
            self.pdf = pdf
            var map = [Int](repeating: 0, count: pdf.offsets.count)
            let file = pdf.file
            guard let rootNumber = pdf.trailer["Root"]?.referenceNumber, let catalog = try pdf.object(rootNumber)?.value.dictionaryValue,
                  let pagesNumber = catalog["Pages"]?.referenceNumber else {
                throw PDFAError.syntax(file: file, offset: 0, "the trailer names no document catalog with pages")
            }
            func preset(_ n: Int, _ to: Int) { if n > 0 && n < map.count { map[n] = to } }
            preset(rootNumber, PDFJoiner.catalogNumber)
            // The page tree, depth first; its inner nodes all become the one new /Pages.
            var pages: [(Int, [(String, PDFValue)])] = []
            var stack: [(Int, [(String, PDFValue)])] = [(pagesNumber, [])]
            var seen: Set<Int> = []
            while let (n, inherited) = stack.popLast() {
                guard seen.insert(n).inserted, let node = try pdf.object(n)?.value.dictionaryValue else {
                    throw PDFAError.syntax(file: file, offset: pdf.offset(of: n) ?? 0, "the page tree is broken at object \(n)")
                }
                var inherit = inherited
                for key in ["Resources", "MediaBox", "CropBox", "Rotate"] {
                    if let v = node[key] { inherit.removeAll { $0.0 == key }; inherit.append((key, v)) }
                }
                if node["Type"]?.nameValue == "Pages" || node["Kids"] != nil {
                    preset(n, PDFJoiner.pagesNumber)
                    guard case .array(let kids)? = node["Kids"] else { continue }
                    for kid in kids.reversed() { if let k = kid.referenceNumber { stack.append((k, inherit)) } }
                } else {
                    pages.append((n, inherited.filter { node[$0.0] == nil }))
                }
            }
            self.pages = pages.map { (number: $0.0, inherited: $0.1) }
            var index: [Int: Int] = [:]
            for (k, p) in pages.enumerated() { index[p.0] = k }
            pageIndex = index
            // Bookmarks: the first level, each kept whole (its children read when appended).
            var outline: [(PDFValue, Int?)] = []
            if let o = catalog["Outlines"]?.referenceNumber {
                preset(o, PDFJoiner.outlinesNumber)
                var item = try pdf.object(o)?.value.dictionaryValue?["First"]?.referenceNumber
                var visited: Set<Int> = []
                while let n = item, visited.insert(n).inserted, let d = try pdf.object(n)?.value.dictionaryValue {
                    outline.append((.reference(n, 0), PDFJoiner.target(of: d).flatMap { index[$0] }))
                    item = d["Next"]?.referenceNumber
                }
            }
            self.outline = outline
            info = try pdf.trailer["Info"]?.referenceNumber.flatMap { try pdf.object($0)?.value.dictionaryValue }
            self.map = map
        }
    }

    static let catalogNumber = 1, pagesNumber = 2, outlinesNumber = 3, infoNumber = 4

    private var writer: PDFWriter
    private var version: String?
    private let sink: ([UInt8]) throws -> Void
    private var next = 5
    /// The new numbers of the pages appended so far.
    private var kids: [Int] = []
    /// Bookmarks appended so far, their references already renumbered (`Item`).
    private var bookmarks: [Item] = []
    private var digests: [[UInt8]: Int] = [:]
    private var info: PDFDictionary?
    /// The creation and modification date written into Info (nil: the first part's).
    public var date: PDFDate?

    /// One bookmark: its entries but the links between bookmarks, and its children.
    struct Item {
        var entries: [(String, PDFValue)]
        var children: [Item]
        var open: Bool
    }

    /// Starts a joined PDF whose bytes go to `sink` in pieces.
    public init(date: PDFDate? = nil, sink: @escaping ([UInt8]) throws -> Void) {
        self.date = date
        self.sink = sink
        writer = PDFWriter(version: "1.5", sink: sink)
    }

    /// Opens the PDF at `path` as a part (`name` names it in errors).
    public func open(path: String, name: String? = nil) throws -> Part {
        try started(Part(PDFFile(source: PDFSource(path: path, name: name, blockSize: 1 << 18))))
    }

    /// Opens a PDF held in memory as a part.
    public func open(bytes: [UInt8], name: String) throws -> Part {
        try started(Part(PDFFile(bytes: bytes, file: name)))
    }

    private func started(_ part: Part) -> Part {
        if version == nil {
            version = part.pdf.version
            writer = PDFWriter(version: part.pdf.version, sink: sink)
        }
        if info == nil { info = part.info ?? PDFDictionary() }
        return part
    }

    /// Appends the pages of `part` in `range` (default: all), with their bookmarks (the first-level
    /// bookmarks that open one of these pages, and everything under them).
    public func append(_ part: Part, pages range: Range<Int>? = nil) throws {
        let range = range ?? 0..<part.pages.count
        guard range.lowerBound >= 0, range.upperBound <= part.pages.count else {
            throw PDFAError.syntax(file: part.file, offset: 0, "pages \(range) asked of a file of \(part.pages.count)")
        }
        for k in range {
            let page = part.pages[k]
            let n = try number(page.number, in: part, key: nil)
            kids.append(n)
            try drain(part)
        }
        for (node, page) in part.outline {
            guard let page, range.contains(page), let ref = node.referenceNumber else { continue }
            bookmarks.append(try item(ref, in: part, depth: 0))
        }
    }

    /// The page's /Dest (or /A's /D) first element: the object number of the page it opens.
    static func target(of d: PDFDictionary) -> Int? {
        let dest = d["Dest"] ?? d["A"]?.dictionaryValue?["D"]
        if case .array(let a)? = dest { return a.first?.referenceNumber }
        return nil
    }

    private func item(_ n: Int, in part: Part, depth: Int) throws -> Item {
        guard depth < PDFScanner.maxDepth, let d = try part.pdf.object(n)?.value.dictionaryValue else {
            throw PDFAError.syntax(file: part.file, offset: part.pdf.offset(of: n) ?? 0, "a bookmark cannot be read (object \(n))")
        }
        var entries: [(String, PDFValue)] = []
        for e in d.entries where !["Parent", "Prev", "Next", "First", "Last", "Count"].contains(e.key) {
            entries.append((e.key, try renumber(e.value, in: part, key: e.key)))
        }
        try drain(part)
        var children: [Item] = []
        var child = d["First"]?.referenceNumber
        var visited: Set<Int> = []
        while let c = child, visited.insert(c).inserted {
            children.append(try item(c, in: part, depth: depth + 1))
            child = try part.pdf.object(c)?.value.dictionaryValue?["Next"]?.referenceNumber
        }
        return Item(entries: entries, children: children, open: (d["Count"]?.integerValue ?? 0) > 0)
    }

    // MARK: Copying objects

    /// Objects numbered but not yet written, depth first.
    private var pending: [(object: RawObject, new: Int)] = []

    /// The new number of the part's object `old`: numbered now if first met. A font file, a
    /// ToUnicode map or an image identical to one written before gets that one's number.
    private func number(_ old: Int, in part: Part, key: String?) throws -> Int {
        guard old > 0, old < part.map.count, part.pdf.offset(of: old) != nil else {
            throw PDFAError.syntax(file: part.file, offset: 0, "a reference to object \(old), which the file does not have")
        }
        if part.map[old] != 0 { return part.map[old] }
        guard let object = try part.pdf.raw(old) else {
            throw PDFAError.syntax(file: part.file, offset: 0, "object \(old) cannot be read")
        }
        if let data = object.stream, object.links.isEmpty,
           key.map(PDFJoiner.sharedKeys.contains) == true || object.subtype == "Image" {
            // No references but /Length: nothing to renumber.
            let body = try object.rewritten(streamLength: data.count) { $0.number }
            let bytes = try part.pdf.read(data)
            var sha = SHA256()
            sha.update(body)
            sha.update([0])
            sha.update(bytes)
            let digest = sha.finish()
            if let n = digests[digest] { part.map[old] = n; return n }
            let n = allocate()
            part.map[old] = n
            digests[digest] = n
            try writer.add(n, body: body, stream: bytes[...])
            return n
        }
        let n = allocate()
        part.map[old] = n
        pending.append((object, n))
        return n
    }

    /// Keys whose streams are the same from part to part when the font or image is.
    static let sharedKeys: Set<String> = ["FontFile", "FontFile2", "FontFile3", "ToUnicode", "CIDSet"]

    private func allocate() -> Int { defer { next += 1 }; return next }

    /// Writes the objects numbered and not yet written, each followed by what it newly numbered.
    /// An object's bytes are copied with its references renumbered (numbered in the order they
    /// appear); a page gets the attributes it inherited from the part's page tree.
    private func drain(_ part: Part) throws {
        while let (object, new) = pending.popLast() {
            let mark = pending.count
            let stream = try object.stream.map { try part.pdf.read($0) }
            let body = try object.rewritten(streamLength: stream?.count, extra: {
                guard let k = part.pageIndex[object.number] else { return [] }
                // One line, as the copy makes every object (strings are written in hexadecimal), so
                // that the page reads the same when a joined file is joined again.
                var out: [UInt8] = []
                for (key, v) in part.pages[k].inherited {
                    if !out.isEmpty { out.append(0x20) }
                    out += Array("/\(key) ".utf8)
                    try renumber(v, in: part, key: key).write(to: &out)
                }
                return out.map { $0 == 0x0A ? 0x20 : $0 }
            }, renumber: { try number($0.number, in: part, key: $0.key) })
            // Children are written in the order they appear: reverse what was pushed.
            pending[mark...].reverse()
            try writer.add(new, body: body, stream: stream?[...])
        }
    }

    private func renumber(_ value: PDFValue, in part: Part, key: String?) throws -> PDFValue {
        switch value {
        case .reference(let n, _): return .reference(try number(n, in: part, key: key), 0)
        case .array(let items): return .array(try items.map { try renumber($0, in: part, key: key) })
        case .dictionary(let d):
            var out = d
            for e in d.entries { out[e.key] = try renumber(e.value, in: part, key: e.key) }
            return .dictionary(out)
        default: return value
        }
    }

    // MARK: Finishing

    /// Writes the bookmarks, the page tree, the catalog, Info, the cross-reference table and the
    /// trailer (with an /ID made from the bytes, so the same parts give the same file).
    public func finish() throws {
        if !bookmarks.isEmpty {
            var first = 0, last = 0
            let count = try write(bookmarks, parent: PDFJoiner.outlinesNumber, first: &first, last: &last)
            try writer.add(PDFJoiner.outlinesNumber, .dictionary(PDFDictionary([
                ("Type", .name("Outlines")), ("First", .reference(first, 0)), ("Last", .reference(last, 0)), ("Count", .integer(count)),
            ])))
        }
        // The page tree as bytes: a hundred thousand references made values would cost more than the pages' numbers.
        var tree = Array("<<\n/Type /Pages\n/Kids [".utf8)
        for (k, n) in kids.enumerated() { tree += Array((k == 0 ? "\(n) 0 R" : " \(n) 0 R").utf8) }
        tree += Array("]\n/Count \(kids.count)\n>>".utf8)
        try writer.add(PDFJoiner.pagesNumber, body: tree, stream: nil)
        var catalog: [(String, PDFValue)] = [("Type", .name("Catalog")), ("Pages", .reference(PDFJoiner.pagesNumber, 0))]
        if !bookmarks.isEmpty {
            catalog += [("Outlines", .reference(PDFJoiner.outlinesNumber, 0)), ("PageMode", .name("UseOutlines"))]
        }
        try writer.add(PDFJoiner.catalogNumber, .dictionary(PDFDictionary(catalog)))
        var info = self.info ?? PDFDictionary()
        if let date {
            info["CreationDate"] = .string(Array(date.pdf.utf8))
            info["ModDate"] = .string(Array(date.pdf.utf8))
        }
        try writer.add(PDFJoiner.infoNumber, .dictionary(info))
        try writer.finish(size: next, root: .reference(PDFJoiner.catalogNumber, 0), info: .reference(PDFJoiner.infoNumber, 0))
    }

    /// Writes `items` as siblings under `parent`, numbered in order (each before its children);
    /// returns the count of visible descendants for the parent's /Count.
    private func write(_ items: [Item], parent: Int, first: inout Int, last: inout Int) throws -> Int {
        let numbers = items.map { _ in allocate() }
        first = numbers.first ?? 0
        last = numbers.last ?? 0
        var visible = items.count
        for (k, item) in items.enumerated() {
            var d = PDFDictionary(item.entries)
            d["Parent"] = .reference(parent, 0)
            if k > 0 { d["Prev"] = .reference(numbers[k - 1], 0) }
            if k + 1 < items.count { d["Next"] = .reference(numbers[k + 1], 0) }
            var childFirst = 0, childLast = 0
            var below = 0
            if !item.children.isEmpty {
                // Children are numbered after this item is written: reserve by writing them first into numbers.
                below = try write(item.children, parent: numbers[k], first: &childFirst, last: &childLast)
                d["First"] = .reference(childFirst, 0)
                d["Last"] = .reference(childLast, 0)
                d["Count"] = .integer(item.open ? below : -below)
                if item.open { visible += below }
            }
            try writer.add(numbers[k], .dictionary(d))
        }
        return visible
    }
}
