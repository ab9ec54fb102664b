import Foundation
import Wenshu
import WenshuCore
import WenshuData
import WenshuTemplate

/// Realising one template for thousands of rows without walking the template for each row.
///
/// A certificate prints most of its columns as they are (`{{ name }}` in a paragraph): the
/// realised content is then the same for every row but for those strings. Such columns are found
/// by reading the template's XML (and its parents'): a column is *substitutable* when every
/// mention of it is a plain `{{ column }}` in the text of a paragraph, span or heading, or in
/// `<info>`, never in a condition, a loop, a filter, a parameter or another attribute. The
/// template is realised once with a marker in place of each substitutable column, and once more
/// for each new combination of the other columns it mentions (the date, which goes through a
/// filter); a row's content is that realisation with the markers replaced by the row's values.
///
/// Realise inserts a value's text unchanged, so the result is the content `Realizer` gives. The
/// cache checks itself before use: the strings it rewrites must hold every marker the content
/// holds, and for the first rows its content must equal `Realizer`'s exactly. When the template
/// includes fragments, cannot be read, or a check fails, there is no cache and every row is
/// realised in full.
// @unchecked: the one mutable field, `entries`, is read and written only under `lock`.
final class RealizeCache: @unchecked Sendable {
    /// Columns replaced in the cached content, with their markers.
    let substitutable: [String]
    private let markers: [String]
    /// Columns the template mentions otherwise: the cache key.
    let keyColumns: [String]
    private let realize: @Sendable (Record) throws -> DocumentContent
    private let lock = NSLock()
    private var entries: [String: DocumentContent] = [:]
    static let maxEntries = 256
    static let markerPrefix = "QWSMARK"

    /// A cache for `template` and a list with `columns`, or nil when rows must be realised in full.
    /// `samples` are rows to check the cache against.
    init?(template: Template, loader: TemplateLoader, columns: [String], samples: [Record],
          realize: @escaping @Sendable (Record) throws -> DocumentContent) {
        let keys = columns.filter { !$0.isEmpty }
        guard !keys.contains("params"), !keys.contains("参数"),
              let mentions = TemplateScan.mentions(of: keys, in: template, loader: loader) else { return nil }
        let safe = keys.filter { mentions.plain.contains($0) && !mentions.other.contains($0) }
        guard !safe.isEmpty else { return nil }
        substitutable = safe
        markers = safe.indices.map { "\(RealizeCache.markerPrefix)\($0)Q" }
        keyColumns = keys.filter { mentions.other.contains($0) }
        self.realize = realize
        guard let first = samples.first, verify(first, completeness: true) else { return nil }
        for s in samples.dropFirst() where !verify(s, completeness: false) { return nil }
    }

    /// The content of `record`: from the cache when it can be, else realised in full.
    func content(for record: Record, places: [String: SourceLocation] = [:]) throws -> DocumentContent {
        let key = keyColumns.map { String(reflecting: record[$0] ?? .null) }.joined(separator: "\u{1F}")
        lock.lock()
        var cached = entries[key]
        lock.unlock()
        if cached == nil {
            var marked = record
            for (k, m) in zip(substitutable, markers) { marked[k] = .string(m) }
            guard let c = try? realize(marked) else { return try realize(record) }
            lock.lock()
            if entries.count < RealizeCache.maxEntries { entries[key] = c }
            lock.unlock()
            cached = c
        }
        let values = substitutable.map { record[$0]?.description ?? "" }
        // A run that holds a column's marker came from that column's cell: it takes the cell's place.
        let place: (String) -> SourceLocation? = { text in
            guard !places.isEmpty, let i = RealizeCache.firstMarker(in: text), i < self.substitutable.count else { return nil }
            return places[self.substitutable[i]]
        }
        return RealizeCache.rewrite(cached!, place: place) { self.fill($0, values) }
    }

    private static let prefixBytes = Array(markerPrefix.utf8)

    /// The number of the first marker `QWSMARK<i>Q` in `s`, in one pass over its bytes (a run's
    /// place is its first column's cell; Foundation's `contains` per column cost 3% of a batch).
    static func firstMarker(in s: String) -> Int? {
        var s = s
        return s.withUTF8 { bytes -> Int? in
            let p = prefixBytes
            guard bytes.count >= p.count + 2 else { return nil }
            var i = 0
            while i <= bytes.count - p.count {
                guard bytes[i] == p[0] else { i += 1; continue }
                var k = 1
                while k < p.count && bytes[i + k] == p[k] { k += 1 }
                guard k == p.count else { i += 1; continue }
                var j = i + p.count, n = 0, digits = 0
                while j < bytes.count, digits < 9, bytes[j] >= 48, bytes[j] <= 57 { n = n * 10 + Int(bytes[j] - 48); j += 1; digits += 1 }
                if digits > 0, j < bytes.count, bytes[j] == 0x51 { return n }  // "Q"
                i += 1
            }
            return nil
        }
    }

    /// `s` with each marker `QWSMARK<i>Q` replaced by `values[i]`, in one pass over its bytes.
    private func fill(_ s: String, _ values: [String]) -> String {
        var s = s
        return s.withUTF8 { bytes -> String in
            let p = RealizeCache.prefixBytes
            guard bytes.count >= p.count + 2 else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            var copied = 0, i = 0
            let last = bytes.count - p.count
            while i <= last {
                guard bytes[i] == p[0] else { i += 1; continue }
                var k = 1
                while k < p.count && bytes[i + k] == p[k] { k += 1 }
                guard k == p.count else { i += 1; continue }
                var j = i + p.count, n = 0, digits = 0
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 { n = n * 10 + Int(bytes[j] - 48); j += 1; digits += 1 }
                guard digits > 0, j < bytes.count, bytes[j] == 0x51, n < values.count else { i += 1; continue }  // "Q"
                if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
                out.append(contentsOf: bytes[copied..<i])
                out.append(contentsOf: values[n].utf8)
                i = j + 1
                copied = i
            }
            if copied == 0 { return String(decoding: bytes, as: UTF8.self) }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Checks the cache on one row: its content must equal the realiser's; with `completeness`,
    /// the strings `rewrite` visits must hold every marker the whole content holds.
    private func verify(_ record: Record, completeness: Bool) -> Bool {
        var marked = record
        for (k, m) in zip(substitutable, markers) { marked[k] = .string(m) }
        guard let withMarkers = try? realize(marked), let real = try? realize(record) else { return false }
        if completeness {
            let all = String(reflecting: withMarkers)
            var seen = 0
            _ = RealizeCache.rewrite(withMarkers) { s in
                seen += s.components(separatedBy: RealizeCache.markerPrefix).count - 1
                return s
            }
            guard seen == all.components(separatedBy: RealizeCache.markerPrefix).count - 1, seen > 0 else { return false }
        }
        guard let cached = try? content(for: record) else { return false }
        return String(reflecting: cached) == String(reflecting: real)
    }

    // MARK: Rewriting the strings of content

    /// `content` with `f` applied to every string realised from the template's text: the
    /// document's metadata, the runs of paragraphs, captions and table cells, the signature,
    /// masthead, imprint and contents title.
    static func rewrite(_ content: DocumentContent, place: (String) -> SourceLocation? = { _ in nil },
                        _ f: (String) -> String) -> DocumentContent {
        var c = content
        c.info.title = c.info.title.map(f)
        c.info.author = c.info.author.map(f)
        c.info.subject = c.info.subject.map(f)
        c.info.keywords = c.info.keywords.map(f)
        c.blocks = c.blocks.map { rewrite($0, place: place, f) }
        return c
    }

    /// The runs with `f` applied to their text; a run with no place takes `place` of its text.
    static func rewrite(_ runs: [InlineRun], place: (String) -> SourceLocation? = { _ in nil }, _ f: (String) -> String) -> [InlineRun] {
        runs.map { var r = $0; r.place = r.place ?? place(r.text); r.text = f(r.text); return r }
    }

    static func rewrite(_ block: Block, place: (String) -> SourceLocation? = { _ in nil }, _ f: (String) -> String) -> Block {
        switch block {
        case .paragraph(var p):
            p.runs = rewrite(p.runs, place: place, f)
            return .paragraph(p)
        case .table(var t):
            t.rows = t.rows.map { row in
                var row = row
                row.cells = row.cells.map { cell in
                    var cell = cell
                    cell.content = cell.content.map { rewrite($0, place: place, f) }
                    cell.foot = cell.foot.map { rewrite($0, place: place, f) }
                    return cell
                }
                return row
            }
            return .table(t)
        case .image(var i):
            i.caption = rewrite(i.caption, place: place, f)
            return .image(i)
        case .signature(var s):
            s.issuer = f(s.issuer); s.date = f(s.date); s.others = s.others.map(f); s.signerTitle = s.signerTitle.map(f)
            return .signature(s)
        case .contents(var c):
            c.title = c.title.map(f)
            return .contents(c)
        case .masthead(var m):
            m.mark = f(m.mark); m.number = m.number.map(f); m.organs = m.organs.map(f); m.signers = m.signers.map(f)
            m.copyNumber = m.copyNumber.map(f); m.secrecy = m.secrecy.map(f); m.urgency = m.urgency.map(f)
            return .masthead(m)
        case .imprint(var i):
            i.copies = i.copies.map(f); i.printer = f(i.printer); i.printed = f(i.printed)
            return .imprint(i)
        case .space, .pageBreak, .rule, .section, .fill, .layer:
            return block
        }
    }
}

/// Reads a template's XML (and its parents') for where data columns are mentioned.
enum TemplateScan {
    struct Mentions {
        /// Columns mentioned as a plain `{{ column }}` in text or `<info>`.
        var plain: Set<String> = []
        /// Columns mentioned any other way.
        var other: Set<String> = []
    }

    /// Elements whose text is inline text (a value there is only printed).
    static let textElements: Set<String> = ["p", "span", "b", "h"]
    /// Inline elements that may stand inside them.
    static let inlineElements: Set<String> = ["span", "b", "br", "if", "else", "each"]

    /// Where `columns` are mentioned in `template`, or nil when the template cannot be read this way
    /// (it includes fragments, or a file does not parse).
    static func mentions(of columns: [String], in template: Template, loader: TemplateLoader) -> Mentions? {
        var names: [String: String] = [:]     // a name in an expression → the column it reaches
        for c in columns {
            names[c] = c
        }
        var result = Mentions()
        var path: String? = template.path
        var depth = 0
        while let file = path, depth < 8 {
            guard let data = FileManager.default.contents(atPath: file), let root = try? XMLReader.parse(data, file: file) else { return nil }
            guard scan(root, inText: false, names: names, into: &result) else { return nil }
            path = nil
            if let parent = root.attributes["extends"] {
                guard let p = try? loader.resolve(parent, from: (file as NSString).deletingLastPathComponent) else { return nil }
                path = p
            }
            depth += 1
        }
        return result
    }

    private static func scan(_ e: XMLElement, inText: Bool, names: [String: String], into m: inout Mentions) -> Bool {
        if e.name == "include" { return false }
        let text = inText ? inlineElements.contains(e.name) || textElements.contains(e.name) : textElements.contains(e.name)
        for (attribute, value) in e.attributes {
            let plainAllowed = e.name == "info"
            for expr in expressions(in: value) { note(expr, plainAllowed: plainAllowed, names: names, into: &m) }
            // Attributes that are expressions without braces.
            if ["test", "in", "value"].contains(attribute) || (e.name == "param" && attribute == "default") {
                note(value, plainAllowed: false, names: names, into: &m)
            }
        }
        for child in e.children {
            switch child {
            case .text(let t):
                let plainAllowed = text && e.name != "param"
                for expr in expressions(in: t) { note(expr, plainAllowed: plainAllowed, names: names, into: &m) }
            case .element(let c):
                guard scan(c, inText: text, names: names, into: &m) else { return false }
            }
        }
        return true
    }

    /// The expressions between {{ and }} in `text` (an unclosed one to the end of the text).
    static func expressions(in text: String) -> [String] {
        let (pieces, unclosed) = Interpolation.scan(text)
        var out: [String] = pieces.compactMap { if case .expression(let e) = $0 { String(e) } else { nil } }
        if let unclosed { out.append(String(unclosed)) }
        return out
    }

    private static func note(_ expr: String, plainAllowed: Bool, names: [String: String], into m: inout Mentions) {
        let trimmed = expr.trimmingCharacters(in: .whitespacesAndNewlines)
        if plainAllowed, let c = names[trimmed] { m.plain.insert(c); return }
        for token in identifiers(in: trimmed) { if let c = names[token] { m.other.insert(c) } }
    }

    /// The names an expression refers to: the first part of each path, outside quoted text.
    static func identifiers(in expr: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quote: Character? = nil
        var afterDot = false
        func flush() {
            if !current.isEmpty && !afterDot { out.append(current) }
            current = ""
        }
        for c in expr {
            if let q = quote {
                if c == q || (q == "“" && c == "”") || (q == "‘" && c == "’") { quote = nil }
                continue
            }
            if c == "\"" || c == "'" || c == "“" || c == "‘" { flush(); quote = c; afterDot = false; continue }
            if c.isLetter || c.isNumber || c == "_" {
                current.append(c)
            } else {
                flush()
                afterDot = c == "." || c == "["
            }
        }
        flush()
        return out
    }
}
